/**
 * Inline Markdown: one forward pass over a paragraph's text. Where a construct could close is
 * looked up in an index built in one pass beforehand (see delimiters.ts), so no position is
 * scanned again and again; nested content is parsed at most {@link MAX_DEPTH} levels deep.
 */
import { isSpace, MAX_DEPTH, type Inline } from './ast';
import { angleAutolink, bareAutolink } from './autolink';
import { buildIndex, isEscapable, type Form, type InlineIndex } from './delimiters';
import { createTargetMemo, linkTarget, type TargetMemo } from './linkTarget';

/** Characters where an inline construct may start (by char code); the rest of the text is copied as is. */
const STARTS = new Uint8Array(128);
for (const ch of '\\\n`![*_~<hHmMwW') STARTS[ch.charCodeAt(0)] = 1;
/** First letters of bare addresses (`http`, `mailto`, `www`), which start one only after a space or `(`. */
const ADDRESS_STARTS = new Set(['h', 'H', 'm', 'M', 'w', 'W']);
const startsWord = (text: string, i: number) => i === 0 || /[\s(]/.test(text[i - 1] as string);

type Emphasis = { type: 'strong' | 'em' | 'del'; inner: number; close: number; end: number };

/** The emphasis of `form` opening at `p`, if it closes. */
function closing(form: Form, type: Emphasis['type'], p: number, index: InlineIndex): Emphasis | null {
  const close = index.closer(form, p + form.length + 1);
  return close < 0 ? null : { type, inner: p + form.length, close, end: close + form.length };
}

/** Emphasis that opens at `p`: the same rules as the closers', mirrored (a delimiter followed by non-space). */
function emphasisAt(text: string, p: number, index: InlineIndex): Emphasis | null {
  const ch = text[p];
  if (ch !== '*' && ch !== '_' && ch !== '~') return null;
  // Inside a word `_` is part of it (snake_case), not emphasis.
  if (ch === '_' && p > 0 && /\w/.test(text[p - 1] as string)) return null;
  const next = text[p + 1];
  const third = text[p + 2];
  const doubled = next === ch && third !== undefined && !isSpace(third);
  if (ch === '~') return doubled ? closing('~~', 'del', p, index) : null;
  const strong = doubled ? closing(ch === '*' ? '**' : '__', 'strong', p, index) : null;
  if (strong) return strong;
  return next !== undefined && next !== ch && !isSpace(next) ? closing(ch, 'em', p, index) : null;
}

/**
 * Parses inline Markdown (one paragraph's text). Inside a link (`inLink`) no other link starts:
 * browsers would tear nested anchors apart.
 * @example parseInline('a *b* `c`') // [text 'a ', em [text 'b'], text ' ', code 'c']
 */
export function parseInline(text: string, depth = 0, inLink = false): Inline[] {
  let i = 0;
  while (i < text.length && STARTS[text.charCodeAt(i)] !== 1) i += 1;
  // Most table cells, list items and short lines hold nothing to parse.
  if (i === text.length) return text === '' ? [] : [{ type: 'text', value: text }];
  const out: Inline[] = [];
  let index: InlineIndex | undefined;
  let memo: TargetMemo | undefined;
  let buffer = '';
  let from = 0;
  const emit = (at: number, node: Inline, next: number) => {
    buffer += text.slice(from, at);
    if (buffer) out.push({ type: 'text', value: buffer });
    buffer = '';
    out.push(node);
    from = next;
    return next;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (STARTS[text.charCodeAt(i)] !== 1 || (ADDRESS_STARTS.has(ch) && !startsWord(text, i))) {
      i += 1;
      continue;
    }
    if (ch === '\\' && isEscapable(text[i + 1])) {
      buffer += text.slice(from, i) + text[i + 1];
      i += 2;
      from = i;
      continue;
    }
    if (ch === '\n') {
      i = emit(i, { type: 'break' }, i + 1);
      continue;
    }
    if (ch === '`') {
      const close = (index ??= buildIndex(text)).codeSpans.get(i);
      let run = i;
      while (text[run] === '`') run += 1;
      i = close === undefined ? run : emit(i, { type: 'code', value: codeText(text.slice(run, close)) }, close + run - i);
      continue;
    }
    if (depth < MAX_DEPTH && !ADDRESS_STARTS.has(ch) && ch !== '<') {
      index ??= buildIndex(text);
      const open = ch === '!' ? i + 1 : i;
      const close = !inLink && text[open] === '[' ? index.brackets.get(open) : undefined;
      const target = close !== undefined && text[close + 1] === '(' ? linkTarget(text, close + 1, (memo ??= createTargetMemo(text))) : null;
      if (target && close !== undefined) {
        const label = text.slice(open + 1, close);
        const node: Inline = open > i ? { type: 'image', src: target.href, alt: label } : { type: 'link', href: target.href, children: parseInline(label, depth + 1, true) };
        i = emit(i, node, target.end);
        continue;
      }
      const emphasis = emphasisAt(text, i, index);
      if (emphasis) {
        i = emit(i, { type: emphasis.type, children: parseInline(text.slice(emphasis.inner, emphasis.close), depth + 1, inLink) }, emphasis.end);
        continue;
      }
    }
    const auto = inLink ? null : ch === '<' ? angleAutolink(text, i) : ADDRESS_STARTS.has(ch) ? bareAutolink(text, i) : null;
    if (auto) {
      const href = auto.url.toLowerCase().startsWith('www.') ? `https://${auto.url}` : auto.url;
      i = emit(i, { type: 'link', href, children: [{ type: 'text', value: auto.url }] }, auto.end);
      continue;
    }
    i += 1;
  }
  buffer += text.slice(from);
  if (buffer) out.push({ type: 'text', value: buffer });
  return out;
}

/** A code span's text: line breaks become spaces, and one space just inside each backtick run goes. */
function codeText(raw: string): string {
  const value = raw.replace(/\n/g, ' ');
  return value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '' ? value.slice(1, -1) : value;
}
