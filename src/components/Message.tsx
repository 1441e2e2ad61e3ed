import { Component, memo, type ReactNode } from 'react';
import type { ChatMessage } from '../core/model';
import { sendOutcome } from '../core/policy';
import { Markdown } from './markdown/Markdown';
import { ToolFootnotes } from './ToolFootnotes';
import { timeFormat } from './timeFormat';
import { cx, useChatUi } from './ui';
import type { MessageProps } from './partProps';

export type { MessageProps } from './partProps';

/**
 * One chat message: author, time, Markdown text (safe), delivery state with retry for the
 * customer's own messages, and tool footnotes for the agent's.
 * @example <Message message={message} footnotes={footnotes} showAuthor onRetry={retry} />
 */
export const Message = /* @__PURE__ */ memo(function Message({ message, footnotes, showAuthor, onRetry, onDelete, onRetryReply, className, ...rest }: MessageProps) {
  const { labels, classNames, components, markdown, locale } = useChatUi();
  const Footnotes = components.ToolFootnotes ?? ToolFootnotes;
  const author =
    message.role === 'customer' ? labels.you : message.role === 'human_agent' ? `${message.author || labels.humanAgent}` : message.author || labels.agent;
  return (
    <li
      className={cx('parlant-message', classNames.message, className)}
      data-role={message.role}
      data-source={message.source}
      data-delivery={message.delivery}
      data-streaming={message.streaming || undefined}
      {...rest}
    >
      {showAuthor && (
        <p className="parlant-author">
          {author}
          {message.role === 'human_agent' && <span className="parlant-author-badge">{labels.humanAgent}</span>}
        </p>
      )}
      <div className={cx('parlant-bubble', classNames.bubble)} dir="auto">
        <MessageBoundary text={message.text}>
          <Markdown text={message.text} labels={labels} {...markdown} />
        </MessageBoundary>
      </div>
      <MessageMeta message={message} locale={locale} />
      {message.delivery === 'failed' && message.clientId && (
        <p className="parlant-failed" role="alert">
          <span>{labels.notSent}</span>
          {rejected(message) && <span>{labels.notSentRejected}</span>}
          <button type="button" className="parlant-link-button" onClick={() => onRetry?.(message.clientId as string)}>
            {labels.retry}
          </button>
          <button type="button" className="parlant-link-button" onClick={() => onDelete?.(message.clientId as string)}>
            {labels.deleteMessage}
          </button>
        </p>
      )}
      {message.agentFailed && (
        <p className="parlant-failed" role="alert">
          <span>{labels.agentFailed}</span>
          {message.canRetryReply && onRetryReply && (
            <button type="button" className="parlant-link-button" onClick={() => onRetryReply(message.key)}>
              {labels.tryAgain}
            </button>
          )}
        </p>
      )}
      {message.role !== 'customer' && footnotes.length > 0 && <Footnotes footnotes={footnotes} />}
    </li>
  );
});

/** The server refused the message itself (not the connection, not credentials): say so, in our words, not the server's. */
function rejected(message: ChatMessage): boolean {
  const { error } = message;
  return error !== undefined && sendOutcome(error) === 'rejected' && error.status !== 401 && error.status !== 403;
}

function MessageMeta({ message, locale }: { message: ChatMessage; locale: string | undefined }) {
  const { labels } = useChatUi();
  const time = Date.parse(message.createdAt);
  if (message.delivery === 'sending') return <p className="parlant-meta">{labels.sending}</p>;
  if (message.delivery === 'queued') return <p className="parlant-meta">{labels.queued}</p>;
  if (Number.isNaN(time)) return null;
  return (
    <p className="parlant-meta">
      <time dateTime={message.createdAt}>{timeFormat(locale).format(time)}</time>
    </p>
  );
}

/** If a message cannot be rendered as Markdown, show its text instead of breaking the list. */
class MessageBoundary extends Component<{ text: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p className="parlant-md-plain">{this.props.text}</p> : this.props.children;
  }
}
