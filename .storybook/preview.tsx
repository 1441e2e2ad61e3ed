import type { Decorator, Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { emulatorRoutes, PARLANT_ORIGIN } from '../stories/support/emulator';
import '../stories/support/parameters';
import '../src/styles/tokens.css';
import '../src/styles/chatbox.css';
import '../src/styles/phone.css';
import './preview.css';

/**
 * Starts the one MSW worker of the preview with the emulator dispatcher as its initial handler:
 * initial handlers survive the addon's `resetHandlers()` between stories, and the dispatcher
 * finds each story's own emulator by URL (see stories/support/emulator.ts).
 */
async function startWorker() {
  const worker = setupWorker(...emulatorRoutes());
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      // Vite modules, fonts and Storybook's own requests are not ours to mock; a Parlant request
      // nobody answers is a broken story.
      if (request.url.startsWith(PARLANT_ORIGIN)) print.error();
    },
  });
  return worker;
}

/**
 * Inline widgets fill their container (height: 100%), so give them one the size of a real chat
 * column. Floating widgets position themselves; `parameters.frame = false` opts out.
 */
const withFrame: Decorator = (Story, { parameters, args }) => {
  const frame = parameters.frame;
  if (frame === false || (args as { variant?: string }).variant === 'floating') return <Story />;
  return (
    <div
      data-story-frame=""
      style={{
        boxSizing: 'border-box',
        width: frame?.width ?? 400,
        maxWidth: '100%',
        height: frame?.height ?? 600,
        padding: frame?.padding ?? 0,
        background: frame?.background,
      }}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  decorators: [withFrame],
  parameters: {
    controls: { matchers: { color: /(background|color|accent|bubble|text|border|danger|focusRing)$/i } },
    // Any axe violation fails the story's test (the default, 'todo', only warns).
    a11y: { test: 'error' },
  },
};

export default preview;
