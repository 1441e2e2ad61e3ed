/**
 * What a phone does to a page that a headless desktop Chromium needs help with: an on-screen
 * keyboard, and a finger dragging. Plus the geometry the tests read.
 */
import type { Locator, Page } from 'playwright-core';

/**
 * Shrinks the visual viewport as an on-screen keyboard does, leaving the layout viewport as it
 * is (Android Chrome's default; iOS Safari also pans it, `offsetTop`), then fires the events the
 * browser fires. Headless Chromium cannot show a keyboard, and CDP's `setVisibleSize` does not
 * change the visual viewport, so the page's `visualViewport` reports these numbers instead.
 * Layout, CSS and the widget's reaction are real; the browser panning to the focused input is not
 * modelled. `keyboard: 0` takes the keyboard away.
 * @example await simulateKeyboard(page, { keyboard: 300 });
 */
export async function simulateKeyboard(page: Page, { keyboard, offsetTop = 0 }: { keyboard: number; offsetTop?: number }): Promise<void> {
  await page.evaluate(
    ({ keyboard, offsetTop }) => {
      const viewport = window.visualViewport as VisualViewport;
      const shadow = (name: 'height' | 'offsetTop', value: number) => Object.defineProperty(viewport, name, { configurable: true, get: () => value });
      if (keyboard === 0) {
        delete (viewport as { height?: number }).height;
        delete (viewport as { offsetTop?: number }).offsetTop;
      } else {
        shadow('height', document.documentElement.clientHeight - keyboard);
        shadow('offsetTop', offsetTop);
      }
      viewport.dispatchEvent(new Event('resize'));
      viewport.dispatchEvent(new Event('scroll'));
    },
    { keyboard, offsetTop },
  );
}

/** Page-relative box of an element. @example const { bottom } = await box(page.getByRole('button')); */
export async function box(locator: Locator): Promise<{ top: number; bottom: number; left: number; right: number; width: number; height: number }> {
  return locator.evaluate((el) => {
    const { top, bottom, left, right, width, height } = el.getBoundingClientRect();
    return { top, bottom, left, right, width, height };
  });
}

/** What the visual viewport shows now (page coordinates of the layout viewport). @example const seen = await visible(page); */
export function visible(page: Page): Promise<{ top: number; bottom: number }> {
  return page.evaluate(() => {
    const viewport = window.visualViewport as VisualViewport;
    return { top: viewport.offsetTop, bottom: viewport.offsetTop + viewport.height };
  });
}

/**
 * A vertical touch swipe: a finger put down at the centre of an element, moved in `step` px (10),
 * rested, lifted. Real touch events, so the browser decides what scrolls (touch-action, overflow,
 * scroll chaining) as it would under a finger. Positive `distance` moves the finger up, which
 * scrolls the content under it down the page.
 * @example await swipe(page, page.getByRole('heading'), 300);
 */
export async function swipe(page: Page, locator: Locator, distance: number, step = 10): Promise<void> {
  const { left, top, width, height } = await box(locator);
  const x = Math.round(left + width / 2);
  const y = Math.round(top + height / 2);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: number | null) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at === null ? [] : [{ x, y: at }] });
  await touch('touchStart', y);
  const steps = Math.ceil(Math.abs(distance) / step);
  for (let i = 1; i <= steps; i += 1) await touch('touchMove', y - (distance * i) / steps);
  // The finger rests before lifting: no fling, so the scroll has ended when this returns.
  await page.waitForTimeout(150);
  await touch('touchMove', y - distance);
  await touch('touchEnd', null);
  await cdp.detach();
}
