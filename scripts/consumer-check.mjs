#!/usr/bin/env node
/**
 * Consumer checks: does the *packed* package work for someone who follows the README?
 *
 * Unit tests import `src/` directly, so they cannot notice a broken `exports` map, a file missing
 * from the tarball, a lost `'use client'` banner, a command that does not start, or a README
 * snippet that no longer compiles. This script:
 *   1. packs the built library (`npm run build` first) and installs the tarball into a new
 *      create-vite React + TypeScript app and a Next.js App Router app;
 *   2. starts the emulator in each with the installed `parlant-chatbox-emulator` command;
 *   3. puts every ```ts/```tsx snippet of README.md into the app it belongs to (see
 *      scripts/consumer/snippets.mjs), then type-checks and builds both apps with their own
 *      settings (`tsc -b && vite build` with the template's strict tsconfig; `next build`, which
 *      prerenders the page on the server);
 *   4. runs each Node snippet with `node`, and opens each React snippet in headless Chromium,
 *      where it must chat with the emulator without a page error, a console error or an error
 *      answer from Parlant (the signed-in recipe against an emulator under the production policy).
 *
 * Usage: `npm run build && node scripts/consumer-check.mjs [--keep]` (`--keep` leaves the temp
 * directory). Chromium: $CHROMIUM_PATH, else /usr/bin/chromium. Exits non-zero on any failure;
 * every wait is bounded and every process is stopped at the end.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL, URLSearchParams } from 'node:url';
import ts from 'typescript';
import { writeNextApp, writeNextSnippets, writeViteApp, writeViteSnippets } from './consumer/apps.mjs';
import { chatThrough } from './consumer/browser.mjs';
import { cleanups, elapsed, freePort, note, run, secs, serve, stopAll, toolEnv, within } from './consumer/processes.mjs';
import { readSnippets, WIRING } from './consumer/snippets.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEEP = process.argv.includes('--keep');
const LIMITS = { pack: 60_000, install: 300_000, typeCheck: 120_000, build: 300_000, node: 30_000, watchdog: 14 * 60_000 };

const results = [];
let tmp;

/** One line of the summary per step; a pipeline stops at its first failure. */
async function step(name, fn) {
  const t0 = Date.now();
  note(`${name} …`);
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - t0, detail });
    note(`${name}: ok (${secs(Date.now() - t0)})${detail ? ` — ${detail}` : ''}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - t0, detail: String(error?.message ?? error) });
    note(`${name}: FAILED (${secs(Date.now() - t0)})`);
    return false;
  }
}

/** Runs `[name, fn]` steps in order (a function may return more steps); after a failure the rest are skipped. */
async function pipeline(steps) {
  for (let i = 0; i < steps.length; i++) {
    const [name, fn] = steps[i];
    let more;
    const ok = await step(name, async () => {
      const value = await fn();
      if (Array.isArray(value)) more = value;
      else return value;
      return `${value.length} checks follow`;
    });
    if (!ok) {
      for (const [skipped] of steps.slice(i + 1)) results.push({ name: skipped, ok: null, ms: 0 });
      return false;
    }
    if (more) steps.splice(i + 1, 0, ...more);
  }
  return true;
}

const npmInstall = (dir, log) =>
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn'], { cwd: dir, timeoutMs: LIMITS.install, logFile: join(tmp, log) });

/** The installed `parlant-chatbox-emulator` command of an app, on a free port; resolves with its URL. */
function startEmulatorCommand(dir, log) {
  return serve(join(dir, 'node_modules/.bin/parlant-chatbox-emulator'), ['--port', '0'], {
    cwd: dir,
    logFile: join(tmp, log),
    ready: (out) => /listening on (http:\/\/\S+)/.exec(out)?.[1],
  });
}

/**
 * An emulator under the production policy, from the app's installed `parlant-chatbox/testing`,
 * holding what a backend would have made for a signed-in customer.
 */
async function productionEmulator(dir) {
  const require = createRequire(join(dir, 'package.json'));
  const load = (entry) => import(pathToFileURL(require.resolve(entry)).href);
  const [{ createParlantEmulator }, { startEmulatorServer }] = await Promise.all([load('parlant-chatbox/testing'), load('parlant-chatbox/testing/node')]);
  const emulator = createParlantEmulator({ authorization: 'production' });
  const customer = emulator.addCustomer({ name: 'Alice' });
  const session = emulator.createSession({ customerId: customer.id });
  const server = await startEmulatorServer({ emulator, port: 0 });
  cleanups.push(() => within(5000, 'closing the production emulator', server.close()).catch(() => {}));
  return { url: server.url, props: { sessionId: session.id, customerId: customer.id } };
}

/** A Node snippet as an .mjs beside it (TypeScript's own transpiler), then run with `node`; `url()` is the emulator's. */
function nodeStep(dir, snippet, url) {
  return [
    `vite app: node ${snippet.path}`,
    async () => {
      const source = readFileSync(join(dir, snippet.path), 'utf8');
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      const file = join(dir, snippet.path.replace(/\.ts$/, '.mjs'));
      writeFileSync(file, js);
      let entry = file;
      const driver = WIRING[snippet.path]?.driver;
      if (driver) {
        entry = file.replace(/\.mjs$/, '.driver.mjs');
        writeFileSync(entry, driver(url()));
      }
      const out = await run(process.execPath, [entry], { cwd: dir, timeoutMs: LIMITS.node, logFile: join(tmp, `node-${snippet.path.replace(/\W/g, '_')}.log`) });
      const last = out.trim().split('\n').at(-1) ?? '';
      return last ? `printed "${last.length > 60 ? `${last.slice(0, 57)}…` : last}"` : 'ran';
    },
  ];
}

function viteCheck(tarball, snippets) {
  const dir = join(tmp, 'vite-app');
  let dev;
  let production;
  let port;
  return pipeline([
    ['vite app: create-vite react-ts + npm install the tarball', () => (writeViteApp(dir, { tarball }), npmInstall(dir, 'vite-install.log').then(() => ''))],
    [
      'vite app: npx parlant-chatbox-emulator',
      async () => {
        dev = await startEmulatorCommand(dir, 'vite-emulator.log');
        production = await productionEmulator(dir);
        writeViteSnippets(dir, { snippets, urlOf: (s) => (WIRING[s.path]?.policy === 'production' ? production.url : dev) });
        return `${dev}; production policy on ${production.url}`;
      },
    ],
    ['vite app: npm run build (tsc -b && vite build)', () => run('npm', ['run', 'build'], { cwd: dir, timeoutMs: LIMITS.build, logFile: join(tmp, 'vite-build.log') }).then(() => '')],
    ['vite app: tsc -p tsconfig.readme-node.json', () => run(join(dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.readme-node.json'], { cwd: dir, timeoutMs: LIMITS.typeCheck, logFile: join(tmp, 'vite-tsc-node.log') }).then(() => '')],
    ...snippets.filter((s) => s.kind === 'node').map((s) => nodeStep(dir, s, () => dev)),
    [
      'vite app: vite preview',
      async () => {
        port = await freePort();
        await serve(join(dir, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
          cwd: dir,
          url: `http://127.0.0.1:${port}/`,
          logFile: join(tmp, 'vite-preview.log'),
        });
        // One step per README component, each on its own page.
        return snippets
          .filter((s) => s.kind === 'vite')
          .flatMap((s) =>
            s.components.map((component) => [
              `vite app: ${s.path} (${component}) in Chromium`,
              () => {
                const wired = WIRING[s.path]?.policy === 'production';
                const query = new URLSearchParams({ snippet: `${s.path}#${component}`, ...(wired && { props: JSON.stringify(production.props) }) });
                return chatThrough(`http://127.0.0.1:${port}/?${query}`, { parlant: wired ? production.url : dev, styled: s.code.includes('styles.css') });
              },
            ]),
          );
      },
    ],
  ]);
}

function nextCheck(tarball, snippets) {
  const dir = join(tmp, 'next-app');
  const bin = join(dir, 'node_modules/.bin/next');
  let dev;
  let port;
  return pipeline([
    ['next app: npm install the tarball', () => (writeNextApp(dir, { tarball }), npmInstall(dir, 'next-install.log').then(() => ''))],
    [
      'next app: npx parlant-chatbox-emulator',
      async () => {
        dev = await startEmulatorCommand(dir, 'next-emulator.log');
        writeNextSnippets(dir, { snippets, url: dev });
        return dev;
      },
    ],
    [
      'next app: parlant-chatbox/testing without msw installed',
      async () => {
        const script = `import { createRequire } from 'node:module';
let msw = true;
try { createRequire(import.meta.url).resolve('msw'); } catch { msw = false; }
if (msw) throw new Error('msw is installed here, so this proves nothing');
const { createParlantEmulator } = await import('parlant-chatbox/testing');
const emu = createParlantEmulator();
const response = await emu.fetch('/agents');
if (response.status !== 200) throw new Error('GET /agents answered ' + response.status);
emu.close();`;
        await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: dir, timeoutMs: LIMITS.node, logFile: join(tmp, 'next-testing-entry.log') });
        return 'createParlantEmulator() serves GET /agents';
      },
    ],
    [
      'next app: next build (README app/ snippets, prerendered)',
      async () => {
        await run(bin, ['build'], { cwd: dir, env: toolEnv(), timeoutMs: LIMITS.build, logFile: join(tmp, 'next-build.log') });
        const manifest = JSON.parse(readFileSync(join(dir, '.next/prerender-manifest.json'), 'utf8'));
        if (!manifest.routes?.['/']) throw new Error('next build did not prerender "/" (not in prerender-manifest.json)');
        const html = readFileSync(join(dir, '.next/server/app/index.html'), 'utf8');
        if (!html.includes('parlant-chatbox') || !html.includes('role="log"')) throw new Error('the prerendered HTML of "/" does not contain the widget');
        return 'page "/" rendered on the server with the widget in its HTML';
      },
    ],
    [
      'next app: next start',
      async () => {
        port = await freePort();
        await serve(bin, ['start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: dir, url: `http://127.0.0.1:${port}/`, logFile: join(tmp, 'next-start.log') });
      },
    ],
    ['next app: app/page.tsx in Chromium', () => chatThrough(`http://127.0.0.1:${port}/`, { parlant: dev })],
  ]);
}

function printSummary() {
  console.log('\nconsumer checks');
  const group = ({ name }) => ['pack', 'readme', 'vite', 'next'].indexOf(name.split(/[ :]/)[0]);
  const ordered = results.map((r, i) => ({ ...r, i })).sort((x, y) => group(x) - group(y) || x.i - y.i);
  for (const { name, ok, ms, detail } of ordered) {
    const mark = ok === null ? 'skipped' : ok ? 'ok' : 'FAILED';
    console.log(`  ${mark.padEnd(8)}${name.padEnd(70)}${ok === null ? '' : secs(ms).padStart(7)}`);
    if (ok === false && detail) console.log(detail.replace(/^/gm, '      │ '));
  }
  const failed = results.filter((r) => r.ok === false).length;
  console.log(`total ${secs(elapsed())}: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
  return failed;
}

async function main() {
  const missing = ['index.js', 'index.d.ts', 'core.js', 'inspect.js', 'testing.js', 'testing-msw.js', 'testing-node.js', 'cli.js', 'styles.css'].filter((f) => !existsSync(join(ROOT, 'dist', f)));
  if (missing.length) {
    console.error(`dist/ is incomplete (missing ${missing.join(', ')}): run \`npm run build\` first.`);
    return 1;
  }
  tmp = await mkdtemp(join(tmpdir(), 'parlant-consumer-'));
  note(`working in ${tmp}`);

  let snippets;
  const read = await step('readme: every ts/tsx snippet has a place to run', async () => {
    snippets = readSnippets(join(ROOT, 'README.md'));
    const count = (kind) => snippets.filter((s) => s.kind === kind).length;
    return `${count('vite')} React (Vite), ${count('next')} Next.js, ${count('node')} Node`;
  });
  let tarball;
  const packed = await step('pack (npm pack)', async () => {
    const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, timeoutMs: LIMITS.pack, logFile: join(tmp, 'pack.log') });
    const [report] = JSON.parse(out);
    tarball = report.filename;
    const files = report.files.map((f) => f.path);
    for (const needed of ['README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/styles.css', 'dist/testing-node.js', 'dist/testing-msw.js', 'dist/cli.js']) {
      if (!files.includes(needed)) throw new Error(`the tarball lacks ${needed}`);
    }
    const maps = files.filter((f) => f.endsWith('.map'));
    if (maps.length) throw new Error(`the tarball ships source maps: ${maps.join(', ')}`);
    return `${tarball}, ${files.length} files, ${(report.size / 1024).toFixed(0)} kB (${(report.unpackedSize / 1024).toFixed(0)} kB unpacked)`;
  });
  if (!read || !packed) return printSummary();

  // Independent pipelines: installs are network-bound and overlap well, and a failure in one app
  // does not hide the other's result.
  await Promise.all([viteCheck(tarball, snippets), nextCheck(tarball, snippets)]);
  return printSummary();
}

let cleaningUp;
function cleanup() {
  cleaningUp ??= (async () => {
    await stopAll();
    if (tmp && !KEEP) await rm(tmp, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    else if (tmp) console.log(`kept ${tmp}`);
  })();
  return cleaningUp;
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
