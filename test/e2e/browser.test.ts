/**
 * The widget in Chromium over real HTTP. By default against the emulator, every scenario. With
 * `PARLANT_E2E_SERVER` and `PARLANT_E2E_AGENT` (what `npm run test:real` sets) against a real
 * Parlant server: the guest and operator scenarios, or with `PARLANT_E2E_POLICY=production` (a
 * server under Parlant's production authorization policy) the guest scenarios alone.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, vi } from 'vitest';
import { emulatorBackend, realBackend, realServerFromEnv } from './backend';
import { emulatorScenarios } from './emulator-only';
import { guestScenarios } from './guest';
import { openPage, type Harness } from './harness';
import { operatorScenarios } from './operator';
import { buildHostApp, launchChromium, serveStatic } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const real = realServerFromEnv();
const production = real !== null && process.env.PARLANT_E2E_POLICY === 'production';
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

const target = !real ? 'the emulator over HTTP' : production ? 'a real Parlant server under the production policy' : 'a real Parlant server';
describe(`in Chromium against ${target}`, () => {
  guestScenarios(h);
  if (!production) operatorScenarios(h);
  if (!real) emulatorScenarios(h);
});
