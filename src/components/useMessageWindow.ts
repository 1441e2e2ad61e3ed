import { useCallback, useLayoutEffect, useState } from 'react';

/** How many of the latest messages are in the DOM at first. @example messages.slice(-INITIAL_WINDOW) */
export const INITIAL_WINDOW = 30;
/** How many messages one "Show earlier" or "Show later" adds. @example setStart(Math.max(0, start - PAGE)) */
export const PAGE = 100;
/** Past this, a reader following the live end lets the oldest rendered messages go. @example if (end - start > MAX_LIVE_WINDOW) slide(); */
export const MAX_LIVE_WINDOW = 150;
/** The most messages in the DOM at once, wherever the reader is: the far end is let go past this. @example end = Math.min(end, start + MAX_WINDOW) */
export const MAX_WINDOW = 200;

/** How many messages before the one at the top of the view a jump renders (the reader may scroll up a little). */
const JUMP_BEFORE = 8;

/** The rendered messages `[start, end)` of `count`. */
interface Range {
  start: number;
  end: number;
  count: number;
}

/** A first screen of messages (as many as a load renders) starting `before` messages ahead of message `index`, kept within `[0, count)`. */
function screenAt(index: number, before: number, count: number): Range {
  const start = Math.max(0, Math.min(index - before, count - INITIAL_WINDOW));
  return { start, end: Math.min(count, start + INITIAL_WINDOW), count };
}

/** The window for a new message count: a window at the newest message stays there; the DOM stays bounded. */
function follow(range: Range, count: number, following: boolean): Range {
  if (count === range.count) return range;
  let end = range.end >= range.count ? count : Math.min(range.end, count);
  // A history arriving into an empty list (a resumed conversation) shows its latest messages, as a
  // list mounted with them does: rendering all of a shorter history at once was one long task.
  let start = range.count === 0 ? Math.max(0, end - INITIAL_WINDOW) : Math.min(range.start, Math.max(0, end - INITIAL_WINDOW));
  if (following && end === count && end - start > MAX_LIVE_WINDOW) start = Math.max(0, end - INITIAL_WINDOW);
  // Many new messages while the reader is elsewhere: they wait below ("Show later messages").
  if (end - start > MAX_WINDOW) end = start + MAX_WINDOW;
  return { start, end, count };
}

/**
 * Virtualizes a long conversation: at most {@link MAX_WINDOW} consecutive messages are in the DOM
 * (a 10,000-message history renders 30 rows at first: several screens). Reaching the top of the
 * rendered messages (or the "Show earlier" button) brings the previous page in and lets the far
 * end go; reaching the bottom of a window that is not at the newest message does the reverse.
 * The row the reader is looking at stays exactly where it was (anchored by element, so it holds
 * whatever changed size around it). While the reader follows the live end the window slides. DOM
 * order stays chronological, so screen readers and keyboard scrolling read it as one list.
 * `anchor` keeps the reader's place (see useScrollAnchor). `showAround(i)` brings message `i` into
 * the window (a page around it) wherever it is, for the conversation search; `jumpTo(i)` renders a
 * first screen from message `i` wherever the window was (the scrollbar was moved far).
 * @example const { start, end, showEarlier, showLater, showLatest, showAround, jumpTo } = useMessageWindow(messages.length, pinned, anchor);
 */
export function useMessageWindow(count: number, following: boolean, anchor: { remember(pinned?: boolean): void; rememberFirstRow(): void; restore(): void }) {
  const [range, setRange] = useState<Range>(() => ({ start: Math.max(0, count - INITIAL_WINDOW), end: count, count }));

  const current = follow(range, count, following);
  if (current !== range) setRange(current);
  const { start, end } = current;

  const move = (next: Omit<Range, 'count'>) => setRange({ ...next, count });
  const showEarlier = () => {
    if (start === 0) return;
    const nextStart = Math.max(0, start - PAGE);
    anchor.rememberFirstRow();
    move({ start: nextStart, end: Math.min(end, nextStart + MAX_WINDOW) });
  };
  const showLater = () => {
    if (end >= count) return;
    const nextEnd = Math.min(count, end + PAGE);
    anchor.remember();
    move({ start: Math.max(start, nextEnd - MAX_WINDOW), end: nextEnd });
  };
  /** Back to the newest messages (the caller scrolls to the bottom). */
  const showLatest = useCallback(() => {
    setRange((r) => (r.end === r.count && r.end - r.start <= MAX_LIVE_WINDOW ? r : { start: Math.max(0, r.count - INITIAL_WINDOW), end: r.count, count: r.count }));
  }, []);

  /**
   * A first screen of messages around message `index` (as many as a load renders), unless it is
   * rendered already; scrolling from there brings pages in as usual.
   */
  const showAround = useCallback((index: number) => {
    setRange((r) => (index >= r.start && index < r.end ? r : screenAt(index, INITIAL_WINDOW / 2, r.count)));
  }, []);

  /**
   * A first screen of messages from a little before message `index`, wherever the window was:
   * the reader moved the scroll position over messages not rendered (see useConversationSpan).
   */
  const jumpTo = useCallback((index: number) => {
    setRange((r) => {
      const next = screenAt(index, JUMP_BEFORE, r.count);
      return next.start === r.start && next.end === r.end ? r : next;
    });
  }, []);

  const { restore } = anchor;
  useLayoutEffect(restore, [start, end, restore]);

  return { start, end, showEarlier, showLater, showLatest, showAround, jumpTo };
}
