import { memo, useMemo } from 'react';
import { renderBlock } from './renderBlock';
import type { ChatLabels } from '../labels';
import { markdownLabels, type MarkdownPolicy, type RenderContext } from './context';
import { parseMarkdown } from './parse';
import { exceedsNodes } from './size';

export type { MarkdownPolicy } from './context';

/** Props of {@link Markdown}. @example <Markdown text="**hi**" /> */
export interface MarkdownProps extends MarkdownPolicy {
  text: string;
  /** Texts Markdown shows itself (blocked images, the copy button, table names); English by default. */
  labels?: Partial<Pick<ChatLabels, 'imageBlocked' | 'copyCode' | 'copied' | 'table'>>;
}

const DEFAULT_PLAIN_OVER = 20_000;
/** More DOM nodes than this in one message is a render task too long to wait for (see `npm run bench:markdown`). */
const MAX_NODES = 6_000;

/** The blocks of `text`, or `null` when it is to be shown as plain text. */
function parseOrNot(text: string, plainTextOver: number) {
  if (text.length > plainTextOver) return null;
  const blocks = parseMarkdown(text);
  return exceedsNodes(blocks, MAX_NODES) ? null : blocks;
}

/**
 * Renders untrusted Markdown as React elements: no raw HTML ever, links only to http(s)/mailto
 * with `rel="noopener noreferrer nofollow ugc"` and their host in the title, remote images only
 * from allowed origins (otherwise a link naming the host), tables that scroll inside the bubble,
 * and code blocks with a copy button. A message longer than `plainTextOver`, or one whose
 * Markdown would make more than 6,000 DOM nodes (thousands of tiny code blocks, say), is shown as
 * plain text: either would make one long main-thread task.
 * @example <Markdown text={message.text} allowedImageOrigins={['https://cdn.example.com']} />
 */
export const Markdown = /* @__PURE__ */ memo(function Markdown({ text, plainTextOver = DEFAULT_PLAIN_OVER, labels, ...policy }: MarkdownProps) {
  const blocks = useMemo(() => parseOrNot(text, plainTextOver), [text, plainTextOver]);
  if (!blocks) return <p className="parlant-md-plain">{text}</p>;
  const ctx: RenderContext = { policy, labels: markdownLabels(labels) };
  return <>{blocks.map((block, i) => renderBlock(block, i, ctx))}</>;
});
