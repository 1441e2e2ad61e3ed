/**
 * GitHub-flavoured tables: a header row, a delimiter row (`| --- | :-: |`) with as many cells,
 * then body rows until a blank line or another block. Each line is split once, left to right.
 */
import type { Align } from './ast';
import { isBlank } from './lines';

/**
 * The cells of a table row: unescaped pipes separate them, `\|` is a pipe inside a cell (code
 * spans included), and the pipes at either end of the row are optional.
 * @example splitRow('| a | b \\| c |') // ['a', 'b | c']
 */
export function splitRow(line: string): string[] {
  const text = line.trim();
  const cells: string[] = [];
  let cell = '';
  let from = 0;
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) {
    if (text[i - 1] === '\\') {
      cell += text.slice(from, i - 1);
      from = i;
      continue;
    }
    cells.push((cell + text.slice(from, i)).trim());
    cell = '';
    from = i + 1;
  }
  if (from < text.length || cell !== '') cells.push((cell + text.slice(from)).trim());
  if (text[0] === '|') cells.shift();
  return cells;
}

const isBlankChar = (ch: string | undefined) => ch === ' ' || ch === '\t';

/** The alignment a delimiter cell (`---`, `:--`, `:-:`, `--:`) gives, or `undefined` if it is not one. */
function cellAlign(cell: string): Align | undefined {
  const left = cell.startsWith(':');
  const right = cell.length > 1 && cell.endsWith(':');
  const dashes = cell.slice(left ? 1 : 0, right ? -1 : undefined);
  if (dashes === '' || dashes.replaceAll('-', '') !== '') return undefined;
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

/**
 * The column alignments of a delimiter row, or `null` when the line is not one. Only `|`, `-`,
 * `:` and spaces may appear, and `- ` at the start is a list item, not a delimiter.
 * @example delimiterRow('| :-- | :-: | --: | --- |') // ['left', 'center', 'right', null]
 */
export function delimiterRow(line: string): Align[] | null {
  const text = line.trim();
  if (!/^[|:-][|:\-\t ]*$/.test(text) || (text[0] === '-' && isBlankChar(text[1]))) return null;
  const parts = text.split('|');
  const aligns: Align[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const cell = (parts[i] as string).trim();
    if (cell === '' && (i === 0 || i === parts.length - 1)) continue;
    const align = cellAlign(cell);
    if (align === undefined) return null;
    aligns.push(align);
  }
  return aligns.length > 0 ? aligns : null;
}

/** A table's rows as cell texts, before inline parsing. */
export interface TableLines {
  align: Align[];
  head: string[];
  rows: string[][];
  /** Index of the first line after the table. */
  next: number;
}

/**
 * The table that starts at `lines[from]`, or `null`. `endsTable(line)` says whether a line
 * starts another block (which ends the table). Short rows are padded with empty cells and long
 * ones cut to the header's width; padding never adds more cells than the table has characters,
 * so a wide header over many one-cell rows cannot blow a short message up into a huge table.
 * @example collectTable(['| a | b |', '|---|--:|', '| 1 | 2 |'], 0, () => false)?.rows // [['1', '2']]
 */
export function collectTable(lines: readonly string[], from: number, endsTable: (line: string) => boolean): TableLines | null {
  const header = lines[from] as string;
  const delimiter = lines[from + 1];
  if (delimiter === undefined || !header.includes('|')) return null;
  const align = delimiterRow(delimiter);
  const head = align ? splitRow(header) : [];
  if (!align || head.length !== align.length) return null;
  const rows: string[][] = [];
  let budget = header.length + delimiter.length;
  let i = from + 2;
  for (; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (isBlank(line) || endsTable(line)) break;
    const cells = splitRow(line);
    cells.length = Math.min(cells.length, head.length);
    budget += line.length - (head.length - cells.length);
    if (budget < 0) break;
    while (cells.length < head.length) cells.push('');
    rows.push(cells);
  }
  return { align, head, rows, next: i };
}
