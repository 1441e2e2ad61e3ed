import type { Block } from './ast';
import { parseMarkdown } from './parse';
import { exceedsNodes } from './size';
import { blockText } from './text';

/** Messages longer than this many characters are shown as plain text, unparsed (`plainTextOver`). @example text.length > DEFAULT_PLAIN_OVER */
export const DEFAULT_PLAIN_OVER = 20_000;
/** More DOM nodes than this in one message is a render task too long to wait for (see `npm run bench:markdown`). */
const MAX_NODES = 6_000;

/**
 * The blocks of `text`, or `null` when it is to be shown as plain text.
 * @example parseOrNot('**hi**', 20_000)?.length // 1
 */
export function parseOrNot(text: string, plainTextOver: number): Block[] | null {
  if (text.length > plainTextOver) return null;
  const blocks = parseMarkdown(text);
  return exceedsNodes(blocks, MAX_NODES) ? null : blocks;
}

// What can make a message's Markdown differ from its text: inline markers, escapes, links and
// autolinks in angle brackets, line breaks, and the line starts of headings, lists, quotes,
// rules and indented code. A message with none of them is shown exactly as written.
const MARKUP = /[*_`~[\]!<>\\|\n\r]|^\s*(?:#{1,6}(?:\s|$)|[-+=]|\d{1,9}[.)])|^\s{4}/;

/**
 * The words a message shows, as the conversation search reads them: the text of its Markdown
 * (no markers, link text without the address, code as written), blocks on lines of their own;
 * a message shown as plain text is its text. Most chat messages hold no Markdown at all and are
 * not parsed.
 * @example shownText('Your **refund** is [here](https://shop.example)', 20_000) // 'Your refund is here'
 */
export function shownText(text: string, plainTextOver: number = DEFAULT_PLAIN_OVER): string {
  if (!MARKUP.test(text)) return text.trim();
  const blocks = parseOrNot(text, plainTextOver);
  return blocks ? blocks.map(blockText).join('\n') : text;
}
