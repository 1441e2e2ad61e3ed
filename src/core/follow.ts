import type { ParlantClient } from './client';
import { backoffDelay, interruptibleSleep, systemClock, type Clock } from './clock';
import { ParlantError } from './errors';
import { messageData } from './events';
import type { TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

const MAX_ATTEMPTS = 8;
const LIST_INTERVAL_MS = 1000;

const writing = (event: ParlantEvent | undefined) => {
  const chunks = event ? messageData(event)?.chunks : undefined;
  return Array.isArray(chunks) && chunks.at(-1) !== null;
};

/**
 * Follows agent messages that are still being written (`chunks` not ending with `null`): the
 * session's event list sends such a message once, so its growth is read from the event's own
 * stream and merged in place. A broken stream keeps the partial text and is re-read with backoff;
 * where the server forbids reading single events (Parlant's production policy), the list is
 * re-read from that message's offset instead. Returns a function that stops following.
 * @example const stop = followStreamingMessages({ client, store, sessionId: 'sess_1' });
 */
export function followStreamingMessages(options: {
  client: ParlantClient;
  store: TimelineStore;
  sessionId: string;
  clock?: Clock;
  onError?: (error: ParlantError) => void;
}): () => void {
  const { client, store, sessionId, onError } = options;
  const clock = options.clock ?? systemClock;
  const following = new Set<string>();
  const controller = new AbortController();
  const current = (id: string) => store.getState().events.find((e) => e.id === id);

  async function follow(id: string) {
    let viaList = false;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && writing(current(id)) && !controller.signal.aborted; attempt += 1) {
      try {
        if (viaList) {
          const offset = current(id)?.offset ?? 0;
          const result = await client.listEvents(sessionId, { minOffset: offset, waitForData: 0 }, { signal: controller.signal });
          store.getState().merge(result.events);
        } else {
          await client.followEvent(sessionId, id, (event) => store.getState().merge([event]), { signal: controller.signal });
        }
      } catch (error) {
        if (!(error instanceof ParlantError) || error.kind === 'aborted') return;
        onError?.(error);
        if (error.status === 403 || error.status === 404 || error.status === 405) viaList = true;
      }
      if (!writing(current(id))) return;
      await interruptibleSleep(clock, viaList ? LIST_INTERVAL_MS : backoffDelay(attempt, clock.random, 500, 8000)).done;
    }
  }

  const check = () => {
    for (const event of store.getState().events.slice(-20)) {
      if (!following.has(event.id) && writing(event)) {
        following.add(event.id);
        void follow(event.id).finally(() => following.delete(event.id));
      }
    }
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.events !== previous.events) check();
  });
  check();
  return () => {
    unsubscribe();
    controller.abort();
  };
}
