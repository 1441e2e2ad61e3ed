/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import dts from 'vite-plugin-dts';
import { cssBundle } from './scripts/css-bundle.ts';

export default defineConfig({
  plugins: [
    react(),
    dts({ tsconfigPath: 'tsconfig.build.json', include: ['src'], bundleTypes: true }),
    cssBundle({ files: ['src/styles/tokens.css', 'src/styles/chatbox.css'], output: 'styles.css' }),
  ],
  publicDir: false,
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        testing: 'src/testing/index.ts',
        'testing-node': 'src/testing/node.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zustand($|\/)/, /^msw($|\/)/, /^node:/],
      output: {
        // The React entry must stay a client module in React Server Component frameworks; a source
        // directive would be dropped by the bundler, so it is added to that output only.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
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
          include: ['test/core/**/*.test.ts', 'test/emulator/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-dom.ts'],
        },
      },
    ],
  },
});
