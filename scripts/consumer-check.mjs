#!/usr/bin/env node
/**
 * Consumer checks: does the *published* package work in the apps people actually build?
 *
 * Unit tests import `src/` directly, so they cannot notice a broken `exports` map, a missing file
 * in the tarball, a lost `'use client'` banner, CSS that a bundler cannot import, or a widget that
 * touches `window` while a server renders it. This script installs the packed tarball into two
 * fresh apps, exactly as a consumer would, and chats with the emulator in a real browser:
 *
 *   1. `npm pack` the built library (run `npm run build` first) into a fresh temp directory.
 *   2. A Vite + React 19 app renders `<ParlantChatbox>` (server and agent from the query string).
 *   3. A Next.js App Router app renders it from a *server component*; `next build` statically
 *      prerenders that page, so the widget is rendered on the server during every check.
 *   4. The emulator from the tarball's `parlant-chatbox/testing/node` serves HTTP on 127.0.0.1;
 *      each app is served by its own server (`vite preview`, `next start`) and opened in headless
 *      Chromium, which sends a message and waits for the agent's answer. Any page error or
 *      console error fails the check.
 *
 * Usage: `npm run build && node scripts/consumer-check.mjs [--keep]` (`--keep` leaves the temp
 * directory for debugging). Chromium: $CHROMIUM_PATH, else /usr/bin/chromium. Exits non-zero on
 * any failure; servers, the browser and the temp directory are always cleaned up, and every wait
 * is bounded, so it cannot hang.
 *
 * The app sources are written from the templates below rather than from .tsx files under test/:
 * the repository's tsconfig type-checks everything in test/, and these files import
 * `parlant-chatbox` and `next`, which only resolve inside the generated apps.
 */
/* global fetch, AbortSignal, getComputedStyle -- getComputedStyle runs inside the page */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL, URLSearchParams } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEEP = process.argv.includes('--keep');

/**
 * Pinned so a failure means the package changed, not the toolchain. vite 8.3.8 and
 * @vitejs/plugin-react 6.3.0 are the library's own versions. next 16.4.6 is the newest stable
 * release (engines: node >=20.9.0, so it runs on the Node 20.19+ this package supports).
 * typescript 6.0.3 is the library's own compiler; `next build` type-checks the app against the
 * package's bundled .d.ts with it.
 */
const VERSIONS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  next: '16.4.6',
  typescript: '6.0.3',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
};

/** Upper bounds of each kind of wait; the watchdog bounds the whole run. */
const LIMITS = {
  pack: 60_000,
  install: 240_000,
  typeCheck: 120_000,
  viteBuild: 120_000,
  nextBuild: 300_000,
  serverStart: 45_000,
  browserStep: 30_000,
  agentAnswer: 30_000,
  watchdog: 9 * 60_000,
};


// ---------------------------------------------------------------------------------------------
// App templates

/** An empty icon, so the browser's automatic /favicon.ico request is not a 404 console error. */
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n';

function appPackageJson(name, tarball, deps) {
  const dependencies = { 'parlant-chatbox': `file:../${tarball}` };
  for (const dep of deps) dependencies[dep] = VERSIONS[dep];
  return `${JSON.stringify({ name, private: true, type: 'module', dependencies }, null, 2)}\n`;
}

const viteFiles = (tarball) => ({
  'package.json': appPackageJson('consumer-vite', tarball, [
    'react',
    'react-dom',
    'vite',
    '@vitejs/plugin-react',
    'typescript',
    '@types/react',
    '@types/react-dom',
  ]),
  // Strict settings a Vite app starts with (`tsc && vite build`), plus library checking, so the
  // package's bundled .d.ts and its CSS side-effect import are checked the way consumers see them.
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        moduleDetection: 'force',
        types: ['vite/client'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        noUncheckedSideEffectImports: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        skipLibCheck: false,
      },
      include: ['src'],
    },
    null,
    2,
  )}\n`,
  'vite.config.mjs': `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()] });
`,
  'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>parlant-chatbox in Vite</title>
  </head>
  <body>
    <div id="root" style="height: 640px"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`,
  'src/main.tsx': `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParlantChatbox } from 'parlant-chatbox';
import 'parlant-chatbox/styles.css';

// The emulator's port is only known at run time, so the page takes it from its URL.
const params = new URLSearchParams(window.location.search);
const server = params.get('server') ?? '';
const agentId = params.get('agentId') ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParlantChatbox server={server} agentId={agentId} />
  </StrictMode>,
);
`,
});

const nextFiles = (tarball) => ({
  'package.json': appPackageJson('consumer-next', tarball, [
    'next',
    'react',
    'react-dom',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
  ]),
  'next.config.mjs': `/** @type {import('next').NextConfig} */
export default {};
`,
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'dom.iterable', 'esnext'],
        allowJs: false,
        skipLibCheck: false,
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'react-jsx',
        incremental: true,
        plugins: [{ name: 'next' }],
      },
      // What `next build` would otherwise add itself (and say so in its output).
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  )}\n`,
  'app/icon.svg': ICON_SVG,
  'app/layout.tsx': `import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'parlant-chatbox/styles.css';

export const metadata: Metadata = { title: 'parlant-chatbox in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  // No 'use client' here on purpose: the package's own banner must make this work.
  'app/page.tsx': `import { ParlantChatbox } from 'parlant-chatbox';

// Static on purpose: \`next build\` prerenders this page, which renders the widget on the server
// (a widget that touched \`window\` there would fail the build). The emulator's URL is baked in.
export const dynamic = 'force-static';

const server = process.env.PARLANT_SERVER ?? '';
const agentId = process.env.PARLANT_AGENT_ID ?? '';

export default function Page() {
  return (
    <main style={{ height: 640 }}>
      <ParlantChatbox server={server} agentId={agentId} />
    </main>
  );
}
`,
});

function writeApp(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

// ---------------------------------------------------------------------------------------------
// Processes, with bounded waits and guaranteed cleanup

const started = Date.now();
const children = new Set();
const cleanups = [];
let tmp;

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const note = (text) => console.log(`[${secs(Date.now() - started).padStart(6)}] ${text}`);

/** The environment for tools: no NODE_ENV of ours (next build sets its own), no telemetry. */
function toolEnv(extra = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.NODE_ENV;
  return env;
}

/** Kills a child and everything it started (each child leads its own process group). */
function killTree(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

async function stopChild(child) {
  killTree(child, 'SIGTERM');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const gone = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
  if (!gone) killTree(child, 'SIGKILL');
  children.delete(child);
}

/** Spawns a command in its own process group, its output going to `logFile`; keeps a tail. */
function launch(cmd, args, { cwd, env, logFile }) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const log = createWriteStream(logFile);
  let tail = '';
  let stdout = '';
  const keep = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-6000);
  };
  child.stdout.on('data', (chunk) => {
    keep(chunk);
    stdout += chunk.toString();
  });
  child.stderr.on('data', keep);
  child.once('exit', () => log.end());
  return { child, tail: () => tail, stdout: () => stdout };
}

/** The last lines of a command's output, as a suffix for an error message ('' when silent). */
const tailLines = (text, n = 25) => (text.trim() ? `\n${text.trimEnd().split('\n').slice(-n).join('\n')}` : '');

/**
 * Runs a command to completion within `timeoutMs` and resolves with its stdout; rejects with the
 * tail of its combined output on failure.
 */
async function run(cmd, args, { cwd, env = toolEnv(), timeoutMs, logFile }) {
  const { child, tail, stdout } = launch(cmd, args, { cwd, env, logFile });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    await stopChild(child);
    throw new Error(`${cmd} ${args.join(' ')} timed out after ${secs(timeoutMs)}${tailLines(tail())}`);
  }
  children.delete(child);
  if (result.error) throw new Error(`${cmd} could not start: ${result.error.message}`);
  if (result.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.code ?? result.signal}${tailLines(tail())}`);
  }
  return stdout();
}

/** Starts a long-running server and waits until `url` answers (any HTTP status below 500). */
async function serve(cmd, args, { cwd, url, logFile, env = toolEnv() }) {
  const { child, tail } = launch(cmd, args, { cwd, env, logFile });
  cleanups.push(() => stopChild(child));
  const deadline = Date.now() + LIMITS.serverStart;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${cmd} ${args.join(' ')} exited early${tailLines(tail())}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${secs(LIMITS.serverStart)}${tailLines(tail())}`);
}

/** A free TCP port on 127.0.0.1 (released just before the server that will use it binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms`, so an await on something outside our control stays bounded. */
async function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${secs(ms)}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/** One line of the summary per step; a pipeline stops at its first failure. */
const results = [];

async function step(name, fn) {
  const t0 = Date.now();
  note(`${name} …`);
  try {
    const detail = await fn();
    const ms = Date.now() - t0;
    results.push({ name, ok: true, ms, detail });
    note(`${name}: ok (${secs(ms)})${detail ? ` — ${detail}` : ''}`);
    return true;
  } catch (error) {
    const ms = Date.now() - t0;
    results.push({ name, ok: false, ms, detail: String(error?.message ?? error) });
    note(`${name}: FAILED (${secs(ms)})`);
    return false;
  }
}

function skip(names) {
  for (const name of names) results.push({ name, ok: null, ms: 0 });
}

/** Runs `steps` ([name, fn] pairs) in order; after a failure the rest are reported as skipped. */
async function pipeline(steps) {
  for (let i = 0; i < steps.length; i++) {
    const [name, fn] = steps[i];
    if (!(await step(name, fn))) {
      skip(steps.slice(i + 1).map(([n]) => n));
      return false;
    }
  }
  return true;
}

const npmInstall = (dir, logFile) =>
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'], {
    cwd: dir,
    timeoutMs: LIMITS.install,
    logFile,
  });

/** The emulator is started once, from the first installed app's copy of the package. */
let emulatorPromise;
function emulatorFrom(appDir) {
  emulatorPromise ??= (async () => {
    // Resolve through the package's `exports` map, as a consumer's `import` would.
    const entry = createRequire(join(appDir, 'package.json')).resolve('parlant-chatbox/testing/node');
    const { startEmulatorServer } = await import(pathToFileURL(entry).href);
    const server = await within(10_000, 'starting the emulator', startEmulatorServer({ port: 0, host: '127.0.0.1' }));
    cleanups.push(() => within(5000, 'closing the emulator', server.close()).catch(() => {}));
    const agentId = server.emulator.defaultAgentId;
    const agent = await (await fetch(`${server.url}/agents/${agentId}`, { signal: AbortSignal.timeout(5000) })).json();
    note(`emulator (parlant-chatbox/testing/node from the tarball) on ${server.url}, agent ${agentId} "${agent.name}"`);
    return { url: server.url, agentId, agentName: agent.name };
  })();
  return emulatorPromise;
}

let browserPromise;
function browser() {
  browserPromise ??= (async () => {
    const launched = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LIMITS.serverStart,
    });
    cleanups.push(() => within(10_000, 'closing Chromium', launched.close()).catch(() => {}));
    return launched;
  })();
  return browserPromise;
}

/**
 * Opens `url`, waits for the widget to be live (the header shows the agent's name, which the
 * browser fetched from the emulator, so the app has hydrated and CORS works), checks the styles
 * applied, sends a message and waits for the agent's answer in the conversation log.
 */
async function chatInBrowser(url, agentName) {
  const context = await (await browser()).newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(LIMITS.browserStep);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(url, { waitUntil: 'load', timeout: LIMITS.browserStep });

    await page.getByRole('heading', { name: agentName, exact: true }).waitFor({ state: 'visible' });
    const accent = await page.locator('.parlant-chatbox').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--parlant-accent').trim());
    if (!accent) throw new Error('parlant-chatbox/styles.css did not apply (no --parlant-accent on .parlant-chatbox)');

    const text = 'Hello from the consumer check';
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await box.fill(text);
    await box.press('Enter');

    const log = page.getByRole('log', { name: 'Conversation', exact: true });
    await log.locator('li[data-role="customer"]', { hasText: text }).first().waitFor({ state: 'visible' });
    const answer = log.locator('li[data-role="agent"]').first();
    await answer.waitFor({ state: 'visible', timeout: LIMITS.agentAnswer });
    const said = (await answer.innerText()).replace(/\s+/g, ' ').trim();
    if (!said) throw new Error('the agent message is empty');
    // Let late errors (a failing follow-up poll, a hydration warning) surface before judging.
    await sleep(500);
    if (problems.length) throw new Error(problems.join('\n'));
    return `agent said "${said.length > 60 ? `${said.slice(0, 57)}…` : said}"`;
  } catch (error) {
    if (problems.length && !String(error.message).includes(problems[0])) error.message += `\n${problems.join('\n')}`;
    throw error;
  } finally {
    await within(10_000, 'closing the page', context.close()).catch(() => {});
  }
}

function viteCheck(tarball) {
  const dir = join(tmp, 'vite-app');
  const bin = join(dir, 'node_modules', '.bin', 'vite');
  let port;
  return pipeline([
    [
      'vite: install',
      async () => {
        writeApp(dir, viteFiles(tarball));
        await npmInstall(dir, join(tmp, 'vite-install.log'));
      },
    ],
    [
      'vite: type-check (tsc)',
      async () => {
        await run(join(dir, 'node_modules', '.bin', 'tsc'), ['-p', '.'], {
          cwd: dir,
          timeoutMs: LIMITS.typeCheck,
          logFile: join(tmp, 'vite-tsc.log'),
        });
      },
    ],
    [
      'vite: build',
      async () => {
        await run(bin, ['build'], { cwd: dir, timeoutMs: LIMITS.viteBuild, logFile: join(tmp, 'vite-build.log') });
        if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error('vite build wrote no dist/index.html');
      },
    ],
    [
      'vite: serve (vite preview)',
      async () => {
        await emulatorFrom(dir);
        port = await freePort();
        await serve(bin, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
          cwd: dir,
          url: `http://127.0.0.1:${port}/`,
          logFile: join(tmp, 'vite-preview.log'),
        });
      },
    ],
    [
      'vite: chat in Chromium',
      async () => {
        const emu = await emulatorFrom(dir);
        const query = new URLSearchParams({ server: emu.url, agentId: emu.agentId });
        return chatInBrowser(`http://127.0.0.1:${port}/?${query}`, emu.agentName);
      },
    ],
  ]);
}

function nextCheck(tarball) {
  const dir = join(tmp, 'next-app');
  const bin = join(dir, 'node_modules', '.bin', 'next');
  let port;
  return pipeline([
    [
      'next: install',
      async () => {
        writeApp(dir, nextFiles(tarball));
        await npmInstall(dir, join(tmp, 'next-install.log'));
      },
    ],
    [
      'next: build (server component page, prerendered)',
      async () => {
        const emu = await emulatorFrom(dir);
        await run(bin, ['build'], {
          cwd: dir,
          env: toolEnv({ PARLANT_SERVER: emu.url, PARLANT_AGENT_ID: emu.agentId }),
          timeoutMs: LIMITS.nextBuild,
          logFile: join(tmp, 'next-build.log'),
        });
        // The page must have been rendered on the server: its prerendered HTML holds the widget.
        const manifest = JSON.parse(readFileSync(join(dir, '.next', 'prerender-manifest.json'), 'utf8'));
        if (!manifest.routes?.['/']) throw new Error('next build did not prerender "/" (not in prerender-manifest.json)');
        const html = readFileSync(join(dir, '.next', 'server', 'app', 'index.html'), 'utf8');
        if (!html.includes('parlant-chatbox') || !html.includes('role="log"')) {
          throw new Error('the prerendered HTML of "/" does not contain the widget');
        }
        return 'page "/" statically prerendered with the widget in its HTML';
      },
    ],
    [
      'next: serve (next start)',
      async () => {
        port = await freePort();
        await serve(bin, ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
          cwd: dir,
          url: `http://127.0.0.1:${port}/`,
          logFile: join(tmp, 'next-start.log'),
        });
      },
    ],
    [
      'next: chat in Chromium',
      async () => {
        const emu = await emulatorFrom(dir);
        return chatInBrowser(`http://127.0.0.1:${port}/`, emu.agentName);
      },
    ],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Main

let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) await fn();
    for (const child of children) await stopChild(child);
    if (tmp && !KEEP) await rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    else if (tmp) console.log(`kept ${tmp}`);
  })();
  return cleaningUp;
}

function printSummary() {
  console.log('\nconsumer checks');
  // The pipelines ran side by side; list each app's steps together, in their order.
  const group = ({ name }) => ['pack', 'vite', 'next'].indexOf(name.split(/[ :]/)[0]);
  const ordered = results.map((r, i) => ({ ...r, i })).sort((x, y) => group(x) - group(y) || x.i - y.i);
  for (const { name, ok, ms, detail } of ordered) {
    const mark = ok === null ? 'skipped' : ok ? 'ok' : 'FAILED';
    console.log(`  ${mark.padEnd(8)}${name.padEnd(52)}${ok === null ? '' : secs(ms).padStart(7)}`);
    if (ok === false && detail) console.log(detail.replace(/^/gm, '      │ '));
  }
  const failed = results.filter((r) => r.ok === false).length;
  const passed = results.filter((r) => r.ok).length;
  console.log(`total ${secs(Date.now() - started)}: ${passed} passed, ${failed} failed`);
  return failed;
}

async function main() {
  const missing = ['index.js', 'index.d.ts', 'core.js', 'testing.js', 'testing-node.js', 'styles.css'].filter(
    (file) => !existsSync(join(ROOT, 'dist', file)),
  );
  if (missing.length) {
    console.error(`dist/ is incomplete (missing ${missing.join(', ')}): run \`npm run build\` first.`);
    return 1;
  }
  tmp = await mkdtemp(join(tmpdir(), 'parlant-consumer-'));
  note(`working in ${tmp}`);

  let tarball;
  const packed = await step('pack (npm pack)', async () => {
    const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
      cwd: ROOT,
      timeoutMs: LIMITS.pack,
      logFile: join(tmp, 'pack.log'),
    });
    const report = JSON.parse(out);
    tarball = report[0].filename;
    const files = report[0].files.map((f) => f.path);
    for (const needed of ['dist/index.js', 'dist/styles.css', 'dist/testing-node.js', 'package.json']) {
      if (!files.includes(needed)) throw new Error(`the tarball lacks ${needed}`);
    }
    return `${tarball}, ${files.length} files, ${(report[0].size / 1024).toFixed(0)} kB`;
  });
  if (!packed) {
    skip(['vite: …', 'next: …']);
    return printSummary();
  }

  // Independent pipelines: installs are network-bound and overlap well; a failure in one app
  // does not hide the other's result.
  await Promise.all([viteCheck(tarball), nextCheck(tarball)]);
  return printSummary();
}

const watchdog = setTimeout(() => {
  console.error(`\nconsumer checks: gave up after ${secs(LIMITS.watchdog)}`);
  printSummary();
  void within(20_000, 'cleanup', cleanup())
    .catch(() => {})
    .finally(() => process.exit(1));
}, LIMITS.watchdog);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\nconsumer checks: ${signal}, cleaning up`);
    void within(20_000, 'cleanup', cleanup())
      .catch(() => {})
      .finally(() => process.exit(130));
  });
}

let failures = 1;
try {
  failures = await main();
} catch (error) {
  console.error(error);
} finally {
  await within(30_000, 'cleanup', cleanup()).catch((error) => console.error(error.message));
  clearTimeout(watchdog);
}
process.exit(failures ? 1 : 0);
