/**
 * The preamble phase of a turn, as Parlant 3.3's engine runs it: a task of its own, started
 * right after `acknowledged`, that the turn's cancellation does not stop. When a preamble is
 * due it waits, sends the preamble (a short message in the canned composition modes, nothing
 * in fluid and strict modes), then `ready {}`, waits again, then `processing {stage:
 * "Interpreting"}`. When none is due it sends `processing` at once.
 */
import type { Agent, Json, ParlantEvent } from '../core/types';

/** The tag Parlant puts on preamble messages. @example data.tags.includes(PREAMBLE_TAG); */
export const PREAMBLE_TAG = '__preamble__';

/** Words of the emulated preamble, picked like Parlant's default examples. @example PREAMBLES.includes('Got it'); */
export const PREAMBLES = ['Got it', 'Just a moment', 'Understood', 'Let me check that for you'];

/** Customer waits of this many seconds or more, twice in a row, bring the preamble back. */
const LONG_WAIT_SECONDS = 5;

const isAgentMessage = (e: ParlantEvent) => e.kind === 'message' && e.source === 'ai_agent';

/**
 * Whether a turn starts with a preamble, by Parlant's perceived-performance policy: not right
 * after a preamble; always while the customer has been answered at most twice; afterwards only
 * when the last two answers each took 5 s or more (measured by `creation_utc`).
 * @example preambleDue(emu.events(sessionId)); // true for a new session
 */
export function preambleDue(events: readonly ParlantEvent[]): boolean {
  const lastAgentMessage = [...events].reverse().find(isAgentMessage);
  const lastTags = (lastAgentMessage?.data as { tags?: unknown } | undefined)?.tags;
  if (Array.isArray(lastTags) && lastTags.includes(PREAMBLE_TAG)) return false;
  const waits: number[] = [];
  for (const customer of events.filter((e) => e.kind === 'message' && e.source === 'customer')) {
    const answer = events.find((e) => isAgentMessage(e) && e.offset > customer.offset);
    if (!answer) break;
    waits.push((Date.parse(answer.creation_utc) - Date.parse(customer.creation_utc)) / 1000);
  }
  if (waits.length <= 2) return true;
  return waits.slice(-2).every((w) => w >= LONG_WAIT_SECONDS);
}

/** Whether agents in this composition mode say a preamble message (strict modes need canned preambles the emulator has not). @example saysPreamble(agent); */
export function saysPreamble(agent: Agent): boolean {
  return agent.composition_mode === 'canned_fluid' || agent.composition_mode === 'composited_canned';
}

/** What the preamble task needs from its turn. @example await runPreamble(io, agent, true); */
export interface PreambleIO {
  emit(kind: ParlantEvent['kind'], data: Json): void;
  /** Waits; rejects when the session goes away (not when the turn is cancelled). */
  pause(ms: number): Promise<void>;
  timing: { preambleMs: number | [number, number]; processingMs: number | [number, number] };
  random(): number;
}

/** A pause: fixed, or drawn from a `[min, max]` range. @example pauseOf([1500, 2000], Math.random); */
export function pauseOf(ms: number | [number, number], random: () => number): number {
  return Array.isArray(ms) ? ms[0] + random() * (ms[1] - ms[0]) : ms;
}

/**
 * Runs the preamble task of a turn.
 * @example const preamble = runPreamble(io, agent, preambleDue(events));
 */
export async function runPreamble(io: PreambleIO, agent: Agent, due: boolean): Promise<void> {
  if (due) {
    await io.pause(pauseOf(io.timing.preambleMs, io.random));
    if (saysPreamble(agent)) {
      io.emit('status', { status: 'typing', data: {} });
      const words = PREAMBLES[Math.floor(io.random() * PREAMBLES.length)] ?? 'Got it';
      io.emit('message', { message: words, participant: { id: agent.id, display_name: agent.name }, tags: [PREAMBLE_TAG] });
    }
    io.emit('status', { status: 'ready', data: {} });
    await io.pause(pauseOf(io.timing.processingMs, io.random));
  }
  io.emit('status', { status: 'processing', data: { stage: 'Interpreting' } });
}
