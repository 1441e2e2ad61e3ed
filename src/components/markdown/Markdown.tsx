import { memo, useMemo } from 'react';
import { renderBlock } from './renderBlock';
import type { ChatLabels } from '../labels';
import { markdownLabels, type MarkdownPolicy, type RenderContext } from './context';
import { searchPattern } from '../../core/search';
import { highlight as mark } from './highlight';
import { DEFAULT_PLAIN_OVER, parseOrNot } from './shown';

export type { MarkdownPolicy } from './context';

/** Props of {@link Markdown}. @example <Markdown text="**hi**" /> */
export interface MarkdownProps extends MarkdownPolicy {
  text: string;
  /** Texts Markdown shows itself (blocked images, the copy button, table names); English by default. */
  labels?: Partial<Pick<ChatLabels, 'imageBlocked' | 'copyCode' | 'copied' | 'table'>>;
  /** Marks where this text appears (case-insensitive) with `<mark class="parlant-search-mark">`, in text and code. */
  highlight?: string | undefined;
}

/**
 * Renders untrusted Markdown as React elements: no raw HTML ever, links only to http(s)/mailto
 * with `rel="noopener noreferrer nofollow ugc"` and their host in the title, remote images only
 * from allowed origins (otherwise a link naming the host), tables that scroll inside the bubble,
 * and code blocks with a copy button. A message longer than `plainTextOver`, or one whose
 * Markdown would make more than 6,000 DOM nodes (thousands of tiny code blocks, say), is shown as
 * plain text: either would make one long main-thread task.
 * @example <Markdown text={message.text} allowedImageOrigins={['https://cdn.example.com']} />
 * @example <Markdown text="Your **refund** is on its way" highlight="refund" />
 */
export const Markdown = /* @__PURE__ */ memo(function Markdown({ text, plainTextOver = DEFAULT_PLAIN_OVER, labels, highlight, ...policy }: MarkdownProps) {
  const blocks = useMemo(() => parseOrNot(text, plainTextOver), [text, plainTextOver]);
  const pattern = highlight ? searchPattern(highlight) : null;
  if (!blocks) return <p className="parlant-md-plain">{mark(text, pattern)}</p>;
  const ctx: RenderContext = { policy, labels: markdownLabels(labels), highlight: pattern };
  return <>{blocks.map((block, i) => renderBlock(block, i, ctx))}</>;
});
