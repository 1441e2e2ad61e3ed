/**
 * Chromium for the consumer check: opens a page of a consumer app and chats through it the way a
 * visitor would, failing on any page error, console error, or error answer from Parlant.
 */
/* global getComputedStyle -- runs inside the page */
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.mjs';
import { cleanups, within } from './processes.mjs';

const STEP_MS = 30_000;
/** The emulator's echo ("You said: …"), or any other agent answer in a widget's log. */
const ANSWER = /You said|Your order|Your balance/;

let browserPromise;
function browser() {
  browserPromise ??= (async () => {
    const launched = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: STEP_MS });
    cleanups.push(() => within(10_000, 'closing Chromium', launched.close()).catch(() => {}));
    return launched;
  })();
  return browserPromise;
}

/**
 * Opens `url` and chats: types into the widget's "Message" box when there is one, or presses the
 * page's first button (a launcher opens the panel, a headless page's "Say hello" sends), until the
 * agent's answer shows. `parlant` is the origin of the Parlant server the page talks to: any
 * answer of 400 or more from it fails the check, except a long-poll's 504 ("nothing new").
 * Resolves with what the agent said.
 */
export async function chatThrough(url, { parlant, styled = true }) {
  const context = await (await browser()).newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every error status; the answers themselves are judged below.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      const longPoll = response.status() === 504 && /\/events\b/.test(response.url());
      if (response.url().startsWith(parlant) && response.status() >= 400 && !longPoll) problems.push(`Parlant answered ${response.status()} to ${response.request().method()} ${response.url()}`);
    });
    await page.goto(url, { waitUntil: 'load', timeout: STEP_MS });
    await page.getByRole('button').first().waitFor();

    if (styled) {
      const root = page.locator('.parlant-chatbox').first();
      await root.waitFor({ state: 'attached' });
      const accent = await root.evaluate((el) => getComputedStyle(el).getPropertyValue('--parlant-accent').trim());
      if (!accent) throw new Error('parlant-chatbox/styles.css did not apply (no --parlant-accent on .parlant-chatbox)');
    }
    const box = page.getByRole('textbox', { name: 'Message', exact: true }).first();
    for (let step = 0; step < 2; step++) {
      await sleep(300);
      if (await box.isVisible()) {
        await box.fill('Hello from the README');
        await box.press('Enter');
        break;
      }
      await page.getByRole('button').first().click();
    }
    const answer = page.getByText(ANSWER).first();
    await answer.waitFor({ state: 'visible', timeout: STEP_MS });
    const said = (await answer.innerText()).replace(/\s+/g, ' ').trim();
    // Let late errors (a failing follow-up poll, a hydration warning) surface before judging.
    await sleep(500);
    if (problems.length) throw new Error(problems.join('\n'));
    return `agent said "${said.length > 50 ? `${said.slice(0, 47)}…` : said}"`;
  } catch (error) {
    if (problems.length && !String(error.message).includes(problems[0])) error.message += `\n${problems.join('\n')}`;
    throw error;
  } finally {
    await within(10_000, 'closing the page', context.close()).catch(() => {});
  }
}
