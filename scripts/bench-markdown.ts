/**
 * `npm run bench:markdown`: how the Markdown parser's time grows with hostile input.
 *
 *   tsx scripts/bench-markdown.ts [--sizes=1000,10000,100000] [--render=20000] [--family=text]
 *
 * For every family of pathological input (test/markdown/families.ts) and size it prints the
 * parse time per character (the best of three rounds' medians) and the ratio between the
 * largest and the smallest size: a linear parser stays near 1, a quadratic one grows with the
 * size ratio. Then, at the largest length still parsed (`plainTextOver`), parse + server render
 * of `<Markdown>` per message, which bounds the main-thread task a message costs (and whether it
 * was shown as Markdown or, past the DOM node limit, as plain text); and the time
 * the announcer's `plainText` takes on messages from 1 kB to 1 MB (it must not grow).
 * Times are CPU time of this process: compare the ratios within one run, not runs.
 */
export {};

// React's development build checks every element; measure what a production page runs.
process.env.NODE_ENV = 'production';
const { createElement } = await import('react');
const { renderToString } = await import('react-dom/server');
const { Markdown } = await import('../src/components/markdown/Markdown');
const { parseMarkdown } = await import('../src/components/markdown/parse');
const { plainText } = await import('../src/components/markdown/plainText');
const { FAMILIES } = await import('../test/markdown/families');

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const SIZES = (option('sizes') ?? '1000,10000,100000').split(',').map(Number);
const RENDER_SIZE = Number(option('render') ?? 20_000);
const ONLY = option('family');
const families = FAMILIES.filter((f) => !ONLY || f.name.includes(ONLY));

/** CPU milliseconds `work` took, run `times` times in a row. */
function cpuMs(work: () => unknown, times: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < times; i += 1) work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU milliseconds of one run of `work` (median and 95th percentile over at least 7 samples and
 * `minMs`). Short work is run in batches of a few milliseconds per sample, so the clock's
 * granularity does not dominate. CPU time rather than wall-clock: on a shared machine the wall
 * clock also counts the time other processes held the core.
 */
function measure(work: () => unknown, minMs = 200): { median: number; p95: number } {
  const once = Math.max(cpuMs(work, 3) / 3, 0.001);
  const batch = Math.max(1, Math.ceil(3 / once));
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 7 || (performance.now() - started < minMs && samples.length < 500)) samples.push(cpuMs(work, batch) / batch);
  samples.sort((a, b) => a - b);
  const rank = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] as number;
  return { median: rank(0.5), p95: rank(0.95) };
}

const fmt = (n: number, digits = 3) => n.toFixed(digits);
const label = (size: number) => (size >= 1000 ? `${size / 1000} kB` : `${size} B`);
let worstRatio = 0;

// Warm the JIT on every family first, so the first rows do not pay for compiling the parser.
for (let round = 0; round < 3; round += 1) for (const family of families) parseMarkdown(family.build(10_000));

console.log(`Markdown parser, CPU µs per character (median), Node ${process.version}\n`);
console.log(`| family | ${SIZES.map(label).join(' | ')} | ${label(SIZES.at(-1) as number)} ÷ ${label(SIZES[0] as number)} |`);
console.log(`| --- | ${SIZES.map(() => '---:').join(' | ')} | ---: |`);
for (const family of families) {
  // Sizes interleaved over three rounds, best round kept: a burst of load from other processes
  // then spoils one round of one size, not the ratio.
  const texts = SIZES.map((size) => family.build(size));
  const perChar = SIZES.map(() => Infinity);
  for (let round = 0; round < 3; round += 1) {
    texts.forEach((text, i) => {
      perChar[i] = Math.min(perChar[i] as number, (measure(() => parseMarkdown(text), 80).median * 1000) / text.length);
    });
  }
  const ratio = (perChar.at(-1) as number) / (perChar[0] as number);
  worstRatio = Math.max(worstRatio, ratio);
  const row = `| ${family.name} | ${perChar.map((v) => fmt(v)).join(' | ')} | ${fmt(ratio, 2)} |`;
  console.log(row);
}
console.log(`\nLargest ratio: ${fmt(worstRatio, 2)} (flat means ≤ 2).\n`);

console.log(`Parse + renderToString of <Markdown> at ${label(RENDER_SIZE)} (CPU ms per message)\n`);
console.log('| family | shown as | median | p95 |');
console.log('| --- | --- | ---: | ---: |');
let slowest = 0;
for (const family of families) {
  const text = family.build(RENDER_SIZE);
  const html = renderToString(createElement(Markdown, { text }));
  const shown = html.startsWith('<p class="parlant-md-plain">') ? 'plain text' : 'Markdown';
  const { median, p95 } = measure(() => renderToString(createElement(Markdown, { text })), 300);
  slowest = Math.max(slowest, p95);
  console.log(`| ${family.name} | ${shown} | ${fmt(median, 2)} | ${fmt(p95, 2)} |`);
}
console.log(`\nSlowest family (p95): ${fmt(slowest, 1)} ms per message.\n`);

console.log('Announcer (plainText) per message, CPU ms (median)\n');
const lengths = [1000, 100_000, 1_000_000];
console.log(`| family | ${lengths.map(label).join(' | ')} |`);
console.log(`| --- | ${lengths.map(() => '---:').join(' | ')} |`);
for (const family of families) {
  const times = lengths.map((size) => {
    const text = family.build(size);
    return measure(() => plainText(text), 50).median;
  });
  console.log(`| ${family.name} | ${times.map((t) => fmt(t)).join(' | ')} |`);
}
