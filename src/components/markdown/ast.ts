/**
 * The parsed form of a message: plain data, never HTML, so nothing in a message can become markup.
 */

/** An inline node of a parsed message. @example const node: Inline = { type: 'strong', children: [{ type: 'text', value: 'hi' }] }; */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'break' }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'image'; src: string; alt: string };

/** How a table column is aligned (from its delimiter row: `:--`, `:-:`, `--:`); `null` follows the text direction. */
export type Align = 'left' | 'center' | 'right' | null;

/** A block node of a parsed message. @example const block: Block = { type: 'code', lang: 'ts', value: 'let a = 1;' }; */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; children: Inline[] }
  | { type: 'code'; lang: string; value: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'table'; align: Align[]; head: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' };

/**
 * Deepest nesting of quotes, lists, emphasis and links that is still parsed; anything deeper is
 * text, so hostile input cannot exhaust the stack (parsing or rendering).
 */
export const MAX_DEPTH = 8;

const WHITESPACE = /\s/;

/** Whitespace as a regular expression's `\s` sees it (Unicode spaces included); `undefined` is not. @example isSpace('\u00a0') // true */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITESPACE.test(ch));
}
