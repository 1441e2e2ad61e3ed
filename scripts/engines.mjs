/**
 * The browser engines the tests run in, each from the system's packages (never a downloaded
 * build): where its binaries are, which Debian packages bring them, and installing what is
 * missing (Debian/Ubuntu, as root). Environment variables point elsewhere on other machines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const first = (...paths) => paths.find((path) => path && existsSync(path)) ?? paths.find(Boolean);

/** Firefox (ESR is fine): FIREFOX_PATH, else Debian's. */
export const firefoxPath = () => first(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox');

/** WebKitGTK's WebDriver, which launches its MiniBrowser: WEBKIT_WEBDRIVER_PATH, else Debian's. */
export const webkitDriverPath = () => first(process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver');

/** The X server WebKitGTK draws into when there is no display. */
export const xvfbPath = () => first(process.env.XVFB_PATH, '/usr/bin/Xvfb');

/**
 * Each engine's binaries and the Debian packages that bring them. A font package is listed
 * because WebKitGTK on a bare font set draws some bold text in a serif face.
 */
export const ENGINES = [
  { name: 'Chromium', binaries: () => [process.env.CHROMIUM_PATH ?? first('/usr/bin/chromium', '/usr/bin/chromium-browser')], packages: ['chromium'], variable: 'CHROMIUM_PATH' },
  { name: 'Firefox', binaries: () => [firefoxPath()], packages: ['firefox-esr'], variable: 'FIREFOX_PATH' },
  {
    name: 'WebKit',
    binaries: () => [webkitDriverPath(), ...(process.env.DISPLAY ? [] : [xvfbPath()])],
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
    const packages = missing.flatMap((engine) => engine.packages);
    console.log(`Installing the browser engines for the tests: apt-get install ${packages.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
    missing = missingEngines();
  }
  return missing.map(
    (engine) => `${engine.name} is missing: install it (Debian/Ubuntu: apt-get install --no-install-recommends ${engine.packages.join(' ')}) or set ${engine.variable}.`,
  );
}
