/**
 * The events a scripted turn produces: agent and human messages (block or streamed), the
 * completed-`ready` payload and the error traceback text.
 */
import type { Agent, Json, ParlantEvent } from '../core/types';
import type { IdSource } from './ids';
import type { ScriptStep, ScriptTurn } from './scripts';
import { saysPreamble } from './preamble';
import { participantJson } from './seed';
import type { EmulatorStore } from './state';
import type { ResolvedTiming } from './types';

/** What message emission needs from the running turn. @example await emitMessage(io, { type: 'message', text: 'Hi' }); */
export interface TurnIO {
  sessionId: string;
  store: EmulatorStore;
  ids: IdSource;
  timing: ResolvedTiming;
  /** AI messages the turn has sent so far. */
  messagesSent(): number;
  /** Appends an ai_agent event under the turn's trace id (throws once the turn is cancelled). */
  emit(kind: ParlantEvent['kind'], data: Json, metadata?: Record<string, Json>): ParlantEvent;
  pause(ms: number): Promise<void>;
  check(): void;
}

/** Ids the engine matched during a run, listed by the `ready` that ends it. @example const m: MatchedIds = { guidelines: ['g1'] }; */
export interface MatchedIds {
  guidelines?: string[];
  journeys?: string[];
  journeyStates?: string[];
}

/**
 * The `ready` payload that ends every run: Parlant lists what matched as `[{id}]`.
 * @example completedReady({ guidelines: ['g1'] }).matched_guidelines // [{ id: 'g1' }]
 */
export function completedReady(matched: MatchedIds = {}): { [key: string]: Json } {
  const ids = (list: string[] = []) => list.map((id) => ({ id }));
  return {
    stage: 'completed',
    matched_guidelines: ids(matched.guidelines),
    matched_journeys: ids(matched.journeys),
    matched_journey_states: ids(matched.journeyStates),
  };
}

/** `Name: message` of anything thrown. @example describe(new TypeError('x')) === 'TypeError: x'; */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A Python-looking traceback ending in `last`, as Parlant puts in `error` status events. @example traceback('RuntimeError: boom'); */
export function traceback(last: string): string {
  return `Traceback (most recent call last):\n  File "parlant/core/engines/alpha/engine.py", line 312, in process\n    await self._do_process(context)\n${last}`;
}

/** Splits text into word chunks that keep their spacing. @example splitChunks('a b') // ['a ', 'b'] */
export function splitChunks(text: string): string[] {
  const pieces = text.match(/\s*\S+\s*/g);
  return pieces && pieces.length > 0 ? pieces : [text];
}

/**
 * The messages one reply becomes: canned composition modes send each paragraph (split at blank
 * lines) as a message of its own, fluid composition sends the text as one message.
 * @example replyParts('a\n\nb', 'canned_fluid'); // ['a', 'b']
 */
export function replyParts(text: string, mode: string | undefined): string[] {
  if (mode === undefined || mode === 'fluid') return [text];
  const parts = text.trim().split('\n\n');
  return parts.length > 0 ? parts : [text];
}

/**
 * Emits one scripted message the way Parlant's composers do. Fluid: `typing`, then the message.
 * Canned modes: per paragraph `typing`, message, `ready {}` (strict mode sends its first message
 * without `typing`). Streamed messages (canned_fluid agents in `stream` output mode, or
 * `stream: true`) arrive with `chunks`, updated in place. Humans post bare messages under their
 * own trace id, since in Parlant they arrive through a separate request.
 * @example await emitMessage(io, { type: 'message', text: 'Hello!' });
 */
export async function emitMessage(io: TurnIO, step: Extract<ScriptStep, { type: 'message' }>): Promise<void> {
  const { store, timing, ids } = io;
  const session = store.record(io.sessionId).session;
  const agent: Agent = store.agents.get(session.agent_id)?.agent ?? { id: session.agent_id, name: 'Agent', description: null };
  const source = step.source ?? 'ai_agent';
  const participant = participantJson(
    step.participant ?? (source === 'human_agent' ? { display_name: 'Human agent' } : { id: agent.id, display_name: agent.name }),
  );
  const extra: { [key: string]: Json } = step.tags ? { tags: step.tags } : {};
  if (step.draft !== undefined && source !== 'human_agent') {
    extra.draft = step.draft;
    extra.canned_responses = step.cannedResponses ?? [];
  }
  await io.pause(timing.stepMs);
  if (source !== 'ai_agent') {
    io.check();
    const data = { message: step.text, participant, ...extra };
    store.append(io.sessionId, { kind: 'message', source, trace_id: ids.trace(), data, metadata: step.metadata ?? null });
    return;
  }
  const mode = agent.composition_mode;
  const streamed = step.stream ?? (mode === 'canned_fluid' && agent.message_output_mode === 'stream');
  for (const part of streamed ? [step.text] : replyParts(step.text, mode)) {
    if (!(mode === 'strict_canned' && io.messagesSent() === 0)) {
      io.emit('status', { status: 'typing', data: {} });
      await io.pause(timing.stepMs);
    }
    if (streamed) await streamMessage(io, part, participant, step.metadata);
    else io.emit('message', { message: part, participant, ...extra }, step.metadata);
    if (streamed || mode !== 'fluid') io.emit('status', { status: 'ready', data: {} });
  }
}

async function streamMessage(io: TurnIO, text: string, participant: Json, metadata?: Record<string, Json>): Promise<void> {
  const { store, timing } = io;
  const pieces = splitChunks(text);
  const chunks: Array<string | null> = [pieces[0] ?? ''];
  const dataOf = () => ({ message: chunks.join(''), participant, chunks: [...chunks] });
  const event = io.emit('message', dataOf(), metadata);
  try {
    for (const piece of pieces.slice(1)) {
      await io.pause(timing.chunkMs);
      chunks.push(piece);
      store.updateData(io.sessionId, event.id, dataOf());
    }
  } finally {
    // Even when cancelled, terminate the chunks so no client follows the message forever.
    chunks.push(null);
    if (store.sessions.has(io.sessionId)) store.updateData(io.sessionId, event.id, dataOf());
  }
}

/**
 * What an agent says when asked to greet (`allow_greeting`) without a configured greeting. A
 * fluid or strict agent without guidelines says nothing; canned_fluid and composited_canned
 * agents answer their own preamble.
 * @example defaultGreeting({ id: 'a', name: 'Haxon', description: null, composition_mode: 'fluid' }); // null
 */
export function defaultGreeting(agent: Agent): string | null {
  return saysPreamble(agent) ? `Hi! I'm ${agent.name}. How can I help you today?` : null;
}

/**
 * What a script is told about its turn. For `prompt` turns (an ai_agent POST) the text is the
 * customer's latest message, so "regenerate" answers it again.
 * @example const turn = buildTurn({ store, ids, timing }, sid, traceId, 'message', customerEvent);
 */
export function buildTurn(
  deps: { store: EmulatorStore; ids: IdSource; timing: ResolvedTiming },
  sessionId: string,
  traceId: string,
  reason: ScriptTurn['reason'],
  trigger: ParlantEvent | null,
): ScriptTurn {
  const { store, ids, timing } = deps;
  const rec = store.record(sessionId);
  const session = structuredClone(rec.session);
  const agentRec = store.agents.get(session.agent_id);
  const agent: Agent = agentRec?.agent ?? { id: session.agent_id, name: 'Agent', description: null };
  const said = reason === 'prompt' ? [...rec.events].reverse().find((e) => e.kind === 'message' && e.source === 'customer') : trigger;
  const message = (said?.data as { message?: unknown } | undefined)?.message;
  return {
    reason,
    text: reason !== 'greeting' && typeof message === 'string' ? message : '',
    traceId,
    session,
    agent: structuredClone(agent),
    customer: store.customer(session.customer_id),
    trigger,
    greeting: agentRec?.greeting === undefined ? defaultGreeting(agent) : agentRec.greeting,
    timing,
    random: ids.random,
  };
}
