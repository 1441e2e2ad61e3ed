import { useLayoutEffect, useRef, useState } from 'react';

/** How many of the latest messages are in the DOM at first. @example messages.slice(-INITIAL_WINDOW) */
export const INITIAL_WINDOW = 60;
/** How many earlier messages one "Show earlier messages" adds. @example setStart(Math.max(0, start - PAGE)) */
export const PAGE = 100;
/** Past this, a reader following the live end lets the oldest rendered messages go. @example if (count - start > MAX_LIVE_WINDOW) slide(); */
export const MAX_LIVE_WINDOW = 150;

/**
 * Keeps a long conversation cheap: only the latest messages are in the DOM (a 10,000-message
 * history renders ~60 rows), earlier ones come back a page at a time from a button or when the
 * reader scrolls to the top, with the scroll position anchored so nothing jumps. While the reader
 * follows the live end the window slides, so the DOM stays bounded; while they read back, it
 * only grows. DOM order stays chronological for screen readers and keyboard scrolling.
 * `container` returns the scroll container, whose position is anchored when earlier messages come in.
 * @example const { start, showEarlier } = useMessageWindow(messages.length, pinned, () => scroller.current);
 */
export function useMessageWindow(count: number, following: boolean, container: () => HTMLElement | null) {
  const [range, setRange] = useState(() => ({ start: Math.max(0, count - INITIAL_WINDOW), count }));
  const anchor = useRef<{ height: number; top: number } | null>(null);

  // New messages while the reader follows the live end: slide the window instead of letting it
  // grow without bound. (Only on growth: pages the reader asked for stay.)
  let effectiveStart = Math.min(range.start, Math.max(0, count - INITIAL_WINDOW));
  if (following && count > range.count && count - effectiveStart > MAX_LIVE_WINDOW) effectiveStart = count - INITIAL_WINDOW;
  if (effectiveStart !== range.start || count !== range.count) setRange({ start: effectiveStart, count });

  const showEarlier = () => {
    if (effectiveStart === 0) return;
    const el = container();
    if (el) anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    setRange({ start: Math.max(0, effectiveStart - PAGE), count });
  };

  useLayoutEffect(() => {
    const el = container();
    const before = anchor.current;
    if (!el || !before) return;
    anchor.current = null;
    // Earlier messages were added above: keep the message the reader was looking at in place.
    el.scrollTop = before.top + (el.scrollHeight - before.height);
  }, [range.start, container]);

  return { start: effectiveStart, showEarlier };
}
