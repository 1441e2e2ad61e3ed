/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import dts from 'vite-plugin-dts';
import { cssBundle } from './scripts/css-bundle.ts';
import { saveScreenshot } from './.storybook/screenshot-command.ts';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

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
        // The React entry must stay a client module in React Server Component frameworks; a source
        // directive would be dropped by the bundler, so it is added to that output only. The
        // command's entry starts with the line that lets a shell run it.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
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
          include: ['test/core/**/*.test.ts', 'test/architecture/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/schedules/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/hosts/**/*.test.ts', 'test/demo/**/*.test.ts', 'test/phone/**/*.test.ts'],
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
      {
        // Every story is a test in a real browser (Debian's Chromium, never a downloaded one):
        // it renders, runs its play function, then axe must find no violation.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // A few stories walk long histories key press by key press in a real browser.
          testTimeout: 60_000,
          // After the node and dom projects, not beside them: a browser competing for the same
          // cores made their timing-sensitive tests time out.
          sequence: { groupOrder: 1 },
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath(),
                args: CHROMIUM_ARGS,
              },
              // Larger than any story viewport, so the test iframe is never scaled down (the
              // README screenshots are taken at 1:1).
              contextOptions: { viewport: { width: 1280, height: 1000 } },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { saveScreenshot },
          },
        },
      },
    ],
  },
});
