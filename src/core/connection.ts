import type { ParlantError } from './errors';
import type { FinalState } from './policy';

/**
 * Where the connection to the session stands, as the customer should hear it.
 * `idle`: nothing asked of the server yet (a lazy session not created). `ended`: the session is
 * gone (404). `unauthorized`: 401/403. `failed`: a request the server will never accept (422 and
 * similar). The last three stop every loop until the host or the customer acts.
 * @example if (store.getState().connection.state === 'ended') showStartOver();
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | FinalState;

/** Connection state with when it began and the error behind it. @example store.getState().connection.state */
export interface Connection {
  state: ConnectionState;
  /** Monotonic ms (the session's clock) when this state began. */
  since: number;
  error?: ParlantError;
  /** Monotonic ms of the next attempt while reconnecting. */
  retryAt?: number;
}

/**
 * What happened, as reported by whoever talks to the server: work began (`start`), an answer came
 * (`ok`), a failure worth retrying (`retry`), the network went (`offline`) or came back
 * (`online`), or a failure no retry fixes (a {@link FinalState}).
 * @example const input: ConnectionInput = 'retry';
 */
export type ConnectionInput = 'start' | 'ok' | 'retry' | 'offline' | 'online' | FinalState;

const FINAL: Record<FinalState, FinalState> = { ended: 'ended', unauthorized: 'unauthorized', failed: 'failed' };

/**
 * Every transition, one row per state (a missing cell keeps the state): an answer always means
 * `live`; a failure while offline is expected and changes nothing; only a new start (the
 * customer's "Retry now", a new session) leaves a final state. docs/architecture.md shows it as
 * a table, checked against this one by a test.
 */
const TABLE: Record<ConnectionState, Partial<Record<ConnectionInput, ConnectionState>>> = {
  idle: { start: 'connecting', ok: 'live', retry: 'reconnecting', offline: 'offline', ...FINAL },
  connecting: { ok: 'live', retry: 'reconnecting', offline: 'offline', ...FINAL },
  live: { retry: 'reconnecting', offline: 'offline', ...FINAL },
  reconnecting: { ok: 'live', offline: 'offline', ...FINAL },
  offline: { ok: 'live', online: 'connecting', ...FINAL },
  ended: { start: 'connecting', ok: 'live', ...FINAL },
  unauthorized: { start: 'connecting', ok: 'live', ...FINAL },
  failed: { start: 'connecting', ok: 'live', ...FINAL },
};

/**
 * The next connection after `input`, following {@link TABLE}. `since` moves only when the state
 * changes; the error and the time of the next attempt are those of the latest report.
 * @example nextConnection({ state: 'live', since: 0 }, 'retry', 1000, { error, retryAt: 3000 }) // reconnecting since 1000
 */
export function nextConnection(current: Connection, input: ConnectionInput, now: number, extra: { error?: ParlantError; retryAt?: number } = {}): Connection {
  const state = TABLE[current.state][input] ?? current.state;
  const next: Connection = { state, since: state === current.state ? current.since : now };
  if (extra.error && state !== 'live') next.error = extra.error;
  if (extra.retryAt !== undefined && state === 'reconnecting') next.retryAt = extra.retryAt;
  return next;
}

/** True for the states in which nothing is asked of the server until someone acts. @example isStopped('ended') // true */
export function isStopped(state: ConnectionState): state is FinalState {
  return state === 'ended' || state === 'unauthorized' || state === 'failed';
}
