import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches now, following changes. False during server rendering and
 * where `matchMedia` does not exist (jsdom), so markup never depends on a guess about the screen.
 * @example const narrow = useMediaQuery('(max-width: 640px)');
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', changed);
      return () => list?.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => Boolean(window.matchMedia?.(query).matches), () => false);
}
