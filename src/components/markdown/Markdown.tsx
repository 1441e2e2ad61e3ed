import { memo, useMemo } from 'react';
import { renderBlock } from './renderBlock';
import type { ChatLabels } from '../labels';
import { markdownLabels, type MarkdownPolicy, type RenderContext } from './context';
import { parseMarkdown } from './parse';

export type { MarkdownPolicy } from './context';

/** Props of {@link Markdown}. @example <Markdown text="**hi**" /> */
export interface MarkdownProps extends MarkdownPolicy {
  text: string;
  /** Texts Markdown shows itself (blocked images, the copy button, table names); English by default. */
  labels?: Partial<Pick<ChatLabels, 'imageBlocked' | 'copyCode' | 'copied' | 'table'>>;
}

const DEFAULT_PLAIN_OVER = 20_000;

/**
 * Renders untrusted Markdown as React elements: no raw HTML ever, links only to http(s)/mailto
 * with `rel="noopener noreferrer nofollow ugc"` and their host in the title, remote images only
 * from allowed origins (otherwise a link naming the host), tables that scroll inside the bubble,
 * and code blocks with a copy button.
 * @example <Markdown text={message.text} allowedImageOrigins={['https://cdn.example.com']} />
 */
export const Markdown = memo(function Markdown({ text, plainTextOver = DEFAULT_PLAIN_OVER, labels, ...policy }: MarkdownProps) {
  const blocks = useMemo(() => (text.length > plainTextOver ? null : parseMarkdown(text)), [text, plainTextOver]);
  if (!blocks) return <p className="parlant-md-plain">{text}</p>;
  const ctx: RenderContext = { policy, labels: markdownLabels(labels) };
  return <>{blocks.map((block, i) => renderBlock(block, i, ctx))}</>;
});
