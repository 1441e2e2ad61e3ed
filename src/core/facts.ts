import type { Clock } from './clock';
import { ParlantError } from './errors';
import { statusData, toolCalls } from './events';
import type { ParlantEvent } from './types';
import { serialized } from './serialized';
import type { ConversationParts } from './parts';

/**
 * Keeps the store's description of the session (`state.session`: mode, title, metadata) as the
 * server has it: read once when a resumed session's history has loaded, and again whenever an
 * event says the conversation may have changed hands (a tool result that sets `control.mode`, a
 * message from a human operator). One read at a time; a signal during a read reads once more
 * after it; and once more when a customer message is not acknowledged within 4 s (in manual
 * mode it never is). Returns a function that stops (and aborts the read in flight).
 * @example const stop = followSessionFacts({ client, store });
 */
export function followSessionFacts(options: ConversationParts & { clock: Clock }): () => void {
  const { client, store, clock, onError } = options;
  const controller = new AbortController();
  /** The customer message whose acknowledgement is awaited, and the check that reads the session if it never comes. */
  let awaited: string | null = null;
  let check: unknown = null;

  const read = serialized(async () => {
    const sessionId = store.getState().sessionId;
    if (!sessionId || controller.signal.aborted) return;
    try {
      store.getState().setSessionInfo(await client.getSession(sessionId, { signal: controller.signal }));
    } catch (error) {
      if (error instanceof ParlantError && error.kind !== 'aborted' && !controller.signal.aborted) onError?.(error);
    }
  }, () => !controller.signal.aborted);

  // A customer message the engine does not acknowledge soon: in manual mode it never will, and
  // an operator console may have switched the mode without any event. Ask the session.
  const expectAcknowledgement = (events: readonly ParlantEvent[]) => {
    const last = events.at(-1);
    if (!last || last.kind !== 'message' || last.source !== 'customer' || last.id === awaited) return;
    awaited = last.id;
    clock.clearTimeout(check);
    check = clock.setTimeout(() => {
      if (store.getState().events.at(-1)?.id === awaited) void read();
    }, UNACKNOWLEDGED_MS);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.historyLoaded && !previous.historyLoaded && state.session === null) return void read();
    if (state.events === previous.events || !state.historyLoaded) return;
    const from = previous.events.length <= state.events.length && state.events[previous.events.length - 1] === previous.events.at(-1) ? previous.events.length : Math.max(0, state.events.length - 20);
    if (state.events.slice(from).some(changesHands)) void read();
    expectAcknowledgement(state.events);
  });
  if (store.getState().historyLoaded && store.getState().session === null) void read();
  return () => {
    unsubscribe();
    clock.clearTimeout(check);
    controller.abort();
  };
}

/** How long a customer message may wait for the engine before the session is read. */
const UNACKNOWLEDGED_MS = 4000;

/** An event after which the session's mode may have changed. */
function changesHands(event: ParlantEvent): boolean {
  if (event.kind === 'message' && event.source === 'human_agent') return true;
  return toolCalls(event).some((call) => call.result.control?.mode !== undefined);
}

/**
 * The name of the human operator who last wrote in the conversation, or `null`.
 * @example operatorName(events) // 'Dana (support)'
 */
export function operatorName(events: readonly ParlantEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind !== 'message' || event.source !== 'human_agent') continue;
    const name = (event.data as { participant?: { display_name?: unknown } } | null)?.participant?.display_name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return null;
}

/**
 * Who answers now: `manual` when a human operator has the conversation. The latest event newer
 * than the last session read that says so decides (a tool result setting `control.mode`, a human
 * operator's message, the engine acknowledging a message again); without one, the session as the server
 * described it (an operator console may switch the mode without any event).
 * @example if (sessionMode(state) === 'manual') showOperatorBanner();
 */
export function sessionMode(state: { events: readonly ParlantEvent[]; session: { mode: string } | null; sessionAsOf: number }): 'auto' | 'manual' {
  const { events, session } = state;
  const since = session ? state.sessionAsOf : 0;
  for (let i = events.length - 1; i >= 0 && (events[i] as ParlantEvent).offset >= since; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message' && event.source === 'human_agent') return 'manual';
    const mode = toolCalls(event)
      .map((call) => call.result.control?.mode)
      .findLast((m) => m !== undefined);
    if (mode) return mode === 'manual' ? 'manual' : 'auto';
    // The engine acknowledges a customer message only in automatic mode. (A late `processing`
    // proves nothing: a cancelled turn's preamble task may still send one.)
    if (event.source === 'ai_agent' && statusData(event)?.status === 'acknowledged') return 'auto';
  }
  return session?.mode === 'manual' ? 'manual' : 'auto';
}
