import { Component, memo, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ChatMessage } from '../core/model';
import { sendOutcome } from '../core/policy';
import { useFeedback } from './feedback';
import { Markdown } from './markdown/Markdown';
import { MessageActions } from './MessageActions';
import { ToolFootnotes } from './ToolFootnotes';
import { timeFormat } from './timeFormat';
import { cx, useChatUi } from './ui';
import { selectContents, useCopy } from './useCopy';
import type { MessageProps } from './partProps';

export type { MessageProps } from './partProps';

/**
 * One chat message: author, time, Markdown text (safe), delivery state with retry for the
 * customer's own messages, and tool footnotes for the agent's. In inspect mode, the `inspect`
 * component under every message the server confirmed. `highlight` marks the text the
 * conversation search found in it.
 * @example <Message message={message} footnotes={footnotes} showAuthor onRetry={retry} />
 */
export const Message = /* @__PURE__ */ memo(function Message({ message, footnotes, showAuthor, onRetry, onDelete, onRetryReply, highlight, className, ...rest }: MessageProps) {
  const { labels, classNames, components, markdown, locale, inspect: Inspect } = useChatUi();
  const Footnotes = components.ToolFootnotes ?? ToolFootnotes;
  const bubble = useRef<HTMLDivElement>(null);
  // The actions are in the tab order only while focus is in this message (see rowFocus.ts).
  const [focused, setFocused] = useState(false);
  const author =
    message.role === 'customer' ? labels.you : message.role === 'human_agent' ? `${message.author || labels.humanAgent}` : message.author || labels.agent;
  return (
    <li
      className={cx('parlant-message', classNames.message, className)}
      data-role={message.role}
      data-source={message.source}
      data-delivery={message.delivery}
      data-streaming={message.streaming || undefined}
      tabIndex={-1}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget as Node | null))}
      {...rest}
    >
      {showAuthor && (
        <p className="parlant-author">
          {author}
          {message.role === 'human_agent' && <span className="parlant-author-badge">{labels.humanAgent}</span>}
        </p>
      )}
      <div ref={bubble} className={cx('parlant-bubble', classNames.bubble)} dir="auto">
        <MessageBoundary text={message.text}>
          <Markdown text={message.text} labels={labels} highlight={highlight} {...markdown} />
        </MessageBoundary>
      </div>
      <MessageFooter message={message} locale={locale} bubble={bubble} tabbable={focused} />
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
      {Inspect && message.eventId && <Inspect message={message} footnotes={footnotes} />}
    </li>
  );
});

/** The server refused the message itself (not the connection, not credentials): say so, in our words, not the server's. */
function rejected(message: ChatMessage): boolean {
  const { error } = message;
  return error !== undefined && sendOutcome(error) === 'rejected' && error.status !== 401 && error.status !== 403;
}

/**
 * Under the bubble: when it was sent (or that it is on its way) and the message's actions. One
 * component for both, so a message costs no more components than before it had actions.
 */
function MessageFooter(props: { message: ChatMessage; locale: string | undefined; bubble: RefObject<HTMLDivElement | null>; tabbable: boolean }) {
  const { message, locale, bubble, tabbable } = props;
  const { labels, announce } = useChatUi();
  const { copied, copy } = useCopy(
    () => message.text,
    () => selectContents(bubble.current),
  );
  const feedback = useFeedback(message.eventId);
  useEffect(() => {
    if (copied) announce(labels.copied);
  }, [copied, announce, labels.copied]);
  const time = Date.parse(message.createdAt);
  const meta =
    message.delivery === 'sending' ? labels.sending : message.delivery === 'queued' ? labels.queued : Number.isNaN(time) ? null : (
      <time dateTime={message.createdAt}>{timeFormat(locale).format(time)}</time>
    );
  return (
    <>
      {meta && <p className="parlant-meta">{meta}</p>}
      {message.delivery === 'sent' && <MessageActions message={message} labels={labels} copied={copied} onCopy={copy} feedback={feedback} announce={announce} tabbable={tabbable} />}
    </>
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
