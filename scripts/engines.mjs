/**
 * The browser engines the tests run in, each from the system's packages (never a downloaded
 * build): where its binaries are, which Debian packages bring them, and installing what is
 * missing (Debian/Ubuntu, as root). Environment variables point elsewhere on other machines.
 * Run as a script (`node scripts/engines.mjs`, as CI does) it installs what is missing, or says
 * what to install and fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The first of the usual places that exists, else the first of them (so a message can name it). */
const first = (...paths) => paths.find((path) => existsSync(path)) ?? paths[0];

/** Firefox (ESR is fine): FIREFOX_PATH, else Debian's. */
export const firefoxPath = () => process.env.FIREFOX_PATH ?? first('/usr/bin/firefox-esr', '/usr/bin/firefox');

/** WebKitGTK's WebDriver, which launches its MiniBrowser: WEBKIT_WEBDRIVER_PATH, else Debian's. */
export const webkitDriverPath = () => process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** The X server WebKitGTK draws into when there is no display. */
export const xvfbPath = () => process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

/**
 * Each engine's binaries and the Debian packages that bring them. A font package is listed
 * because WebKitGTK on a bare font set draws some bold text in a serif face.
 */
export const ENGINES = [
  // Chromium with its recommended packages (fonts among them), as the README screenshots were made.
  { name: 'Chromium', binaries: () => [process.env.CHROMIUM_PATH ?? first('/usr/bin/chromium', '/usr/bin/chromium-browser')], packages: ['chromium'], recommends: true, variable: 'CHROMIUM_PATH' },
  { name: 'Firefox', binaries: () => [firefoxPath()], packages: ['firefox-esr', 'fonts-dejavu-core'], variable: 'FIREFOX_PATH' },
  {
    name: 'WebKit',
    binaries: () => [webkitDriverPath(), ...(process.env.WEBKIT_DISPLAY ? [] : [xvfbPath()])],
    packages: ['webkit2gtk-driver', 'xvfb', 'fonts-dejavu-core'],
    variable: 'WEBKIT_WEBDRIVER_PATH',
  },
];

/** The engines whose binaries are not there. */
export const missingEngines = () => ENGINES.filter((engine) => !engine.binaries().every((path) => path && existsSync(path)));

/**
 * Installs the missing engines with apt when that is possible (Debian or Ubuntu, as root), and
 * returns a message for each engine still missing (empty when all are there).
 */
export function ensureEngines() {
  let missing = missingEngines();
  if (missing.length > 0 && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    for (const engine of update.status === 0 ? missing : []) {
      const args = ['install', '-y', '-qq', ...(engine.recommends ? [] : ['--no-install-recommends']), ...engine.packages];
      console.log(`Installing ${engine.name} for the browser tests: apt-get ${args.join(' ')}`);
      spawnSync('apt-get', args, { stdio: 'inherit', env });
    }
    missing = missingEngines();
  }
  return missing.map(
    (engine) =>
      `${engine.name} is missing: install it (Debian/Ubuntu, as root: apt-get install ${engine.recommends ? '' : '--no-install-recommends '}${engine.packages.join(' ')}) or set ${engine.variable}.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const missing = ensureEngines();
  for (const message of missing) console.error(message);
  if (missing.length === 0) console.log(`Browser engines: ${ENGINES.map((engine) => `${engine.name} (${engine.binaries().join(', ')})`).join('; ')}`);
  process.exit(missing.length > 0 ? 1 : 0);
}
