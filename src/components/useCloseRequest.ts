import { useEffect, useRef } from 'react';

/** The part of the HTML `CloseWatcher` API used here (Chromium 126+; not yet in TypeScript's DOM types). */
interface CloseWatcherLike {
  onclose: (() => void) | null;
  destroy(): void;
}
type CloseWatcherConstructor = new () => CloseWatcherLike;

/**
 * While `active`, the platform's close request (Android's Back button or gesture, Escape on
 * a desktop keyboard) calls `onClose`, through a `CloseWatcher` where the browser has one.
 * No history entry is pushed: a host's router (React Router, Next.js) reacts to every `popstate`,
 * and one it did not cause can re-run its loaders or reload the page. Where there is no
 * `CloseWatcher`, Back keeps its usual meaning for the page.
 * @example useCloseRequest(sheetOpen, () => setOpen(false));
 */
export function useCloseRequest(active: boolean, onClose: () => void): void {
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    const Watcher = (globalThis as { CloseWatcher?: CloseWatcherConstructor }).CloseWatcher;
    if (!active || !Watcher) return;
    const watcher = new Watcher();
    watcher.onclose = () => latest.current();
    return () => watcher.destroy();
  }, [active]);
}
