/**
 * Phones are used with fingers: 16px text in the composer (iOS Safari zooms into anything
 * smaller), 44px tap targets, and nothing that scrolls sideways, in the floating sheet and in
 * an inline widget in a 320px column; and no hover look stuck on after a tap.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { box, swipe } from './gestures';
import { PHONES, type PhoneHarness } from './support';
import { composerOf, launcherOf, messages, openSheet, reachesAt44, seedSession } from './widget';

/** Registers these scenarios in the running test file, on its phone harness. @example touchScenarios(phoneHarness()); */
export function touchScenarios(phones: PhoneHarness): void {
  /** A session whose last answer holds what pushes a narrow layout sideways: a long unbroken link, a wide table, a code block. */
  async function wideAnswer(): Promise<string> {
    const id = seedSession(phones.emu, 4);
    phones.emu.customerSay(id, 'What is my balance?');
    await phones.emu.whenIdle(id);
    phones.emu.agentSay(
      id,
      [
        `Your statement: https://bank.example/statements/${'0123456789'.repeat(8)}`,
        '| date | description | amount | balance |\n| --- | --- | --- | --- |\n| 2026-06-01 | Coffee beans, monthly subscription | 24.00 | 4,976.50 |',
        '```sh\ncurl https://bank.example/api/v1/accounts/main/statements?from=2026-06-01&to=2026-06-30\n```',
      ].join('\n\n'),
    );
    return id;
  }

  /** Pixels the page and the conversation can be scrolled sideways (both should be 0). */
  const sideways = (page: Page) =>
    page.evaluate(() => {
      const scroller = document.querySelector('.parlant-scroller') as HTMLElement;
      return { page: document.documentElement.scrollWidth - innerWidth, conversation: scroller.scrollWidth - scroller.clientWidth };
    });

  /** 16px composer text and 44px buttons. */
  async function expectFingerSized(page: Page, buttons: string[]): Promise<void> {
    expect(await composerOf(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    for (const name of buttons) {
      const target = await box(page.getByRole('button', { name }));
      expect(target.width, name).toBeGreaterThanOrEqual(44);
      expect(target.height, name).toBeGreaterThanOrEqual(44);
    }
  }

  describe.each(PHONES)('fingers on a $name phone', (phone) => {
    it('the sheet: 16px composer text, 44px targets, and nothing scrolls sideways', async () => {
      const page = await phones.open(phone, { session: await wideAnswer() });
      expect(await box(launcherOf(page))).toMatchObject({ width: 56, height: 56 });
      await openSheet(page);
      await messages(page).getByText('Coffee beans, monthly subscription').waitFor();
      await expectFingerSized(page, ['Close chat', 'Send']);
      // Small text controls keep their looks but take a 44px finger from any side.
      for (const control of [page.locator('summary', { hasText: '1 tool used' }), page.getByRole('button', { name: 'Copy code' })]) {
        await control.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        expect(await reachesAt44(control), (await control.textContent()) ?? '').toEqual([true, true, true, true]);
      }
      expect(await sideways(page)).toEqual({ page: 0, conversation: 0 });
    });

    it('an inline widget in a 320px column: the same sizes, no sideways scroll, and a whole turn by touch', async () => {
      const page = await phones.open(phone, { variant: 'inline', session: await wideAnswer() });
      await messages(page).getByText('Coffee beans, monthly subscription').waitFor();
      expect((await box(page.getByRole('region', { name: 'Haxon' }))).width).toBeLessThanOrEqual(320);
      await expectFingerSized(page, ['Send']);
      expect(await sideways(page)).toEqual({ page: 0, conversation: 0 });

      await composerOf(page).tap();
      await page.keyboard.type('Where is my order?');
      await page.getByRole('button', { name: 'Send' }).tap();
      await messages(page).filter({ hasText: 'A-1042' }).waitFor();
      expect(await messages(page).last().textContent()).toContain('A-1042');
      const [newest, scroller] = await Promise.all([box(messages(page).last()), box(page.locator('.parlant-scroller'))]);
      expect(newest.bottom).toBeLessThanOrEqual(scroller.bottom);
      expect(await sideways(page)).toEqual({ page: 0, conversation: 0 });
    });
  });

  describe('a finger through a long conversation', () => {
    it('writes no scroll position while the finger drives the scroll, and reaches earlier messages', async () => {
      const page = await phones.open(PHONES[0], { variant: 'inline', session: seedSession(phones.emu, 2000) });
      await messages(page).filter({ hasText: 'Answer number 2000.' }).waitFor();
      // Every write of the list's scroll position is counted (a write during a touch scroll
      // stops its momentum on iOS, and fights the finger anywhere).
      await page.evaluate(() => {
        const el = document.querySelector('.parlant-scroller') as HTMLElement;
        const own = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop') as PropertyDescriptor;
        const w = window as unknown as { __writes: number };
        w.__writes = 0;
        Object.defineProperty(el, 'scrollTop', {
          configurable: true,
          get: () => own.get?.call(el),
          set: (value: number) => {
            w.__writes += 1;
            own.set?.call(el, value);
          },
        });
      });
      const first = () => messages(page).first().evaluate((row) => Number(/number (\d+)/.exec(row.textContent ?? '')?.[1]));
      const before = await first();
      const scroller = page.locator('.parlant-scroller');
      for (let i = 0; i < 24; i += 1) {
        await page.evaluate(() => ((window as unknown as { __writes: number }).__writes = 0));
        // A finger moving down the screen scrolls back through the conversation.
        await swipe(page, scroller, -300, 30);
        expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBe(0);
      }
      // Past the 30 rows rendered at first: the window moved while the finger held the scroll.
      expect(await first()).toBeLessThan(before - 30);
      const numbers = await messages(page).evaluateAll((rows) => rows.map((row) => Number(/number (\d+)/.exec(row.textContent ?? '')?.[1])));
      expect(numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1)).toBe(true);
    });
    it('follows the end again once a finger resting on the list lets go, after the last message grew meanwhile', async () => {
      const page = await phones.open(PHONES[0], { variant: 'inline', session: seedSession(phones.emu, 40) });
      await messages(page).filter({ hasText: 'Answer number 40.' }).waitFor();
      const atEnd = () => page.locator('.parlant-scroller').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 2);
      await expect.poll(atEnd).toBe(true);
      const list = await box(page.locator('.parlant-scroller'));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: Math.round(list.left + list.width / 2), y: Math.round(list.top + list.height / 2) }] });
      // The last message grows (as a streamed one does) under the resting finger: no correction yet.
      await page.addStyleTag({ content: '.parlant-log > li.parlant-message:last-child { padding-bottom: 300px; }' });
      await page.waitForTimeout(100);
      expect(await atEnd()).toBe(false);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      await expect.poll(atEnd, { timeout: 3000 }).toBe(true);
    });
  });

  describe('fingers on a 768×1024 tablet', () => {
    it('a tap leaves no hover look behind on the launcher while the card is open', async () => {
      const page = await phones.open({ name: 'tablet', viewport: { width: 768, height: 1024 } });
      await launcherOf(page).tap();
      await page.getByRole('region', { name: 'Haxon' }).waitFor();
      // Wider than a phone: the card beside the page, with the launcher under it, under the finger.
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await launcherOf(page).evaluate((el) => [el.matches(':hover'), getComputedStyle(el).transform])).toEqual([true, 'none']);
    });
  });
}
