/**
 * Waiting for a session to change: the building block of long-polls, SSE streams and
 * `wait_for_completion`. Everything it sets up is torn down on every way out.
 */
import type { EmulatorStore } from './state';
import type { Timers } from './timers';

/** How a wait ended. @example if (outcome.kind === 'ready') use(outcome.value); */
export type WaitOutcome<T> =
  | { kind: 'ready'; value: T }
  | { kind: 'timeout' }
  | { kind: 'gone' }
  | { kind: 'closed' }
  | { kind: 'aborted' };

/**
 * Resolves as soon as `probe()` returns a value after a change to the session, or with
 * timeout / gone (session deleted) / closed (emulator closed) / aborted (signal).
 * `probe` is not called up front: callers check the current state themselves first.
 * @example
 * const out = await waitForChange(store, timers, sid, () => firstNew(), 30_000, request.signal);
 */
export function waitForChange<T>(
  store: EmulatorStore,
  timers: Timers,
  sessionId: string,
  probe: () => T | undefined,
  ms: number,
  signal?: AbortSignal,
): Promise<WaitOutcome<T>> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ kind: 'aborted' });
    if (store.closed) return resolve({ kind: 'closed' });
    if (!store.sessions.has(sessionId)) return resolve({ kind: 'gone' });
    let settled = false;
    const finish = (outcome: WaitOutcome<T>) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      cancelTimer();
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'aborted' });
    const unsubscribe = store.subscribe(sessionId, () => {
      if (store.closed) return finish({ kind: 'closed' });
      if (!store.sessions.has(sessionId)) return finish({ kind: 'gone' });
      const value = probe();
      if (value !== undefined) finish({ kind: 'ready', value });
    });
    const cancelTimer = timers.after(ms, () => finish({ kind: 'timeout' }));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The rejection a fetch handler gives when its request was aborted.
 * @example throw abortError(request.signal);
 */
export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
