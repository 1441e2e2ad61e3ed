/**
 * Where inline constructs close, found in one pass over a paragraph's text before it is parsed.
 * Looking ahead for a closer is then a lookup instead of a scan, so thousands of unclosed
 * openers (`[[[[`, `**a **a`, backtick runs) cost no more than the text's length.
 */
import { isSpace } from './ast';
import { Positions } from './positions';

/** An emphasis form, named by its delimiter: strong (`**`, `__`), strikethrough (`~~`), emphasis (`*`, `_`). */
export type Form = '**' | '__' | '~~' | '*' | '_';

/** The closers of one text. */
export interface InlineIndex {
  /** Opening backtick run start → start of its closing run (same length). */
  codeSpans: Positions;
  /** `[` → its matching `]` (brackets inside code spans or escaped do not count). */
  brackets: Positions;
  /**
   * First closer of `form` at or after `from`, or -1. Calls for one form must come with
   * `from` never decreasing (the parser only moves forward), which keeps every lookup O(1)
   * amortized.
   */
  closer(form: Form, from: number): number;
}

/** Whether a backslash before `ch` makes it literal (any ASCII punctuation, as in CommonMark). @example isEscapable('*') // true */
export function isEscapable(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && /[!-/:-@[-`{-~]/.test(ch);
}

const isWord = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);

/** Starts of the maximal backtick runs of each length, in order. */
function backtickRuns(text: string): Map<number, Cursor> {
  const runs = new Map<number, Cursor>();
  for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
    const start = i;
    while (text[i] === '`') i += 1;
    let cursor = runs.get(i - start);
    if (!cursor) runs.set(i - start, (cursor = new Cursor()));
    cursor.list.push(start);
  }
  return runs;
}

/** A sorted list of positions read front to back: "first entry ≥ from", for non-decreasing `from`. */
class Cursor {
  private at = 0;
  readonly list: number[] = [];

  next(from: number): number {
    while (this.at < this.list.length && (this.list[this.at] as number) < from) this.at += 1;
    return this.list[this.at] ?? -1;
  }
}

/** Closers by form, each list created when its first closer is found (most texts have none). */
type Closers = Partial<Record<Form, Cursor>>;

function add(closers: Closers, form: Form, q: number): void {
  (closers[form] ??= new Cursor()).list.push(q);
}

/** Records `text[q]` as a closer of each form it can close (the same tests as the openers', mirrored). */
function addClosers(text: string, q: number, closers: Closers): void {
  const ch = text[q];
  const before = text[q - 1];
  if (q === 0 || isSpace(before)) return;
  const next = text[q + 1];
  if (ch === '*') {
    if (next === '*') add(closers, '**', q);
    if (before !== '*' && next !== '*') add(closers, '*', q);
  } else if (ch === '_') {
    if (next === '_' && !isWord(text[q + 2])) add(closers, '__', q);
    if (before !== '_' && !isWord(next)) add(closers, '_', q);
  } else if (next === '~') {
    add(closers, '~~', q);
  }
}

/**
 * Indexes `text`: pairs code spans first (they bind tighter than anything else, so delimiters
 * and brackets inside them are ignored), then brackets, then emphasis closers.
 * @example buildIndex('[a](b) `c`').brackets.get(0) // 2
 */
export function buildIndex(text: string): InlineIndex {
  const runs = backtickRuns(text);
  const codeSpans = new Positions(text.length);
  const brackets = new Positions(text.length);
  const closers: Closers = {};
  const open: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\\' && isEscapable(text[i + 1])) {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const start = i;
      while (text[i] === '`') i += 1;
      const close = runs.get(i - start)?.next(i) ?? -1;
      if (close >= 0) {
        codeSpans.set(start, close);
        i = close + (i - start);
      }
      continue;
    }
    if (ch === '[') open.push(i);
    else if (ch === ']') {
      const start = open.pop();
      if (start !== undefined) brackets.set(start, i);
    } else if (ch === '*' || ch === '_' || ch === '~') addClosers(text, i, closers);
    i += 1;
  }
  return { codeSpans, brackets, closer: (form, from) => closers[form]?.next(from) ?? -1 };
}
