/**
 * Phones in Chromium's mobile emulation: a touch screen with a device pixel ratio of 2 and a
 * mobile viewport (the page's meta viewport applies), a host page built for production, and the
 * emulator over real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { startEmulatorServer } from '../../src/testing/node';

/** The two screens every phone test runs on. */
export const PHONES: readonly [Phone, Phone] = [
  { name: '375×667', viewport: { width: 375, height: 667 } },
  { name: '320×568', viewport: { width: 320, height: 568 } },
];

/** A touch screen of a given size: one of {@link PHONES}, or a tablet. */
export interface Phone {
  name: string;
  viewport: { width: number; height: number };
}

/** Browser settings a test may change. */
export interface ContextOptions {
  reducedMotion?: 'reduce' | 'no-preference';
}

/** Chromium from the system (never a downloaded one); CHROMIUM_PATH overrides. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

/** Builds test/phone/app and serves it; `close()` removes both. @example const host = await startHost(); */
export async function startHost(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'parlant-phone-'));
  const root = new URL('./app', import.meta.url).pathname;
  await build({ root, configFile: false, logLevel: 'error', plugins: [react()], build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('The phone host page did not start.');
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** What a phone test gets from {@link phoneHarness}. */
export interface PhoneHarness {
  /** This test's emulator (fresh per test). */
  readonly emu: ParlantEmulator;
  /** Opens the host page in a new phone context; `params` go to the widget (`variant`, `session`). */
  open(phone: Phone, params?: Record<string, string>, options?: ContextOptions): Promise<Page>;
}

/**
 * Registers the hooks of a phone test file: one built host page and one Chromium for the file,
 * one emulator and one browser context per test.
 * @example const phones = phoneHarness(); const page = await phones.open(PHONES[0]);
 */
export function phoneHarness(): PhoneHarness {
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let backend: Awaited<ReturnType<typeof startBackend>>;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [host, browser] = await Promise.all([startHost(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });
  beforeEach(async () => {
    backend = await startBackend();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await backend.close();
  });
  return {
    get emu() {
      return backend.emu;
    },
    async open(phone, params = {}, options = {}) {
      const context = await phoneContext(browser, phone, options);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${host.url}/?${new URLSearchParams({ server: backend.url, agent: backend.emu.defaultAgentId, ...params })}`);
      return page;
    },
  };
}

/** A scripted agent timed like a quick Parlant, over HTTP. @example const backend = await startBackend(); */
export async function startBackend(): Promise<{ url: string; emu: ParlantEmulator; close(): Promise<void> }> {
  const emu = createParlantEmulator({ timing: { stepMs: 20, preambleMs: 100, processingMs: 100 } });
  const server = await startEmulatorServer({ emulator: emu, port: 0 });
  return { url: server.url, emu, close: async () => (await server.close(), emu.close()) };
}

/**
 * A browser context emulating the phone: touch, `isMobile` (meta viewport honoured, overlay
 * scrollbars), device pixel ratio 2. @example const context = await phoneContext(browser, PHONES[0]);
 */
export function phoneContext(browser: Browser, phone: Phone, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: phone.viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...options });
}
