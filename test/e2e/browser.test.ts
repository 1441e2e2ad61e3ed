/**
 * The widget in a real browser over real HTTP, in the engine `E2E_ENGINE` names (Chromium by
 * default; the `e2e-chromium`, `e2e-firefox` and `e2e-webkit` projects each set one). By default against
 * the emulator, every scenario. With `PARLANT_E2E_SERVER` and `PARLANT_E2E_AGENT` (what
 * `npm run test:real` sets) against a real Parlant server: the guest and operator scenarios, or
 * with `PARLANT_E2E_POLICY=production` (a server under Parlant's production authorization policy)
 * the guest scenarios alone. A failed test leaves a screenshot of each of its pages.
 */
import type { Server } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, vi } from 'vitest';
import { emulatorBackend, realBackend, realServerFromEnv } from './backend';
import { emulatorScenarios } from './emulator-only';
import { engineFromEnv, launchEngine, type Engine } from './engine';
import { openGate } from './gate';
import { guestScenarios } from './guest';
import { openPage, SHOTS, type Harness } from './harness';
import { operatorScenarios } from './operator';
import { buildHostApp, serveStatic } from './support';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const real = realServerFromEnv();
const production = real !== null && process.env.PARLANT_E2E_POLICY === 'production';
const ENGINE_TITLES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' } as const;
let engine: Engine;
let host: { url: string; server: Server };
let app: { dispose(): void };

const STRICT_CSP = (server: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${server}; base-uri 'none'; form-action 'none'`;

const h = { engine: engineFromEnv(), pages: [], open: (params?: Record<string, string>) => openPage(h, params) } as unknown as Harness;

beforeAll(async () => {
  // Only this run's screenshots: a stale failure picture would mislead.
  rmSync(SHOTS(h.engine), { recursive: true, force: true });
  const built = await buildHostApp();
  app = built;
  engine = await launchEngine(h.engine);
  host = await serveStatic(built.dir, (url) => (url.searchParams.get('csp') === 'strict' ? STRICT_CSP(url.searchParams.get('server') ?? '') : null));
  h.hostUrl = host.url;
}, 120_000);

afterAll(async () => {
  await engine?.close();
  host?.server.close();
  app?.dispose();
});

beforeEach(async () => {
  h.backend = real ? realBackend(real) : await emulatorBackend();
  h.gate = await openGate(h.backend.url);
  h.context = await engine.newContext();
  h.pages = [];
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') {
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    mkdirSync(SHOTS(h.engine), { recursive: true });
    for (const [i, page] of h.pages.entries()) await page.engine.screenshot(resolve(SHOTS(h.engine), `failed-${name}-${i}.png`)).catch(() => {});
  }
  await h.context.close();
  await h.gate.close();
  await h.backend.close();
});

const target = !real ? 'the emulator over HTTP' : production ? 'a real Parlant server under the production policy' : 'a real Parlant server';
describe(`in ${ENGINE_TITLES[h.engine]} against ${target}`, () => {
  guestScenarios(h);
  if (!production) operatorScenarios(h);
  if (!real) emulatorScenarios(h);
});
