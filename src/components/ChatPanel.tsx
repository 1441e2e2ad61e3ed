import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { isStopped } from '../core/connection';
import type { TranscriptFormat } from '../core/transcript';
import { downloadFile } from './download';
import { useParlant } from '../react/ParlantProvider';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { MessageList } from './MessageList';
import { SearchBar } from './SearchBar';
import { StatusIndicator } from './StatusIndicator';
import { cx, useChatUi } from './ui';
import { useConversationSearch } from './useConversationSearch';
import { useReadState, type ReadSettings } from './useReadState';

/** Props of {@link ChatPanel}. @example <ChatPanel title="Support" /> */
export interface ChatPanelProps {
  id?: string;
  title?: string | undefined;
  placeholder?: string | undefined;
  greeting?: ReactNode;
  /** Floating mode: closes the panel. */
  onClose?: () => void;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Offer the conversation as a file in this format from the header (off by default). */
  downloadTranscript?: TranscriptFormat | undefined;
  /** Unread settings: a position from an earlier visit, its reports, the page title. */
  read?: ReadSettings | undefined;
  /** Whether the customer can see the panel (a floating panel while open); default true. */
  attending?: boolean | undefined;
  /** The unread count, each time it changes (the floating launcher shows it). */
  onUnreadChange?: ((count: number) => void) | undefined;
}

const NO_SETTINGS: ReadSettings = {};

/** While the connection is in trouble the banner speaks; an empty conversation promises nothing. */
const TROUBLE = new Set(['reconnecting', 'offline', 'ended', 'unauthorized', 'failed']);

/**
 * The chat itself (header, connection banner, conversation, status, composer), reading the
 * conversation of the enclosing provider. Parts come from `components` when the host replaced them.
 * It keeps the customer's read position: messages that arrive while it is not `attending` (or
 * the page is hidden) are unread, and a "New messages" line marks the first of them.
 * The header's search button, or Ctrl/Cmd+F with the focus in the panel, opens a search through
 * the whole conversation; Escape closes it and puts the focus back where it was.
 * @example
 * <ParlantProvider server={url} agentId={id}>
 *   <ChatPanel title="Support" />
 * </ParlantProvider>
 */
export function ChatPanel({ id, title, placeholder, greeting, onClose, inputRef, downloadTranscript, read = NO_SETTINGS, attending = true, onUnreadChange }: ChatPanelProps) {
  const chat = useParlant();
  const { labels, classNames, components, markdown } = useChatUi();
  const Header = components.Header ?? ChatHeader;
  const Status = components.StatusIndicator ?? StatusIndicator;
  const Input = components.Composer ?? Composer;
  const agentName = chat.agent?.name ?? labels.agent;
  const stopped = isStopped(chat.connection.state);
  const { send } = chat;
  // Stable, so the memoized composer does not re-render on every event.
  const onSend = useCallback((text: string) => send(text) !== null, [send]);
  const { unread, unreadFrom } = useReadState(attending, read);
  useEffect(() => onUnreadChange?.(unread), [unread, onUnreadChange]);
  const { exportTranscript } = chat;
  const onDownload = useCallback(() => {
    if (downloadTranscript) downloadFile(exportTranscript(downloadTranscript), downloadTranscript, `conversation-${new Date().toISOString().slice(0, 10)}`);
  }, [exportTranscript, downloadTranscript]);

  const search = useConversationSearch(chat.messages, markdown.plainTextOver);
  const field = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const searchable = chat.messages.length > 0;
  const { show, hide } = search;
  const openSearch = useCallback(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== field.current) returnTo.current = active;
    // Open already: back to the field, its query selected to type a new one. Otherwise it mounts focused.
    field.current?.focus();
    field.current?.select();
    show();
  }, [show]);
  const closeSearch = useCallback(() => {
    hide();
    const back = returnTo.current;
    returnTo.current = null;
    (back?.isConnected ? back : field.current?.closest('section')?.querySelector<HTMLElement>('.parlant-scroller'))?.focus();
  }, [hide]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Inside the widget, Ctrl/Cmd+F searches the whole conversation: the browser's find sees only the rendered messages.
    if (searchable && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      openSearch();
    }
  };

  return (
    <section id={id} onKeyDown={onKeyDown} className={cx('parlant-panel', classNames.panel)} aria-label={title ?? chat.agent?.name ?? labels.title}>
      <Header title={title ?? chat.agent?.name ?? labels.title} subtitle={chat.agent?.description ?? null} connection={chat.connection.state} mode={chat.mode} operator={chat.operator} {...(onClose && { onClose })} {...(downloadTranscript && { onDownload })} {...(searchable && { onSearch: openSearch })} />
      {search.open && <SearchBar search={search} onClose={closeSearch} inputRef={field} />}
      <ConnectionBanner connection={chat.connection} onRetry={chat.reconnect} onStartOver={chat.reset} />
      <MessageList
        messages={chat.messages}
        footnotes={chat.footnotes}
        empty={TROUBLE.has(chat.connection.state) ? null : (greeting ?? <p>{labels.emptyState}</p>)}
        footer={<Status activity={chat.activity} agentName={agentName} />}
        onRetry={chat.retry}
        onDelete={chat.deleteMessage}
        onRetryReply={chat.retryReply}
        customEvents={chat.customEvents}
        search={search.open && search.hits ? { query: search.query, hits: search.hits, current: search.current, reveal: search.reveal } : undefined}
        unreadFrom={unreadFrom}
      />
      <Input
        ref={inputRef}
        onSend={onSend}
        placeholder={placeholder}
        disabledReason={stopped ? labels.composerDisabled : null}
      />
    </section>
  );
}
