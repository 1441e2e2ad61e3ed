/**
 * fast-check generators of Markdown: hostile soup for the robustness and safety properties, and
 * well-formed documents (the everyday syntax agents write, tables included) for the comparison
 * with markdown-it.
 */
import fc from 'fast-check';
import { FAMILIES } from './families';

/** Pieces of Markdown, HTML and URLs that attack the parser or the renderer. */
const HOSTILE = [
  '*', '**', '_', '__', '~~', '`', '```', '[', ']', '(', ')', '](', '![', '<', '>', '!', '\\', '#', '# ', '- ', '1. ', '> ', '|', ':', '"', "'",
  ' ', '  ', '\t', '\n', '\n\n', 'a', 'word', '\u202e', '\u0000', '&#106;', '%0a',
  '<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '<iframe src="https://evil.example">', '<style>', '<form>',
  '<svg onload=alert(1)>', '<a href="javascript:alert(1)">', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:', 'vbscript:', 'data:text/html,<b>',
  'https://evil.example/?q=secret', 'https://cdn.example.com/i.png', 'http://a.example', 'mailto:x@example.com', 'www.example.com', '//evil.example',
  '[x](javascript:alert(1))', '![x](https://evil.example/p.png)', '![x](https://cdn.example.com/c.png)', '[x](https://ok.example)', '<https://a.example>',
  '> '.repeat(12), '- '.repeat(12), '[['.repeat(10), '**'.repeat(10), '\n| a | b |\n|---|:-:|\n', '|-|-|\n', '\n```js\n',
];

/** Random soup of hostile pieces, sometimes with a pathological family mixed in. */
export const hostileMarkdown: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...HOSTILE), { maxLength: 40 }), fc.option(fc.constantFrom(...FAMILIES), { nil: undefined }), fc.nat(600))
  .map(([pieces, family, size]) => pieces.join('') + (family ? family.build(size) : ''));

const word = fc.constantFrom('alpha', 'Beta', 'gamma', 'x1', 'it’s', 'héllo', '42', 'a.b', 'end.', '<b>raw</b>', 'snake_case', 'my_var_name');
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const url = fc.constantFrom('https://example.com/', 'https://example.com/a/b?c=1', 'https://en.example.org/wiki/Rust_(language)', 'mailto:help@example.com');

/** One inline construct, well-formed and surrounded by spaces (where CommonMark and our subset agree). */
const span: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: word, weight: 6 },
  { arbitrary: words(1, 3).map((w) => `**${w}**`), weight: 1 },
  { arbitrary: words(1, 3).map((w) => `*${w}*`), weight: 1 },
  { arbitrary: words(1, 2).map((w) => `_${w}_`), weight: 1 },
  { arbitrary: words(1, 2).map((w) => `~~${w}~~`), weight: 1 },
  { arbitrary: fc.tuple(words(1, 2), words(1, 2), words(1, 2)).map(([a, b, c]) => `**${a} *${b}* ${c}**`), weight: 1 },
  { arbitrary: fc.constantFrom('`code`', '`a*b*c`', '`` a`b ``', '`[x](y)`', '`<b>`', '`**kwargs`'), weight: 1 },
  { arbitrary: fc.tuple(words(1, 3), url).map(([w, u]) => `[${w}](${u})`), weight: 1 },
  { arbitrary: fc.tuple(words(1, 2), url).map(([w, u]) => `[*${w}* x](${u} "title")`), weight: 1 },
  { arbitrary: fc.constantFrom('https://example.com/path', 'https://example.com/a?b=c'), weight: 1 },
  { arbitrary: fc.constantFrom('\\*not em\\*', '\\[not a link\\]', '\\`tick\\`'), weight: 1 },
);

const line = fc.array(span, { minLength: 1, maxLength: 8 }).map((s) => s.join(' '));
const lines = (max: number) => fc.array(line, { minLength: 1, maxLength: max });

const align = fc.constantFrom('---', ':--', ':-:', '--:');
const cell = fc.array(span, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));
const row = (min: number, max: number) => fc.array(fc.oneof({ arbitrary: cell, weight: 5 }, { arbitrary: fc.constant('a \\| b'), weight: 1 }), { minLength: min, maxLength: max });

/** A table: header, delimiter with alignments, and rows that may be shorter or longer than the header. */
const table = fc.integer({ min: 1, max: 4 }).chain((columns) =>
  fc
    .tuple(fc.array(word, { minLength: columns, maxLength: columns }), fc.array(align, { minLength: columns, maxLength: columns }), fc.array(row(1, columns + 1), { maxLength: 4 }))
    .map(([head, aligns, rows]) => [head, aligns, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')),
);

/** A block of everyday Markdown. */
const block: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: lines(3).map((l) => l.join('\n')), weight: 4 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, l]) => `${'#'.repeat(level)} ${l}`), weight: 1 },
  { arbitrary: lines(4).map((l) => l.map((x) => `- ${x}`).join('\n')), weight: 1 },
  { arbitrary: fc.tuple(line, lines(3)).map(([top, nested]) => `- ${top}\n${nested.map((x) => `  - ${x}`).join('\n')}\n- ${top}`), weight: 1 },
  { arbitrary: lines(4).map((l) => l.map((x, i) => `${i + 1}. ${x}`).join('\n')), weight: 1 },
  { arbitrary: lines(3).map((l) => l.map((x) => `> ${x}`).join('\n')), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('', 'js', 'python'), lines(3)).map(([lang, l]) => `\`\`\`${lang}\n${l.join('\n')}\n\`\`\``), weight: 1 },
  { arbitrary: fc.constant('---'), weight: 1 },
  { arbitrary: table, weight: 2 },
);

/** A message of everyday Markdown: blocks separated by blank lines. */
export const everydayMarkdown: fc.Arbitrary<string> = fc.array(block, { minLength: 1, maxLength: 4 }).map((b) => b.join('\n\n'));
