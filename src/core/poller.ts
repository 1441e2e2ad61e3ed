import type { ParlantClient } from './client';
import { interruptibleSleep, systemClock, type Clock } from './clock';
import type { ConnectionInput } from './connection';
import { ParlantError } from './errors';
import { createIngest, type Ingest } from './ingest';
import { watchPage, type PageEnvironment, type PageWatcher } from './page';
import { finalState, retryDelay } from './policy';
import { EARLY_TIMEOUT_MS, longPollRound, streamRound, type Outcome } from './rounds';
import type { TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

/** How events travel: long-polling (default), server-sent events, or SSE with a long-poll fallback. @example createEventPoller({ client, store, sessionId, transport: 'auto' }); */
export type EventTransport = 'long-poll' | 'sse' | 'auto';

/** Options of {@link createEventPoller}. @example const o: EventPollerOptions = { client, store, sessionId: 's1' }; */
export interface EventPollerOptions {
  client: ParlantClient;
  store: TimelineStore;
  sessionId: string;
  /** Where events go; by default straight into `store`. */
  ingest?: Ingest;
  /** Long-poll seconds, read before each request; default 50, under the 60 s idle timeout of common proxies. */
  waitForData?: number | (() => number);
  clock?: Clock;
  /** The page to follow (online, visibility, back/forward cache); default one watching `environment`. */
  page?: PageWatcher;
  /** Where page events come from when no `page` is given; default `window`, `null` for none. */
  environment?: PageEnvironment | null;
  /** Every failure and dropped malformed event, for the host's logs (never shown to customers). */
  onError?: (error: ParlantError) => void;
  /**
   * `long-poll` (default), `sse` (a server-sent-events stream per `waitForData` window), or
   * `auto` (SSE, falling back to long-polling for good when the server lacks it or streams keep failing).
   */
  transport?: EventTransport;
}

/** A running long-poll loop. @example poller.start(); poller.stop(); */
export interface EventPoller {
  /** Starts (or restarts after `ended`/`unauthorized`/`failed`) the loop. Idempotent while running. */
  start(): void;
  /** Aborts the request in flight and ends the loop; nothing is updated afterwards. */
  stop(): void;
  /** Skips any wait and polls now (the "Retry now" button, tab shown again), even while offline. */
  reconnect(): void;
  readonly running: boolean;
}

const OFFLINE_PROBE_MS = 30_000;
/** Away in the back/forward cache or frozen: no request until the page comes back. */
const AWAY_MS = 60 * 60_000;
const MIN_WAIT_S = 5;
const SSE_FAILURE_LIMIT = 3;
const QUICK_CLOSE_LIMIT = 3;
const MIN_EMPTY_INTERVAL_MS = 1000;
const EMPTY_STREAK_LIMIT = 10;

/** One run of the loop, from start() to stop(): a restart never shares any of it. */
interface Run {
  alive: boolean;
  request: AbortController | null;
  nap: { wake(): void } | null;
  requestStarted: number;
  requestWait: number;
  /** "Retry now": make the next request even while offline. */
  probe: boolean;
  /** When the current wait began, and the earliest time a failure lets the next request go. */
  napStarted: number;
  notBefore: number;
}

/**
 * Creates the poll loop of one session: loads the history with `wait_for_data=0`, then polls
 * from the highest offset seen + 1 (read from the store when each request starts), with exactly
 * one request in flight. Parlant's JSON 504 means "nothing new": poll again at once. Everything
 * else goes through the failure policy (policy.ts): back off and retry, or stop in a final state.
 * Pauses while offline (probing every 30 s) and while the page is in the back/forward cache or
 * frozen, and polls at once when it comes back.
 * @example
 * const poller = createEventPoller({ client, store, sessionId: 'sess_1' });
 * poller.start();
 * // later
 * poller.stop();
 */
export function createEventPoller(options: EventPollerOptions): EventPoller {
  const { client, store, sessionId, onError } = options;
  const clock = options.clock ?? systemClock;
  const ingest = options.ingest ?? createIngest({ store, ...(onError && { onError }) });
  const waitFor = () => (typeof options.waitForData === 'function' ? options.waitForData() : (options.waitForData ?? 50));
  let run: Run | null = null;
  let page: PageWatcher | null = null;
  let unsubscribe: (() => void) | null = null;

  async function loop(r: Run): Promise<void> {
    const report = (input: ConnectionInput, extra?: { error?: ParlantError; retryAt?: number }) => {
      if (r.alive) store.getState().reportConnection(input, clock.now(), extra);
    };
    const nap = async (ms: number) => {
      const sleep = interruptibleSleep(clock, ms);
      r.nap = sleep;
      r.napStarted = clock.now();
      await sleep.done;
      r.nap = null;
    };
    let transport = options.transport ?? 'long-poll';
    /** The longest wait a proxy in front of the server lets through, once one was seen cutting. */
    let cut = Infinity;
    let failures = 0;
    let sseFailures = 0;
    let quickCloses = 0;
    let emptyStreak = 0;
    let resynced = false;
    report('start');
    while (r.alive) {
      const watcher = page as PageWatcher;
      if (!watcher.present) {
        await nap(AWAY_MS);
        continue;
      }
      if (!watcher.online && !r.probe) {
        report('offline');
        // Probe now and then (the browser may be wrong about being offline), but never sooner
        // than a wait the server asked for; only the network coming back, or Retry now, cuts it short.
        await nap(Math.max(OFFLINE_PROBE_MS, r.notBefore - clock.now()));
        if (!r.alive || watcher.online || !watcher.present) continue;
        if (clock.now() < Math.max(r.napStarted + OFFLINE_PROBE_MS, r.notBefore) && !r.probe) continue;
      }
      r.probe = false;
      const { nextOffset, historyLoaded, connection } = store.getState();
      // Until the connection is known to be live (the history load, after a failure, a restart,
      // the network coming back) ask without waiting, so the customer hears at once that it is.
      const probing = !historyLoaded || connection.state !== 'live';
      const requestWait = probing ? 0 : Math.min(cut, waitFor());
      const started = clock.now();
      const streaming = !probing && transport !== 'long-poll';
      const controller = new AbortController();
      Object.assign(r, { request: controller, requestStarted: started, requestWait });
      const request = {
        client,
        sessionId,
        minOffset: nextOffset,
        wait: requestWait,
        started,
        now: () => clock.now(),
        signal: controller.signal,
        accept: (events: readonly ParlantEvent[]) => (r.alive ? (report('ok'), ingest(events)) : 0),
        dropped: (count: number) => onError?.(new ParlantError({ kind: 'invalid-response', status: 200, message: `Dropped ${count} malformed event(s)` })),
      };
      let outcome: Outcome;
      try {
        outcome = await (streaming ? streamRound(request) : longPollRound(request, () => store.getState().nextOffset));
      } catch (error) {
        const failure = error instanceof ParlantError ? error : new ParlantError({ kind: 'network', message: String(error), cause: error });
        outcome = { kind: 'failed', error: failure };
      }
      if (r.request === controller) r.request = null;
      if (!r.alive) return;
      // Offline, away, or an overdue poll dropped: whatever the request came to, we ended it.
      if (controller.signal.aborted || (outcome.kind === 'failed' && outcome.error.kind === 'aborted')) continue;
      if (outcome.kind === 'idle' || (outcome.kind === 'news' && (outcome.moved || probing))) {
        if (!historyLoaded) store.getState().setHistoryLoaded();
        // A probe that found nothing new proves the server answers, not that it behaves: the
        // counters that keep a misbehaving server from being asked too often stay as they are.
        if (outcome.kind === 'idle' || outcome.moved) failures = emptyStreak = quickCloses = 0;
        if (streaming) sseFailures = 0;
        report('ok');
        continue;
      }
      if (outcome.kind === 'no-sse') {
        // The server ignored sse=true: it has no SSE. Long-poll from now on.
        transport = 'long-poll';
        request.accept(outcome.events);
        continue;
      }
      let failure: ParlantError;
      if (outcome.kind === 'news') {
        // A 200 that brought nothing new: a stale cursor or a misbehaving proxy. Never spin.
        if (++emptyStreak <= EMPTY_STREAK_LIMIT) {
          await nap(MIN_EMPTY_INTERVAL_MS - (clock.now() - started));
          continue;
        }
        failure = new ParlantError({ kind: 'invalid-response', status: 200, message: 'Server keeps answering without new events' });
      } else if (outcome.kind === 'closed-early') {
        failure = new ParlantError({ kind: 'http', status: 200, message: 'Event stream closed without events' });
        // Parlant answers a deleted session with 200 and an empty stream: ask the session itself.
        if (++quickCloses >= QUICK_CLOSE_LIMIT) {
          quickCloses = 0;
          failure = await client.getSession(sessionId, { signal: controller.signal }).then(
            () => failure,
            (error: unknown) => (error instanceof ParlantError && error.kind !== 'aborted' ? error : failure),
          );
          if (!r.alive) return;
        }
      } else {
        failure = outcome.error;
      }
      onError?.(failure);
      if (streaming && transport === 'auto' && ++sseFailures >= SSE_FAILURE_LIMIT) {
        // Streams keep failing here (a buffering proxy, say): long-poll for the rest of the session.
        transport = 'long-poll';
        continue;
      }
      const shorter = shortenedWait(failure, clock.now() - started, requestWait);
      if (shorter !== null) {
        cut = shorter;
        continue;
      }
      if (failure.kind === 'http' && failure.status === 422 && !resynced) {
        // The cursor may be what the server rejects: load everything again, once (what is
        // already shown stays; the events merge by id).
        resynced = true;
        store.getState().rewind(0);
        continue;
      }
      const final = finalState(failure);
      if (final) {
        report(final, { error: failure });
        halt();
        return;
      }
      failures += 1;
      const delay = retryDelay(failure, failures, clock.random);
      r.notBefore = clock.now() + delay;
      report('retry', { error: failure, retryAt: r.notBefore });
      await nap(delay);
    }
  }

  const onPage = (signal: string) => {
    const r = run;
    if (!r) return;
    if (signal === 'offline' || signal === 'away') {
      // Say so at once, even in the middle of a backoff wait.
      r.request?.abort();
      return r.nap?.wake();
    }
    if (signal === 'hidden') return;
    if (signal === 'visible') {
      // Back from a hidden tab: timers may have been throttled for minutes and the connection
      // under a long-poll may be long dead. Skip any wait, and drop a poll that should be over.
      const overdue = r.request !== null && clock.now() - r.requestStarted > (r.requestWait + 5) * 1000;
      if (overdue) return r.request?.abort();
    }
    r.nap?.wake();
  };

  function halt() {
    const r = run;
    if (!r) return;
    r.alive = false;
    r.request?.abort();
    r.nap?.wake();
    run = null;
    unsubscribe?.();
    unsubscribe = null;
    if (!options.page) page?.dispose();
    page = null;
  }

  const poller: EventPoller = {
    get running() {
      return run !== null;
    },
    start() {
      if (run) return;
      page = options.page ?? watchPage(options.environment);
      unsubscribe = page.subscribe(onPage);
      run = { alive: true, request: null, nap: null, requestStarted: 0, requestWait: 0, probe: false, napStarted: 0, notBefore: 0 };
      void loop(run);
    },
    stop: halt,
    reconnect() {
      if (!run) return poller.start();
      // Only a wait can be cut short; a request on its way is already the attempt.
      if (!run.nap) return;
      run.probe = true;
      run.nap.wake();
    },
  };
  return poller;
}

/**
 * A proxy that cuts long requests shorter than our wait (an HTML 502/504, or a reset connection,
 * after many seconds) would otherwise turn every idle poll into a failure. Returns a wait below
 * the cut, to poll again with at once, or `null` when this failure was not such a cut.
 */
function shortenedWait(failure: ParlantError, elapsedMs: number, wait: number): number | null {
  const cut = failure.kind === 'network' || (failure.kind === 'http' && (failure.status === 502 || failure.status === 504));
  const shorter = Math.max(MIN_WAIT_S, Math.floor(elapsedMs / 1000) - 2);
  if (!cut || elapsedMs < EARLY_TIMEOUT_MS || wait <= MIN_WAIT_S || shorter >= wait) return null;
  return shorter;
}
