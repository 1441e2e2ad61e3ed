import type { ParlantClient } from './client';
import { ParlantError } from './errors';
import { statusData, toolCalls } from './events';
import type { TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

/**
 * Keeps the store's description of the session (`state.session`: mode, title, metadata) as the
 * server has it: read once when a resumed session's history has loaded, and again whenever an
 * event says the conversation may have changed hands (a tool result that sets `control.mode`, a
 * message from a human operator). One read at a time; a signal during a read reads once more
 * after it. Returns a function that stops (and aborts the read in flight).
 * @example const stop = followSessionFacts({ client, store });
 */
export function followSessionFacts(options: { client: ParlantClient; store: TimelineStore; onError?: (error: ParlantError) => void }): () => void {
  const { client, store, onError } = options;
  const controller = new AbortController();
  let reading = false;
  let again = false;

  const read = async () => {
    if (reading) return void (again = true);
    reading = true;
    do {
      again = false;
      const sessionId = store.getState().sessionId;
      if (!sessionId || controller.signal.aborted) break;
      try {
        store.getState().setSessionInfo(await client.getSession(sessionId, { signal: controller.signal }));
      } catch (error) {
        if (error instanceof ParlantError && error.kind !== 'aborted' && !controller.signal.aborted) onError?.(error);
      }
    } while (again && !controller.signal.aborted);
    reading = false;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.historyLoaded && !previous.historyLoaded && state.session === null) return void read();
    if (state.events === previous.events || !state.historyLoaded) return;
    const from = previous.events.length <= state.events.length && state.events[previous.events.length - 1] === previous.events.at(-1) ? previous.events.length : Math.max(0, state.events.length - 20);
    if (state.events.slice(from).some(changesHands)) void read();
  });
  if (store.getState().historyLoaded && store.getState().session === null) void read();
  return () => {
    unsubscribe();
    controller.abort();
  };
}

/** An event after which the session's mode may have changed. */
function changesHands(event: ParlantEvent): boolean {
  if (event.kind === 'message' && event.source === 'human_agent') return true;
  return toolCalls(event).some((call) => call.result.control?.mode !== undefined);
}

/**
 * Who answers now: `manual` when a human operator has the conversation, from the latest event
 * that says so (a tool result setting `control.mode`, a human operator's message, the engine
 * acknowledging again) or, without one, from the session as the server described it.
 * @example if (sessionMode(state) === 'manual') showOperatorBanner();
 */
export function sessionMode(state: { events: readonly ParlantEvent[]; session: { mode: string } | null }): 'auto' | 'manual' {
  const { events } = state;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message' && event.source === 'human_agent') return 'manual';
    const mode = toolCalls(event)
      .map((call) => call.result.control?.mode)
      .findLast((m) => m !== undefined);
    if (mode) return mode === 'manual' ? 'manual' : 'auto';
    const status = statusData(event)?.status;
    if (event.source === 'ai_agent' && (status === 'acknowledged' || status === 'processing')) return 'auto';
  }
  return state.session?.mode === 'manual' ? 'manual' : 'auto';
}
