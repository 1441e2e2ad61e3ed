import { useEffect } from 'react';

// The page has one scrolling viewport however many widgets it holds: the lock is counted per
// document, and the host's own inline `overflow` is put back when the last one lets go.
let holders = 0;
let hostOverflow = '';

/**
 * While `active`, the host page behind a full-screen chat does not scroll (touch drags on the
 * header or composer would otherwise move it). `overflow: hidden` on the root element keeps the
 * page's scroll position as it is, unlike pinning the body with `position: fixed`, which makes
 * it jump and disturbs the host's layout.
 * @example useScrollLock(open && narrow);
 */
export function useScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    if (holders++ === 0) {
      hostOverflow = root.style.overflow;
      root.style.overflow = 'hidden';
    }
    return () => {
      if (--holders === 0) root.style.overflow = hostOverflow;
    };
  }, [active]);
}
