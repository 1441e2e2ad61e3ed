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
  const pieces = ['*', '_', '[', ']', '(', ')', '`a', '>', '> ', '<', '!', '\\', '#', '# ', ' ', '-', '- ', '~', '|', 'a', 'http://', '\n', '1. ', '](', '**'];
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
  { name: '# run', build: (n) => fill('#', n) },
  { name: 'heading of #', build: (n) => framed('# ', '# ', 'x', n) },
  { name: 'spaces', build: (n) => framed('a', ' ', 'b', n) },
  { name: '* run', build: (n) => fill('*', n) },
  { name: '*a unclosed', build: (n) => fill('*a ', n) },
  { name: '**a unclosed', build: (n) => fill('**a ', n) },
  { name: '_ run', build: (n) => fill('_', n) },
  { name: '_a unclosed', build: (n) => fill('_a ', n) },
  { name: '~~a unclosed', build: (n) => fill('~~a ', n) },
  { name: '[ run', build: (n) => fill('[', n) },
  { name: '] run', build: (n) => framed('[', ']', '', n) },
  { name: '[]( unclosed', build: (n) => fill('[](a', n) },
  { name: '[a](b(c) chain', build: (n) => fill('[a](b(c)', n) },
  { name: '[a](b "title', build: (n) => fill('[a](b "t ', n) },
  { name: '` run', build: (n) => fill('`', n) },
  { name: '` growing runs', build: growingTicks },
  { name: '> nesting', build: (n) => framed('', '> ', 'x', n) },
  { name: '> lines', build: (n) => fill('> a\n', n) },
  { name: '< run', build: (n) => fill('<', n) },
  { name: '<http:// unclosed', build: (n) => fill('<http://a', n) },
  { name: '! run', build: (n) => fill('!', n) },
  { name: '![ unclosed', build: (n) => fill('![', n) },
  { name: '\\ run', build: (n) => fill('\\', n) },
  { name: '\\* escapes', build: (n) => fill('\\*', n) },
  { name: '- nesting', build: (n) => framed('', '- ', 'x', n) },
  { name: 'indented list lines', build: (n) => fill(Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}- a\n`).join(''), n) },
  { name: 'rule-like - - -', build: (n) => framed('- ', '- ', 'x', n) },
  { name: 'autolink (http://a(', build: (n) => fill('(http://a', n) },
  { name: 'autolink trailing .', build: (n) => framed('http://', '.', '', n) },
  { name: 'www. run', build: (n) => fill('www.', n) },
  { name: 'mixed soup', build: soup },
];
