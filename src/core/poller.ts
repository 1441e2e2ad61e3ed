import type { ParlantClient } from './client';
import { backoffDelay, interruptibleSleep, systemClock, type Clock } from './clock';
import { ParlantError } from './errors';
import { EARLY_TIMEOUT_MS, longPollRound, sseRound, type Round, type RoundContext, type RoundState, type Step } from './rounds';
import type { ConnectionState, TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

/** Options of {@link createEventPoller}. @example const o: EventPollerOptions = { client, store, sessionId: 's1' }; */
export interface EventPollerOptions {
  client: ParlantClient;
  store: TimelineStore;
  sessionId: string;
  /** Long-poll seconds; default 50, under the 60 s idle timeout of common proxies. */
  waitForData?: number;
  clock?: Clock;
  /** Where `online`/`offline`/`visibilitychange`/`pagehide`/`pageshow` come from; default `window` when present. */
  environment?: PollerEnvironment | null;
  /** Every failure and dropped malformed event, for the host's logs (never shown to customers). */
  onError?: (error: ParlantError) => void;
  /**
   * Called once on a 401/403 before giving up: refresh credentials (the client's `headers`
   * function is called again for the retry). If the retry is refused too, the state is `unauthorized`.
   */
  onAuthError?: (error: ParlantError) => unknown;
  /** Every successful batch as received (used to share one poll loop between tabs). */
  onBatch?: (events: readonly ParlantEvent[]) => void;
  /**
   * `long-poll` (default), `sse` (a server-sent-events stream per `waitForData` window), or
   * `auto` (SSE, falling back to long-polling for good when the server lacks it or streams keep failing).
   */
  transport?: EventTransport;
}

/** The slice of `window`/`document` the poller listens to. @example const env: PollerEnvironment = window; */
export interface PollerEnvironment {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  document?: { visibilityState?: string };
}

/** A running long-poll loop. @example poller.start(); poller.stop(); */
export interface EventPoller {
  /** Starts (or restarts after `ended`/`unauthorized`/`failed`) the loop. Idempotent while running. */
  start(): void;
  /** Aborts the request in flight and ends the loop; nothing is updated afterwards. */
  stop(): void;
  /** Skips any wait and polls now (the "Retry now" button, tab shown again). */
  pollNow(): void;
  readonly running: boolean;
}

const RATE_LIMIT_FLOOR_MS = 10_000;
/** The longest a `Retry-After` may hold the poller back. */
const RETRY_AFTER_CAP_MS = 5 * 60_000;
const OFFLINE_PROBE_MS = 30_000;
const MIN_WAIT_S = 5;
const SSE_FAILURE_LIMIT = 3;

/** How events travel: long-polling (default), server-sent events, or SSE with a long-poll fallback. @example createEventPoller({ client, store, sessionId, transport: 'auto' }); */
export type EventTransport = 'long-poll' | 'sse' | 'auto';

interface LoopState extends RoundState {
  failures: number;
  sseFailures: number;
  resynced: boolean;
  authRetried: boolean;
  /** Current wait, shortened when a proxy cuts long requests. */
  wait: number;
}

/**
 * Creates the long-poll loop of one session: loads the history with `wait_for_data=0`, then polls
 * from the highest offset seen + 1 (read from the store when each request starts), with exactly
 * one request in flight. Parlant's JSON 504 means "nothing new": poll again at once. Early or
 * non-JSON 504s, 5xx and network errors back off (1 s doubling to 30 s, jittered); 429 waits
 * `Retry-After` or at least 10 s; 404 ends, 401/403 stop as unauthorized. Pauses while offline or
 * when the page is put in the back/forward cache, and polls at once when it comes back.
 * @example
 * const poller = createEventPoller({ client, store, sessionId: 'sess_1' });
 * poller.start();
 * // later
 * poller.stop();
 */
export function createEventPoller(options: EventPollerOptions): EventPoller {
  const { client, store, sessionId, onError, onAuthError, onBatch } = options;
  const clock = options.clock ?? systemClock;
  const waitForData = options.waitForData ?? 50;
  const transport = options.transport ?? 'long-poll';
  const env = options.environment === undefined ? defaultEnvironment() : options.environment;

  let generation = 0;
  let running = false;
  let paused = false;
  let request: AbortController | null = null;
  let requestStarted = 0;
  let requestWait = 0;
  let nap: { wake(): void } | null = null;

  const setState = (state: ConnectionState, extra: { error?: ParlantError; retryAt?: number } = {}) => {
    const current = store.getState().connection;
    const since = current.state === state ? current.since : clock.now();
    store.getState().setConnection({ state, since, ...extra });
  };

  const sleep = async (ms: number) => {
    const s = interruptibleSleep(clock, ms);
    nap = s;
    await s.done;
    nap = null;
  };

  function accept(events: readonly ParlantEvent[]): number {
    const changed = store.getState().merge(events);
    if (events.length > 0) onBatch?.(events);
    paused = false;
    setState('live');
    return changed;
  }

  function reportDropped(count: number) {
    onError?.(new ParlantError({ kind: 'invalid-response', status: 200, message: `Dropped ${count} malformed event(s)` }));
  }

  const rounds: RoundContext = { client, store, sessionId, clock, accept, reportDropped };

  async function loop(gen: number): Promise<void> {
    const live = () => gen === generation;
    const state: LoopState = { failures: 0, emptyStreak: 0, quickCloses: 0, sseFailures: 0, resynced: false, authRetried: false, wait: waitForData, transport };
    if (store.getState().connection.state !== 'live') setState('connecting');
    while (live()) {
      if (paused) {
        setState('offline');
        await sleep(OFFLINE_PROBE_MS);
        if (!live()) return;
      }
      const { nextOffset, historyLoaded } = store.getState();
      const wait = historyLoaded ? state.wait : 0;
      const started = clock.now();
      const useSse = historyLoaded && state.transport !== 'long-poll';
      requestStarted = started;
      requestWait = wait;
      request = new AbortController();
      const round: Round = { nextOffset, historyLoaded, wait, started, signal: request.signal, state };
      let step: Step;
      try {
        step = await (useSse ? sseRound(rounds, round) : longPollRound(rounds, round));
      } catch (error) {
        if (!live()) return;
        const failure = error instanceof ParlantError ? error : new ParlantError({ kind: 'network', message: String(error), cause: error });
        if (failure.kind === 'aborted') continue; // paused, or woken to catch up; the loop decides what next
        step = { kind: 'failed', error: failure };
      } finally {
        request = null;
      }
      if (!live()) return;
      if (step.kind === 'again') {
        if (step.delayMs === undefined) Object.assign(state, { failures: 0, authRetried: false, sseFailures: useSse ? 0 : state.sseFailures });
        setState('live');
        if (step.delayMs !== undefined && step.delayMs > 0) await sleep(step.delayMs);
        continue;
      }
      const failure = step.error;
      onError?.(failure);
      if (useSse && state.transport === 'auto' && ++state.sseFailures >= SSE_FAILURE_LIMIT) {
        // Streams keep failing here (a buffering proxy, say): long-poll for the rest of the session.
        state.transport = 'long-poll';
        continue;
      }
      if (adaptToProxyCut(failure, clock.now() - started, wait, state)) continue;
      const stopAs = terminalState(failure, state.resynced);
      if (stopAs === 'resync') {
        state.resynced = true;
        store.getState().truncate(0);
        continue;
      }
      if (stopAs === 'unauthorized' && onAuthError && !state.authRetried) {
        // Give the host one chance to refresh its credentials, then try once more.
        state.authRetried = true;
        await Promise.resolve(onAuthError(failure)).catch(() => undefined);
        continue;
      }
      if (stopAs) {
        setState(stopAs, { error: failure });
        halt();
        return;
      }
      state.failures += 1;
      const delay = retryDelay(failure, state.failures, clock.random);
      setState('reconnecting', { error: failure, retryAt: clock.now() + delay });
      await sleep(delay);
    }
  }

  const onOffline = () => {
    paused = true;
    request?.abort();
  };
  const onOnline = () => {
    paused = false;
    wakeNow();
  };
  const onVisible = () => {
    if (env?.document?.visibilityState === 'hidden') return;
    // Back from a hidden tab: timers may have been throttled for minutes and the connection
    // under a long-poll may be long dead. Skip any wait, and drop a poll that should be over.
    const overdue = request !== null && clock.now() - requestStarted > (requestWait + 5) * 1000;
    if (overdue) request?.abort();
    else wakeNow();
  };
  const onPageShow = () => {
    paused = false;
    wakeNow();
  };
  const wakeNow = () => nap?.wake();
  const halt = () => {
    running = false;
    generation += 1;
    for (const [type, fn] of listeners) env?.removeEventListener(type, fn);
    request?.abort();
    nap?.wake();
  };
  const listeners: Array<[string, () => void]> = [
    ['offline', onOffline],
    ['online', onOnline],
    ['visibilitychange', onVisible],
    ['pagehide', onOffline],
    ['pageshow', onPageShow],
  ];

  const poller: EventPoller = {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      generation += 1;
      for (const [type, fn] of listeners) env?.addEventListener(type, fn);
      void loop(generation);
    },
    stop() {
      if (running) halt();
    },
    pollNow() {
      paused = false;
      if (!running) poller.start();
      else wakeNow();
    },
  };
  return poller;
}

/**
 * How long to wait before the next attempt: the backoff, or longer when `Retry-After` asks for it
 * (at least 10 s on 429), never more than {@link RETRY_AFTER_CAP_MS} (a host coming back online
 * or the page becoming visible still wakes the poller at once).
 */
function retryDelay(failure: ParlantError, failures: number, random: () => number): number {
  const backoff = backoffDelay(failures, random);
  const asked = (failure.retryAfter ?? 0) * 1000;
  if (failure.status === 429) return Math.min(RETRY_AFTER_CAP_MS, Math.max(RATE_LIMIT_FLOOR_MS, asked, backoff));
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(asked, backoff));
}

/**
 * A proxy that cuts long requests shorter than our wait (an HTML 502/504, or a reset connection,
 * after many seconds) would otherwise turn every idle poll into a failure. Shorten the wait below
 * the cut and poll again at once, so new messages still arrive promptly.
 */
function adaptToProxyCut(failure: ParlantError, elapsedMs: number, wait: number, state: { wait: number }): boolean {
  const cut = failure.kind === 'network' || (failure.kind === 'http' && (failure.status === 502 || failure.status === 504));
  const shorter = Math.max(MIN_WAIT_S, Math.floor(elapsedMs / 1000) - 2);
  if (!cut || elapsedMs < EARLY_TIMEOUT_MS || wait <= MIN_WAIT_S || shorter >= wait) return false;
  state.wait = shorter;
  return true;
}

/**
 * Which failures no retry can fix, and what the customer should be told. A first 422 asks for a
 * full re-sync instead (the cursor may be what the server rejects).
 * @example terminalState(new ParlantError({ kind: 'http', status: 404, message: '' }), false) // 'ended'
 */
export function terminalState(error: ParlantError, resynced: boolean): ConnectionState | 'resync' | null {
  if (error.kind !== 'http') return null;
  if (error.status === 404) return 'ended';
  if (error.status === 401 || error.status === 403) return 'unauthorized';
  if (error.status === 422) return resynced ? 'failed' : 'resync';
  if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) return 'failed';
  return null;
}

function defaultEnvironment(): PollerEnvironment | null {
  return typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
}
