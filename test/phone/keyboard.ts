/**
 * Phones with the on-screen keyboard up: the sheet shrinks to what is still visible, the
 * composer and the newest message stay in view, the reader keeps their place, and a whole turn
 * can be typed and read. How the keyboard is simulated, and what that leaves out: gestures.ts.
 */
import { describe, expect, it } from 'vitest';
import { box, simulateKeyboard, swipe } from './gestures';
import { PHONES, type PhoneHarness } from './support';
import { composerOf, expectAboveKeyboard, messages, openSheet, seedSession, sheetOf } from './widget';

/** Registers these scenarios in the running test file, on its phone harness. @example keyboardScenarios(phoneHarness()); */
export function keyboardScenarios(phones: PhoneHarness): void {
  describe.each(PHONES)('the keyboard on a $name phone', (phone) => {
    const { height } = phone.viewport;

    it('keeps the composer and the newest message above an on-screen keyboard, and fills the screen again after', async () => {
      const session = seedSession(phones.emu, 12);
      const page = await phones.open(phone, { session });
      await openSheet(page);
      await messages(page).getByText('Answer number 12.').waitFor();

      // Android Chrome: the keyboard shrinks the visual viewport only.
      await simulateKeyboard(page, { keyboard: 300 });
      await expectAboveKeyboard(page, height - 300);

      // iOS Safari: the keyboard overlays the page and Safari pans the visual viewport down.
      await simulateKeyboard(page, { keyboard: 300, offsetTop: 120 });
      expect(await box(sheetOf(page))).toMatchObject({ top: 120, height: height - 300 });
      await expectAboveKeyboard(page, height - 300);

      await simulateKeyboard(page, { keyboard: 0 });
      expect(await box(sheetOf(page))).toMatchObject({ top: 0, height });
    });

    it('takes a whole turn by touch: tap, type, tap Send, read the answer', async () => {
      const page = await phones.open(phone);
      await openSheet(page);
      await composerOf(page).tap();
      await simulateKeyboard(page, { keyboard: 280 });
      await page.keyboard.type('What is my balance?');
      await page.getByRole('button', { name: 'Send' }).tap();
      await messages(page).filter({ hasText: '$5,000.50' }).waitFor();
      // The answer is the newest message, in view above the composer, above the keyboard.
      expect(await messages(page).last().textContent()).toContain('$5,000.50');
      await expectAboveKeyboard(page, height - 280);
      expect(await composerOf(page).inputValue()).toBe('');
    });
  });

  describe('the keyboard on a 375×667 phone', () => {
    const phone = PHONES[0];

    it('keeps the reader in place when the keyboard opens while they read back', async () => {
      const page = await phones.open(phone, { session: seedSession(phones.emu, 30) });
      await openSheet(page);
      await messages(page).getByText('Answer number 30.').waitFor();
      const scroller = page.locator('.parlant-scroller');
      await swipe(page, scroller, -250);
      // The message at the reader's eye line, just above the composer, and its distance from it.
      const reading = () =>
        scroller.evaluate((el) => {
          const eye = el.getBoundingClientRect().bottom - 40;
          const row = Array.from(el.querySelectorAll('.parlant-log > li')).find((li) => li.getBoundingClientRect().bottom > eye);
          return { text: row?.textContent ?? null, offset: Math.round((row?.getBoundingClientRect().top ?? 0) - eye) };
        });
      const before = await reading();
      expect(before.text).toMatch(/number (1|2)\d/);

      await simulateKeyboard(page, { keyboard: 300 });
      expect(await reading()).toEqual(before);
      await simulateKeyboard(page, { keyboard: 0 });
      expect(await reading()).toEqual(before);
    });

    it('follows a layout viewport that the keyboard resizes (interactive-widget=resizes-content)', async () => {
      const page = await phones.open(phone, { session: seedSession(phones.emu, 12) });
      await openSheet(page);
      await messages(page).getByText('Answer number 12.').waitFor();
      await page.setViewportSize({ width: 375, height: 367 });
      await expect.poll(async () => (await box(sheetOf(page))).height).toBe(367);
      await expectAboveKeyboard(page, 367);
    });
  });

  describe('the keyboard on a 320×568 phone', () => {
    it('grows the composer with a long draft, but not over the conversation', async () => {
      const page = await phones.open(PHONES[1], { session: seedSession(phones.emu, 12) });
      await openSheet(page);
      await simulateKeyboard(page, { keyboard: 300 });
      for (let line = 1; line <= 12; line += 1) {
        await page.keyboard.type(`Line ${line} of a long question`);
        await page.keyboard.press('Shift+Enter');
      }
      const visibleHeight = 568 - 300;
      expect((await box(composerOf(page))).height).toBeLessThanOrEqual(visibleHeight * 0.25);
      expect((await box(page.locator('.parlant-scroller'))).height).toBeGreaterThanOrEqual(visibleHeight * 0.4);
      await expectAboveKeyboard(page, visibleHeight);
    });
  });
}
