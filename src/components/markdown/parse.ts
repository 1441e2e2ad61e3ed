/**
 * A small Markdown parser for chat messages: paragraphs with line breaks, emphasis, strong,
 * strikethrough, inline and fenced code, links, autolinks, images, lists, quotes, headings and
 * GitHub-flavoured tables.
 * Raw HTML is text. Every rule is a forward scan without backtracking and nesting is capped at
 * {@link MAX_DEPTH}, so parsing takes time linear in the length of the text, whatever it holds.
 */
import { MAX_DEPTH, type Block } from './ast';
import { parseInline } from './inline';
import { closesFence, fenceOpen, headingText, isBlank, isRule, listItem, quoteBody } from './lines';
import { collectList } from './list';
import { collectTable } from './tableLines';

export type { Align, Block, Inline } from './ast';
export { parseInline } from './inline';

/**
 * Parses Markdown source into blocks.
 * @example parseMarkdown('Hello **world**') // [{ type: 'paragraph', children: [...] }]
 */
export function parseMarkdown(source: string, depth = 0): Block[] {
  return parseLines(source.replace(/\r\n?/g, '\n').split('\n'), depth);
}

/** Whether a line starts another block, which ends the rows of a table. */
const startsBlock = (line: string) =>
  fenceOpen(line) !== null || headingText(line) !== null || quoteBody(line) !== null || isRule(line) || listItem(line) !== null;

function parseLines(lines: readonly string[], depth: number): Block[] {
  const blocks: Block[] = [];
  const paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), depth) });
    paragraph.length = 0;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const fence = depth < MAX_DEPTH ? fenceOpen(line) : null;
    if (fence) {
      flush();
      const body: string[] = [];
      for (i += 1; i < lines.length && !closesFence(lines[i] as string, fence.marker); i += 1) body.push(lines[i] as string);
      i += 1;
      blocks.push({ type: 'code', lang: fence.lang, value: body.join('\n') });
      continue;
    }
    if (isBlank(line)) {
      flush();
      i += 1;
      continue;
    }
    if (depth >= MAX_DEPTH) {
      paragraph.push(line);
      i += 1;
      continue;
    }
    const table = collectTable(lines, i, startsBlock);
    if (table) {
      flush();
      const cells = (row: string[]) => row.map((cell) => parseInline(cell, depth));
      blocks.push({ type: 'table', align: table.align, head: cells(table.head), rows: table.rows.map(cells) });
      i = table.next;
      continue;
    }
    const heading = headingText(line);
    if (heading !== null) {
      flush();
      blocks.push({ type: 'heading', children: parseInline(heading, depth) });
      i += 1;
      continue;
    }
    if (isRule(line)) {
      flush();
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    if (quoteBody(line) !== null) {
      flush();
      const body: string[] = [];
      for (let rest = quoteBody(line); rest !== null; rest = i < lines.length ? quoteBody(lines[i] as string) : null) {
        body.push(rest);
        i += 1;
      }
      blocks.push({ type: 'quote', children: parseLines(body, depth + 1) });
      continue;
    }
    if (listItem(line)) {
      flush();
      const list = collectList(lines, i);
      const items = list.items.map((item) => parseLines(item, depth + 1));
      blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items });
      i = list.next;
      continue;
    }
    paragraph.push(line);
    i += 1;
  }
  flush();
  return blocks;
}
