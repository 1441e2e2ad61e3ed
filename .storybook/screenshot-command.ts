import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {} from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';

/**
 * Every test run captures the screenshots into .artifacts/screenshots (ignored by git, so a run
 * leaves the tree clean); `npm run screenshots` writes them to docs/images for the README.
 * The browser side can only choose a file name in that folder.
 */
const IMAGES = resolve(dirname(fileURLToPath(import.meta.url)), process.env.UPDATE_SCREENSHOTS ? '../docs/images' : '../.artifacts/screenshots');

/**
 * Vitest browser command (runs in Node): saves a PNG of one element of the story under test to
 * the screenshot folder above. A custom command rather than `page.screenshot({ path })` because Storybook's
 * Vitest plugin turns off the browser API's file writing, and this way nothing but that one
 * folder can be written.
 * @example await commands.saveScreenshot('[data-screenshot]', 'widget-light.png');
 */
export const saveScreenshot: BrowserCommand<[selector: string, file: string]> = async (context, selector, file) => {
  if (context.provider.name !== 'playwright') throw new Error('saveScreenshot needs the playwright browser provider.');
  await mkdir(IMAGES, { recursive: true });
  // Animations off: the typing dots and transitions would make every capture differ.
  await context.iframe.locator(selector).screenshot({ path: resolve(IMAGES, basename(file)), animations: 'disabled' });
};
