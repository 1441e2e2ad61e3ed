import { useEffect, useState } from 'react';
import type { Connection } from '../core/connection';
import { cx, useChatUi } from './ui';

/** Props of {@link ConnectionBanner}. @example <ConnectionBanner connection={c} onRetry={reconnect} onStartOver={reset} /> */
export interface ConnectionBannerProps {
  connection: Connection;
  onRetry: () => void;
  onStartOver: () => void;
  /** Monotonic clock the connection times come from (default `performance.now`). */
  now?: () => number;
}

const GRACE_MS = 5000;
const UNREACHABLE_MS = 30_000;

/**
 * Tells the customer the truth about the connection, with what they can do: nothing for blips
 * under 5 s, "Reconnecting…" after that, "Can't reach the server · Retry now" after 30 s,
 * "offline" at once, and for an ended session or a refused one a clear state with a way out.
 * Never the server's own error text.
 * @example <ConnectionBanner connection={connection} onRetry={reconnect} onStartOver={reset} />
 */
export function ConnectionBanner({ connection, onRetry, onStartOver, now = () => performance.now() }: ConnectionBannerProps) {
  const { labels, classNames } = useChatUi();
  const [, tick] = useState(0);
  const reconnecting = connection.state === 'reconnecting';
  useEffect(() => {
    if (!reconnecting) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [reconnecting]);

  const down = reconnecting ? now() - connection.since : 0;
  let text: string | null = null;
  let action: 'retry' | 'restart' | null = null;
  let countdown: number | null = null;
  if (connection.state === 'offline') text = labels.bannerOffline;
  else if (connection.state === 'ended') [text, action] = [labels.bannerEnded, 'restart'];
  else if (connection.state === 'unauthorized') [text, action] = [labels.bannerUnauthorized, 'retry'];
  else if (connection.state === 'failed') [text, action] = [labels.bannerFailed, 'retry'];
  else if (reconnecting && down >= UNREACHABLE_MS) {
    [text, action] = [labels.bannerUnreachable, 'retry'];
    if (connection.retryAt !== undefined) countdown = Math.max(0, Math.ceil((connection.retryAt - now()) / 1000));
  } else if (reconnecting && down >= GRACE_MS) text = labels.bannerReconnecting;
  if (!text) return null;

  return (
    <div className={cx('parlant-banner', classNames.banner)} data-state={connection.state}>
      {/* Only the state is an alert: the countdown next to it changes every second and is not
          read out again each time. */}
      <span role="alert">{text}</span>
      {countdown !== null && <span className="parlant-banner-countdown">{labels.retryingIn(countdown)}</span>}
      {action === 'retry' && (
        <button type="button" className="parlant-link-button" onClick={onRetry}>
          {labels.retryNow}
        </button>
      )}
      {action === 'restart' && (
        <button type="button" className="parlant-link-button" onClick={onStartOver}>
          {labels.startOver}
        </button>
      )}
    </div>
  );
}
