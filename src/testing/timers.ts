/**
 * Cancellable real timers. Every pending timer of an emulator is tracked so `close()` can end
 * them all at once (timers stay ref'd: a script awaiting a turn must not exit early).
 */

/** Thrown into awaiting code when its wait was cancelled. @example if (err instanceof CancelledError) return; */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Where the emulator's time comes from: the global timers by default, or a virtual clock so a
 * test can run whole conversations (long-polls, scripted turns, latency faults) without waiting.
 * @example const source: TimerSource = { setTimeout: (fn, ms) => clock.setTimeout(fn, ms), clearTimeout: (h) => clock.clearTimeout(h) };
 */
export interface TimerSource {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: TimerSource = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The emulator's timer service. @example const t = createTimers(); await t.sleep(10); */
export interface Timers {
  /** Resolves after `ms`; rejects with {@link CancelledError} when `signal` aborts or on `cancelAll()`. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  cancelAll(): void;
}

/**
 * Creates a timer service.
 * @example
 * const timers = createTimers();
 * const cancel = timers.after(1000, () => console.log('late'));
 * cancel();
 */
export function createTimers(source: TimerSource = globalTimers): Timers {
  const pending = new Map<unknown, () => void>();

  function after(ms: number, fn: () => void, onCancel?: () => void): () => void {
    const handle = source.setTimeout(() => {
      pending.delete(handle);
      fn();
    }, Math.max(0, ms));
    pending.set(handle, () => onCancel?.());
    return () => {
      if (!pending.has(handle)) return;
      source.clearTimeout(handle);
      pending.delete(handle);
    };
  }

  return {
    after: (ms, fn) => after(ms, fn),
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(new CancelledError());
        const onAbort = () => {
          cancel();
          reject(new CancelledError());
        };
        const cancel = after(
          ms,
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          () => reject(new CancelledError()),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    cancelAll() {
      const cancels = [...pending.entries()];
      pending.clear();
      for (const [handle, onCancel] of cancels) {
        source.clearTimeout(handle);
        onCancel();
      }
    },
  };
}
