import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** The typical row height is measured again each time the window moves; the room follows it only past this difference (each change moves the thumb). */
const REESTIMATE = 0.15;
/** The most room the messages not rendered take (browsers cap an element's height; Firefox near 17.9 million px). */
const MAX_ROOM = 8_000_000;
/** After the reader lets go, the scroll position still this long (the end of momentum) gives the list back its corrections. */
const SETTLED_MS = 150;

/** What {@link useConversationSpan} works with: the window of rendered messages and the reader's anchor. */
interface SpanOf {
  scroller: () => HTMLElement | null;
  /** The rendered messages `[start, end)` of `count`. */
  start: number;
  end: number;
  count: number;
  anchor: { hold(holding: boolean): void; settle(): void; forget(): void };
  /** Renders a screen of messages from about message `index`, wherever the window was. */
  jumpTo(index: number): void;
  /** Notes where the reader is now (at the live end or not), as after any scroll; called once a jump is rendered. */
  landed(): void;
}

/** The rendered rows' top and bottom and the top of the room above them, in the scroll container's coordinates. */
interface RenderedRows {
  top: number;
  bottom: number;
  spanTop: number;
}

/**
 * The typical height of a rendered row, px: the median distance from one row's top to the next
 * (a single 1 MB answer among them must not make every message not rendered as tall). 0 without layout.
 */
function typicalRow(el: HTMLElement): number {
  const tops = [...(el.querySelector('.parlant-log')?.children ?? [])].map((row) => row.getBoundingClientRect().top);
  const pitches = tops.slice(1).map((top, i) => top - (tops[i] as number)).sort((a, b) => a - b);
  return pitches[pitches.length >> 1] ?? 0;
}

/** Where the rendered rows are; `null` without layout (nothing measured, as in a DOM without one). */
function renderedRows(el: HTMLElement): RenderedRows | null {
  const rows = el.querySelector('.parlant-log');
  const first = rows?.firstElementChild;
  const last = rows?.lastElementChild;
  const span = el.querySelector('.parlant-span');
  if (!first || !last || !span) return null;
  const origin = el.getBoundingClientRect().top + el.clientTop - el.scrollTop;
  return { top: first.getBoundingClientRect().top - origin, bottom: last.getBoundingClientRect().bottom - origin, spanTop: span.getBoundingClientRect().top - origin };
}

/**
 * Makes the scrollbar of the windowed conversation (see useMessageWindow) span all of it: room
 * above and below the rendered messages, as tall as the messages not rendered would be at the
 * typical height of those rendered. Dragging the thumb anywhere, or pressing Home or End, puts
 * the view over messages not rendered; the window then jumps there in one step (positions in
 * the middle are approximate, within the estimate). While the pointer holds the thumb, or a
 * finger drives a touch scroll and its momentum, nothing is corrected: the window follows the
 * view by jumps only and no scroll position is written (see useScrollAnchor's `hold`). Without
 * layout (no row has a height) there is no room and nothing jumps.
 * @example const span = useConversationSpan({ scroller: () => ref.current, start, end, count, anchor, jumpTo, landed: notePlace }); <div style={{ height: span.above }} />
 */
export function useConversationSpan({ scroller, start, end, count, anchor, jumpTo, landed }: SpanOf) {
  const [measured, setMeasured] = useState(0);
  // The room stays within what browsers can lay out; positions are estimates either way.
  const rowHeight = Math.min(measured, MAX_ROOM / count);
  const holding = useRef(false);
  /** The pointer (or finger) is still down: its release starts the wait for the scrolling to settle. */
  const down = useRef(false);
  const settling = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unlisten = useRef<(() => void) | null>(null);
  const jumped = useRef(false);

  useLayoutEffect(() => {
    const el = scroller();
    if (!el || holding.current || end - start < 2) return;
    const row = typicalRow(el);
    // Measured from the layout React just made, before paint: the one way to know it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (row > 0 && (measured === 0 || Math.abs(row - measured) > measured * REESTIMATE)) setMeasured(Math.round(row));
  }, [start, end, count]); // eslint-disable-line react-hooks/exhaustive-deps
  // After a jump the reader's place is where the view now is.
  useLayoutEffect(() => {
    if (!jumped.current) return;
    jumped.current = false;
    landed();
  }, [start, end]); // eslint-disable-line react-hooks/exhaustive-deps
  // The room above changed with the estimate: the reader's row (or the end) back in place.
  useLayoutEffect(() => anchor.settle(), [rowHeight, anchor]);

  const letGo = useCallback(() => {
    holding.current = false;
    unlisten.current?.();
    unlisten.current = null;
    anchor.hold(false);
    // What changed meanwhile (the last message grew while the reader followed the end) is caught up now.
    anchor.settle();
  }, [anchor]);
  /** Waits for the scrolling to settle (re-armed by every scroll event), then gives corrections back. */
  const settleSoon = useCallback(() => {
    clearTimeout(settling.current);
    settling.current = setTimeout(letGo, SETTLED_MS);
  }, [letGo]);
  useEffect(
    () => () => {
      clearTimeout(settling.current);
      unlisten.current?.();
    },
    [],
  );

  /** The reader took hold: the thumb (a press on the container itself, not on a message) or a finger anywhere. */
  const onPointerDown = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.pointerType !== 'touch' && event.target !== event.currentTarget) return;
    const el = event.currentTarget;
    holding.current = true;
    down.current = true;
    clearTimeout(settling.current);
    anchor.hold(true);
    if (unlisten.current) return;
    // A pointerup may not reach the page after a drag of the scrollbar's thumb (and a touch scroll
    // ends in pointercancel): the end of the scroll, or the next move with no button pressed, tells too.
    const up = (e: Event) => {
      if (e.type === 'pointermove' && (e as PointerEvent).buttons !== 0) return;
      down.current = false;
      settleSoon();
    };
    const events = ['pointerup', 'pointercancel', 'pointermove'] as const;
    for (const type of events) window.addEventListener(type, up, true);
    el.addEventListener('scrollend', up);
    unlisten.current = () => {
      for (const type of events) window.removeEventListener(type, up, true);
      el.removeEventListener('scrollend', up);
    };
  };

  /**
   * Call on every scroll, with where the rendered rows are now (`rows()`). When the view is over
   * messages not rendered (entirely; while held, at all) renders those instead and returns `true`;
   * the caller then does nothing else.
   */
  const onScroll = (rows: RenderedRows | null): boolean => {
    if (holding.current && !down.current) settleSoon();
    const el = scroller();
    if (!el || !rows || rowHeight === 0) return false;
    const top = el.scrollTop;
    const bottom = top + el.clientHeight;
    const held = holding.current;
    const overEarlier = start > 0 && (held ? top < rows.top : bottom <= rows.top);
    const overLater = end < count && (held ? bottom > rows.bottom : top >= rows.bottom);
    if (!overEarlier && !overLater) return false;
    const index =
      top < rows.top
        ? Math.floor((top - rows.spanTop) / rowHeight)
        : top > rows.bottom
          ? end + Math.floor((top - rows.bottom) / rowHeight)
          : start + Math.floor(((top - rows.top) / Math.max(1, rows.bottom - rows.top)) * (end - start));
    jumped.current = true;
    anchor.forget();
    jumpTo(Math.max(0, Math.min(count - 1, index)));
    return true;
  };

  return {
    /** Height of the room above the rendered messages, px. */
    above: start * rowHeight,
    /** Height of the room below them, px. */
    below: (count - end) * rowHeight,
    onPointerDown,
    onScroll,
    /** Whether the reader's hand holds the scroll position now (no paging, no corrections). */
    holding: () => holding.current,
    /** Where the rendered rows are (`null` without layout). */
    rows: () => {
      const el = scroller();
      return el ? renderedRows(el) : null;
    },
  };
}
