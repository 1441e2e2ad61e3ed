import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ChatMessage } from '../core/model';
import type { FeedbackValue, MessageFeedback } from './feedback';
import type { ChatLabels } from './labels';

/**
 * The actions under a message: copy it, and for agent replies (when the host takes feedback)
 * thumbs up or down. A verdict is reported at once; a reason, if the customer adds one, is
 * reported again with it. Buttons are always there (nothing appears only on hover), labelled, and
 * in the tab order; the form for a reason takes focus and gives it back.
 */
export function MessageActions(props: {
  message: ChatMessage;
  labels: ChatLabels;
  copied: boolean;
  onCopy: () => void;
  feedback: { current: MessageFeedback | undefined; give: (feedback: MessageFeedback) => void } | null;
  announce: (text: string) => void;
  /** In the tab order only while the message has focus (arrow keys move between messages). */
  tabbable: boolean;
}) {
  const { message, labels, copied, onCopy, feedback, announce, tabbable } = props;
  const [asking, setAsking] = useState<FeedbackValue | null>(null);
  const tabIndex = tabbable || asking !== null ? 0 : -1;
  const thumbs = useRef<Record<FeedbackValue, HTMLButtonElement | null>>({ up: null, down: null });
  const rateable = feedback !== null && message.role === 'agent' && message.eventId !== undefined && !message.streaming;
  const verdict = (value: FeedbackValue, reason?: string): MessageFeedback => ({
    messageId: message.eventId as string,
    traceId: message.traceKey,
    value,
    ...(reason ? { reason } : {}),
  });
  const rate = (value: FeedbackValue) => {
    feedback?.give(verdict(value));
    setAsking(value);
  };
  const close = (value: FeedbackValue, reason?: string) => {
    if (reason) feedback?.give(verdict(value, reason));
    setAsking(null);
    announce(labels.feedbackThanks);
    thumbs.current[value]?.focus();
  };

  return (
    <>
      <div className="parlant-actions" role="group" aria-label={labels.messageActions}>
        <button type="button" className="parlant-action" tabIndex={tabIndex} onClick={onCopy} aria-label={copied ? labels.copied : labels.copyMessage} title={labels.copyMessage}>
          {icon(copied ? 'M3.5 8.5l3 3 6-7' : 'M5 5V3.5h7.5v7.5H11M3.5 5h7.5v7.5H3.5z')}
        </button>
        {rateable &&
          (['up', 'down'] as const).map((value) => (
            <button
              key={value}
              ref={(el) => void (thumbs.current[value] = el)}
              type="button"
              className="parlant-action"
              tabIndex={tabIndex}
              aria-pressed={feedback.current?.value === value}
              aria-label={value === 'up' ? labels.helpful : labels.notHelpful}
              title={value === 'up' ? labels.helpful : labels.notHelpful}
              onClick={() => rate(value)}
            >
              {icon(THUMB, value === 'down')}
            </button>
          ))}
      </div>
      {asking && <FeedbackReason labels={labels} onDone={(reason) => close(asking, reason)} />}
    </>
  );
}

const THUMB = 'M5 7.5v6H2.5v-6zM5 7.5l2.5-5c1 0 1.8.8 1.6 1.8L8.6 6.5h3.6c.8 0 1.4.8 1.2 1.6l-1 4.2c-.2.7-.8 1.2-1.5 1.2H5';

/** A stroked 16px icon: plain elements, not a component (a new message costs no extra component for it). */
function icon(path: string, flip = false) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" style={flip ? { transform: 'scaleY(-1)' } : undefined}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

/** The optional reason: Send reports it, Skip or Escape closes without one. */
function FeedbackReason({ labels, onDone }: { labels: ChatLabels; onDone: (reason?: string) => void }) {
  const [reason, setReason] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(reason.trim() || undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onDone();
  };
  return (
    <form className="parlant-feedback" onSubmit={submit} onKeyDown={onKeyDown}>
      <label className="parlant-feedback-label">
        {labels.feedbackReason}
        <textarea ref={input} className="parlant-input" rows={2} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} dir="auto" />
      </label>
      <div className="parlant-feedback-buttons">
        <button type="button" className="parlant-link-button" onClick={() => onDone()}>
          {labels.skipFeedback}
        </button>
        <button type="submit" className="parlant-link-button">
          {labels.sendFeedback}
        </button>
      </div>
    </form>
  );
}
