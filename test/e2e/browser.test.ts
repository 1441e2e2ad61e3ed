/**
 * The widget in Chromium over real HTTP. By default against the emulator (every scenario);
 * with `PARLANT_E2E_SERVER` and `PARLANT_E2E_AGENT` (what `npm run test:real` sets) against a
 * real Parlant server, running the shared scenarios only.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, vi } from 'vitest';
import { emulatorBackend, realBackend, realServerFromEnv } from './backend';
import { emulatorScenarios } from './emulator-only';
import { openPage, type Harness } from './harness';
import { sharedScenarios } from './shared';
import { buildHostApp, launchChromium, serveStatic } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const real = realServerFromEnv();
let browser: Browser;
let host: { url: string; server: Server };
let app: { dispose(): void };

const STRICT_CSP = (server: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${server}; base-uri 'none'; form-action 'none'`;

const h = {
  open: (params?: Record<string, string>) => openPage({ ...h, hostUrl: host.url }, params),
} as Harness;

beforeAll(async () => {
  const built = await buildHostApp();
  app = built;
  browser = await launchChromium();
  host = await serveStatic(built.dir, (url) => (url.searchParams.get('csp') === 'strict' ? STRICT_CSP(url.searchParams.get('server') ?? '') : null));
  h.hostUrl = host.url;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.server.close();
  app?.dispose();
});

beforeEach(async () => {
  h.backend = real ? realBackend(real) : await emulatorBackend();
  h.context = await browser.newContext();
});

afterEach(async () => {
  await h.context.close();
  await h.backend.close();
});

describe(real ? 'in Chromium against a real Parlant server' : 'in Chromium against the emulator over HTTP', () => {
  sharedScenarios(h);
  if (!real) emulatorScenarios(h);
});
