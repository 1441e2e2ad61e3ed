import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {} from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import type { EnginePage } from '../test/e2e/engine';

/**
 * Every test run captures the screenshots of each engine into .artifacts/screenshots/stories/
 * <engine> (ignored by git, so a run leaves the tree clean); `npm run screenshots` writes
 * Chromium's to docs/images for the README. The browser side can only choose a file name there.
 */
const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../.artifacts/screenshots/stories');
const README_IMAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/images');

/**
 * Vitest browser command (runs in Node): saves a PNG of one element of the story under test. A
 * custom command rather than `page.screenshot({ path })` because Storybook's Vitest plugin turns
 * off the browser API's file writing, and this way nothing but those folders can be written.
 * Chromium goes through Playwright; Firefox and WebKit through the engine adapter.
 * @example await commands.saveScreenshot('[data-screenshot]', 'widget-light.png');
 */
export const saveScreenshot: BrowserCommand<[selector: string, file: string]> = async (context, selector, file) => {
  const enginePage = (context as { enginePage?: EnginePage | null }).enginePage;
  const engine = context.provider.name === 'playwright' ? 'chromium' : (context.provider as unknown as { engine: string }).engine;
  const folder = process.env.UPDATE_SCREENSHOTS && engine === 'chromium' ? README_IMAGES : resolve(ARTIFACTS, engine);
  await mkdir(folder, { recursive: true });
  const path = resolve(folder, basename(file));
  if (context.provider.name === 'playwright') {
    // Animations off: the typing dots and transitions would make every capture differ.
    await context.iframe.locator(selector).screenshot({ path, animations: 'disabled' });
  } else if (enginePage) {
    await enginePage.screenshot(path, { frame: 'iframe[data-vitest]', selector });
  } else {
    throw new Error(`saveScreenshot does not know the ${context.provider.name} provider.`);
  }
};
