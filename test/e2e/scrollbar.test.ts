/**
 * The scrollbar of a long conversation, driven by a real mouse in Chromium (its scrollbars shown:
 * browser automation hides them by default): dragging the thumb, holding it while rows change
 * size, and the reader's place while rows above change and messages arrive.
 */
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';
import { buildHostApp, serveStatic } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const COUNT = 10_000;
let browser: Browser;
let host: { url: string; server: Server };
let app: { dir: string; dispose(): void };
let emu: ParlantEmulator;
let parlant: EmulatorServer;

beforeAll(async () => {
  app = await buildHostApp();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] });
  host = await serveStatic(app.dir, () => null);
  emu = createParlantEmulator({ timing: { stepMs: 20 } });
  parlant = await startEmulatorServer({ emulator: emu, port: 0 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.server.close();
  app?.dispose();
  await parlant?.close();
  emu?.close();
});

/** A page on a conversation of `COUNT` messages of unlike heights (every seventh runs over several lines). */
async function openLongConversation(): Promise<{ page: Page; session: string }> {
  const session = emu.createSession();
  for (let i = 1; i <= COUNT; i += 1) {
    const text = i % 7 === 0 ? `message ${i}: ${'a longer message that wraps over several lines, '.repeat(6)}` : `message ${i}`;
    emu.appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: text });
  }
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const query = new URLSearchParams({ server: parlant.url, agent: emu.defaultAgentId, session: session.id, wait: '30' });
  await page.goto(`${host.url}/?${query}`);
  await page.getByText(`message ${COUNT}`, { exact: true }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  return { page, session: session.id };
}

/** What the reader sees: the numbers of the rows in the DOM, the first one in view and its distance from the top of the view. */
const reading = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('.parlant-scroller') as HTMLElement;
    const view = el.getBoundingClientRect();
    const rows = [...el.querySelectorAll<HTMLElement>('.parlant-log > li.parlant-message')];
    const number = (row: HTMLElement) => Number(/message (\d+)/.exec(row.querySelector('.parlant-bubble')?.textContent ?? '')?.[1]);
    const first = rows.find((row) => row.getBoundingClientRect().top >= view.top);
    return {
      rows: rows.map(number),
      first: first ? number(first) : null,
      offset: first ? first.getBoundingClientRect().top - view.top : null,
      scrollTop: el.scrollTop,
      /** Where the view is in the scrollable height, 0 (top) to 1 (bottom): where the thumb is. */
      share: el.scrollTop / (el.scrollHeight - el.clientHeight),
      elements: document.getElementsByTagName('*').length,
    };
  });

/** The scrollbar's track and thumb, from the scroll container's geometry (arrows at both ends). */
async function scrollbar(page: Page) {
  const g = await page.evaluate(() => {
    const el = document.querySelector('.parlant-scroller') as HTMLElement;
    const r = el.getBoundingClientRect();
    return { right: r.right, top: r.top, height: el.clientHeight, width: el.offsetWidth - el.clientWidth, scrollTop: el.scrollTop, scrollHeight: el.scrollHeight };
  });
  expect(g.width).toBeGreaterThan(0); // scrollbars are shown
  const arrow = g.width;
  const track = g.height - 2 * arrow;
  const thumb = Math.max(track * (g.height / g.scrollHeight), 15);
  const thumbTop = g.top + arrow + (track - thumb) * (g.scrollTop / (g.scrollHeight - g.height));
  return { x: g.right - g.width / 2, thumbMiddle: thumbTop + thumb / 2, trackTop: g.top + arrow, track, thumb };
}

/**
 * Presses the thumb and moves it to `y` in steps, each given time to land (sent faster, some
 * moves were not applied to the thumb, which then lagged behind the hand); the button stays down.
 */
async function dragThumbTo(page: Page, y: number) {
  const bar = await scrollbar(page);
  await page.mouse.move(bar.x, bar.thumbMiddle);
  await page.mouse.down();
  const steps = 20;
  for (let k = 1; k <= steps; k += 1) {
    await page.mouse.move(bar.x, bar.thumbMiddle + ((y - bar.thumbMiddle) * k) / steps);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(200);
}

/** The DOM holds a small run of the conversation, in order (what a screen reader reads). */
function expectSmallRunInOrder(seen: { rows: number[]; elements: number }) {
  expect(seen.rows.every((n, i) => i === 0 || n === (seen.rows[i - 1] as number) + 1)).toBe(true);
  expect(seen.elements).toBeLessThan(2000);
}

describe('the scrollbar of a 10,000-message conversation', () => {
  it('reaches the first message with one drag of the thumb to the top, the DOM a small run in order', async () => {
    const { page } = await openLongConversation();
    // Pulled well past the top of the track, as a hand does to get to the very beginning (the
    // thumb lags behind the pointer when moves are dropped).
    await dragThumbTo(page, -400);
    await page.mouse.up();
    await expect.poll(async () => (await reading(page)).first, { timeout: 5000 }).toBe(1);
    const seen = await reading(page);
    expect(seen.scrollTop).toBeLessThan(5);
    expectSmallRunInOrder(seen);
    await page.close();
  });

  it('shows the messages of the place the thumb is dragged to (towards the middle: the share of the conversation the thumb is at)', async () => {
    const { page } = await openLongConversation();
    const bar = await scrollbar(page);
    await dragThumbTo(page, bar.trackTop + bar.track / 2);
    await page.mouse.up();
    await page.waitForTimeout(300);
    const seen = await reading(page);
    expect(seen.share).toBeGreaterThan(0.2);
    expect(seen.share).toBeLessThan(0.8);
    // Positions mid-list are estimates: within 3 % of the conversation.
    expect(Math.abs((seen.first ?? 0) / COUNT - seen.share)).toBeLessThan(0.03);
    expectSmallRunInOrder(seen);
    await page.close();
  });

  it('makes no correction while the pointer holds the thumb, and keeps the reader in place again once it lets go', async () => {
    const { page } = await openLongConversation();
    const bar = await scrollbar(page);
    await dragThumbTo(page, bar.trackTop + bar.track * 0.3);
    const held = await reading(page);
    // Rows above the reader grow while the thumb is held: the content moves, the scroll position does not.
    await page.addStyleTag({ content: '.parlant-log > li.parlant-message:first-child { padding-top: 240px; }' });
    await page.waitForTimeout(200);
    const stillHeld = await reading(page);
    expect(stillHeld.scrollTop).toBe(held.scrollTop);
    await page.mouse.up();
    await page.waitForTimeout(400);
    const before = await reading(page);
    await page.addStyleTag({ content: '.parlant-log > li.parlant-message:first-child { padding-top: 600px; }' });
    await page.waitForTimeout(200);
    const after = await reading(page);
    expect(after.first).toBe(before.first);
    expect(Math.abs((after.offset ?? 0) - (before.offset ?? 0))).toBeLessThan(2);
    await page.close();
  });

  it('keeps the row being read in place while rows above change height and new messages arrive', async () => {
    const { page, session } = await openLongConversation();
    const el = await page.$('.parlant-scroller');
    const box = await el?.boundingBox();
    await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
    for (let i = 0; i < 6; i += 1) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    const before = await reading(page);
    expect(before.first).toBeLessThan(COUNT - 5);
    await page.addStyleTag({ content: '.parlant-log > li.parlant-message:first-child { padding-top: 400px; }' });
    await page.waitForTimeout(200);
    let now = await reading(page);
    expect(now.first).toBe(before.first);
    expect(Math.abs((now.offset ?? 0) - (before.offset ?? 0))).toBeLessThan(2);
    for (let i = 0; i < 3; i += 1) emu.agentSay(session, `news ${i}`);
    await page.getByRole('button', { name: /New messages/ }).waitFor();
    now = await reading(page);
    expect(now.first).toBe(before.first);
    expect(Math.abs((now.offset ?? 0) - (before.offset ?? 0))).toBeLessThan(2);
    await page.close();
  });
});
