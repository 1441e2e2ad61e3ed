/** What went wrong with a request, independent of the HTTP details. @example if (error.kind === 'network') showOffline(); */
export type ParlantErrorKind =
  /** The server answered with a non-success status. */
  | 'http'
  /** No answer: DNS, CORS, connection refused or reset (also a bare 500 in a browser). */
  | 'network'
  /** The client gave up waiting. */
  | 'timeout'
  /** The server answered 2xx with a body that is not what the contract says. */
  | 'invalid-response'
  /** The caller aborted the request. */
  | 'aborted'
  /** The agent's turn failed on the server (`detail` holds Parlant's exception text). */
  | 'agent';

/**
 * The one error type every core call rejects with. Branch on `status` and `retryable`, never on
 * the message text. `detail` is the server's own text: it may echo request headers (Parlant's 403
 * does), so show it to developers through `onError`, never to customers.
 * @example
 * try { await client.getSession('s1'); }
 * catch (e) { if (e instanceof ParlantError && e.status === 404) startOver(); }
 */
export class ParlantError extends Error {
  override readonly name = 'ParlantError';
  readonly kind: ParlantErrorKind;
  /** HTTP status, or 0 when there was no response. */
  readonly status: number;
  /** The server's `detail` field (string or pydantic's list), when it sent one. */
  readonly detail: unknown;
  /** Whether repeating the same request later can succeed. */
  readonly retryable: boolean;
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    kind: ParlantErrorKind;
    message: string;
    status?: number;
    detail?: unknown;
    retryAfter?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.detail = init.detail;
    this.retryAfter = init.retryAfter;
    this.retryable = isRetryable(init.kind, this.status);
  }
}

function isRetryable(kind: ParlantErrorKind, status: number): boolean {
  if (kind === 'network' || kind === 'timeout' || kind === 'invalid-response') return true;
  if (kind === 'aborted' || kind === 'agent') return false;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Reads `Retry-After` (seconds or an HTTP date) into seconds.
 * @example parseRetryAfter('7', Date.now()) // 7
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}
