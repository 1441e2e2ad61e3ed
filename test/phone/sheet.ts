/**
 * The open floating widget on phones (Chromium's mobile emulation: touch, device pixel ratio 2,
 * against the emulator over HTTP) is a full-screen modal sheet: it covers the page, the page
 * stops scrolling, and it closes the ways a phone closes things.
 */
import { describe, expect, it } from 'vitest';
import { box, simulateKeyboard, swipe } from './gestures';
import { PHONES, type PhoneHarness } from './support';
import { composerOf, focusedName, launcherOf, openSheet, sheetOf } from './widget';

/** Registers these scenarios in the running test file, on its phone harness. @example sheetScenarios(phoneHarness()); */
export function sheetScenarios(phones: PhoneHarness): void {
  describe.each(PHONES)('the floating widget on a $name phone', (phone) => {
    const { width, height } = phone.viewport;

    it('opens as a sheet over the whole screen, hides the launcher, and the page behind no longer scrolls', async () => {
      const page = await phones.open(phone);
      // Without the chat, a swipe scrolls the host page: the control for the swipe below.
      await swipe(page, page.getByRole('heading', { name: 'Trail Runner 2 jacket' }), 200);
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(50);
      const scrolled = await page.evaluate(() => scrollY);

      await openSheet(page);
      const sheet = await box(sheetOf(page));
      expect(sheet).toMatchObject({ top: 0, left: 0, width, height });
      // Nothing of the page shows through: every corner and the middle are the chat's.
      const points = [[1, 1], [width - 2, 1], [1, height - 2], [width - 2, height - 2], [width / 2, height / 2]];
      const ours = await page.evaluate((pts) => pts.map(([x, y]) => Boolean(document.elementFromPoint(x as number, y as number)?.closest('[role="dialog"]'))), points);
      expect(ours).toEqual(points.map(() => true));
      expect(await launcherOf(page).isVisible()).toBe(false);
      expect(await focusedName(page)).toBe('Message');

      await swipe(page, page.getByRole('heading', { name: 'Haxon' }), 200);
      await swipe(page, composerOf(page), 200);
      expect(await page.evaluate(() => scrollY)).toBe(scrolled);
      expect(await box(sheetOf(page))).toMatchObject({ top: 0, height });
    });

    it('closes from its close button, Escape, or the close request Back sends, and focus returns to the launcher', async () => {
      const page = await phones.open(phone);
      const entries = await page.evaluate(() => window.history.length);

      await openSheet(page);
      await page.getByRole('button', { name: 'Close chat' }).tap();
      expect(await launcherOf(page).isVisible()).toBe(true);
      expect(await focusedName(page)).toBe('Chat');

      await openSheet(page);
      await page.keyboard.press('Escape');
      expect(await sheetOf(page).count()).toBe(0);
      expect(await focusedName(page)).toBe('Chat');

      // Android's Back reaches a page as a close request, like an Escape nobody handled: with
      // focus outside the widget, only the widget's CloseWatcher can hear it.
      await openSheet(page);
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      await page.keyboard.press('Escape');
      expect(await sheetOf(page).count()).toBe(0);
      expect(await focusedName(page)).toBe('Chat');

      // One open and one close each time, and nothing added to the host's history.
      expect(await page.evaluate(() => (window as unknown as { openChanges: boolean[] }).openChanges)).toEqual([true, false, true, false, true, false]);
      expect(await page.evaluate(() => window.history.length)).toBe(entries);
    });
  });

  describe('the floating widget on a 375×667 phone', () => {
    const phone = PHONES[0];

    it('keeps Tab inside the open sheet', async () => {
      const page = await phones.open(phone);
      await openSheet(page);
      await page.keyboard.type('Hi');
      for (let i = 0; i < 8; i += 1) {
        await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
      }
    });

    it('clears the notch and the home indicator (safe-area insets), and drops the bottom one under a keyboard', async () => {
      const page = await phones.open(phone);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
      expect((await box(launcherOf(page))).bottom).toBe(667 - 34 - 20);
      await openSheet(page);
      expect((await box(page.getByRole('heading', { name: 'Haxon' }))).top).toBeGreaterThanOrEqual(47);
      expect((await box(page.locator('.parlant-composer'))).bottom).toBe(667 - 34);
      await simulateKeyboard(page, { keyboard: 300 });
      expect((await box(page.locator('.parlant-composer'))).bottom).toBe(667 - 300);
    });

    it('slides the sheet in, unless the customer asked for reduced motion', async () => {
      const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
        const page = await phones.open(phone, {}, { reducedMotion });
        await openSheet(page);
        return page.locator('.parlant-floating-panel').evaluate((el) => getComputedStyle(el).animationName);
      };
      expect(await animationOf('no-preference')).toBe('parlant-sheet-in');
      expect(await animationOf('reduce')).toBe('none');
    });
  });
}
