import type { Json } from '../core/types';
import { cx, useChatUi } from './ui';
import type { ToolFootnotesProps } from './partProps';

export type { ToolFootnotesProps } from './partProps';

const MAX_CHARS = 4000;

/** Tool output is data, never markup: shown as indented JSON text, cut when huge. */
function pretty(value: Json | Record<string, Json>): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  } catch {
    text = String(value);
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n…` : text;
}

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
            <pre tabIndex={0}>{pretty(footnote.arguments)}</pre>
            <p className="parlant-footnote-label">{labels.toolResult}</p>
            <pre tabIndex={0}>{pretty(footnote.result)}</pre>
          </li>
        ))}
      </ul>
    </details>
  );
}
