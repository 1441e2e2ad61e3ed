import { useCallback, type ReactNode, type Ref } from 'react';
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
  /** Key of the first unread message: a "New messages" separator goes before it. */
  unreadFrom?: string | null | undefined;
}

/** While the connection is in trouble the banner speaks; an empty conversation promises nothing. */
const TROUBLE = new Set(['reconnecting', 'offline', 'ended', 'unauthorized', 'failed']);

/**
 * The chat itself (header, connection banner, conversation, status, composer), reading the
 * conversation of the enclosing provider. Parts come from `components` when the host replaced them.
 * @example
 * <ParlantProvider server={url} agentId={id}>
 *   <ChatPanel title="Support" />
 * </ParlantProvider>
 */
export function ChatPanel({ id, title, placeholder, greeting, onClose, inputRef, downloadTranscript, unreadFrom }: ChatPanelProps) {
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
        unreadFrom={unreadFrom ?? null}
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
