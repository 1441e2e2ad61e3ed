/**
 * Runs `task` one at a time. A call while it runs makes it run once more afterwards (the running
 * one may have started before what prompted the call), for as long as `more()` allows.
 * @example const refresh = serialized(() => readSession(), () => !signal.aborted); void refresh();
 */
export function serialized(task: () => Promise<void>, more: () => boolean = () => true): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await task();
      } while (again && more());
    } finally {
      running = false;
    }
  };
}
