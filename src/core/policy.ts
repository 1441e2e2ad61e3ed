import { backoffDelay } from './clock';
import type { ParlantError } from './errors';

/**
 * The one failure policy of the core. Every loop that talks to the server (the long-poll, the
 * session creator, the message sender, the streaming follower, another tab catching up) asks it
 * the same two questions: can a retry ever fix this failure, and how long to wait first.
 */

/** The longest a server's `Retry-After` may hold anything back (a host coming online or a visible tab still wakes it). */
export const RETRY_AFTER_CAP_MS = 5 * 60_000;
/** A 429 without `Retry-After` (Parlant's own) waits at least this long. */
export const RATE_LIMIT_FLOOR_MS = 10_000;

/** Where a failure no retry can fix leaves the conversation. @example const s: FinalState = 'ended'; */
export type FinalState = 'ended' | 'unauthorized' | 'failed';

/**
 * What a failure means for the conversation: `ended` (the session is gone), `unauthorized`
 * (401/403 after the host had its chance to refresh credentials), `failed` (any other 4xx but
 * 408/429: the request itself is refused), or `null` when a later attempt may succeed. A 404
 * only ends the conversation when it is about the session; creating one, it means a wrong agent.
 * @example finalState(error, 'session') === 'ended'
 */
export function finalState(error: ParlantError, about: 'session' | 'create' = 'session'): FinalState | null {
  if (error.kind !== 'http') return null;
  const { status } = error;
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return about === 'session' ? 'ended' : 'failed';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'failed';
  return null;
}

/**
 * How long to wait before attempt `attempt` (1-based) after `error`: the jittered backoff (1 s
 * doubling to 30 s), or longer when the server said `Retry-After` (429 or 503), at least 10 s on
 * a 429 without it, never more than five minutes.
 * @example retryDelay(error, 1, Math.random) // ≥ 10_000 for a 429
 */
export function retryDelay(error: ParlantError, attempt: number, random: () => number): number {
  const backoff = backoffDelay(attempt, random);
  const asked = (error.retryAfter ?? 0) * 1000;
  const floor = error.status === 429 ? RATE_LIMIT_FLOOR_MS : 0;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(asked, floor, backoff));
}

/**
 * What a failed message POST says about the message: `rejected` (the server refused it: never
 * resend on our own), `unsent` (the server said it did not take it, 408/429: resending is safe),
 * or `ambiguous` (no answer, a timeout, a 5xx or an unreadable answer: it may have landed, so it
 * is only ever posted again when the customer asks, and a late copy still confirms it).
 * @example if (sendOutcome(error) === 'unsent') scheduleRetry();
 */
export function sendOutcome(error: ParlantError): 'rejected' | 'unsent' | 'ambiguous' {
  if (error.kind === 'http' && (error.status === 408 || error.status === 429)) return 'unsent';
  if (error.kind === 'http' && error.status < 500) return 'rejected';
  return 'ambiguous';
}
