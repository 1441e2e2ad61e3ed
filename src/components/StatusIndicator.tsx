import { cx, useChatUi } from './ui';
import type { StatusIndicatorProps } from './partProps';

export type { StatusIndicatorProps } from './partProps';

/**
 * What the agent is doing, under the last message: thinking (with the stage Parlant reports),
 * typing dots, or waiting for the message to be picked up. Announced politely to screen readers.
 * Errors are shown on the message they belong to, not here.
 * @example <StatusIndicator activity={activity} agentName={agent?.name ?? 'Agent'} />
 */
export function StatusIndicator({ activity, agentName, className, ...rest }: StatusIndicatorProps) {
  const { labels, classNames } = useChatUi();
  const text =
    activity.state === 'typing'
      ? labels.typing(activity.who === 'human' ? activity.name || labels.humanAgent : agentName)
      : activity.state === 'thinking'
        ? labels.thinking(activity.stage)
        : activity.state === 'waiting'
          ? labels.waiting
          : '';
  return (
    <div role="status" className={cx('parlant-status', classNames.status, className)} data-state={activity.state} {...rest}>
      {text && (
        <>
          <span className="parlant-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="parlant-status-text">{text}</span>
        </>
      )}
    </div>
  );
}
