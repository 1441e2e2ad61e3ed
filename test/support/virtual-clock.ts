import type { Clock } from '../../src/core/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** Lets pending promise chains (fetch answers, store updates) run before time moves on. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock whose time moves only when a test says so. `advance` runs due timers in order and lets
 * the promise chains they start settle in between, like the event loop would.
 */
export function createVirtualClock(random = () => 0.5): Clock & {
  advance(ms: number): Promise<void>;
  pending(): number[];
} {
  let now = 0;
  let nextId = 1;
  const timers: Timer[] = [];
  return {
    now: () => now,
    random,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ id, at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      const i = timers.findIndex((t) => t.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
    pending: () => timers.map((t) => t.at - now),
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers.shift();
        now = next.at;
        next.fn();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}
