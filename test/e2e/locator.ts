/**
 * Finding things on a page as a user would (by role and accessible name, by visible text), in
 * any engine: a locator is a chain of steps that the page's probe (app/probe.ts) resolves each
 * time it is used, so it never holds a stale element. The method names follow Playwright's, a
 * small subset of them.
 */
import type { Pattern, Probe, Step } from './app/probe';
import type { EnginePage } from './engine';

/** Text to match: a string matches case-insensitively anywhere unless `exact`; a RegExp as written. */
export type TextMatch = string | RegExp;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The probe's form of a text pattern. @example toPattern('Hi', { exact: true }); */
export function toPattern(match: TextMatch, options: { exact?: boolean } = {}): Pattern {
  if (match instanceof RegExp) return { source: match.source, flags: match.flags };
  const text = escape(match.replace(/\s+/g, ' ').trim());
  return options.exact ? { source: `^${text}$`, flags: '' } : { source: text, flags: 'i' };
}

/** What a probe function takes after the steps. */
type Rest<K extends keyof Probe> = Probe[K] extends (steps: Step[], ...rest: infer R) => unknown ? R : never;

/** A query on a page, resolved when used. @example await page.getByRole('button', { name: 'Send' }).click(); */
export class Locator {
  constructor(
    private readonly page: EnginePage,
    private readonly steps: Step[],
  ) {}

  private then_(step: Step): Locator {
    return new Locator(this.page, [...this.steps, step]);
  }

  private call<K extends keyof Probe>(name: K, ...rest: Rest<K>): Promise<ReturnType<Probe[K]>> {
    return this.page.evaluate(
      ({ name, steps, rest }) => (window as unknown as { __e2e: Record<string, (...args: unknown[]) => unknown> }).__e2e[name]?.(steps, ...rest),
      { name, steps: this.steps, rest: rest as unknown[] },
    ) as Promise<ReturnType<Probe[K]>>;
  }

  getByRole(role: string, options: { name?: TextMatch; exact?: boolean } = {}): Locator {
    return this.then_({ role, ...(options.name !== undefined && { name: toPattern(options.name, options) }) });
  }

  getByText(text: TextMatch, options: { exact?: boolean } = {}): Locator {
    return this.then_({ text: toPattern(text, options) });
  }

  locator(css: string): Locator {
    return this.then_({ css });
  }

  /** Narrows the last step to elements that are also matched by a CSS selector. */
  and(css: string): Locator {
    const last = this.steps.at(-1) ?? {};
    return new Locator(this.page, [...this.steps.slice(0, -1), { ...last, css }]);
  }

  filter(options: { hasText: TextMatch }): Locator {
    const last = this.steps.at(-1) ?? {};
    return new Locator(this.page, [...this.steps.slice(0, -1), { ...last, hasText: toPattern(options.hasText) }]);
  }

  nth(index: number): Locator {
    const last = this.steps.at(-1) ?? {};
    return new Locator(this.page, [...this.steps.slice(0, -1), { ...last, nth: index }]);
  }

  first(): Locator {
    return this.nth(0);
  }

  count = (): Promise<number> => this.call('count');
  allTextContents = (): Promise<string[]> => this.call('texts');
  textContent = async (): Promise<string | null> => (await this.call('texts'))[0] ?? null;
  getAttribute = (name: string): Promise<string | null> => this.call('attribute', name);
  isVisible = (): Promise<boolean> => this.call('visible');
  focus = async (): Promise<void> => void (await this.call('focus'));
  /** A computed style of the first match. @example await bubble.style('background-color'); */
  style = (property: string): Promise<string | null> => this.call('style', property);

  /** Waits for the first match, a text field, and replaces its text as a paste would. */
  async fill(text: string): Promise<void> {
    await this.waitFor();
    if (!(await this.call('fill', text))) throw new Error(`Could not fill ${JSON.stringify(this.steps)}`);
  }

  /** Waits until something matches (default 10 s). */
  async waitFor(options: { timeout?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeout ?? 10_000);
    for (;;) {
      if ((await this.count()) > 0) return;
      if (Date.now() > deadline) throw new Error(`Nothing matched ${JSON.stringify(this.steps)} within ${options.timeout ?? 10_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits for the first match, then clicks it with the pointer. */
  async click(options: { timeout?: number } = {}): Promise<void> {
    await this.waitFor(options);
    const selector = await this.call('pick');
    if (!selector) throw new Error(`Nothing to click for ${JSON.stringify(this.steps)}`);
    await this.page.click(selector);
  }
}
