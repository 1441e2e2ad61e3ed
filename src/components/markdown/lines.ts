/**
 * What kind of block a line starts. Each test is one forward pass over the line with no
 * backtracking, so a line of any length costs time in proportion to its length.
 */
import { isSpace } from './ast';

/** Index after up to three leading spaces (more than three is indented text, not a marker). */
function markerStart(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i += 1;
  return i;
}

/** Index of the first non-whitespace character at or after `from`. */
function skipSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line[i])) i += 1;
  return i;
}

/** Number of leading whitespace characters. @example indentOf('  - a') // 2 */
export function indentOf(line: string): number {
  return skipSpace(line, 0);
}

/** Whether a line holds only whitespace. @example isBlank(' \t') // true */
export function isBlank(line: string): boolean {
  return skipSpace(line, 0) === line.length;
}

/**
 * The text of an ATX heading (`# Title`, `## Title ##`), or `null`. A closing run of `#` is
 * dropped only after a space, so `# C#` keeps its `#`.
 * @example headingText('## Hello ##') // 'Hello'
 */
export function headingText(line: string): string | null {
  let i = markerStart(line);
  const hashes = i;
  while (line[i] === '#') i += 1;
  const level = i - hashes;
  if (level === 0 || level > 6 || !isSpace(line[i])) return null;
  const start = skipSpace(line, i);
  let end = line.length;
  while (end > start && isSpace(line[end - 1])) end -= 1;
  let closing = end;
  while (closing > start && line[closing - 1] === '#') closing -= 1;
  if (closing < end && (closing === start || isSpace(line[closing - 1]))) {
    end = closing;
    while (end > start && isSpace(line[end - 1])) end -= 1;
  }
  return line.slice(start, end);
}

/**
 * An opening code fence (three or more backticks or tildes) with its language, or `null`.
 * @example fenceOpen('```ts title') // { marker: '```', lang: 'ts' }
 */
export function fenceOpen(line: string): { marker: string; lang: string } | null {
  const start = markerStart(line);
  const ch = line[start];
  if (ch !== '`' && ch !== '~') return null;
  let i = start;
  while (line[i] === ch) i += 1;
  if (i - start < 3) return null;
  // A backtick in the rest of the line makes it inline code (```a```), not a fence.
  if (ch === '`' && line.includes('`', i)) return null;
  const langStart = skipSpace(line, i);
  let langEnd = langStart;
  while (langEnd < line.length && /[\w+-]/.test(line[langEnd] as string)) langEnd += 1;
  return { marker: line.slice(start, i), lang: line.slice(langStart, langEnd) };
}

/** Whether a line closes the fence opened with `marker`. @example closesFence('  ```', '```') // true */
export function closesFence(line: string, marker: string): boolean {
  return line.startsWith(marker, skipSpace(line, 0));
}

/** Whether a line is a thematic break: three or more `-`, `*` or `_`, spaces between allowed. @example isRule('* * *') // true */
export function isRule(line: string): boolean {
  const start = markerStart(line);
  const ch = line[start];
  if (ch !== '-' && ch !== '*' && ch !== '_') return false;
  let count = 0;
  for (let i = start; i < line.length; i += 1) {
    if (line[i] === ch) count += 1;
    else if (!isSpace(line[i])) return false;
  }
  return count >= 3;
}

/** The rest of a block quote line (`> text`), or `null`. @example quoteBody('> hi') // 'hi' */
export function quoteBody(line: string): string | null {
  const start = markerStart(line);
  if (line[start] !== '>') return null;
  return line.slice(isSpace(line[start + 1]) ? start + 2 : start + 1);
}

/** A list item line: its marker's indent, kind, number and text. */
export interface ListItemLine {
  indent: number;
  ordered: boolean;
  start: number;
  content: string;
}

/**
 * A list item (`- a`, `* a`, `+ a`, `1. a`, `1) a`), or `null`.
 * @example listItem('  3. third') // { indent: 2, ordered: true, start: 3, content: 'third' }
 */
export function listItem(line: string): ListItemLine | null {
  const indent = markerStart(line);
  let i = indent;
  const ch = line[i];
  const ordered = ch !== '-' && ch !== '*' && ch !== '+';
  if (ordered) {
    while (i < line.length && i - indent < 9 && line[i]! >= '0' && line[i]! <= '9') i += 1;
    if (i === indent || (line[i] !== '.' && line[i] !== ')')) return null;
  }
  i += 1;
  if (!isSpace(line[i])) return null;
  return { indent, ordered, start: ordered ? Number(line.slice(indent, i - 1)) : 1, content: line.slice(skipSpace(line, i)) };
}
