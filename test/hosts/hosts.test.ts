/**
 * The widget in Chromium inside host pages with the global CSS people really have: it must look
 * the same as in a page with no stylesheet (computed styles of every element, and a screenshot,
 * pixel for pixel), while rules that name the widget's classes or set its tokens still restyle
 * it, and it must size itself sensibly whatever its container. Screenshots and difference
 * pictures land in .artifacts/hosts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmulatorServer } from '../../src/testing/node';
import { launchChromium } from '../e2e/support';
import { buildHostPage, pixelDifference, readStyles, seededEmulator, serveHostPage, settle, styleDifferences, type ElementStyle } from './page';
import { HOSTS, tailwindLayered, THEMING_HOST } from './styles';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const ARTIFACTS = fileURLToPath(new URL('../../.artifacts/hosts/', import.meta.url));
const EXTRA: Record<string, () => Promise<string> | string> = { theming: () => THEMING_HOST, 'tailwind-layered': tailwindLayered };

let browser: Browser;
let context: BrowserContext;
let host: { url: string; server: Server };
let app: { dispose(): void };
let emulator: { server: EmulatorServer; sessionId: string; messages: number };
let bare: { styles: ElementStyle[]; shot: Buffer };

/** Opens the host page; `session: false` starts a new conversation instead of the seeded one. */
async function open(params: Record<string, string>, session = true): Promise<Page> {
  const page = await context.newPage();
  const query = new URLSearchParams({ server: emulator.server.url, agent: emulator.server.emulator.defaultAgentId, ...(session && { session: emulator.sessionId }), ...params });
  await page.goto(`${host.url}/?${query}`);
  await page.locator('body[data-ready]').waitFor({ state: 'attached' });
  return page;
}

/** The widget's root element as a PNG, with animations and the caret still. */
const screenshot = (page: Page) => page.locator('.parlant-chatbox').screenshot({ animations: 'disabled', caret: 'hide' });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [built, seeded] = await Promise.all([buildHostPage(), seededEmulator()]);
  app = built;
  emulator = seeded;
  host = await serveHostPage(built.dir, async (name) => (HOSTS[name]?.css ?? EXTRA[name] ?? (() => ''))());
  browser = await launchChromium();
  // One size, clock and locale for every page, so that only the host's CSS differs.
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1, timezoneId: 'UTC', locale: 'en-US', reducedMotion: 'reduce' });
  const page = await open({ host: 'bare', font: 'fixed' });
  await settle(page, emulator.messages);
  bare = { styles: await readStyles(page), shot: await screenshot(page) };
  writeFileSync(`${ARTIFACTS}bare.png`, bare.shot);
  await page.close();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  host?.server.close();
  app?.dispose();
  await emulator?.server.close();
});

describe('in a host page, the widget looks as it does in a page without CSS', () => {
  for (const [name, { about }] of Object.entries(HOSTS).filter(([n]) => n !== 'bare')) {
    it(`${name}: ${about}`, async () => {
      const page = await open({ host: name, font: 'fixed' });
      await settle(page, emulator.messages);
      const styles = await readStyles(page);
      const shot = await screenshot(page);
      writeFileSync(`${ARTIFACTS}${name}.png`, shot);
      const { pixels, diff } = pixelDifference(bare.shot, shot);
      if (diff) writeFileSync(`${ARTIFACTS}${name}.diff.png`, diff);
      await page.close();

      expect({ styles: styleDifferences(bare.styles, styles), pixels }).toEqual({ styles: [], pixels: 0 });
    });
  }
});

describe('what a host may change', () => {
  it("keeps the page's font family, and nothing else of the page's text styles", async () => {
    const page = await open({ host: 'inherited' });
    await settle(page, emulator.messages);
    const [root] = await readStyles(page, ['font-family', 'font-size', 'text-align', 'line-height', 'text-transform']);
    const body = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    await page.close();
    expect(root?.styles).toEqual({ 'font-family': body, 'font-size': '15px', 'text-align': 'start', 'line-height': '21.75px', 'text-transform': 'none' });
  });

  it("wins with rules on the widget's classes and tokens", async () => {
    const page = await open({ host: 'theming', font: 'fixed', classNames: JSON.stringify({ root: 'shop', bubble: 'my-bubble' }) });
    await settle(page, emulator.messages);
    const send = await page.getByRole('button', { name: 'Send' }).evaluate((el) => getComputedStyle(el).backgroundColor);
    const title = await page.getByRole('heading', { name: 'Haxon' }).evaluate((el) => getComputedStyle(el).letterSpacing);
    const bubble = await page.locator('.parlant-bubble').first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    await page.close();
    expect({ send, title, bubble }).toEqual({ send: 'rgb(15, 118, 110)', title: '2px', bubble: '3px' });
  });

  it('lets Tailwind utilities in classNames win when the stylesheet is imported into a layer below them', async () => {
    const page = await open({ host: 'tailwind-layered', css: 'none', font: 'fixed', classNames: JSON.stringify({ bubble: 'rounded-none', header: 'tracking-widest' }) });
    await settle(page, emulator.messages);
    const styles = await readStyles(page);
    await page.close();
    const last = (part: string) => (s: ElementStyle) => s.path.split(' > ').at(-1)?.startsWith(part);
    const bubble = styles.find(last('div.parlant-bubble.rounded-none'));
    const header = styles.find(last('header.parlant-header.tracking-widest'));
    expect(bubble?.styles['border-top-left-radius']).toBe('0px');
    expect(header?.styles['letter-spacing']).toBe('1.5px');
    // The preflight, in Tailwind's base layer under the widget's, reaches nothing: every element
    // without a utility on it or above it is as in the bare page.
    const plain = styles.map((s) => !/rounded-none|tracking-widest/.test(s.path));
    expect(styleDifferences(bare.styles.filter((_, i) => plain[i]), styles.filter((_, i) => plain[i]))).toEqual([]);
  });
});

describe('size', () => {
  it('in a container without a height: --parlant-height tall, and it stays so as the conversation grows', async () => {
    const page = await open({ host: 'bare', frame: 'unsized' }, false);
    const widget = page.locator('.parlant-chatbox');
    await page.getByRole('heading', { name: 'Haxon' }).waitFor();
    const before = await widget.boundingBox();
    const box = page.getByRole('textbox', { name: 'Message' });
    for (let turn = 1; turn <= 4; turn++) {
      await box.fill(`Message number ${turn}, long enough to wrap onto a second line in a narrow widget`);
      await box.press('Enter');
      await page.getByRole('log', { name: 'Conversation' }).locator('li[data-role="agent"]').nth(turn - 1).waitFor();
    }
    const after = await widget.boundingBox();
    const composer = await box.boundingBox();
    await page.close();
    expect(before?.height).toBe(600);
    expect(after?.height).toBe(600);
    expect((composer?.y ?? Infinity) + (composer?.height ?? 0)).toBeLessThanOrEqual(600);
  });

  it('in a container with a height: fills it, taller than the default too', async () => {
    const page = await open({ host: 'bare', frame: 'tall' });
    await settle(page, emulator.messages);
    const box = await page.locator('.parlant-chatbox').boundingBox();
    await page.close();
    expect(box?.height).toBe(900);
  });

  it("in create-vite's #root as the README shows it: the default height, the composer on screen", async () => {
    const page = await open({ host: 'create-vite', frame: 'none' });
    await settle(page, emulator.messages);
    const widget = await page.locator('.parlant-chatbox').boundingBox();
    const composer = await page.getByRole('textbox', { name: 'Message' }).boundingBox();
    await page.close();
    expect(widget?.height).toBe(600);
    expect((composer?.y ?? Infinity) + (composer?.height ?? 0)).toBeLessThanOrEqual(1000);
  });
});
