#!/usr/bin/env node
/**
 * `npm test`: makes sure a Chromium exists for the browser tests (stories, screenshots, e2e),
 * then runs every Vitest project. The run ends with the line `N passed, N failed`.
 * Chromium: $CHROMIUM_PATH, else /usr/bin/chromium; on Debian as root it is installed with apt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
let chromium = candidates.find((path) => existsSync(path));

if (!chromium && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('Chromium not found: installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status === 0 && existsSync('/usr/bin/chromium')) chromium = '/usr/bin/chromium';
}
if (!chromium) {
  console.error('The browser tests need Chromium. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(run.status ?? 1);
