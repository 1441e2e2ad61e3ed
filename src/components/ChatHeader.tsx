import { memo } from 'react';
import type { ConnectionState } from '../core/connection';
import { cx, useChatUi } from './ui';
import type { ChatHeaderProps } from './partProps';

export type { ChatHeaderProps } from './partProps';

// Nothing is claimed before the server was asked anything (a lazy session not created yet).
const SHOWN: Partial<Record<ConnectionState, 'connecting' | 'live' | 'reconnecting' | 'offline'>> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

/**
 * The panel's title bar: agent name and connection state, who the customer is talking to while a
 * human operator has the conversation (announced when it changes), a search button when there is
 * something to search, and a close button when floating.
 * @example <ChatHeader title="Support" connection="reconnecting" onClose={() => setOpen(false)} />
 * @example <ChatHeader title="Support" connection="live" mode="manual" operator="Dana" />
 */
export const ChatHeader = /* @__PURE__ */ memo(function ChatHeader({ title, subtitle, connection, mode, operator, onClose, onDownload, onSearch, className, ...rest }: ChatHeaderProps) {
  const { labels, classNames } = useChatUi();
  const state = SHOWN[connection];
  const human = mode === 'manual';
  return (
    <header className={cx('parlant-header', classNames.header, className)} data-mode={human ? 'human' : undefined} {...rest}>
      <div className="parlant-header-text">
        <h2 className="parlant-title">{title}</h2>
        {/* Polite status: the customer hears when a human takes over, and when that ends. */}
        <p className="parlant-handoff" role="status">
          {human ? labels.humanInCharge(operator || labels.humanAgent) : ''}
        </p>
        {state ? (
          <p className="parlant-connection" data-state={state}>
            <span className="parlant-connection-dot" aria-hidden="true" />
            {labels.connection[state]}
          </p>
        ) : subtitle ? (
          <p className="parlant-subtitle">{subtitle}</p>
        ) : null}
      </div>
      {onSearch && (
        <button type="button" className="parlant-icon-button" onClick={onSearch} aria-label={labels.search} title={labels.search} aria-keyshortcuts="Control+F Meta+F">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M7 2.75a4.25 4.25 0 1 0 0 8.5 4.25 4.25 0 0 0 0-8.5zM10.2 10.2 13.5 13.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      )}
      {onDownload && (
        <button type="button" className="parlant-icon-button" onClick={onDownload} aria-label={labels.downloadTranscript} title={labels.downloadTranscript}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M8 2.5v8m-3.5-3.5L8 10.5 11.5 7M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      )}
      {onClose && (
        <button type="button" className="parlant-icon-button" onClick={onClose} aria-label={labels.closeChat}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </header>
  );
});
