/**
 * How every browser test here launches Chromium: the system's (Debian's) binary, never a
 * downloaded one, with background networking off (this machine has no route to Google's hosts).
 * CHROMIUM_PATH overrides the binary on other machines.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary to launch. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
