import { cx, useChatUi } from './ui';
import type { ToolFootnotesProps } from './partProps';
import { prettyJson } from './prettyJson';

export type { ToolFootnotesProps } from './partProps';

const MAX_CHARS = 4000;

/**
 * The tools whose results informed an agent message, collapsed to their names; expanding shows
 * each call's arguments and result as plain text.
 * @example <ToolFootnotes footnotes={footnotes.get(message.traceKey) ?? []} />
 */
export function ToolFootnotes({ footnotes, className, ...rest }: ToolFootnotesProps) {
  const { labels, classNames } = useChatUi();
  if (footnotes.length === 0) return null;
  return (
    <details className={cx('parlant-footnotes', classNames.footnotes, className)} {...rest}>
      <summary>
        <span className="parlant-footnotes-count">{labels.toolsUsed(footnotes.length)}</span>
        <span className="parlant-footnotes-names">{footnotes.map((f) => f.name).join(', ')}</span>
      </summary>
      <ul className="parlant-footnotes-list">
        {footnotes.map((footnote) => (
          <li key={footnote.key}>
            <p className="parlant-footnote-tool">
              <code>{footnote.toolId}</code>
            </p>
            <p className="parlant-footnote-label">{labels.toolArguments}</p>
            {/* Focusable: long values scroll (max-height), and keyboard users must reach them. */}
            <pre tabIndex={0}>{prettyJson(footnote.arguments, MAX_CHARS)}</pre>
            <p className="parlant-footnote-label">{labels.toolResult}</p>
            <pre tabIndex={0}>{prettyJson(footnote.result, MAX_CHARS)}</pre>
          </li>
        ))}
      </ul>
    </details>
  );
}
