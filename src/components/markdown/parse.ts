/**
 * A small Markdown parser for chat messages: paragraphs with line breaks, emphasis, strong,
 * strikethrough, inline and fenced code, links, autolinks, images, lists, quotes and headings.
 * It produces a tree of plain data, never HTML, so nothing in a message can become markup.
 * Raw HTML is text. Nesting is capped so hostile input cannot exhaust the stack.
 */

/** An inline node of a parsed message. @example const node: Inline = { type: 'strong', children: [{ type: 'text', value: 'hi' }] }; */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'break' }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'image'; src: string; alt: string };

/** A block node of a parsed message. @example const block: Block = { type: 'code', lang: 'ts', value: 'let a = 1;' }; */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; children: Inline[] }
  | { type: 'code'; lang: string; value: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'rule' };

const MAX_DEPTH = 8;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const BULLET = /^( {0,3})([-*+])\s+(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})[.)]\s+(.*)$/;

/**
 * Parses Markdown source into blocks.
 * @example parseMarkdown('Hello **world**') // [{ type: 'paragraph', children: [...] }]
 */
export function parseMarkdown(source: string, depth = 0): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), depth) });
    paragraph.length = 0;
  };
  while (i < lines.length) {
    const line = lines[i] as string;
    const fence = depth < MAX_DEPTH ? FENCE.exec(line) : null;
    if (fence) {
      flush();
      const marker = fence[1] as string;
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] as string).trimStart().startsWith(marker)) body.push(lines[i++] as string);
      i += 1;
      blocks.push({ type: 'code', lang: fence[2] ?? '', value: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      i += 1;
      continue;
    }
    if (depth >= MAX_DEPTH) {
      paragraph.push(line);
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', children: parseInline(heading[1] ?? '', depth) });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      flush();
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string)) body.push(QUOTE.exec(lines[i++] as string)?.[1] ?? '');
      blocks.push({ type: 'quote', children: parseMarkdown(body.join('\n'), depth + 1) });
      continue;
    }
    const item = BULLET.exec(line) ?? ORDERED.exec(line);
    if (item) {
      flush();
      const parsed = parseList(lines, i, depth);
      blocks.push(parsed.block);
      i = parsed.next;
      continue;
    }
    paragraph.push(line);
    i += 1;
  }
  flush();
  return blocks;
}

function parseList(lines: string[], start: number, depth: number): { block: Block; next: number } {
  const first = lines[start] as string;
  const ordered = !BULLET.test(first);
  const pattern = ordered ? ORDERED : BULLET;
  const baseIndent = (pattern.exec(first)?.[1] ?? '').length;
  const indentOf = (line: string) => (/^\s*/.exec(line)?.[0] ?? '').length;
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const match = pattern.exec(line);
    if (match && indentOf(line) <= baseIndent + 1) {
      items.push([match[3] ?? '']);
      i += 1;
      continue;
    }
    // Lines indented past the marker continue the current item (nested lists, wrapped text);
    // a blank line followed by something that does not continue the list ends it.
    if (line.trim() !== '' && indentOf(line) >= baseIndent + 2 && items.length > 0) {
      items.at(-1)?.push(line.slice(Math.min(indentOf(line), baseIndent + 2)));
      i += 1;
      continue;
    }
    const following = lines[i + 1];
    if (line.trim() === '' && following !== undefined && (pattern.test(following) || indentOf(following) >= baseIndent + 2) && following.trim() !== '') {
      i += 1;
      continue;
    }
    break;
  }
  const startNumber = ordered ? Number(ORDERED.exec(first)?.[2] ?? 1) : 1;
  return {
    block: { type: 'list', ordered, start: startNumber, items: items.map((item) => parseMarkdown(item.join('\n'), depth + 1)) },
    next: i,
  };
}

const SPECIAL = /[\\\n`![*_~<hHmMwW]/;
const WINDOW = 1000;
const AUTOLINK = /^(?:https?:\/\/|mailto:|www\.)[^\s<>]*[^\s<>.,:;"')\]!?]/i;

/**
 * Parses inline Markdown (one paragraph's text).
 * @example parseInline('a *b* `c`')
 */
export function parseInline(text: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const pushText = () => {
    if (buffer) out.push({ type: 'text', value: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const boundary = i === 0 || /[\s(]/.test(text[i - 1] as string);
    if (!SPECIAL.test(ch) || (!boundary && /[hmw]/i.test(ch))) {
      buffer += ch;
      i += 1;
      continue;
    }
    // A bounded window keeps hostile input (thousands of unclosed markers) linear.
    const rest = text.slice(i, i + WINDOW);
    if (ch === '\\' && i + 1 < text.length && /[\\`*_~[\]()!<>#-]/.test(text[i + 1] as string)) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      pushText();
      out.push({ type: 'break' });
      i += 1;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(rest)?.[0] ?? '`';
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        pushText();
        out.push({ type: 'code', value: text.slice(i + ticks.length, end).replace(/^ (.*) $/, '$1') });
        i = end + ticks.length;
        continue;
      }
    }
    if (depth < MAX_DEPTH) {
      // A link never contains another link: browsers would tear the nested anchors apart.
      const link = inLink ? null : matchLink(text, i);
      if (link) {
        pushText();
        out.push(link.image ? { type: 'image', src: link.href, alt: link.label } : { type: 'link', href: link.href, children: parseInline(link.label, depth + 1, true) });
        i = link.end;
        continue;
      }
      const emphasis = matchEmphasis(rest);
      if (emphasis) {
        pushText();
        out.push({ type: emphasis.type, children: parseInline(emphasis.inner, depth + 1, inLink) });
        i += emphasis.length;
        continue;
      }
    }
    const angle = ch === '<' && !inLink ? /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(rest) : null;
    const auto = angle || inLink ? null : boundary ? AUTOLINK.exec(rest) : null;
    if (angle || auto) {
      const raw = angle ? (angle[1] as string) : (auto?.[0] as string);
      pushText();
      out.push({ type: 'link', href: raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw, children: [{ type: 'text', value: raw }] });
      i += angle ? (angle[0] as string).length : raw.length;
      continue;
    }
    buffer += ch;
    i += 1;
  }
  pushText();
  return out;
}

function matchLink(text: string, at: number): { image: boolean; label: string; href: string; end: number } | null {
  const image = text[at] === '!' && text[at + 1] === '[';
  const open = image ? at + 1 : at;
  if (text[open] !== '[') return null;
  let level = 0;
  let close = -1;
  for (let j = open; j < text.length && j < open + WINDOW; j += 1) {
    if (text[j] === '\\') j += 1;
    else if (text[j] === '[') level += 1;
    else if (text[j] === ']' && --level === 0) {
      close = j;
      break;
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null;
  const target = /^\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/.exec(text.slice(close + 1, close + 1 + WINDOW));
  if (!target) return null;
  return { image, label: text.slice(open + 1, close), href: target[1] ?? '', end: close + 1 + (target[0] as string).length };
}

function matchEmphasis(rest: string): { type: 'strong' | 'em' | 'del'; inner: string; length: number } | null {
  const forms: Array<[RegExp, 'strong' | 'em' | 'del']> = [
    [/^\*\*(?=\S)([\s\S]*?\S)\*\*/, 'strong'],
    [/^__(?=\S)([\s\S]*?\S)__(?!\w)/, 'strong'],
    [/^~~(?=\S)([\s\S]*?\S)~~/, 'del'],
    [/^\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/, 'em'],
    [/^_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/, 'em'],
  ];
  for (const [pattern, type] of forms) {
    const match = pattern.exec(rest);
    if (match) return { type, inner: match[1] ?? '', length: (match[0] as string).length };
  }
  return null;
}
