/**
 * Time and chance, injected so tests can drive them and so waits use a monotonic clock (a wall
 * clock jumping during a backoff must neither fire every timer nor stall them).
 * @example const clock: Clock = { now: () => 0, setTimeout: (fn) => 1, clearTimeout: () => {}, random: () => 0.5 };
 */
export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Uniform in [0, 1). */
  random(): number;
}

/**
 * The real clock: `performance.now()` and the global timers, looked up at call time so test fake
 * timers installed later still apply.
 * @example createEventPoller({ client, store, sessionId, clock: systemClock });
 */
export const systemClock: Clock = {
  now: () => globalThis.performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/**
 * Delay before retry number `attempt` (1-based): 1 s doubling to a 30 s cap, times a jitter
 * factor uniform in [0.5, 1.0) so many clients never retry in step.
 * @example backoffDelay(3, () => 0.5) // 3000 (4 s nominal × 0.75)
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, capMs = 30_000): number {
  const nominal = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.5 + random() * 0.5));
}

/**
 * A sleep that can be cut short: `wake()` ends it early, and so does `signal` aborting (then the
 * timer is cleared at once, so nothing of it outlives the work it belonged to).
 * @example const nap = interruptibleSleep(clock, 1000, controller.signal); nap.wake(); await nap.done;
 */
export function interruptibleSleep(clock: Clock, ms: number, signal?: AbortSignal): { done: Promise<void>; wake(): void } {
  let wake = () => {};
  const done = new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', wake);
      resolve();
    }, Math.max(0, ms));
    wake = () => {
      clock.clearTimeout(handle);
      signal?.removeEventListener('abort', wake);
      resolve();
    };
    signal?.addEventListener('abort', wake, { once: true });
  });
  return { done, wake };
}

/**
 * Lets the browser run other work (input, paint) before continuing: `scheduler.yield()` where it
 * exists, else a zero-delay timeout. Splits parsing a large history from rendering it, so neither
 * becomes one long task.
 * @example if (events.length > 500) await yieldToMain();
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
