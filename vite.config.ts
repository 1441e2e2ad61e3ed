import { defineConfig } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import dts from 'vite-plugin-dts';
import { cssBundle } from './scripts/css-bundle.ts';
import { engineProvider } from './.storybook/engine-provider.ts';
import { saveScreenshot } from './.storybook/screenshot-command.ts';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

type Engine = 'chromium' | 'firefox' | 'webkit';

/** The story tests in one engine: Debian's Chromium through Playwright, the others through the engine adapter. */
const storybook = (engine: Engine, groupOrder: number): TestProjectInlineConfiguration => ({
  extends: true,
  plugins: [storybookTest({ configDir: '.storybook' })],
  test: {
    name: engine === 'chromium' ? 'storybook' : `storybook-${engine}`,
    // A few stories walk long histories key press by key press in a real browser.
    testTimeout: 60_000,
    sequence: { groupOrder },
    setupFiles: ['.storybook/vitest.setup.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider:
        engine === 'chromium'
          ? playwright({
              launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
              // Larger than any story viewport, so the test iframe is never scaled down (the
              // README screenshots are taken at 1:1).
              contextOptions: { viewport: { width: 1280, height: 1000 } },
            })
          : engineProvider(engine),
      instances: [{ browser: engine }],
      commands: { saveScreenshot },
    },
  },
});

/** The end-to-end suite in one engine; Chromium's also runs the Chromium-only back/forward cache test. */
const endToEnd = (engine: Engine, groupOrder: number): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `e2e-${engine}`,
    environment: 'node',
    include: engine === 'chromium' ? ['test/e2e/**/*.test.ts'] : ['test/e2e/browser.test.ts'],
    env: { E2E_ENGINE: engine },
    sequence: { groupOrder },
  },
});

export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: 'tsconfig.build.json', include: ['src'], bundleTypes: true }),
    cssBundle({ files: ['src/styles/tokens.css', 'src/styles/chatbox.css', 'src/styles/phone.css'], output: 'styles.css' }),
  ],
  publicDir: false,
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        // Inspect mode, apart from the widget so the widget's bundle carries none of it.
        inspect: 'src/inspect/index.ts',
        testing: 'src/testing/index.ts',
        'testing-msw': 'src/testing/msw.ts',
        'testing-node': 'src/testing/node.ts',
        // The `parlant-chatbox-emulator` command (package.json `bin`).
        cli: 'src/testing/cli.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    // No source maps in the package: the output is readable, unminified ES modules (a stack trace
    // names real functions and lines), while maps with their sources doubled the tarball and maps
    // without them point at files a consumer does not have.
    sourcemap: false,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zustand($|\/)/, /^msw($|\/)/, /^node:/],
      output: {
        // The React entries must stay client modules in React Server Component frameworks; a source
        // directive would be dropped by the bundler, so it is added to those outputs only. The
        // command's entry starts with the line that lets a shell run it.
        banner: (chunk) =>
          chunk.isEntry && (chunk.name === 'index' || chunk.name === 'inspect') ? "'use client';" : chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : '',
      },
    },
  },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/architecture/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/schedules/**/*.test.ts', 'test/demo/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/markdown/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-dom.ts'],
        },
      },
      // The browsers come after the node and dom projects and one at a time (a browser competing
      // for the same cores made timing-sensitive tests time out): every story as a test (it
      // renders, runs its play function, then axe must find no violation) in Chromium, the
      // host pages and phones in Chromium, the end-to-end suite in each engine, then the stories in Firefox and WebKit.
      storybook('chromium', 1),
      {
        // The widget in other pages through Chromium: host pages with global CSS, phones.
        extends: true,
        test: { name: 'pages', environment: 'node', include: ['test/hosts/**/*.test.ts', 'test/phone/**/*.test.ts'], sequence: { groupOrder: 2 } },
      },
      endToEnd('chromium', 3),
      endToEnd('firefox', 4),
      endToEnd('webkit', 5),
      storybook('firefox', 6),
      storybook('webkit', 7),
    ],
  },
});
