import { forwardRef, memo, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { cx, useChatUi } from './ui';
import type { ComposerProps } from './partProps';

export type { ComposerProps } from './partProps';

/**
 * Where the customer writes: multi-line, Enter sends, Shift+Enter starts a new line, Enter while
 * an input method is composing never sends. The box empties at once on send, so a double press
 * sends once. Over the length limit it says so and does not send.
 * @example <Composer onSend={send} placeholder="Ask about your order" />
 */
export const Composer = /* @__PURE__ */ memo(
  forwardRef<HTMLTextAreaElement, ComposerProps>(function Composer(
  { onSend, placeholder, disabledReason, className, ...rest },
  inputRef,
) {
  const { labels, classNames, maxMessageLength } = useChatUi();
  const [text, setText] = useState('');
  const hintId = useId();
  const length = text.length;
  const tooLong = length > maxMessageLength;
  const nearLimit = length > maxMessageLength * 0.8;
  const disabled = Boolean(disabledReason);
  const canSend = !disabled && !tooLong && text.trim() !== '';

  const submit = () => {
    if (!canSend) return;
    if (onSend(text) !== false) setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const hint = disabledReason ?? (tooLong ? labels.tooLong(length, maxMessageLength) : nearLimit ? labels.charactersLeft(maxMessageLength - length) : null);
  return (
    <form className={cx('parlant-composer', classNames.composer, className)} onSubmit={onSubmit} data-disabled={disabled || undefined} {...rest}>
      <textarea
        ref={inputRef}
        className="parlant-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={placeholder ?? labels.placeholder}
        aria-label={labels.messageInput}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={tooLong || undefined}
        disabled={disabled}
        rows={1}
        dir="auto"
        enterKeyHint="send"
      />
      <button type="submit" className="parlant-send" disabled={!canSend} aria-label={labels.send}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M3 10l14-7-5 14-2.5-5.5L3 10z" fill="currentColor" />
        </svg>
      </button>
      {hint && (
        <p id={hintId} className="parlant-composer-hint" data-tone={tooLong || disabled ? 'error' : 'info'} aria-live="polite">
          {hint}
        </p>
      )}
    </form>
  );
}),
);
