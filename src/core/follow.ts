import type { ParlantClient } from './client';
import { backoffDelay, interruptibleSleep, systemClock, type Clock } from './clock';
import { ParlantError } from './errors';
import { isStreaming } from './events';
import type { Ingest } from './ingest';
import type { TimelineStore } from './timeline';

const MAX_ATTEMPTS = 8;
const LIST_INTERVAL_MS = 1000;
/** Statuses telling that single events cannot be read here (Parlant's production policy forbids it). */
const NO_SINGLE_READS = new Set([403, 404, 405]);

/**
 * Follows agent messages that are still being written: the session's event list sends such a
 * message once, so its growth is read from the event's own stream and ingested in place. A broken
 * stream keeps the partial text and is re-read with backoff; where the server forbids reading
 * single events (Parlant's production policy), the list is re-read from that message's offset
 * instead. Returns a function that stops following: every request and wait ends with it.
 * @example const stop = followStreamingMessages({ client, store, ingest, sessionId: 'sess_1' });
 */
export function followStreamingMessages(options: {
  client: ParlantClient;
  store: TimelineStore;
  ingest: Ingest;
  sessionId: string;
  clock?: Clock;
  onError?: (error: ParlantError) => void;
}): () => void {
  const { client, store, ingest, sessionId, onError } = options;
  const clock = options.clock ?? systemClock;
  const following = new Set<string>();
  const controller = new AbortController();
  const { signal } = controller;
  const current = (id: string) => store.getState().events.find((e) => e.id === id);

  async function follow(id: string) {
    let viaList = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && isStreaming(current(id)) && !signal.aborted; attempt += 1) {
      try {
        if (viaList) {
          const offset = current(id)?.offset ?? 0;
          const result = await client.listEvents(sessionId, { minOffset: offset, waitForData: 0 }, { signal });
          if (!signal.aborted && !result.timedOut) ingest(result.events);
        } else {
          await client.followEvent(sessionId, id, (event) => void (signal.aborted || ingest([event], { cursor: false })), { signal });
        }
      } catch (error) {
        if (!(error instanceof ParlantError) || error.kind === 'aborted' || signal.aborted) return;
        onError?.(error);
        if (NO_SINGLE_READS.has(error.status)) viaList = true;
      }
      if (!isStreaming(current(id))) return;
      await interruptibleSleep(clock, viaList ? LIST_INTERVAL_MS : backoffDelay(attempt, clock.random, 500, 8000), signal).done;
    }
  }

  const check = () => {
    for (const event of store.getState().events.slice(-20)) {
      if (!following.has(event.id) && isStreaming(event)) {
        following.add(event.id);
        void follow(event.id).finally(() => following.delete(event.id));
      }
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.events !== previous.events && !signal.aborted) check();
  });
  check();
  return () => {
    unsubscribe();
    controller.abort();
  };
}
