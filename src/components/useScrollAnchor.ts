import { useCallback, useEffect, useMemo, useRef } from 'react';

/** A row on screen and its distance from the top of the scroll container, to keep it there. */
interface Anchor {
  element: Element;
  top: number;
}

/** The first message row at least partly inside the scroll container's viewport (rows are in order: a binary search). */
function firstVisibleRow(container: HTMLElement): Anchor | null {
  const top = container.getBoundingClientRect().top;
  const rows = container.querySelector('.parlant-log')?.children;
  if (!rows?.length) return null;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as Element).getBoundingClientRect().bottom > top) hi = mid;
    else lo = mid + 1;
  }
  const element = rows[lo] as Element;
  return { element, top: element.getBoundingClientRect().top - top };
}

/**
 * Keeps the reader's place in the conversation, the same way in every browser (native scroll
 * anchoring is off: Safari lacks it, and it does not cover every layout). `remember()` notes the
 * first row on screen (call it on every scroll, with whether the reader is now at the end),
 * `rememberFirstRow()` the first rendered one (before earlier rows come in); `restore()` scrolls so that row is back where it was. Whenever the list changes size (a message
 * above grew, fonts loaded, a footnote opened) the place is restored, or, while the reader is at
 * the end, the view stays at the bottom; the same when the container itself changes size (a draft
 * grows, a keyboard opens). Corrections are by element, so repeating one is harmless; none are
 * made while `hold(true)` (the reader's hand on the thumb or the touch screen).
 * @example const anchor = useScrollAnchor(() => scroller.current); onScroll={() => anchor.remember(atEnd)}
 */
export function useScrollAnchor(container: () => HTMLElement | null) {
  const anchor = useRef<Anchor | null>(null);
  // What the last scroll decided, read by the resize observer: it may report a resize before the
  // matching `pinned` state has rendered, so it never waits for React.
  const pinnedNow = useRef(true);
  /** Notes the reader's place; `pinned`, when given, is what the scroll that moved them decided. */
  const remember = useCallback(
    (pinned?: boolean) => {
      const el = container();
      anchor.current = el && firstVisibleRow(el);
      if (pinned !== undefined) pinnedNow.current = pinned;
    },
    [container],
  );
  /**
   * Notes the first rendered row, kept no lower than the top of the view: "Show earlier" keeps
   * the seam between the pages in sight wherever the reader was. Keeping the row they were
   * reading instead would, when they were far below (a screen reader, or an engine that does not
   * scroll a clicked button into view, as WebKit), push the view to the end and load later
   * messages at once, undoing the request.
   */
  const rememberFirstRow = useCallback(() => {
    const el = container();
    const row = el?.querySelector('.parlant-log')?.firstElementChild;
    if (!el || !row) return;
    anchor.current = { element: row, top: Math.max(0, row.getBoundingClientRect().top - el.getBoundingClientRect().top) };
  }, [container]);
  // While the reader holds the scrollbar's thumb (or a finger drives a touch scroll), the list
  // makes no correction: moving the content under a held thumb, or writing the scroll position
  // during momentum scrolling, would fight the reader's own hand.
  const held = useRef(false);
  const restore = useCallback(() => {
    const el = container();
    const before = anchor.current;
    if (!el || held.current || !before?.element.isConnected) return;
    const shift = before.element.getBoundingClientRect().top - el.getBoundingClientRect().top - before.top;
    if (Math.abs(shift) >= 0.5) el.scrollTop += shift;
  }, [container]);
  /** Puts the reader back in place after a change of size: at the end while they follow it, else on their row. */
  const settle = useCallback(() => {
    const el = container();
    if (!el || held.current) return;
    if (pinnedNow.current) el.scrollTop = el.scrollHeight;
    else restore();
  }, [container, restore]);
  /** `true` while the reader's hand holds the scroll position (no corrections); `false` notes their place anew. */
  const hold = useCallback(
    (holding: boolean) => {
      held.current = holding;
      if (!holding) remember();
    },
    [remember],
  );
  /** Drops the reader's place: the rows are replaced (a jump), nothing is to be kept where it was. */
  const forget = useCallback(() => {
    anchor.current = null;
  }, []);

  useEffect(() => {
    const el = container();
    const list = el?.querySelector('.parlant-log');
    if (!el || !list || typeof ResizeObserver === 'undefined') return;
    // Runs after layout and before paint: the reader never sees the content jump.
    const observer = new ResizeObserver(settle);
    observer.observe(list);
    // The container itself shrinks too: a growing draft, an on-screen keyboard, a resized window.
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, settle]);

  return useMemo(() => ({ remember, rememberFirstRow, restore, settle, hold, forget }), [remember, rememberFirstRow, restore, settle, hold, forget]);
}
