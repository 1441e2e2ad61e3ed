import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChatMessage } from '../core/model';
import { yieldToMain } from '../core/clock';
import { searchMessages, type SearchHit } from '../core/search';
import { shownText } from './markdown/shown';

/** Reading messages for the search stops after this long, to let the page paint and answer input. */
const SLICE_MS = 8;
/** Messages not read yet that are read at once, in the render that needs them (new messages while searching). */
const READ_AT_ONCE = 300;

/** Runs `work` when the page is idle (a timeout where `requestIdleCallback` is missing, as in Safari); returns its cancel. */
function whenIdle(work: (deadline?: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}

/**
 * Reads what the messages of `queue` show into `read`, from `from` on, while `more()` says so
 * (asked every 32 messages); returns where it stopped.
 */
function readSome(read: WeakMap<ChatMessage, string>, queue: readonly ChatMessage[], from: number, more: () => boolean, plainTextOver: number | undefined): number {
  let i = from;
  while (i < queue.length) {
    const message = queue[i++] as ChatMessage;
    if (!read.has(message)) read.set(message, shownText(message.text, plainTextOver));
    if ((i & 31) === 0 && !more()) break;
  }
  return i;
}

/** A `more()` for {@link readSome}: true for the next `ms` milliseconds. */
function until(ms: number): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() < end;
}

/** The conversation search of the widget: what is searched for, what was found, which one is shown. */
export interface ConversationSearch {
  open: boolean;
  query: string;
  /** Messages found, oldest first; `null` while a long conversation is still being read. */
  hits: SearchHit[] | null;
  /** The key of the message found that is shown now. */
  current: string | null;
  /** 1 for the newest message found, counting back. */
  position: number;
  /** Grows each time the current message found is to be brought into view. */
  reveal: number;
  setQuery(query: string): void;
  /** Steps to the earlier message found (`-1`, Enter) or the later one (`1`, Shift+Enter), wrapping around. */
  step(direction: -1 | 1): void;
  show(): void;
  hide(): void;
}

/**
 * Search through every message of the conversation, not only the rendered ones: it reads what
 * each message shows (its Markdown's text, see shownText), so what is found is what the reader
 * sees marked. Reading a message once is kept for as long as the message is unchanged. Messages
 * are read while the page is idle before the search is ever opened; what is left when it opens
 * is read in slices of a few milliseconds, yielding to the page between them (while the reader
 * types), so neither opening nor typing makes a long task; a query typed before that ends is
 * answered once it does. The newest message found is shown first; Enter goes back in time.
 * @example const search = useConversationSearch(messages, plainTextOver); search.setQuery('refund');
 */
export function useConversationSearch(messages: readonly ChatMessage[], plainTextOver: number | undefined): ConversationSearch {
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [reveal, setReveal] = useState(0);
  // The words of every message read so far, by message (a message changed is a new object).
  const [read] = useState(() => new WeakMap<ChatMessage, string>());
  const [readAll, setReadAll] = useState(0);

  const unread = useMemo(() => (open ? messages.filter((m) => !read.has(m)) : []), [open, messages, read, readAll]); // eslint-disable-line react-hooks/exhaustive-deps
  const pending = unread.length > READ_AT_ONCE;
  // A few new messages (arriving while the search is open) are read in the render that needs
  // them, into a map of their own; the effect below keeps them.
  const fresh = useMemo(() => new Map(pending ? [] : unread.map((m) => [m, shownText(m.text, plainTextOver)] as const)), [pending, unread, plainTextOver]);
  const textOf = useCallback((message: ChatMessage) => read.get(message) ?? fresh.get(message) ?? '', [read, fresh]);

  // Keeps what was read; a long conversation is read in slices, then searched.
  useEffect(() => {
    for (const [message, text] of fresh) read.set(message, text);
    if (!pending) return;
    let cancelled = false;
    void (async () => {
      let i = 0;
      while ((i = readSome(read, unread, i, until(SLICE_MS), plainTextOver)) < unread.length) {
        await yieldToMain();
        if (cancelled) return;
      }
      setReadAll((n) => n + 1);
    })();
    return () => {
      cancelled = true;
    };
  }, [pending, unread, fresh, read, plainTextOver]);

  // While the search is closed, what is not read yet is read when the page is idle, so opening it
  // finds at once even in a long conversation.
  useEffect(() => {
    if (open) return;
    let queue: ChatMessage[] | null = null;
    let i = 0;
    let cancel = () => {};
    const slice = (deadline?: IdleDeadline) => {
      queue ??= messages.filter((m) => !read.has(m));
      i = readSome(read, queue, i, deadline ? () => deadline.timeRemaining() > 1 : until(SLICE_MS), plainTextOver);
      if (i < queue.length) cancel = whenIdle(slice);
    };
    cancel = whenIdle(slice);
    return () => cancel();
  }, [open, messages, read, plainTextOver]);

  const hits = useMemo(() => (!open || pending ? null : searchMessages(messages, query, textOf)), [open, pending, messages, query, textOf]);
  let current: string | null = null;
  let at = -1;
  if (hits && hits.length > 0) {
    at = chosen === null ? -1 : hits.findIndex((hit) => hit.key === chosen);
    if (at < 0) at = hits.length - 1;
    current = (hits[at] as SearchHit).key;
  }

  const setQuery = useCallback((next: string) => {
    setQueryState(next);
    setChosen(null);
    setReveal((n) => n + 1);
  }, []);
  const step = (direction: -1 | 1) => {
    if (!hits || hits.length === 0) return;
    const next = (at + direction + hits.length) % hits.length;
    setChosen((hits[next] as SearchHit).key);
    setReveal((n) => n + 1);
  };
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => {
    setOpen(false);
    setQueryState('');
    setChosen(null);
  }, []);

  return { open, query, hits, current, position: hits && at >= 0 ? hits.length - at : 0, reveal, setQuery, step, show, hide };
}
