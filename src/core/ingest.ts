import { eventMessage } from './derive';
import { ParlantError } from './errors';
import { statusData } from './events';
import type { ChatMessage } from './model';
import type { TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

/**
 * The one path by which events enter a conversation, whatever brought them: the history load, a
 * long-poll, a server-sent-events stream, a message being streamed, the answer to our own POST, or
 * another tab. It checks them, merges them into the store (by id, later copy wins), tells the
 * host about each new one once, and passes them on to the other tabs.
 */

/**
 * How a batch came: `cursor` — it is the server's whole answer from the cursor on (a poll, a
 * stream, a catch-up), so the cursor moves past it; otherwise the events came on their own (the
 * answer to our POST, an event read again) and must not move it past events not seen yet.
 * `fromTab` — another tab passed it on (it is not passed back).
 * @example ingest([posted], { cursor: false })
 */
export interface IngestOrigin {
  cursor?: boolean;
  fromTab?: boolean;
}

/** Options of {@link createIngest}. @example const o: IngestOptions = { store, onError: console.warn }; */
export interface IngestOptions {
  store: TimelineStore;
  /** Each new event once, as it arrives live (not the history loaded on resume, not again after a re-sync). */
  onEvent?: (event: ParlantEvent) => void;
  /** Each new message from the agent's side once, when complete. */
  onMessage?: (message: ChatMessage) => void;
  /** Events the widget refused (a bad offset, a message without text) and turns the agent failed. */
  onError?: (error: ParlantError) => void;
}

/** Takes events in. @example const changed = ingest(response.events); */
export interface Ingest {
  /** Merges a batch; returns how many events it added or changed. */
  (events: readonly ParlantEvent[], origin?: IngestOrigin): number;
  /** Where batches go to the other tabs (set by tab sharing; `null` to stop). */
  broadcastTo(send: ((events: readonly ParlantEvent[], cursor: boolean) => void) | null): void;
}

/**
 * Offsets count events, one by one from 0. An event this far past the cursor is not one a server
 * could have made (it would pin the cursor there, so nothing after it would ever be asked for).
 */
const MAX_OFFSET_JUMP = 1_000_000;

/**
 * Creates the ingest path of one conversation.
 * @example
 * const ingest = createIngest({ store, onMessage: (m) => console.log(m.text) });
 * ingest(await client.listEvents(sessionId).then((r) => (r.timedOut ? [] : r.events)));
 */
export function createIngest(options: IngestOptions): Ingest {
  const { store } = options;
  const told = new Set<string>();
  /** Agent messages told once complete: still streaming when they arrived. */
  const unfinished = new Set<string>();
  let broadcast: ((events: readonly ParlantEvent[], cursor: boolean) => void) | null = null;
  const report = (message: string) => options.onError?.(new ParlantError({ kind: 'invalid-response', status: 200, message }));

  const ingest = ((batch, origin = {}) => {
    const { nextOffset, historyLoaded } = store.getState();
    const cursor = origin.cursor !== false;
    const events = batch.filter((e) => Number.isSafeInteger(e.offset) && e.offset - nextOffset <= MAX_OFFSET_JUMP);
    if (events.length < batch.length) report(`Dropped ${batch.length - events.length} event(s) with an impossible offset`);
    const changed = store.getState().merge(events, { cursor });
    if (!origin.fromTab && events.length > 0) broadcast?.(events, cursor);
    for (const event of events) tell(event, historyLoaded);
    return changed;
  }) as Ingest;
  ingest.broadcastTo = (send) => {
    broadcast = send;
  };

  function tell(event: ParlantEvent, live: boolean) {
    const first = !told.has(event.id);
    if (first) {
      told.add(event.id);
      if (event.kind === 'message' && typeof (event.data as { message?: unknown } | null)?.message !== 'string') {
        report(`Message event ${event.id} has no text`);
      }
      if (!live) return;
      options.onEvent?.(event);
      const status = statusData(event);
      if (status?.status === 'error') {
        const exception = (status.data as { exception?: unknown } | null)?.exception;
        options.onError?.(new ParlantError({ kind: 'agent', message: 'The agent could not reply', detail: exception ?? status.data }));
      }
      if (event.kind === 'message' && event.source !== 'customer') unfinished.add(event.id);
    }
    if (!unfinished.has(event.id)) return;
    const message = eventMessage(event);
    if (message?.streaming) return;
    unfinished.delete(event.id);
    if (message) options.onMessage?.(message);
  }

  return ingest;
}
