#!/usr/bin/env node
/**
 * `npm test`: makes sure the browser engines the README promises are there (Chromium, Firefox,
 * and WebKit through WebKitGTK's WebDriver; on Debian as root they are installed with apt), then
 * runs every Vitest project. The run ends with the line `N passed, N failed`, which counts every
 * engine's tests. CHROMIUM_PATH, FIREFOX_PATH and WEBKIT_WEBDRIVER_PATH point elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { ENGINES, ensureEngines } from './engines.mjs';

const missing = ensureEngines();
if (missing.length > 0) {
  for (const message of missing) console.error(message);
  process.exit(1);
}

const chromium = process.env.CHROMIUM_PATH ?? ENGINES[0].binaries()[0];
const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(run.status ?? 1);
