import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/components/markdown/parse';
import { plainText } from '../../src/components/markdown/plainText';
import { FAMILIES } from './families';

/**
 * Hostile agent text must never freeze the page. Real timings are the benchmark's job
 * (`npm run bench:markdown` prints them); these tests only catch a rule that has gone
 * super-linear, with a budget far above what a linear parse needs (tens of milliseconds for
 * 100 kB) and far below what a super-linear one takes (a heading followed by 6,000 spaces took
 * 31 s; a quadratic rule over 100 kB takes tens of seconds), so a busy machine cannot make them
 * flaky.
 */
const BUDGET_MS = 5000;
/** The announcer runs on every new message, so its own bound is tighter (a cubic rule took 1.1 s). */
const ANNOUNCE_BUDGET_MS = 500;
/** Longer than any budget, so a slow parse fails on its budget, with the time it took. */
const TEST_TIMEOUT_MS = 60_000;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('Markdown parsing is linear in the length of the text', () => {
  it('parses "# a" + 6,000 spaces + "x" as one heading within the budget', () => {
    const text = `# a${' '.repeat(6000)}x`;
    const { value, ms } = timed(() => parseMarkdown(text));
    expect(value).toEqual([{ type: 'heading', children: [{ type: 'text', value: `a${' '.repeat(6000)}x` }] }]);
    expect(ms).toBeLessThan(BUDGET_MS);
  }, TEST_TIMEOUT_MS);

  it('reads out a 27 kB message that starts like that within its budget, from its first words only', () => {
    const text = `# a${' '.repeat(1990)}x\n\n${'Ordinary words. '.repeat(1600)}`;
    const { value, ms } = timed(() => plainText(text));
    // Only the first 2,000 characters are read, cut at a space so no word is read in half.
    expect(value).toBe('a x…');
    expect(ms).toBeLessThan(ANNOUNCE_BUDGET_MS);
  }, TEST_TIMEOUT_MS);

  it.each(FAMILIES.map((family) => [family.name, family] as const))('reads out 1 MB of %s within its budget', (_name, family) => {
    const { value, ms } = timed(() => plainText(family.build(1_000_000)));
    expect(value.length).toBeLessThanOrEqual(500);
    expect(ms).toBeLessThan(ANNOUNCE_BUDGET_MS);
  }, TEST_TIMEOUT_MS);

  it.each(FAMILIES.map((family) => [family.name, family] as const))('parses 100 kB of %s within the budget', (_name, family) => {
    const text = family.build(100_000);
    expect(text).toHaveLength(100_000);
    const { value, ms } = timed(() => parseMarkdown(text));
    expect(value.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BUDGET_MS);
  }, TEST_TIMEOUT_MS);
});
