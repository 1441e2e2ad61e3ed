/**
 * Families of hostile Markdown: each builds a text of a given length from one construct repeated
 * or left unclosed, the shapes that make backtracking parsers slow (a quadratic rule shows up as
 * a time per character that grows with the length). Shared by the tests and the benchmark.
 */

/** A named input builder. @example FAMILIES[0].build(1000).length // 1000 */
export interface Family {
  name: string;
  build: (length: number) => string;
}

/** `unit` repeated, cut to exactly `length` characters. */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** `head` + `unit`… + `tail`, exactly `length` characters. */
const framed = (head: string, unit: string, tail: string, length: number) => head + fill(unit, Math.max(0, length - head.length - tail.length)) + tail;

/** Backtick runs of growing length (`a``b```c…`): openers whose closer never comes. */
function growingTicks(length: number): string {
  let text = '';
  for (let run = 1; text.length < length; run += 1) text += `${'`'.repeat(run)}a`;
  return text.slice(0, length);
}

/**
 * Every construct's opening characters, mixed in a fixed pseudo-random order. Backticks come
 * one at a time: a fence opened early would turn the rest of the text into one code block.
 */
function soup(length: number): string {
  const pieces = ['*', '_', '[', ']', '(', ')', '`a', '>', '> ', '<', '!', '\\', '#', '# ', ' ', '-', '- ', '~', '|', '|-', ':-:|', 'a', 'http://', '\n', '1. ', '](', '**'];
  let seed = 7;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += pieces[seed % pieces.length];
  }
  return text.slice(0, length);
}

/** The families the benchmark measures and the tests bound. */
export const FAMILIES: readonly Family[] = [
  { name: 'heading + spaces', build: (n) => framed('# a', ' ', 'x', n) },
  { name: 'hash run', build: (n) => fill('#', n) },
  { name: 'heading of hashes', build: (n) => framed('# ', '# ', 'x', n) },
  { name: 'spaces', build: (n) => framed('a', ' ', 'b', n) },
  { name: 'star run', build: (n) => fill('*', n) },
  { name: 'unclosed *a', build: (n) => fill('*a ', n) },
  { name: 'unclosed **a', build: (n) => fill('**a ', n) },
  { name: 'underscore run', build: (n) => fill('_', n) },
  { name: 'unclosed _a', build: (n) => fill('_a ', n) },
  { name: 'unclosed ~~a', build: (n) => fill('~~a ', n) },
  { name: 'bracket run', build: (n) => fill('[', n) },
  { name: 'closing bracket run', build: (n) => framed('[', ']', '', n) },
  { name: 'unclosed link targets', build: (n) => fill('[](a', n) },
  { name: 'link target paren chain', build: (n) => fill('[a](b(c)', n) },
  { name: 'unclosed link titles', build: (n) => fill('[a](b "t ', n) },
  { name: 'backtick run', build: (n) => fill('`', n) },
  { name: 'growing backtick runs', build: growingTicks },
  { name: 'quote nesting', build: (n) => framed('', '> ', 'x', n) },
  { name: 'quote lines', build: (n) => fill('> a\n', n) },
  { name: 'angle bracket run', build: (n) => fill('<', n) },
  { name: 'unclosed <http://', build: (n) => fill('<http://a', n) },
  { name: 'bang run', build: (n) => fill('!', n) },
  { name: 'unclosed ![ images', build: (n) => fill('![', n) },
  { name: 'backslash run', build: (n) => fill('\\', n) },
  { name: 'escaped stars', build: (n) => fill('\\*', n) },
  { name: 'list nesting', build: (n) => framed('', '- ', 'x', n) },
  { name: 'indented list lines', build: (n) => fill(Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}- a\n`).join(''), n) },
  { name: 'rule-like dashes', build: (n) => framed('- ', '- ', 'x', n) },
  { name: 'autolinks after (', build: (n) => fill('(http://a', n) },
  { name: 'autolink, trailing dots', build: (n) => framed('http://', '.', '', n) },
  { name: 'www. run', build: (n) => fill('www.', n) },
  { name: 'table rows', build: (n) => framed('| a | b | c |\n|:--|:-:|--:|\n', '| *x* | `y` | [z](https://z.example) |\n', '', n) },
  { name: 'table, short rows', build: (n) => framed(`${'|a'.repeat(200)}|\n${'|-'.repeat(200)}|\n`, 'x\n', '', n) },
  { name: 'pipe run', build: (n) => fill('|', n) },
  { name: 'pipe-dash lines', build: (n) => fill('|-|\n', n) },
  { name: 'escaped pipes in a cell', build: (n) => framed('| a |\n|---|\n| ', '\\|', ' |', n) },
  { name: 'many fences', build: (n) => fill('```\na\n', n) },
  { name: 'unclosed fence', build: (n) => framed('```js\n', 'a *b* [c]\n', '', n) },
  { name: 'tilde run', build: (n) => fill('~', n) },
  { name: 'mixed soup', build: soup },
];
