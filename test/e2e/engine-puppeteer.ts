/**
 * Chromium (over CDP) and Firefox (over WebDriver BiDi) through puppeteer-core, each the system's
 * binary. Firefox needs no geckodriver this way: puppeteer speaks BiDi to Firefox directly.
 */
import puppeteer, { type BrowserContext, type KeyInput, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { firefoxPath } from '../../scripts/engines.mjs';
import type { Engine, EngineContext, EnginePage, Viewport } from './engine';

/** Chromium logs every non-2xx response; a 504 is Parlant's normal answer to an idle long-poll. */
const idlePoll = (text: string) => text.includes('status of 504');

async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop() as KeyInput;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

function wrap(page: Page): EnginePage {
  const driverProblems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && !idlePoll(m.text()) && driverProblems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => void driverProblems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  return {
    driverProblems,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate: async <R, A>(fn: (arg: A) => R, arg?: A) => ((await page.evaluate(fn as (arg: unknown) => R, arg ?? null)) ?? null) as R,
    click: (selector) => page.click(selector),
    press: (chord) => pressChord(page, chord),
    type: (text) => page.keyboard.type(text),
    screenshot: async (file, element) => {
      const path = file as `${string}.png`;
      if (!element) return void (await page.screenshot({ path }));
      const frame = element.frame ? await (await page.$(element.frame))?.contentFrame() : page.mainFrame();
      const target = await frame?.$(element.selector);
      if (!target) throw new Error(`No ${element.selector} to screenshot`);
      await target.screenshot({ path });
    },
    close: () => page.close(),
  };
}

function context(name: 'chromium' | 'firefox', inner: BrowserContext): EngineContext {
  return {
    newPage: async () => wrap(await inner.newPage()),
    setOffline: async (offline) => {
      // Firefox's BiDi has no network emulation puppeteer can use; the gate stages it there.
      if (name !== 'chromium') return false;
      for (const page of await inner.pages()) await page.setOfflineMode(offline);
      return true;
    },
    close: () => inner.close(),
  };
}

/**
 * Launches headless Chromium or Firefox.
 * @example const engine = await launchPuppeteer('firefox', { width: 1280, height: 800 });
 */
export async function launchPuppeteer(name: 'chromium' | 'firefox', viewport: Viewport): Promise<Engine> {
  const browser =
    name === 'firefox'
      ? await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true, defaultViewport: viewport })
      : await puppeteer.launch({
          browser: 'chrome',
          executablePath: chromiumPath(),
          headless: true,
          defaultViewport: viewport,
          args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
        });
  return {
    name,
    newContext: async () => context(name, await browser.createBrowserContext()),
    close: () => browser.close(),
  };
}
