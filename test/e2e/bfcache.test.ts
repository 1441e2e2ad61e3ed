import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { createParlantEmulator } from '../../src/testing';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';
import { buildHostApp, serveStatic } from './support';

vi.setConfig({ testTimeout: 45_000, hookTimeout: 120_000 });

let browser: Browser;
let host: { url: string; server: Server };
let app: { dir: string; dispose(): void };

beforeAll(async () => {
  app = await buildHostApp();
  // Browser automation turns the back/forward cache off by default; this test needs it as
  // visitors have it.
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  host = await serveStatic(app.dir, () => null);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.server.close();
  app?.dispose();
});

describe('the back/forward cache', () => {
  it('keeps a page with the widget eligible (no open long-poll, no held lock) and catches up at once when it comes back', async () => {
    const emu = createParlantEmulator({ timing: { stepMs: 20 } });
    const parlant: EmulatorServer = await startEmulatorServer({ emulator: emu, port: 0 });
    const context = await browser.newContext();
    try {
      const session = emu.createSession();
      emu.agentSay(session.id, 'before you left');
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.addEventListener('pageshow', (event) => {
          (window as { __restored?: boolean }).__restored = event.persisted;
        });
      });
      const query = new URLSearchParams({ server: parlant.url, agent: emu.defaultAgentId, session: session.id, wait: '30' });
      await page.goto(`${host.url}/?${query}`);
      const log = page.getByRole('log', { name: 'Conversation' });
      await log.getByText('before you left').waitFor();
      // Two widgets on one session share a poll through a Web Lock and a BroadcastChannel.
      await expect.poll(() => emu.requests.filter((r) => r.path.endsWith('/events') && r.status === null).length).toBe(1);

      await page.goto('data:text/html,<title>Elsewhere</title><p>Another page</p>');
      emu.agentSay(session.id, 'while you were away');
      // A page restored from the cache fires pageshow, not load.
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => (window as { __restored?: boolean }).__restored !== undefined);
      const restored = await page.evaluate(() => (window as { __restored?: boolean }).__restored);
      const reasons = await page.evaluate(() => JSON.stringify((performance.getEntriesByType('navigation')[0] as { notRestoredReasons?: unknown } | undefined)?.notRestoredReasons ?? null));
      expect({ restored, reasons }).toEqual({ restored: true, reasons: 'null' });
      const back = Date.now();
      await log.getByText('while you were away').waitFor({ timeout: 5000 });
      expect(Date.now() - back).toBeLessThan(3000);
    } finally {
      await context.close();
      await parlant.close();
      emu.close();
    }
  });
});
