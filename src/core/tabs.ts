import { systemClock } from './clock';
import type { Connection, ConnectionState } from './connection';
import { ParlantError } from './errors';
import { createIngest, type Ingest } from './ingest';
import { watchPage, type PageWatcher } from './page';
import { parseEventList } from './parse';
import { finalState } from './policy';
import { createEventPoller, type EventPoller, type EventPollerOptions } from './poller';
import type { ParlantEvent } from './types';
import { serialized } from './serialized';

/** The browser APIs tab sharing needs; absent ones turn it off. */
interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

type Broadcast =
  /** `cursor`: the whole answer from the sender's cursor on (a poll), not events that came on their own. */
  | { type: 'events'; events: readonly unknown[]; cursor: boolean }
  | { type: 'cursor'; nextOffset: number }
  | { type: 'connection'; state: ConnectionState; retryInMs?: number }
  /** A tab's customer asked to retry now: the polling tab should. */
  | { type: 'wake' };

/**
 * Batches larger than this are not copied to the other tabs (copying a 10,000-event history took
 * longer than loading it); they hear where the timeline now ends and fetch what they lack.
 */
const BROADCAST_LIMIT = 200;

/**
 * One long-poll per session per browser, however many widgets and tabs show it: a transport that
 * feeds the same ingest path as the poll. The tab holding a Web Lock named after the server and
 * session polls; every tab passes on what it ingests from the server (polls, its own sends) on a
 * BroadcastChannel, and ingests what the others pass on. A large batch goes out as its end offset
 * only, and a tab that finds a gap before a batch fetches the missing events itself. The polling
 * tab also passes on its connection state; "Retry now" in any tab wakes it. When the polling tab
 * closes, or goes into the back/forward cache (which must not be blocked by a held lock), the lock
 * passes to the next tab. Without Web Locks or BroadcastChannel this is a plain {@link createEventPoller}.
 * Six open tabs therefore hold one connection, not six (browsers allow six per host on HTTP/1.1).
 * @example
 * const poller = createSharedEventPoller({ client, store, sessionId: 'sess_1' });
 * poller.start();
 */
export function createSharedEventPoller(options: EventPollerOptions): EventPoller {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  const Channel = globalThis.BroadcastChannel;
  if (!locks || !Channel) return createEventPoller(options);

  const { client, store, sessionId, onError } = options;
  const clock = options.clock ?? systemClock;
  const ingest: Ingest = options.ingest ?? createIngest({ store, ...(onError && { onError }) });
  const name = `parlant-chatbox:${client.server}|${sessionId}`;
  let running = false;
  let leader: EventPoller | null = null;
  let channel: BroadcastChannel | null = null;
  let work: AbortController | null = null;
  let releaseLock: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  let page: PageWatcher | null = null;
  let unwatch: (() => void) | null = null;
  const post = (message: Broadcast) => channel?.postMessage(message);

  // One fetch at a time; a request that comes in meanwhile runs once more after it (the running
  // one may have been answered before the events that prompted the request existed).
  const catchUp = serialized(
    () => fetchMissing(work?.signal),
    () => running && !leader,
  );
  const fetchMissing = async (signal: AbortSignal | undefined) => {
    if (!signal || signal.aborted) return;
    try {
      const result = await client.listEvents(sessionId, { minOffset: store.getState().nextOffset, waitForData: 0 }, { signal });
      if (signal.aborted || leader || result.timedOut) return;
      ingest(result.events);
      store.getState().setHistoryLoaded();
      store.getState().reportConnection('ok', clock.now());
    } catch (error) {
      if (!(error instanceof ParlantError) || error.kind === 'aborted' || signal.aborted) return;
      onError?.(error);
      // The polling tab retries; a verdict no retry changes is this tab's to show too.
      const final = finalState(error);
      if (final && !leader) store.getState().reportConnection(final, clock.now(), { error });
    }
  };

  const onMessage = (event: MessageEvent<Broadcast>) => {
    const message = event.data;
    if (message?.type === 'wake') return leader?.reconnect();
    if (leader) return;
    if (message?.type === 'events') {
      const { events } = parseEventList(message.events);
      if (!message.cursor) return void ingest(events, { cursor: false, fromTab: true });
      // Offsets are consecutive: a batch that starts past our end means we missed one.
      if ((events[0]?.offset ?? 0) > store.getState().nextOffset) return void catchUp();
      ingest(events, { fromTab: true });
      store.getState().setHistoryLoaded();
    } else if (message?.type === 'cursor') {
      if (message.nextOffset > store.getState().nextOffset) void catchUp();
    } else if (message?.type === 'connection') {
      const current = store.getState().connection;
      const mirrored: Connection = { state: message.state, since: current.state === message.state ? current.since : clock.now() };
      if (message.retryInMs !== undefined) mirrored.retryAt = clock.now() + message.retryInMs;
      store.getState().setConnection(mirrored);
    }
  };

  const lead = () =>
    new Promise<void>((release) => {
      if (!running) return release();
      releaseLock = release;
      leader = createEventPoller({ ...options, ingest, ...(page && { page }) });
      unsubscribe = store.subscribe((state, previous) => {
        const { connection } = state;
        if (connection === previous.connection) return;
        const message: Broadcast = { type: 'connection', state: connection.state };
        if (connection.retryAt !== undefined) message.retryInMs = Math.max(0, connection.retryAt - clock.now());
        post(message);
      });
      leader.start();
    });

  const begin = () => {
    running = true;
    channel = new Channel(name);
    channel.onmessage = onMessage;
    work = new AbortController();
    const signal = work.signal;
    ingest.broadcastTo((events: readonly ParlantEvent[], cursor: boolean) =>
      post(events.length > BROADCAST_LIMIT && cursor ? { type: 'cursor', nextOffset: store.getState().nextOffset } : { type: 'events', events, cursor }),
    );
    store.getState().reportConnection('start', clock.now());
    // Lead at once when no other tab does; otherwise load the history and wait in line.
    locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (lock) return lead();
        void catchUp();
        locks.request(name, { signal }, lead).catch(() => undefined);
      })
      .catch(() => undefined);
  };
  const end = () => {
    running = false;
    work?.abort();
    leader?.stop();
    leader = null;
    unsubscribe?.();
    releaseLock?.();
    ingest.broadcastTo(null);
    channel?.close();
    channel = null;
  };

  const shared: EventPoller = {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      page = options.page ?? watchPage(options.environment);
      // Away in the back/forward cache, a held lock or an open channel would keep the page out
      // of it: let go, and take part again when it comes back.
      unwatch = page.subscribe((signal) => {
        if (signal === 'away' && running) end();
        else if (signal === 'back' && !running && page) begin();
      });
      begin();
    },
    stop() {
      unwatch?.();
      unwatch = null;
      if (running) end();
      if (!options.page) page?.dispose();
      page = null;
    },
    reconnect() {
      if (!running) return shared.start();
      if (leader) return leader.reconnect();
      post({ type: 'wake' });
      void catchUp();
    },
  };
  return shared;
}
