import type { ParlantClient } from './client';
import type { Clock } from './clock';
import { ParlantError } from './errors';
import type { EventTransport } from './poller';
import type { TimelineStore } from './timeline';
import type { ParlantEvent } from './types';

/**
 * A long request answered sooner than this was cut short (by a proxy), not ended by the server idling.
 * @example const cutShort = clock.now() - started < EARLY_TIMEOUT_MS;
 */
export const EARLY_TIMEOUT_MS = 5000;
const MIN_EMPTY_INTERVAL_MS = 1000;
const EMPTY_STREAK_LIMIT = 10;
const QUICK_CLOSE_LIMIT = 3;

/**
 * What a round needs from the poller that runs it.
 * @example const context: RoundContext = { client, store, sessionId: 's1', clock, accept, reportDropped };
 */
export interface RoundContext {
  client: ParlantClient;
  store: TimelineStore;
  sessionId: string;
  clock: Clock;
  /** Merges events into the store and marks the connection live; returns how many changed it. */
  accept(events: readonly ParlantEvent[]): number;
  /** Tells the host how many malformed events were skipped. */
  reportDropped(count: number): void;
}

/**
 * The poller's counters a round reads and updates; they outlive a round, so they live in the loop.
 * @example const state: RoundState = { emptyStreak: 0, quickCloses: 0, transport: 'auto' };
 */
export interface RoundState {
  emptyStreak: number;
  quickCloses: number;
  transport: EventTransport;
}

/**
 * One request's parameters, fixed when it starts.
 * @example const round: Round = { nextOffset: 0, historyLoaded: false, wait: 0, started: clock.now(), signal, state };
 */
export interface Round {
  nextOffset: number;
  historyLoaded: boolean;
  wait: number;
  started: number;
  signal: AbortSignal;
  state: RoundState;
}

/**
 * What the poller should do after a round: go again (after `delayMs` when given), or handle a failure.
 * @example const step: Step = { kind: 'again', delayMs: 1000 };
 */
export type Step = { kind: 'again'; delayMs?: number } | { kind: 'failed'; error: ParlantError };

/**
 * One long-poll request: what to do next.
 * @example const step = await longPollRound(context, round);
 */
export async function longPollRound(context: RoundContext, round: Round): Promise<Step> {
  const { client, store, sessionId, clock, accept, reportDropped } = context;
  const { nextOffset, historyLoaded, wait, started, signal, state } = round;
  const result = await client.listEvents(sessionId, { minOffset: nextOffset, waitForData: wait }, { signal });
  if (result.timedOut) {
    // A request that asked not to wait cannot time out on the server: a gateway answered it.
    if (wait === 0) return { kind: 'failed', error: new ParlantError({ kind: 'http', status: 504, message: 'The history request timed out at a gateway' }) };
    if (clock.now() - started >= Math.min(EARLY_TIMEOUT_MS, wait * 500)) return { kind: 'again' };
    return { kind: 'failed', error: new ParlantError({ kind: 'http', status: 504, message: 'Long-poll ended early (a proxy cut it)' }) };
  }
  if (result.dropped > 0) reportDropped(result.dropped);
  const changed = accept(result.events);
  store.getState().setHistoryLoaded();
  // Progress is a moved cursor, not only a changed store: a send may have merged the same
  // event from its POST answer first.
  if (changed > 0 || store.getState().nextOffset > nextOffset || !historyLoaded) {
    state.emptyStreak = 0;
    return { kind: 'again' };
  }
  // A 200 that brought nothing new: a stale cursor or a misbehaving proxy. Never spin; after a
  // streak treat it as a failure.
  state.emptyStreak += 1;
  if (state.emptyStreak <= EMPTY_STREAK_LIMIT) return { kind: 'again', delayMs: MIN_EMPTY_INTERVAL_MS - (clock.now() - started) };
  return { kind: 'failed', error: new ParlantError({ kind: 'invalid-response', status: 200, message: 'Server keeps answering without new events' }) };
}

/**
 * One server-sent-events stream: events are merged as they arrive; it ends when the server idles.
 * @example const step = await sseRound(context, round);
 */
export async function sseRound(context: RoundContext, round: Round): Promise<Step> {
  const { client, sessionId, clock, accept, reportDropped } = context;
  const { nextOffset, wait, started, signal, state } = round;
  let dropped = 0;
  const outcome = await client.streamEvents(sessionId, { minOffset: nextOffset, waitForData: wait }, (event) => accept([event]), {
    signal,
    onMalformed: () => (dropped += 1),
  });
  if (dropped > 0) reportDropped(dropped);
  if (outcome.fallback) {
    // The server ignored sse=true and answered a plain list: it has no SSE. Long-poll from now on.
    state.transport = 'long-poll';
    accept(outcome.fallback);
    return { kind: 'again' };
  }
  if (outcome.received > 0 || clock.now() - started >= wait * 800) {
    state.quickCloses = 0;
    return { kind: 'again' };
  }
  // Parlant answers a deleted session with 200 and an empty stream, so repeated empty, quick
  // closes are checked against the session itself (a 404 there ends the conversation).
  state.quickCloses += 1;
  if (state.quickCloses >= QUICK_CLOSE_LIMIT) {
    state.quickCloses = 0;
    await client.getSession(sessionId, { signal });
  }
  return { kind: 'failed', error: new ParlantError({ kind: 'http', status: 200, message: 'Event stream closed without events' }) };
}
