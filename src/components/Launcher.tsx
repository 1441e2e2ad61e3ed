import { forwardRef } from 'react';
import { cx, useChatUi } from './ui';
import type { LauncherProps } from './partProps';

export type { LauncherProps } from './partProps';

/**
 * The round button of the floating widget, with the count of agent messages that arrived while
 * the panel was closed.
 * @example <Launcher open={open} unread={unread} onClick={() => setOpen(!open)} panelId="chat" />
 */
export const Launcher = /* @__PURE__ */ forwardRef<HTMLButtonElement, LauncherProps>(function Launcher({ open, unread, panelId, className, ...rest }, ref) {
  const { labels, classNames } = useChatUi();
  // A toggle keeps one name; aria-expanded tells whether the chat is open.
  const name = !open && unread > 0 ? `${labels.launcher}, ${labels.unread(unread)}` : labels.launcher;
  return (
    <button
      ref={ref}
      type="button"
      className={cx('parlant-launcher', classNames.launcher, className)}
      aria-expanded={open}
      aria-controls={panelId}
      aria-label={name}
      data-state={open ? 'open' : 'closed'}
      {...rest}
    >
      <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        ) : (
          <path d="M4 5.5A2.5 2.5 0 016.5 3h11A2.5 2.5 0 0120 5.5v8a2.5 2.5 0 01-2.5 2.5H10l-4.5 4v-4h0A1.5 1.5 0 014 14.5z" fill="currentColor" />
        )}
      </svg>
      {!open && unread > 0 && (
        <span className="parlant-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
});
