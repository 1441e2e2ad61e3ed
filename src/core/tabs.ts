import { ParlantError } from './errors';
import { parseEventList } from './parse';
import { createEventPoller, terminalState, type EventPoller, type EventPollerOptions } from './poller';
import type { ConnectionState } from './timeline';

/** The browser APIs tab sharing needs; absent ones turn it off. */
interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

type Broadcast =
  | { type: 'events'; events: readonly unknown[] }
  | { type: 'cursor'; nextOffset: number }
  | { type: 'connection'; state: ConnectionState };

/**
 * Batches larger than this are not copied to the other tabs (copying a 10,000-event history took
 * longer than loading it); they hear where the timeline now ends and fetch what they lack.
 */
const BROADCAST_LIMIT = 200;

/**
 * One long-poll per session per browser, however many widgets and tabs show it. The tab holding
 * a Web Lock named after the server and session polls and broadcasts every batch (and its
 * connection state) on a BroadcastChannel; the others load the history once and then listen. A
 * large batch goes out as its end offset only, and a tab that finds a gap before a batch fetches
 * the missing events itself instead of merging around the hole.
 * When the polling tab closes, its lock passes to the next tab, which takes over. Without Web
 * Locks or BroadcastChannel (old browsers, tests) this is a plain {@link createEventPoller}.
 * Six open tabs therefore hold one connection, not six (browsers allow six per host on HTTP/1.1).
 * @example
 * const poller = createSharedEventPoller({ client, store, sessionId: 'sess_1' });
 * poller.start();
 */
export function createSharedEventPoller(options: EventPollerOptions): EventPoller {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const Channel = globalThis.BroadcastChannel;
  if (!locks || !Channel) return createEventPoller(options);

  const { client, store, sessionId } = options;
  const name = `parlant-chatbox:${client.server}|${sessionId}`;
  let running = false;
  let leader: EventPoller | null = null;
  let channel: BroadcastChannel | null = null;
  let lockRequest: AbortController | null = null;
  let releaseLock: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;

  // One fetch at a time; a request that comes in meanwhile runs once more after it (the running
  // one may have been answered before the events that prompted the request existed).
  let catching = false;
  let again = false;
  const catchUp = async () => {
    if (catching) return void (again = true);
    catching = true;
    do {
      again = false;
      await fetchMissing();
    } while (again && running && !leader);
    catching = false;
  };
  const fetchMissing = async () => {
    try {
      const result = await client.listEvents(sessionId, { minOffset: store.getState().nextOffset, waitForData: 0 });
      if (!running || leader || result.timedOut) return;
      store.getState().merge(result.events);
      store.getState().setHistoryLoaded();
      if (store.getState().connection.state === 'idle' || store.getState().connection.state === 'connecting') {
        store.getState().setConnection({ state: 'live', since: performance.now() });
      }
    } catch (error) {
      // The client only rejects with ParlantError; the leader's loop handles retries, but a
      // verdict no retry changes is this tab's to show too.
      if (!(error instanceof ParlantError)) return;
      options.onError?.(error);
      const verdict = terminalState(error, true);
      if (verdict && verdict !== 'resync' && running && !leader) store.getState().setConnection({ state: verdict, since: performance.now(), error });
    }
  };

  const onMessage = (event: MessageEvent<Broadcast>) => {
    if (leader) return;
    const message = event.data;
    if (message?.type === 'events') {
      const { events } = parseEventList(message.events);
      // Offsets are consecutive: a batch that starts past our end means we missed one.
      if ((events[0]?.offset ?? 0) > store.getState().nextOffset) return void catchUp();
      store.getState().merge(events);
      store.getState().setHistoryLoaded();
    } else if (message?.type === 'cursor') {
      if (message.nextOffset > store.getState().nextOffset) void catchUp();
    } else if (message?.type === 'connection') {
      store.getState().setConnection({ state: message.state, since: performance.now() });
    }
  };

  const lead = () =>
    new Promise<void>((release) => {
      if (!running) return release();
      releaseLock = release;
      const broadcast = (message: Broadcast) => channel?.postMessage(message);
      leader = createEventPoller({
        ...options,
        onBatch: (events) => broadcast(events.length > BROADCAST_LIMIT ? { type: 'cursor', nextOffset: store.getState().nextOffset } : { type: 'events', events }),
      });
      unsubscribe = store.subscribe((state, previous) => {
        if (state.connection.state !== previous.connection.state) channel?.postMessage({ type: 'connection', state: state.connection.state } satisfies Broadcast);
      });
      leader.start();
    });

  const shared: EventPoller = {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      channel = new Channel(name);
      channel.onmessage = onMessage;
      lockRequest = new AbortController();
      const signal = lockRequest.signal;
      // Lead at once when no other tab does; otherwise load the history and wait in line.
      locks
        .request(name, { ifAvailable: true }, async (lock) => {
          if (lock) return lead();
          void catchUp();
          locks.request(name, { signal }, lead).catch(() => undefined);
        })
        .catch(() => undefined);
    },
    stop() {
      if (!running) return;
      running = false;
      lockRequest?.abort();
      leader?.stop();
      leader = null;
      unsubscribe?.();
      releaseLock?.();
      channel?.close();
      channel = null;
    },
    pollNow() {
      if (leader) leader.pollNow();
      else if (running) void catchUp();
      else shared.start();
    },
  };
  return shared;
}
