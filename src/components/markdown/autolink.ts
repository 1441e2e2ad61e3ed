/**
 * Addresses written without link syntax: `<https://…>` and bare `https://…`, `mailto:…`,
 * `www.…`. Both scan forward once and stop at the first space or angle bracket.
 */
import { isSpace } from './ast';

/** Characters that end a sentence more often than a URL, so a bare URL does not take them. */
const TRAILING = new Set(['.', ',', ':', ';', '"', "'", ')', ']', '!', '?']);

/** Length of the scheme (or `www.`) that starts at `at`, case-insensitively, or 0. */
function schemeLength(text: string, at: number, www: boolean): number {
  const head = text.slice(at, at + 8).toLowerCase();
  for (const scheme of ['http://', 'https://', 'mailto:']) if (head.startsWith(scheme)) return scheme.length;
  return www && head.startsWith('www.') ? 4 : 0;
}

function urlEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '<' && text[i] !== '>') i += 1;
  return i;
}

/**
 * An address in angle brackets at `at` (which holds `<`): the address and the index after `>`.
 * @example angleAutolink('<https://x.example>', 0) // { url: 'https://x.example', end: 19 }
 */
export function angleAutolink(text: string, at: number): { url: string; end: number } | null {
  const scheme = schemeLength(text, at + 1, false);
  if (scheme === 0) return null;
  const end = urlEnd(text, at + 1 + scheme);
  if (end === at + 1 + scheme || text[end] !== '>') return null;
  return { url: text.slice(at + 1, end), end: end + 1 };
}

/**
 * A bare address starting at `at`, without the punctuation that follows it in a sentence.
 * @example bareAutolink('see https://x.example/a.', 4) // { url: 'https://x.example/a', end: 23 }
 */
export function bareAutolink(text: string, at: number): { url: string; end: number } | null {
  const scheme = schemeLength(text, at, true);
  if (scheme === 0) return null;
  let end = urlEnd(text, at + scheme);
  while (end > at + scheme && TRAILING.has(text[end - 1] as string)) end -= 1;
  return end === at + scheme ? null : { url: text.slice(at, end), end };
}
