import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ChatMessage } from '../core/model';
import { useParlant } from '../react/ParlantProvider';

/** How far the customer has read: the offset of the last event seen, and that event's id. @example onReadChange={(read: ReadPosition) => save(read.offset)} */
export interface ReadPosition {
  offset: number;
  eventId: string;
}

/** Unread settings of the widget (see the `ParlantChatbox` props of the same names). @example const s: ReadSettings = { unreadInTitle: true }; */
export interface ReadSettings {
  /** Where the customer stopped reading on an earlier visit; without it the history counts as read. */
  readOffset?: number | undefined;
  /** Each time the read position moves forward. */
  onReadChange?: ((read: ReadPosition) => void) | undefined;
  /** While the page is hidden, the unread count in front of the page title. */
  unreadInTitle?: boolean | undefined;
  /** Also write the read position to the session's `consumption_offsets.client`. */
  markReadOnServer?: boolean | undefined;
}

/** Whether the page is in front of the customer, as the conversation's page watcher sees it (the `environment` option). */
function usePageVisible(): boolean {
  const page = useParlant((chat) => chat.chat.page);
  return useSyncExternalStore(page.subscribe, () => page.visible, () => true);
}

const fromOthers = (message: ChatMessage) => message.role !== 'customer' && message.offset !== undefined;

/** The offset of the newest message the server has stored (-1 for none). */
function latestOffset(messages: ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const offset = messages[i]?.offset;
    if (offset !== undefined) return offset;
  }
  return -1;
}

/**
 * Unread messages, local first. Messages count as read while `attending` (the panel is open) and
 * the page is visible; the count covers messages from the agent and operators after the read
 * position. Each time attention starts, `unreadFrom` names the first unread message (where the
 * "New messages" separator goes) and keeps it until the next time. The read position is reported
 * through `onReadChange` and, when asked, written to the server.
 * @example const { unread, unreadFrom } = useReadState(open, { unreadInTitle: true });
 */
export function useReadState(attending: boolean, settings: ReadSettings): { unread: number; unreadFrom: string | null } {
  const messages = useParlant((chat) => chat.messages);
  const historyLoaded = useParlant((chat) => chat.historyLoaded);
  const markRead = useParlant((chat) => chat.chat.markRead);
  const visible = usePageVisible();
  const latest = latestOffset(messages);
  const attended = attending && visible && historyLoaded;

  const [state, setState] = useState<{ read: number | null; from: string | null; attended: boolean }>(() => ({
    read: settings.readOffset ?? null,
    from: null,
    attended: false,
  }));
  let next = state;
  // Everything in the history counts as read when no earlier position was given: a resumed
  // conversation is not news.
  if (next.read === null && historyLoaded) next = { ...next, read: latest };
  if (attended !== next.attended) {
    const read = next.read ?? latest;
    next = { ...next, attended, from: attended ? (messages.find((m) => fromOthers(m) && (m.offset as number) > read)?.key ?? null) : next.from };
  }
  if (attended && latest > (next.read ?? -1)) next = { ...next, read: latest };
  if (next !== state) setState(next);

  const read = next.read ?? Infinity;
  const unread = messages.reduce((n, m) => (fromOthers(m) && (m.offset as number) > read ? n + 1 : n), 0);

  const reported = useRef(settings.readOffset ?? -1);
  const { onReadChange, markReadOnServer } = settings;
  useEffect(() => {
    if (state.read === null || state.read <= reported.current) return;
    reported.current = state.read;
    const event = messages.findLast((m) => m.offset !== undefined && m.offset <= (state.read as number));
    if (event?.eventId) onReadChange?.({ offset: state.read, eventId: event.eventId });
    if (markReadOnServer) markRead(state.read);
  }, [state.read, messages, onReadChange, markReadOnServer, markRead]);

  useTitleCount(settings.unreadInTitle && !visible ? unread : 0);
  return { unread, unreadFrom: next.from };
}

/** Puts `(count)` in front of the page title while count > 0, and takes it away after (unless the page changed its title meanwhile). */
function useTitleCount(count: number): void {
  useEffect(() => {
    if (count <= 0) return;
    const base = document.title;
    const shown = `(${count}) ${base}`;
    document.title = shown;
    return () => {
      if (document.title === shown) document.title = base;
    };
  }, [count]);
}
