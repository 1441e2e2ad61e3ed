/**
 * The floating widget as a customer finds it on the phone host page, and what the phone tests
 * check about it, by role and accessible name.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ParlantEmulator } from '../../src/testing';
import { box, visible } from './gestures';

/** A conversation already under way: `count` messages, customer and agent taking turns. @example const session = seedSession(emu, 12); */
export function seedSession(emu: ParlantEmulator, count: number): string {
  const { id } = emu.createSession();
  for (let i = 1; i <= count; i += 1) {
    emu.appendEvent(id, i % 2 ? { source: 'customer', message: `Question number ${i}?` } : { source: 'ai_agent', message: `Answer number ${i}.` });
  }
  return id;
}

export const launcherOf = (page: Page): Locator => page.getByRole('button', { name: /^Chat/ });
export const sheetOf = (page: Page): Locator => page.getByRole('dialog', { name: 'Haxon' });
export const composerOf = (page: Page): Locator => page.getByRole('textbox', { name: 'Message' });
export const messages = (page: Page): Locator => page.getByRole('log', { name: 'Conversation' }).getByRole('listitem');
/** The accessible name (or tag) of the focused element. */
export const focusedName = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

/** Taps the launcher and waits until the sheet has slid into place. @example await openSheet(page); */
export async function openSheet(page: Page): Promise<void> {
  await launcherOf(page).tap();
  await sheetOf(page).waitFor();
  await sheetOf(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

/** The composer, the send button and the newest message are inside what the customer sees. @example await expectAboveKeyboard(page, 367); */
export async function expectAboveKeyboard(page: Page, visibleHeight: number): Promise<void> {
  const seen = await visible(page);
  expect(seen.bottom - seen.top).toBe(visibleHeight);
  expect(await box(sheetOf(page))).toMatchObject({ top: seen.top, height: visibleHeight });
  for (const part of [composerOf(page), page.getByRole('button', { name: 'Send' })]) {
    const { top, bottom } = await box(part);
    expect(top).toBeGreaterThanOrEqual(seen.top);
    expect(bottom).toBeLessThanOrEqual(seen.bottom);
  }
  const scroller = await box(page.locator('.parlant-scroller'));
  const newest = await box(messages(page).last());
  // The list is at its live end and the newest message's end is in view (an answer with its
  // tools and actions can be taller than what a small phone leaves above the keyboard).
  expect(newest.bottom).toBeLessThanOrEqual(scroller.bottom);
  expect(newest.bottom).toBeGreaterThan(scroller.top + 24);
  const fromEnd = await page.locator('.parlant-scroller').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  expect(fromEnd).toBeLessThanOrEqual(2);
}

/** Whether a tap 21px from the centre of a control, up, down, left and right, lands on it (else what it lands on). @example expect(await reachesAt44(page, control)).toEqual([true, true, true, true]); */
export function reachesAt44(control: Locator): Promise<Array<true | string>> {
  return control.evaluate((el) => {
    const { left, top, width, height } = el.getBoundingClientRect();
    const [x, y] = [left + width / 2, top + height / 2];
    const reach = 21;
    return [[x, y - reach], [x, y + reach], [x - reach, y], [x + reach, y]].map(([px, py]) => {
      const hit = document.elementFromPoint(px as number, py as number);
      return hit && (el === hit || el.contains(hit)) ? true : `${hit?.tagName}.${hit?.className}`;
    });
  });
}
