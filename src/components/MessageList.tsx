import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import type { ParlantEvent } from '../core/types';
import type { ChatMessage, ToolFootnote } from '../core/model';
import type { SearchHit } from '../core/search';
import { Announcer } from './Announcer';
import { handoffAt } from './handoff';
import { moveBetweenRows } from './rowFocus';
import { Message } from './Message';
import { cx, useChatUi } from './ui';
import { useMessageWindow } from './useMessageWindow';
import { useConversationSpan } from './useConversationSpan';
import { useScrollAnchor } from './useScrollAnchor';

/** Props of {@link MessageList}. @example <MessageList messages={messages} footnotes={new Map()} /> */
export interface MessageListProps extends ComponentProps<'div'> {
  messages: ChatMessage[];
  footnotes: ReadonlyMap<string, ToolFootnote[]>;
  /** Shown when there are no messages yet. */
  empty?: ReactNode;
  /** Rendered after the last message (the status line). */
  footer?: ReactNode;
  onRetry?: (clientId: string) => void;
  onDelete?: (clientId: string) => void;
  onRetryReply?: (messageKey: string) => void;
  /** Custom events, shown in offset order among the messages when `components.CustomEvent` renders them. */
  customEvents?: ParlantEvent[];
  /** A search through the conversation: its messages found are marked, the current one brought into view. */
  search?: MessageListSearch | undefined;
  /** Key of the first unread message: a "New messages" separator goes before it. */
  unreadFrom?: string | null;
}

/**
 * What {@link MessageList} shows of a search: the query marked in the messages found, the current
 * one outlined (`data-search-hit="current"` on its row) and brought into view, rendered first if
 * it is outside the window of rendered messages.
 * @example const s: MessageListSearch = { query: 'refund', hits: search('refund'), current: hits.at(-1)?.key ?? null, reveal: 1 };
 */
export interface MessageListSearch {
  query: string;
  /** The messages found (e.g. the hook's `search(query)`). */
  hits: readonly SearchHit[];
  /** The key of the message found to show. */
  current: string | null;
  /** Change it to bring `current` into view again (each step through the results). */
  reveal: number;
}

const NEAR_BOTTOM_PX = 48;
const NEAR_TOP_PX = 32;
const NO_FOOTNOTES: ToolFootnote[] = [];

/**
 * The conversation as an ARIA log; new messages (and only they) are announced politely. Sticks to
 * the bottom as messages arrive unless the reader scrolled up; then a "New messages" button takes
 * them down. Marks the moment a human operator joins. Long conversations are virtualized (see
 * useMessageWindow): at most 200 rows in the DOM, pages coming and going as the reader scrolls,
 * and a scrollbar that spans the whole conversation (see useConversationSpan).
 * @example <MessageList messages={messages} footnotes={footnotes} footer={<StatusIndicator … />} />
 */
export function MessageList({ messages, footnotes, empty, footer, onRetry, onDelete, onRetryReply, customEvents, unreadFrom = null, search, className, ...rest }: MessageListProps) {
  const { labels, classNames, components } = useChatUi();
  const Item = components.Message ?? Message;
  const Custom = components.CustomEvent;
  const renderCustom = (key: string) =>
    Custom && customAfter?.get(key)?.map((event) => (
      <li key={event.id} className="parlant-custom-event" data-source={event.source}>
        <Custom event={event} />
      </li>
    ));
  const scroller = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const count = useRef(messages.length);
  const container = useCallback(() => scroller.current, []);
  const anchor = useScrollAnchor(container);
  const { start, end, showEarlier, showLater, showLatest, showAround, jumpTo } = useMessageWindow(messages.length, pinned, anchor);
  const atLatest = end === messages.length;
  /** Notes where the reader is after a scroll: following the live end (at the bottom of the newest messages) or not. */
  const notePlace = () => {
    const el = scroller.current;
    const following = !!el && atLatest && el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_BOTTOM_PX;
    setPinned(following);
    anchor.remember(following);
    if (following) setUnseen(0);
  };
  const span = useConversationSpan({ scroller: container, start, end, count: messages.length, anchor, jumpTo, landed: notePlace });
  const found = useMemo(() => new Set(search?.hits.map((hit) => hit.key)), [search?.hits]);
  const customAfter = Custom && customEvents ? placeCustomEvents(messages, customEvents, start, end) : null;

  const toBottom = useCallback(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    anchor.remember(true);
    showLatest();
    setUnseen(0);
    setPinned(true);
  }, [anchor, showLatest]);

  useLayoutEffect(() => {
    const added = messages.length - count.current;
    count.current = messages.length;
    if (pinned) {
      const el = scroller.current;
      if (el) el.scrollTop = el.scrollHeight;
      return;
    }
    // A message above the reader changed (edited, streamed, flagged): keep their place now, in
    // this commit; the resize observer covers changes React does not make (fonts, images).
    anchor.restore();
    if (added > 0) setUnseen((n) => n + added);
  }, [messages, footer, pinned, end, anchor]);

  // The search asks for its current message: render it (a screen of rows around it; in a task of
  // its own after the one that found it) and, once its row is in the DOM, scroll it into view
  // unless it is in view already.
  const revealing = useRef<string | null>(null);
  const current = search?.current ?? null;
  const reveal = search?.reveal;
  /** Scrolls the row of the current message found into view, once it is rendered; true when done. */
  const bringIntoView = () => {
    const el = scroller.current;
    const row = el?.querySelector<HTMLElement>('[data-search-hit="current"]');
    if (!el || !row) return false;
    revealing.current = null;
    const view = el.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    if (box.top >= view.top && box.bottom <= view.bottom) return true;
    // Centred (its top in view when it is taller than the view); the page around the widget does not move.
    el.scrollTop += box.top - view.top - Math.max(0, (view.height - box.height) / 2);
    anchor.remember(false);
    setPinned(false);
    return true;
  };
  useEffect(() => {
    if (current === null) return;
    const index = search?.hits.find((hit) => hit.key === current)?.index ?? -1;
    if (messages[index]?.key !== current) return;
    revealing.current = current;
    showAround(index);
    // Rendered already: now. Otherwise once its rows are (below).
    bringIntoView();
  }, [current, reveal]); // eslint-disable-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (revealing.current !== null) bringIntoView();
  }, [current, reveal, start, end, anchor]); // eslint-disable-line react-hooks/exhaustive-deps

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    notePlace();
    const rows = span.rows();
    if (span.onScroll(rows) || span.holding()) return;
    // Near either end of the rendered messages, the next page comes in (the reader's row kept in place).
    if (el.scrollTop <= (rows && span.above > 0 ? rows.top : 0) + NEAR_TOP_PX && start > 0) showEarlier();
    else if (!atLatest && el.scrollTop + el.clientHeight >= (rows && span.below > 0 ? rows.bottom : el.scrollHeight) - NEAR_BOTTOM_PX) showLater();
  };

  return (
    // Focusable so keyboard users can scroll back through a history that has no links or buttons.
    <div className={cx('parlant-scroller', className)} ref={scroller} onScroll={onScroll} onPointerDown={span.onPointerDown} onKeyDown={moveBetweenRows} tabIndex={0} {...rest}>
      {messages.length === 0 && empty ? <div className="parlant-empty">{empty}</div> : null}
      {/* role="log" wraps the list (on the <ol> itself it would take away the list semantics). It
          is not live: pages of earlier messages enter it as the reader scrolls; the Announcer
          reads out new messages only. */}
      <div role="log" aria-live="off" aria-label={labels.messages}>
        {/* Room for the messages not rendered, so the scrollbar is the whole conversation. */}
        <div className="parlant-span" aria-hidden="true" style={{ height: span.above }} />
        {start > 0 && (
          <button type="button" className="parlant-earlier" onClick={showEarlier}>
            {labels.showEarlier(start)}
          </button>
        )}
        <ol className={cx('parlant-log', classNames.messageList)}>
          {start === 0 && renderCustom('')}
          {messages.slice(start, end).map((message, offset) => {
            const i = start + offset;
            const previous = messages[i - 1];
            const showAuthor = !previous || previous.role !== message.role || previous.author !== message.author;
            const handoff = handoffAt(messages, i);
            return (
              <Fragment key={message.key}>
                {message.key === unreadFrom && (
                  <li className="parlant-event-note" data-kind="unread">
                    {labels.unreadSeparator}
                  </li>
                )}
                {handoff && (
                  <li className="parlant-event-note" data-kind="handoff">
                    {handoff === 'human' ? labels.humanJoined(message.author || labels.humanAgent) : labels.agentBack(message.author || labels.agent)}
                  </li>
                )}
                <Item
                  {...(found.has(message.key) && { highlight: search?.query, 'data-search-hit': message.key === current ? 'current' : 'match' })}
                  message={message}
                  footnotes={footnotes.get(message.traceKey) ?? NO_FOOTNOTES}
                  showAuthor={showAuthor}
                  {...(onRetry && { onRetry })}
                  {...(onDelete && { onDelete })}
                  {...(onRetryReply && { onRetryReply })}
                />
                {renderCustom(message.key)}
              </Fragment>
            );
          })}
        </ol>
        {!atLatest && (
          <button type="button" className="parlant-earlier" onClick={showLater}>
            {labels.showLater(messages.length - end)}
          </button>
        )}
        <div className="parlant-span" aria-hidden="true" style={{ height: span.below }} />
      </div>
      <Announcer messages={messages} />
      {atLatest && footer}
      {(unseen > 0 || !atLatest) && (
        <button type="button" className="parlant-new-messages" onClick={toBottom}>
          {unseen > 0 ? `${labels.newMessages} (${unseen})` : labels.latestMessages}
        </button>
      )}
    </div>
  );
}

/**
 * Custom events of the rendered messages `[start, end)`, grouped under the message they follow by
 * offset ('' for those before any message, when the window starts at the first).
 */
function placeCustomEvents(messages: ChatMessage[], events: ParlantEvent[], start: number, end: number): Map<string, ParlantEvent[]> {
  const placed = new Map<string, ParlantEvent[]>();
  const offsetOf = (i: number) => messages[i]?.offset ?? Infinity;
  const from = start === 0 ? -Infinity : offsetOf(start);
  const to = end >= messages.length ? Infinity : offsetOf(end);
  let m = start;
  let after = '';
  for (const event of events) {
    if (event.offset <= from || event.offset >= to) continue;
    while (m < end && offsetOf(m) < event.offset) after = (messages[m++] as ChatMessage).key;
    placed.set(after, [...(placed.get(after) ?? []), event]);
  }
  return placed;
}
