import type { ParlantClient } from './client';
import { ParlantError } from './errors';
import type { ParlantEvent } from './types';

/**
 * One request of the poll loop, by long-poll or by server-sent events, and what it came to. A
 * round reads and changes nothing of the loop: it reports an outcome and the loop decides.
 */

/** A long request answered sooner than this was cut short (by a proxy), not ended by the server idling. @example const early = elapsed < EARLY_TIMEOUT_MS; */
export const EARLY_TIMEOUT_MS = 5000;

/**
 * What one request came to:
 * `idle` — nothing new within the wait (Parlant's JSON 504, or a stream that stayed open its time);
 * `news` — events arrived (`moved`: the cursor moved, so it was progress);
 * `closed-early` — a stream closed quickly with nothing (Parlant does this for a deleted session);
 * `no-sse` — the server ignored `sse=true` and answered a plain list;
 * `failed` — a failure for the failure policy.
 * @example const outcome: Outcome = { kind: 'news', moved: true };
 */
export type Outcome =
  | { kind: 'idle' }
  | { kind: 'news'; moved: boolean }
  | { kind: 'closed-early' }
  | { kind: 'no-sse'; events: ParlantEvent[] }
  | { kind: 'failed'; error: ParlantError };

/**
 * One request's parameters and what it may call: `accept` merges events (it is inert once the
 * loop that made the request has stopped).
 * @example const request: RoundRequest = { client, sessionId: 's1', minOffset: 0, wait: 0, started: 0, now: () => 0, signal, accept, dropped };
 */
export interface RoundRequest {
  client: ParlantClient;
  sessionId: string;
  minOffset: number;
  wait: number;
  /** Monotonic ms when the request started, and the clock to compare with. */
  started: number;
  now(): number;
  signal: AbortSignal;
  /** Merges events; returns how many changed the timeline. */
  accept(events: readonly ParlantEvent[]): number;
  /** Tells the host how many malformed events were skipped. */
  dropped(count: number): void;
}

/**
 * One long-poll: events, "nothing new" (a 504 that came when it should), or a failure (a 504
 * that came too early, or answered a request that asked not to wait, came from a gateway).
 * @example const outcome = await longPollRound(request, () => store.getState().nextOffset);
 */
export async function longPollRound(request: RoundRequest, cursor: () => number): Promise<Outcome> {
  const { client, sessionId, minOffset, wait, started, now, signal } = request;
  const result = await client.listEvents(sessionId, { minOffset, waitForData: wait }, { signal });
  if (result.timedOut) {
    if (wait === 0) return failed(504, 'A request that asked not to wait timed out at a gateway');
    if (now() - started >= Math.min(EARLY_TIMEOUT_MS, wait * 500)) return { kind: 'idle' };
    return failed(504, 'Long-poll ended early (a proxy cut it)');
  }
  if (result.dropped > 0) request.dropped(result.dropped);
  const changed = request.accept(result.events);
  // Progress is a moved cursor, not only a changed store: a send may have merged the same event
  // from its POST answer first.
  return { kind: 'news', moved: changed > 0 || cursor() > minOffset };
}

/**
 * One server-sent-events stream: events are merged as they arrive; it ends when the server idles.
 * @example const outcome = await streamRound(request);
 */
export async function streamRound(request: RoundRequest): Promise<Outcome> {
  const { client, sessionId, minOffset, wait, started, now, signal } = request;
  let dropped = 0;
  const outcome = await client.streamEvents(sessionId, { minOffset, waitForData: wait }, (event) => request.accept([event]), {
    signal,
    onMalformed: () => (dropped += 1),
  });
  if (dropped > 0) request.dropped(dropped);
  if (outcome.fallback) return { kind: 'no-sse', events: outcome.fallback };
  if (outcome.received > 0) return { kind: 'news', moved: true };
  return now() - started >= wait * 800 ? { kind: 'idle' } : { kind: 'closed-early' };
}

function failed(status: number, message: string): Outcome {
  return { kind: 'failed', error: new ParlantError({ kind: 'http', status, message }) };
}
