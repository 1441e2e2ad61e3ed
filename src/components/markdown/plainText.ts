import { parseMarkdown } from './parse';
import { blockText } from './text';

/** Cuts before `end`, never between the two halves of a surrogate pair (an emoji read as noise). */
function cutAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * A message's Markdown as the words a screen reader should say: no asterisks, link text without
 * its address, cut at `max` characters (a live region is not the place for a whole essay). Only
 * the first `4 × max` characters are parsed, cut at a space, so the cost does not grow with the
 * message.
 * @example plainText('Your balance is **$5** ([details](https://bank.example))') // 'Your balance is $5 (details)'
 */
export function plainText(source: string, max = 500): string {
  const limit = max * 4;
  const long = source.length > limit;
  let read = source;
  if (long) {
    read = cutAt(source, limit);
    const space = Math.max(read.lastIndexOf(' '), read.lastIndexOf('\n'));
    if (space > limit * 0.75) read = read.slice(0, space);
  }
  const text = parseMarkdown(read).map(blockText).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  if (text.length > max) return `${cutAt(text, max - 1)}…`;
  return long ? `${text}…` : text;
}
