/**
 * Setup of the `storybook` Vitest project. Storybook's preview annotations (preview.tsx and the
 * addons') are applied by @storybook/addon-vitest itself since Storybook 10.3, so this file only
 * adds what the stories cannot do themselves: saving the README screenshots.
 */
import type { Parameters } from '@storybook/react-vite';
import { afterEach } from 'vitest';
import { commands, page } from 'vitest/browser';
import '../stories/support/parameters';

declare module 'vitest/browser' {
  interface BrowserCommands {
    saveScreenshot: (selector: string, file: string) => Promise<void>;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

// Runs after the story's play function and its axe check, while the story is still mounted
// (Storybook unmounts a story only when the next one renders). A failed story is not captured.
afterEach(async (context) => {
  const story = (context as { story?: { parameters: Parameters } }).story;
  const shot = story?.parameters.screenshot;
  if (!shot || context.task.result?.state === 'fail') return;
  if (shot.viewport) await page.viewport(shot.viewport.width, shot.viewport.height);
  await nextFrame();
  await nextFrame();
  await commands.saveScreenshot(shot.selector, shot.file);
});
