import { useCallback, useEffect, type ReactNode, type Ref } from 'react';
import { isStopped } from '../core/connection';
import type { TranscriptFormat } from '../core/transcript';
import { downloadFile } from './download';
import { useParlant } from '../react/ParlantProvider';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { MessageList } from './MessageList';
import { StatusIndicator } from './StatusIndicator';
import { cx, useChatUi } from './ui';
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
 * @example
 * <ParlantProvider server={url} agentId={id}>
 *   <ChatPanel title="Support" />
 * </ParlantProvider>
 */
export function ChatPanel({ id, title, placeholder, greeting, onClose, inputRef, downloadTranscript, read = NO_SETTINGS, attending = true, onUnreadChange }: ChatPanelProps) {
  const chat = useParlant();
  const { labels, classNames, components } = useChatUi();
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

  return (
    <section id={id} className={cx('parlant-panel', classNames.panel)} aria-label={title ?? chat.agent?.name ?? labels.title}>
      <Header title={title ?? chat.agent?.name ?? labels.title} subtitle={chat.agent?.description ?? null} connection={chat.connection.state} mode={chat.mode} operator={chat.operator} {...(onClose && { onClose })} {...(downloadTranscript && { onDownload })} />
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
