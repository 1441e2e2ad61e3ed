import { useEffect, useRef } from 'react';

/** The part of the HTML `CloseWatcher` API used here (Chromium 126+; not yet in TypeScript's DOM types). */
type CloseWatcherConstructor = new () => { onclose: (() => void) | null; destroy(): void };

// The page has one scrolling viewport however many widgets it holds: the lock is counted per
// document, and the host's own inline `overflow` is put back when the last one lets go.
let holders = 0;
let hostOverflow = '';

/**
 * What a full-screen chat does to the page around it while `active`:
 * - The page behind stops scrolling (touch drags on the header or composer would move it).
 *   `overflow: hidden` on the root element keeps its scroll position, unlike pinning the body
 *   with `position: fixed`, which makes it jump and disturbs the host's layout.
 * - The platform's close request (Android's Back button or gesture, an Escape nobody handled)
 *   calls `onClose`, through a `CloseWatcher` where the browser has one. No history entry is
 *   pushed: a host's router (React Router, Next.js) reacts to every `popstate`, and one it did
 *   not cause can re-run its loaders or reload the page. Without `CloseWatcher` (Safari,
 *   Firefox), Back keeps its usual meaning for the page.
 * @example useModalSheet(open && narrow, () => setOpen(false));
 */
export function useModalSheet(active: boolean, onClose: () => void): void {
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    if (holders++ === 0) {
      hostOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
    }
    const Watcher = (globalThis as { CloseWatcher?: CloseWatcherConstructor }).CloseWatcher;
    const watcher = Watcher && new Watcher();
    if (watcher) watcher.onclose = () => latest.current();
    return () => {
      watcher?.destroy();
      if (--holders === 0) root.style.overflow = hostOverflow;
    };
  }, [active]);
}
