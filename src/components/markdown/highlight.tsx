import type { ReactNode } from 'react';

/**
 * `text` with every match of `pattern` (global, see `searchPattern`) in a `<mark>`: React
 * elements around slices of the text, never HTML, so marking cannot turn a message into markup.
 * Without a pattern, or without a match, the text itself.
 * @example highlight('refund issued', /refund/giu) // [<mark>refund</mark>, ' issued']
 */
export function highlight(text: string, pattern: RegExp | null | undefined): ReactNode {
  if (!pattern) return text;
  pattern.lastIndex = 0;
  const parts: ReactNode[] = [];
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const found = match[0];
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <mark key={match.index} className="parlant-search-mark">
        {found}
      </mark>,
    );
    last = match.index + found.length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
