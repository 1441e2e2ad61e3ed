#!/usr/bin/env node
/* global window, document, performance, AbortController */
/**
 * `npm run bench`: our widget against the official one (npm `parlant-chat-react`), in real
 * production builds, in headless Chromium, against the Parlant emulator over HTTP.
 *
 *   node scripts/bench.mjs [--quick] [--skip-build] [--ns=100,1000] [--widgets=ours,official]
 *                          [--idle=SECONDS] [--appends=COUNT] [--limit=SECONDS]
 *
 * 1. Builds the library if dist/ is older than src/ (unless --skip-build).
 * 2. Installs the host apps' toolchain and the official widget into a temp directory
 *    ($BENCH_WORKDIR, default <tmp>/parlant-chatbox-bench) from bench/host/package.json: the
 *    competitor never becomes a dependency of the library.
 * 3. Builds three host apps with Vite (empty, ours, official) and measures the bytes each widget
 *    adds over the empty one.
 * 4. Seeds sessions of N history messages in the emulator, serves the apps, and for each widget
 *    and N measures load, append latency, long tasks, heap, DOM size and React work; for N = 100
 *    also the idle traffic and idle re-renders.
 * 5. Prints a markdown table and writes bench/results/latest.{json,md}.
 * Every measurement has a time limit; a widget that exceeds it is reported as "> limit", one that
 * fails as "error" with the message, never left out.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.join(ROOT, 'bench');
const WIDGETS = ['ours', 'official'];
// Prototypes of our conversation in a well-kept virtualizer, measured only when asked for
// (--widgets=ours,virtuoso,tanstack): our Message rows, no header or composer.
const PROTOTYPES = ['virtuoso', 'tanstack'];
const LABEL = { ours: 'ours (parlant-chatbox)', official: 'official (parlant-chat-react)', virtuoso: 'react-virtuoso prototype', tanstack: '@tanstack/react-virtual prototype' };

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = flag('quick');
const OPT = {
  quick: QUICK,
  ns: (option('ns') ?? (QUICK ? '100,1000' : '100,1000,5000,10000')).split(',').map(Number),
  widgets: (option('widgets') ?? WIDGETS.join(',')).split(',').filter((w) => WIDGETS.includes(w) || PROTOTYPES.includes(w)),
  idleSeconds: Number(option('idle') ?? (QUICK ? 20 : 90)),
  appends: Number(option('appends') ?? 10),
  limitMs: Number(option('limit') ?? 60) * 1000,
  skipBuild: flag('skip-build'),
  // Chromium's CPU throttling factor for every widget page (4 ≈ a mid-range phone); 1 = none.
  throttle: Number(option('throttle') ?? 1),
  // Quiet time after a load or an append before reading counters, so trailing work (a scroll
  // animation, a follow-up poll's commit) is attributed to what caused it.
  settleMs: 1500,
};
const WORKDIR = process.env.BENCH_WORKDIR ?? path.join(os.tmpdir(), 'parlant-chatbox-bench');
const VIEWPORT = { width: 1280, height: 900 };
const QUIET_MS = 3000;
// Long enough for a widget whose polling gives up after a few timeouts to have done so.
const LATE_AFTER_MS = 300_000;
// After 3 appends, stop once the appends of one widget and N have taken this long.
const APPEND_BUDGET_MS = QUICK ? 15_000 : 30_000;

const log = (...parts) => console.log(`[bench ${((nodePerformance.now() / 1000) | 0).toString().padStart(4)}s]`, ...parts);
const epochNow = () => nodePerformance.timeOrigin + nodePerformance.now();

/** Races a promise against the time limit; resolves to `{ timedOut: true }` when it runs out. */
async function withLimit(promise, ms) {
  const ac = new AbortController();
  const timer = sleep(ms, { timedOut: true }, { signal: ac.signal }).catch(() => ({ timedOut: true }));
  try {
    return await Promise.race([promise.then((value) => ({ timedOut: false, value })), timer]);
  } finally {
    ac.abort();
  }
}

// ---------------------------------------------------------------------------------------------
// 1. The library's own build

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** Returns a note for the report when dist/ could not be brought up to date. */
function ensureLibraryBuilt() {
  const outputs = ['index.js', 'styles.css', 'testing.js', 'testing-node.js'].map((f) => path.join(ROOT, 'dist', f));
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'vite.config.ts')));
  const age = built > 0 ? `dist/ of ${new Date(built).toISOString()}` : null;
  if (OPT.skipBuild && built > 0) {
    log('--skip-build: using dist/ as it is');
    return built >= sources ? null : `--skip-build: ${age}, older than src/`;
  }
  if (built >= sources) {
    log('dist/ is up to date');
    return null;
  }
  log('dist/ is older than src/: npm run build');
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status === 0) return null;
  if (built === 0) throw new Error(`npm run build failed (exit ${run.status}) and there is no dist/`);
  log(`npm run build failed (exit ${run.status}): measuring the previous ${age}`);
  return `npm run build failed; measured the previous ${age}`;
}

// ---------------------------------------------------------------------------------------------
// 2. Host toolchain + competitor, installed outside the library

function npmInstall(dir) {
  return spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8' });
}

function prepareHost() {
  mkdirSync(WORKDIR, { recursive: true });
  const template = JSON.parse(readFileSync(path.join(BENCH, 'host', 'package.json'), 'utf8'));
  const stampFile = path.join(WORKDIR, '.installed');
  const stamp = createHash('sha256').update(JSON.stringify(template)).digest('hex');
  const previous = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null;
  let competitorError = null;
  if (previous?.stamp === stamp && existsSync(path.join(WORKDIR, 'node_modules', 'vite'))) {
    log(`host apps' packages already installed in ${WORKDIR}`);
    competitorError = previous.competitorError;
  } else {
    log(`npm install of the host apps (vite, react, parlant-chat-react) in ${WORKDIR}`);
    writeFileSync(path.join(WORKDIR, 'package.json'), JSON.stringify(template, null, 2));
    let run = npmInstall(WORKDIR);
    if (run.status !== 0) {
      // Keep benchmarking our widget if only the competitor cannot be installed.
      competitorError = `npm install parlant-chat-react failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-5).join(' | ')}`;
      log(competitorError);
      const rest = { ...template.dependencies };
      delete rest['parlant-chat-react'];
      writeFileSync(path.join(WORKDIR, 'package.json'), JSON.stringify({ ...template, dependencies: rest }, null, 2));
      run = npmInstall(WORKDIR);
      if (run.status !== 0) throw new Error(`npm install of the host apps failed: ${run.stderr}`);
    }
    writeFileSync(stampFile, JSON.stringify({ stamp, competitorError }));
  }
  rmSync(path.join(WORKDIR, 'apps'), { recursive: true, force: true });
  cpSync(path.join(BENCH, 'apps'), path.join(WORKDIR, 'apps'), { recursive: true });
  return { competitorError };
}

/** Imports a package's ESM entry as installed in the host directory (not the library's copy). */
async function importHostPackage(name) {
  const dir = path.join(WORKDIR, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const entry = pkg.exports?.['.'];
  const file = typeof entry === 'string' ? entry : (entry?.import?.default ?? entry?.import ?? entry?.default ?? pkg.module ?? pkg.main);
  return import(pathToFileURL(path.join(dir, file)).href);
}

function hostVersion(name) {
  const file = path.join(WORKDIR, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

// ---------------------------------------------------------------------------------------------
// 3. Host app builds and bundle bytes

async function buildApps(apps) {
  const { build } = await importHostPackage('vite');
  const { default: react } = await importHostPackage('@vitejs/plugin-react');
  const results = {};
  for (const app of apps) {
    const outDir = path.join(WORKDIR, 'out', app);
    try {
      await build({
        configFile: false,
        root: path.join(WORKDIR, 'apps', app),
        base: `/${app}/`,
        mode: 'production',
        logLevel: 'error',
        plugins: [react()],
        resolve: {
          // One React for the page: our dist/ sits outside the host directory and would otherwise
          // resolve the library's own copy.
          dedupe: ['react', 'react-dom'],
          alias:
            app === 'ours' || PROTOTYPES.includes(app)
              ? [
                  { find: /^parlant-chatbox\/styles\.css$/, replacement: path.join(ROOT, 'dist', 'styles.css') },
                  { find: /^parlant-chatbox$/, replacement: path.join(ROOT, 'dist', 'index.js') },
                ]
              : [],
        },
        build: { outDir, emptyOutDir: true, reportCompressedSize: false },
      });
      results[app] = { ok: true, ...measureBundle(outDir) };
      log(`built ${app}: ${results[app].files.length} asset(s), ${kb(results[app].total.gzip)} gzip`);
    } catch (error) {
      results[app] = { ok: false, error: String(error?.message ?? error).split('\n').slice(0, 5).join(' | ') };
      log(`build of ${app} failed: ${results[app].error}`);
    }
  }
  return results;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Min (as built) and gzip (-9, per file) bytes of every JS and CSS asset; "initial" = what index.html loads. */
function measureBundle(outDir) {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => path.basename(m[1])));
  const files = listFiles(outDir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const buf = readFileSync(f);
      return { file: path.relative(outDir, f), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: initial.has(path.basename(f)) };
    });
  const sum = (list) => ({ raw: list.reduce((n, f) => n + f.raw, 0), gzip: list.reduce((n, f) => n + f.gzip, 0) });
  return { files, total: sum(files), initial: sum(files.filter((f) => f.initial)) };
}

// ---------------------------------------------------------------------------------------------
// 4a. Emulator and seeded sessions

const CUSTOMER_LINES = [
  'Hi, I was charged twice for my last order, can you check?',
  'What is the status of my refund?',
  'Can I change the shipping address on an order that already shipped?',
  'Thanks, that helps.',
  'How do I update the card on my account?',
];
const AGENT_LINES = [
  'I can help with that. Let me look at your recent orders and the payments linked to them.',
  'Your refund was issued and should reach your card within **5 to 7 business days**.',
  'Here is what you can do:\n\n1. Open *Settings*\n2. Choose **Billing**\n3. Select `Update card` and save.',
  'Once a parcel has shipped the address cannot change, but you can ask the carrier to hold it at a pickup point.',
  'You are welcome! Is there anything else I can help you with today?',
];
const marker = (kind, n) => `${kind}MSGxN${n}x`; // letters and digits only: survives Markdown as is

/**
 * A session of `n` history messages alternating customer/agent (customer first, so the last one
 * is the agent's), each pair sharing a trace id like a real turn; every tenth turn also has the
 * status/tool events of a real one (processing, tool call, typing, ready).
 */
function seedSession(emu, n, title) {
  const session = emu.createSession({ title });
  for (let i = 1; i <= n; i += 2) {
    const turn = (i + 1) / 2;
    const trace = `trace_${title.replace(/\W+/g, '_')}_${turn}`;
    const text = (line, index) => (index === 1 ? `${marker('FIRST', n)} ${line}` : index === n ? `${marker('LAST', n)} ${line}` : `#${index} ${line}`);
    emu.appendEvent(session.id, { source: 'customer', message: text(CUSTOMER_LINES[turn % CUSTOMER_LINES.length], i), trace_id: trace });
    const full = turn % 10 === 0;
    if (full) {
      emu.appendEvent(session.id, { kind: 'status', status: 'processing', statusData: { stage: 'Interpreting' }, trace_id: trace });
      emu.appendEvent(session.id, {
        kind: 'tool',
        source: 'ai_agent',
        trace_id: trace,
        data: { tool_calls: [{ tool_id: 'orders:list_orders', arguments: { limit: 5 }, result: { data: { orders: 3 }, metadata: {}, control: {} } }] },
      });
      emu.appendEvent(session.id, { kind: 'status', status: 'typing', trace_id: trace });
    }
    if (i + 1 <= n) emu.appendEvent(session.id, { source: 'ai_agent', message: text(AGENT_LINES[turn % AGENT_LINES.length], i + 1), trace_id: trace });
    if (full) emu.appendEvent(session.id, { kind: 'status', status: 'ready', trace_id: trace });
  }
  return { id: session.id, events: emu.events(session.id).length, first: marker('FIRST', n), last: marker('LAST', n) };
}

// ---------------------------------------------------------------------------------------------
// 4b. Static server for the built apps

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

function startStaticServer(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

// ---------------------------------------------------------------------------------------------
// 4c. Browser measurements

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  return { median, p90, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
};

async function newPage(browser, initialWatches) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.length < 20 && problems.push(`pageerror: ${e.message.split('\n')[0]}`));
  // Failed loads are reported per request below (a long-poll's 504 is the protocol's "nothing new").
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.length < 20 && problems.push(`console.error: ${m.text().slice(0, 200)}`));
  page.on('requestfailed', (r) => {
    const host = new URL(r.url()).hostname;
    const note = host === '127.0.0.1' ? `request failed: ${r.method()} ${new URL(r.url()).pathname} (${r.failure()?.errorText})` : `blocked request to an outside host: ${host}`;
    if (!problems.includes(note) && problems.length < 20) problems.push(note);
  });
  page.on('crash', () => problems.push('page crashed'));
  await page.addInitScript({ content: `window.__benchInitialWatches = ${JSON.stringify(initialWatches)};` });
  await page.addInitScript({ path: path.join(BENCH, 'probe.js') });
  const cdp = await context.newCDPSession(page);
  // Durations in the renderer main thread's own CPU time (thread ticks): less sensitive than wall
  // time to other processes competing for the cores.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  if (OPT.throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: OPT.throttle });
  return { context, page, cdp, problems };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Keeps a picture of what a failed run showed (in the work directory, not the repository). The
 * result names it relative to the work directory, so the recorded JSON holds no machine path.
 */
async function screenshot(page, name) {
  const file = path.join(WORKDIR, 'screens', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  const shot = await withLimit(page.screenshot({ path: file }), 10_000).catch(() => ({ timedOut: true }));
  return shot.timedOut ? null : path.relative(WORKDIR, file);
}

/** Main-thread CPU seconds so far, from Chromium's Performance domain (ms). */
async function cpuMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

/**
 * Records the renderer's tasks while `run()` runs (a Chromium trace, timeline category only) and
 * returns its result with the longest main-thread task twice: in wall time (what a reader waits,
 * stretched when other processes take the core) and in the thread's own CPU time (the work itself,
 * the figure to compare on a busy machine). A task is a `RunTask` on the renderer's main thread.
 */
async function tracedTasks(cdp, run) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', '__metadata'] }, transferMode: 'ReportEvents' });
  let value;
  try {
    value = await run();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const longest = (key) => Math.max(0, ...tasks.map((t) => (t[key] ?? 0) / 1000));
  const top = [...tasks]
    .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
    .slice(0, 5)
    .map((t) => ({ wallMs: t.dur / 1000, cpuMs: (t.tdur ?? 0) / 1000 }));
  return { value, tasks: { count: tasks.length, longestWallMs: longest('dur'), longestCpuMs: longest('tdur'), over50Cpu: tasks.filter((t) => (t.tdur ?? 0) > 50_000).length, top } };
}

const domNodes = (page) => page.evaluate(() => document.getElementsByTagName('*').length);
/** The longest of the long tasks that started at or after `since` (page clock); 0 when none, null when unsupported. */
const longestSince = (tasks, since) => (tasks ? Math.max(0, ...tasks.filter((t) => t.start >= since).map((t) => t.duration)) : null);
/** The accessible name of our widget's search control (the official widget has none). */
const SEARCH_LABEL = 'Search the conversation';
const readBench = (page) => page.evaluate(() => ({ watches: window.__bench.watches, react: { ...window.__bench.react }, longTasks: window.__bench.longTasks }));
const resetReact = (page, walk) => page.evaluate((w) => Object.assign(window.__bench.react, { commits: 0, components: 0, fibers: 0, walkMs: 0, walk: w }), walk);

/** Polls the page until `done({ watches, lastActivity, now })` or the deadline; `null` when the limit ran out. */
async function waitForPage(page, done, deadline) {
  while (epochNow() < deadline) {
    const left = deadline - epochNow();
    const read = await withLimit(page.evaluate(() => ({ watches: window.__bench.watches, lastActivity: window.__bench.lastActivity, now: performance.now() })), Math.max(1, left));
    if (read.timedOut) return null;
    if (done(read.value)) return read.value;
    await sleep(25);
  }
  return null;
}

function eventRequests(emu, sessionId, since = 0) {
  return emu.requests.filter((r) => r.time >= since && r.path.startsWith(`/sessions/${sessionId}`));
}

/**
 * Request rate from the spacing of request starts: (starts − 1) ÷ (last start − first start).
 * A count of starts in a fixed window depends on where the window's edges fall (one long-poll
 * every 50 s puts 1 or 2 starts in a 90 s window: 0.7 or 1.3 a minute); the spacing does not.
 * The record runs from `startMs` to `endMs` (epoch ms). `perMinute` is null with fewer than 2 starts.
 */
function requestSpacing(list, startMs, endMs, source) {
  const starts = list.map((r) => r.time).sort((a, b) => a - b);
  const gaps = starts.slice(1).map((t, i) => t - starts[i]);
  const spanMs = starts.length ? starts[starts.length - 1] - starts[0] : 0;
  const s = (t) => +((t - startMs) / 1000).toFixed(1);
  return {
    source,
    recordS: s(endMs),
    requests: starts.length,
    firstAtS: starts.length ? s(starts[0]) : null,
    lastAtS: starts.length ? s(starts[starts.length - 1]) : null,
    spanS: +(spanMs / 1000).toFixed(1),
    perMinute: starts.length >= 2 && spanMs > 0 ? ((starts.length - 1) * 60_000) / spanMs : null,
    medianIntervalS: gaps.length ? +(stats(gaps).median / 1000).toFixed(2) : null,
  };
}

function summarizeRequests(list) {
  const byKind = {};
  for (const r of list) {
    const key = `${r.route ?? `${r.method} ${r.path.replace(/^\/sessions\/[^/]+/, '/sessions/:session_id')}`}${r.query?.sse ? ' (sse)' : ''} → ${r.status ?? 'pending'}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }
  return byKind;
}

async function waitForPendingPoll(emu, sessionId, ms) {
  const deadline = epochNow() + ms;
  while (epochNow() < deadline) {
    if (emu.requests.some((r) => r.method === 'GET' && r.path === `/sessions/${sessionId}/events` && r.outcome === 'pending')) return true;
    await sleep(20);
  }
  return false;
}

/** Loads one widget on a seeded session, then measures appends. Returns the open page for the idle phase. */
async function runWidget({ browser, emu, apps, widget, n, session, keepOpen }) {
  const result = { n, events: session.events, status: 'ok' };
  const url = `${apps.url}/${widget}/?server=${encodeURIComponent(emu.url)}&agent=${encodeURIComponent(emu.emulator.defaultAgentId)}&session=${session.id}`;
  const { context, page, cdp, problems } = await newPage(browser, [session.first, session.last]);
  const navStart = epochNow();
  try {
    // Loaded = the last message visible, or, for a widget whose own scrolling never brings it into
    // view, the last message in the DOM and everything quiet for QUIET_MS. The first message need
    // not be in the DOM: a widget may render only the latest messages (measured further down).
    const { value: loaded, tasks: loadTasks } = await tracedTasks(cdp, async () => {
      await page.goto(url, { waitUntil: 'commit', timeout: OPT.limitMs });
      const done = await waitForPage(
        page,
        (b) => b.watches[session.last]?.presentAt != null && (b.watches[session.last].visibleAt != null || b.now - b.lastActivity >= QUIET_MS),
        navStart + OPT.limitMs,
      );
      if (done?.watches[session.last]?.visibleAt != null) await sleep(OPT.settleMs);
      return done;
    });
    const w = loaded?.watches ?? (await withLimit(page.evaluate(() => window.__bench.watches), 5000)).value ?? {};
    result.load = {
      firstPresentMs: w[session.first]?.presentAt ?? null,
      lastPresentMs: w[session.last]?.presentAt ?? null,
      lastVisibleMs: w[session.last]?.visibleAt ?? null,
    };
    if (!loaded) {
      result.status = 'limit';
      result.error = `history not shown within ${OPT.limitMs / 1000} s (last message in DOM: ${result.load.lastPresentMs != null}, visible: ${result.load.lastVisibleMs != null})`;
      result.screenshot = await screenshot(page, `${widget}-${n}-limit`);
      return result;
    }
    if (result.load.lastVisibleMs == null) {
      result.load.lastNotVisible = await page.evaluate((t) => window.__bench.whereIs(t), session.last);
      result.screenshot = await screenshot(page, `${widget}-${n}-last-not-visible`);
    }
    result.load.tasks = loadTasks;
    result.load.frames = await page.evaluate(() => window.__bench.frames?.filter((f) => f.duration > 50));
    const settled = await readBench(page);
    await page.evaluate(() => window.__bench.clearWatches());
    const lt = settled.longTasks;
    result.load.longTasks = lt ? { count: lt.length, totalMs: lt.reduce((s, t) => s + t.duration, 0), blockingMs: lt.reduce((s, t) => s + Math.max(0, t.duration - 50), 0), longestMs: Math.max(0, ...lt.map((t) => t.duration)) } : null;
    result.load.cpu = await cpuMs(cdp);
    result.load.commits = settled.react.commits;
    result.load.reactRenderers = settled.react.renderers;
    result.load.historyResponseEndMs = await page.evaluate((sid) => {
      const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes(`/sessions/${sid}/events`));
      return entries.length ? Math.min(...entries.map((e) => e.responseEnd)) : null;
    }, session.id);
    result.load.requests = summarizeRequests(eventRequests(emu.emulator, session.id));
    result.domNodes = await domNodes(page);
    result.heapBytes = await heapAfterGc(cdp);

    // Appends: one agent message at a time, each while the widget has a poll waiting.
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const appends = [];
    const appendStart = epochNow();
    for (let k = 1; k <= OPT.appends && (k <= 3 || epochNow() - appendStart < APPEND_BUDGET_MS); k++) {
      const text = `APPENDx${n}x${k}x`;
      const waiting = await waitForPendingPoll(emu.emulator, session.id, 10_000);
      await page.evaluate((t) => window.__bench.watch(t), text);
      await resetReact(page, true);
      const tasksBefore = (await readBench(page)).longTasks?.length ?? 0;
      const cpuBefore = await cpuMs(cdp);
      const said = epochNow();
      emu.emulator.agentSay(session.id, `${text} A new reply from the agent, number ${k}.`);
      const seen = (await waitForPage(page, (b) => b.watches[text]?.visibleAt != null, said + OPT.limitMs))?.watches;
      if (!seen) {
        appends.push({ k, timedOut: true, pollWasWaiting: waiting });
        result.appendError = `append ${k}: not visible within ${OPT.limitMs / 1000} s`;
        break;
      }
      await sleep(OPT.settleMs);
      const after = await readBench(page);
      const cpuAfter = await cpuMs(cdp);
      appends.push({
        cpuMs: cpuAfter.task - cpuBefore.task,
        k,
        pollWasWaiting: waiting,
        presentMs: pageOrigin + seen[text].presentAt - said,
        visibleMs: pageOrigin + seen[text].visibleAt - said,
        commits: after.react.commits,
        components: after.react.components,
        fibers: after.react.fibers,
        walkMs: after.react.walkMs,
        longTasks: after.longTasks ? after.longTasks.length - tasksBefore : null,
        longTaskMs: after.longTasks ? after.longTasks.slice(tasksBefore).reduce((sum, t) => sum + t.duration, 0) : null,
        longestTaskMs: after.longTasks ? Math.max(0, ...after.longTasks.slice(tasksBefore).map((t) => t.duration)) : null,
      });
      await page.evaluate(() => window.__bench.clearWatches());
    }
    await resetReact(page, false);
    const done = appends.filter((a) => !a.timedOut);
    result.append = {
      samples: appends,
      timedOut: appends.some((a) => a.timedOut),
      visibleMs: stats(done.map((a) => a.visibleMs)),
      presentMs: stats(done.map((a) => a.presentMs)),
      commits: stats(done.map((a) => a.commits)),
      components: stats(done.map((a) => a.components)),
      longTaskMs: stats(done.map((a) => a.longTaskMs ?? 0)),
      longestTaskMs: stats(done.map((a) => a.longestTaskMs ?? 0)),
      cpuMs: stats(done.map((a) => a.cpuMs)),
    };
    result.domNodesAfterAppends = await domNodes(page);
    // The reader at the live end searches for the first message: the widget's own search (the
    // browser's find-in-page sees only what is in the DOM). Then back to the latest messages, as
    // before, for the scrolling measurement below.
    await page.evaluate(() => window.__bench.clearWatches());
    const traced = await tracedTasks(cdp, async () => {
      const found = await withLimit(
        page.evaluate(([label, first, max]) => window.__bench.searchFor(label, first, max), [SEARCH_LABEL, session.first, OPT.limitMs]),
        OPT.limitMs + 10_000,
      );
      await sleep(OPT.settleMs);
      return found;
    });
    const search = traced.value;
    // Tasks only where there was a search (the official widget has none).
    result.search = search.timedOut ? { ok: false, ms: null, error: 'page did not answer' } : { ...search.value, ...(search.value.start != null && { tasks: traced.tasks }) };
    if (result.search.start != null) {
      result.search.longestTaskMs = longestSince((await readBench(page)).longTasks, result.search.start);
      result.search.frames = await page.evaluate((since) => window.__bench.frames?.filter((f) => f.start >= since && f.duration > 50), result.search.start);
      result.search.domNodes = await domNodes(page);
      await page.keyboard.press('Escape');
      const latest = page.getByRole('button', { name: 'Latest messages' });
      if (await latest.count()) await latest.click();
      await sleep(OPT.settleMs);
    }
    // Last, the reader goes back to the start: the first message must be reachable by scrolling.
    await page.evaluate(() => window.__bench.clearWatches());
    await resetReact(page, true);
    const reachStart = await page.evaluate(() => performance.now());
    const { value: reach, tasks: reachTasks } = await tracedTasks(cdp, () =>
      withLimit(
        page.evaluate(([first, last, max]) => window.__bench.scrollToFirst(first, last, max), [session.first, session.last, OPT.limitMs]),
        OPT.limitMs + 10_000,
      ),
    );
    result.firstByScrolling = reach.timedOut ? { ok: false, ms: null, steps: null, error: 'page did not answer' } : { ...reach.value, tasks: reachTasks };
    const scrollReact = await withLimit(readBench(page), 10_000);
    if (!scrollReact.timedOut) Object.assign(result.firstByScrolling, { commits: scrollReact.value.react.commits, components: scrollReact.value.react.components, longestTaskMs: longestSince(scrollReact.value.longTasks, reachStart) });
    await resetReact(page, false);
    result.domNodesAfterScrolling = await domNodes(page);
    if (keepOpen) return { result, open: { context, page, cdp, problems } };
    return result;
  } catch (error) {
    result.status = 'error';
    result.error = String(error?.message ?? error).split('\n')[0];
    return result;
  } finally {
    result.pageProblems = problems.slice();
    result.wallMs = epochNow() - navStart;
    if (!keepOpen || result.status !== 'ok') await context.close().catch(() => {});
  }
}

/** Idle window on an already loaded page: requests to the emulator and React commits. */
async function measureIdle(emu, open, sessionId, seconds) {
  await resetReact(open.page, true);
  const before = await readBench(open.page);
  const start = epochNow();
  await sleep(seconds * 1000);
  const end = epochNow();
  const after = await readBench(open.page);
  const requests = eventRequests(emu.emulator, sessionId, start).filter((r) => r.time < end);
  const longTasks = (after.longTasks ?? []).slice(before.longTasks?.length ?? 0);
  return {
    seconds,
    requests: requests.length,
    spacing: requestSpacing(requests, start, end, 'idle window'),
    byKind: summarizeRequests(requests),
    timeline: requests.map((r) => ({ atS: +((r.time - start) / 1000).toFixed(2), method: r.method, status: r.status, durationMs: r.durationMs })),
    commits: after.react.commits,
    components: after.react.components,
    longTasks: longTasks.length,
  };
}

/** The idle request rate from the longest record of this widget's requests (the same rule for both widgets). */
function idleRequestRate(i) {
  const records = [i?.late?.spacing, i?.spacing].filter(Boolean);
  if (!records.length) return null;
  return records.reduce((best, r) => (r.recordS > best.recordS ? r : best));
}

/**
 * After minutes without events (each widget's default long-poll timing), is a new agent message
 * still delivered? Also lists every request the widget made since its idle window began.
 */
async function lateDelivery(emu, open, sessionId, idleStart) {
  const text = `LATEx${sessionId}x`;
  await open.page.evaluate((t) => window.__bench.watch(t), text);
  const pollWasWaiting = emu.emulator.requests.some((r) => r.method === 'GET' && r.path === `/sessions/${sessionId}/events` && r.outcome === 'pending');
  const said = epochNow();
  emu.emulator.agentSay(sessionId, `${text} A message after a long quiet time.`);
  const seen = (await waitForPage(open.page, (b) => b.watches[text]?.visibleAt != null || b.watches[text]?.presentAt != null, said + OPT.limitMs))?.watches;
  const origin = await open.page.evaluate(() => performance.timeOrigin);
  const requests = eventRequests(emu.emulator, sessionId, idleStart);
  // The rate counts only requests that started before the message: the fetch it triggers is not idle traffic.
  const before = requests.filter((r) => r.time < said);
  return {
    idleSeconds: Math.round((said - idleStart) / 1000),
    messageAtS: +((said - idleStart) / 1000).toFixed(1),
    pollWasWaiting,
    deliveredMs: seen?.[text]?.presentAt != null ? origin + seen[text].presentAt - said : null,
    requestsSinceIdleStart: requests.map((r) => ({ atS: +((r.time - idleStart) / 1000).toFixed(1), method: r.method, status: r.status, beforeMessage: r.time < said })),
    spacing: requestSpacing(before, idleStart, said, 'idle window start to the late message'),
  };
}

async function baselineEmpty(browser, apps) {
  const { context, page, cdp } = await newPage(browser, []);
  try {
    const { tasks } = await tracedTasks(cdp, async () => {
      await page.goto(`${apps.url}/empty/`, { waitUntil: 'load' });
      await sleep(OPT.settleMs);
    });
    const lt = (await readBench(page)).longTasks ?? [];
    return {
      longestTaskCpuMs: tasks.longestCpuMs,
      domNodes: await domNodes(page),
      heapBytes: await heapAfterGc(cdp),
      cpuMs: (await cpuMs(cdp)).task,
      longTasks: lt.length,
      longTaskMs: lt.reduce((s, t) => s + t.duration, 0),
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Report

const kb = (b) => (b == null ? '—' : `${(b / 1024).toFixed(1)} kB`);
const mb = (b) => (b == null ? '—' : `${(b / 1024 / 1024).toFixed(1)} MB`);
const ms = (v) => (v == null ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const num = (v) => (v == null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Why a run has no value for a metric. */
function missing(run, metric) {
  if (!run) return 'not run';
  if (run.status === 'limit') return metric?.load ? `> ${OPT.limitMs / 1000} s limit` : 'n/a (load > limit)';
  if (run.status === 'error') return 'error';
  if (run.status === 'not installed' || run.status === 'build failed') return run.status;
  if (metric?.append && run.append?.timedOut) return `> ${OPT.limitMs / 1000} s limit`;
  return '—';
}

function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return '—';
  const r = a / b;
  if (r === 0) return '0×';
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : r >= 0.01 ? `${r.toFixed(2)}×` : `${r.toPrecision(1)}×`;
}

/** `load`: a time from navigation bounded by the limit; `append`: bounded per append. */
const METRICS = [
  {
    name: 'first message in DOM without scrolling',
    get: (r) => r.load?.firstPresentMs ?? (r.status === 'ok' ? 'no (only the latest are rendered)' : null),
    fmt: ms,
    load: true,
  },
  { name: 'last message in DOM', get: (r) => r.load?.lastPresentMs, fmt: ms, load: true },
  {
    name: 'last message visible (after the widget\'s own scroll)',
    get: (r) => r.load?.lastVisibleMs ?? (r.load?.lastNotVisible ? `never: stays ${Math.round(r.load.lastNotVisible.belowPx)} px below the view` : null),
    fmt: ms,
    load: true,
  },
  {
    name: 'jump to the first message by dragging the thumb to the top (from the end of the appends)',
    get: (r) => {
      const f = r.firstByScrolling;
      if (!f) return null;
      return f.ok ? f.ms : `not within ${OPT.limitMs / 1000} s (${f.steps ?? '?'} gestures)${f.error ? `: ${f.error}` : ''}`;
    },
    note: (r) => (r.firstByScrolling?.ok ? ` (${r.firstByScrolling.steps} gesture${r.firstByScrolling.steps === 1 ? '' : 's'})` : ''),
    fmt: ms,
  },
  { name: 'components rendered while jumping to the first message', get: (r) => r.firstByScrolling?.components, fmt: num },
  { name: 'longest task while jumping to the first message', get: (r) => r.firstByScrolling?.longestTaskMs, fmt: ms },
  { name: 'longest task while jumping to the first message, its CPU time (trace)', get: (r) => r.firstByScrolling?.tasks?.longestCpuMs, fmt: ms },
  {
    name: 'search hit visible: the first message, searched from the live end (from the query)',
    get: (r) => {
      const f = r.search;
      if (!f) return null;
      if (f.error === 'no search control') return 'no search (the browser\'s find-in-page)';
      return f.ok ? f.ms : `not within ${OPT.limitMs / 1000} s${f.error ? `: ${f.error}` : ''}`;
    },
    note: (r) => (r.search?.ok ? ` (${Math.round(r.search.openMs)} ms from the click)` : ''),
    fmt: ms,
  },
  { name: 'longest task while searching', get: (r) => r.search?.longestTaskMs, fmt: ms },
  { name: 'longest task while searching, its CPU time (trace)', get: (r) => r.search?.tasks?.longestCpuMs, fmt: ms },
  { name: 'DOM nodes with the search hit shown', get: (r) => r.search?.domNodes, fmt: num },
  { name: 'DOM nodes after jumping to the first message', get: (r) => r.domNodesAfterScrolling, fmt: num },
  { name: 'history response received', get: (r) => r.load?.historyResponseEndMs, fmt: ms },
  { name: 'append → visible, median', get: (r) => r.append?.visibleMs?.median, fmt: ms, append: true },
  { name: 'append → visible, p90', get: (r) => r.append?.visibleMs?.p90, fmt: ms, append: true },
  { name: 'append → in DOM, median', get: (r) => r.append?.presentMs?.median, fmt: ms, append: true },
  { name: 'long tasks per append (total, median)', get: (r) => r.append?.longTaskMs?.median, fmt: ms, append: true },
  { name: 'longest task of any append', get: (r) => r.append?.longestTaskMs?.max, fmt: ms, append: true },
  { name: 'main-thread CPU until loaded', get: (r) => r.load?.cpu?.task, fmt: ms },
  { name: 'main-thread CPU per append (median)', get: (r) => r.append?.cpuMs?.median, fmt: ms, append: true },
  { name: 'long tasks until loaded (count)', get: (r) => r.load?.longTasks?.count, fmt: num },
  { name: 'long tasks until loaded (total)', get: (r) => r.load?.longTasks?.totalMs, fmt: ms },
  { name: 'longest task until loaded', get: (r) => r.load?.longTasks?.longestMs, fmt: ms },
  { name: 'longest task until loaded, its CPU time (trace)', get: (r) => r.load?.tasks?.longestCpuMs, fmt: ms },
  { name: 'JS heap after GC', get: (r) => r.heapBytes, fmt: mb },
  { name: 'DOM nodes', get: (r) => r.domNodes, fmt: num },
  { name: 'React commits until loaded', get: (r) => r.load?.commits, fmt: num },
  { name: 'components rendered per new event (median)', get: (r) => r.append?.components?.median, fmt: num, append: true },
  { name: 'React commits per new event (median)', get: (r) => r.append?.commits?.median, fmt: num, append: true },
];

const valueOf = (run, metric) => (run && (run.status === 'ok' || run.status === 'limit') ? (metric.get(run) ?? null) : null);

function cell(run, metric) {
  const v = valueOf(run, metric);
  const samples = run?.append?.visibleMs?.n;
  if (typeof v === 'number' && metric.append && samples < OPT.appends) return `${metric.fmt(v)} (n=${samples})`;
  if (typeof v === 'number') return metric.fmt(v) + (metric.note?.(run) ?? '');
  if (typeof v === 'string') return v;
  return missing(run, metric);
}

function ratioCell(a, b, metric) {
  const va = valueOf(a, metric);
  const vb = valueOf(b, metric);
  if (typeof va === 'number' && typeof vb === 'number') return ratio(va, vb);
  // The other side ran out of time: ours is at most this fraction of it.
  const timed = metric.fmt === ms;
  if (timed && typeof va === 'number' && vb == null && b?.status === 'limit' && metric.load) return `< ${ratio(va, OPT.limitMs)}`;
  if (timed && typeof va === 'number' && vb == null && b?.append?.timedOut && metric.append) return `< ${ratio(va, OPT.limitMs)}`;
  return '—';
}

function markdown(results) {
  const { bundle, runs, idle, meta, baseline } = results;
  const out = [];
  out.push(`# Widget benchmark: parlant-chatbox vs parlant-chat-react ${meta.versions['parlant-chat-react'] ?? ''}`.trimEnd(), '');
  out.push(
    `${meta.date} · ${meta.cpus} × ${meta.cpuModel} · load average ${meta.loadAverage.start[0].toFixed(1)} at start, ${meta.loadAverage.end[0].toFixed(1)} at end · Node ${meta.node} · Chromium ${meta.chromium} · Vite ${meta.versions.vite} · React ${meta.versions.react}${meta.quick ? ' · **--quick**' : ''}${meta.throttle > 1 ? ` · **CPU throttled ${meta.throttle}×**` : ''}`,
    '',
  );
  out.push('## Bundle bytes added over an empty React app', '');
  out.push('| | min (all assets) | gzip (all assets) | min (initial load) | gzip (initial load) |', '| --- | ---: | ---: | ---: | ---: |');
  for (const w of WIDGETS) {
    const b = bundle[w];
    if (!b?.ok) out.push(`| ${LABEL[w]} | ${b?.error ?? 'not built'} | | | |`);
    else out.push(`| ${LABEL[w]} | ${kb(b.added.total.raw)} | ${kb(b.added.total.gzip)} | ${kb(b.added.initial.raw)} | ${kb(b.added.initial.gzip)} |`);
  }
  if (bundle.ours?.ok && bundle.official?.ok) {
    out.push(`| ours ÷ official | ${ratio(bundle.ours.added.total.raw, bundle.official.added.total.raw)} | ${ratio(bundle.ours.added.total.gzip, bundle.official.added.total.gzip)} | ${ratio(bundle.ours.added.initial.raw, bundle.official.added.initial.raw)} | ${ratio(bundle.ours.added.initial.gzip, bundle.official.added.initial.gzip)} |`);
  }
  out.push('');
  out.push('## Per history size', '');
  out.push(`Times are from navigation start. Limit per measurement: ${OPT.limitMs / 1000} s. Appends: ${meta.appends} per N.`, '');
  out.push('| metric | N | ours | official | ours ÷ official |', '| --- | ---: | ---: | ---: | ---: |');
  for (const metric of METRICS) {
    for (const n of meta.ns) {
      const a = runs.ours?.[n];
      const b = runs.official?.[n];
      out.push(`| ${metric.name} | ${n.toLocaleString('en')} | ${cell(a, metric)} | ${cell(b, metric)} | ${ratioCell(a, b, metric)} |`);
    }
  }
  out.push('');
  const prototypes = PROTOTYPES.filter((w) => runs[w]);
  if (prototypes.length) {
    out.push('## Virtualizer prototypes', '');
    out.push('Our `Message` rows in a virtualizer instead of our own window (no header, composer or status line). Bundle added over the empty app (gzip, all assets): ' +
      ['ours', ...prototypes].map((w) => `${LABEL[w]} ${bundle[w]?.added ? kb(bundle[w].added.total.gzip) : '—'}`).join(', ') + '.', '');
    out.push(`| metric | N | ${['ours', ...prototypes].map((w) => LABEL[w]).join(' | ')} |`, `| --- | ---: | ${['ours', ...prototypes].map(() => '---:').join(' | ')} |`);
    for (const metric of METRICS) {
      for (const n of meta.ns) out.push(`| ${metric.name} | ${n.toLocaleString('en')} | ${['ours', ...prototypes].map((w) => cell(runs[w]?.[n], metric)).join(' | ')} |`);
    }
    out.push('');
  }
  const lo = Math.min(...meta.ns);
  const hi = Math.max(...meta.ns);
  if (lo !== hi) {
    out.push(`## Scaling: N = ${hi.toLocaleString('en')} ÷ N = ${lo.toLocaleString('en')}`, '');
    out.push('| metric | ours | official |', '| --- | ---: | ---: |');
    for (const metric of METRICS) {
      const s = (w) => {
        const big = runs[w]?.[hi];
        const small = runs[w]?.[lo];
        const vb = valueOf(big, metric);
        const vs = valueOf(small, metric);
        if (typeof vb === 'number' && typeof vs === 'number') return ratio(vb, vs);
        if (typeof vb === 'string') return vb;
        return typeof vs === 'number' ? missing(big, metric) : '—';
      };
      out.push(`| ${metric.name} | ${s('ours')} | ${s('official')} |`);
    }
    out.push('');
  }
  out.push(`## Idle (N = ${lo.toLocaleString('en')}, ${meta.idleSeconds} s window, each widget's defaults)`, '');
  out.push('| metric | ours | official | ours ÷ official |', '| --- | ---: | ---: | ---: |');
  const a = idle.ours;
  const b = idle.official;
  // `get` gives a number, a string saying why there is none, or null; the ratio only when both are numbers.
  const row = (name, get, fmt, note = () => '') => {
    const show = (i, w) => {
      const v = i ? get(i) : undefined;
      if (typeof v === 'number') return fmt(v) + note(i);
      if (typeof v === 'string') return v;
      return i?.error ? 'error' : i ? '—' : missing(runs[w]?.[lo], null);
    };
    out.push(`| ${name} | ${show(a, 'ours')} | ${show(b, 'official')} | ${ratio(a && get(a), b && get(b))} |`);
  };
  // Requests per minute from the spacing of request starts over the longest record (see requestSpacing).
  const rates = [a?.requestRate, b?.requestRate].filter(Boolean);
  const recordS = [...new Set(rates.map((r) => Math.round(r.recordS)))];
  const sameRecord = recordS.length === 1;
  const rate = (i) => {
    const r = i.requestRate;
    if (!r) return null;
    if (r.perMinute == null) return `${r.requests === 0 ? 'no request' : '1 request'} in ${Math.round(r.recordS)} s`;
    return r.perMinute;
  };
  const rateNote = (i) => {
    const r = i.requestRate;
    const notes = sameRecord ? [] : [`over ${Math.round(r.recordS)} s`];
    // A widget that stopped requesting: the spacing of the requests it did make would hide that.
    const quiet = r.recordS - r.lastAtS;
    if (quiet > 2 * r.medianIntervalS) notes.push(`then none for the last ${Math.round(quiet)} s`);
    return notes.length ? ` (${notes.join('; ')})` : '';
  };
  const rateRecord = sameRecord ? `${recordS[0]} s` : "each widget's record";
  row(`requests to the server per minute (from request spacing over ${rateRecord})`, rate, num, rateNote);
  row('median interval between requests', (i) => i.requestRate?.medianIntervalS ?? null, (v) => `${v.toFixed(1)} s`);
  row(`requests started in the idle window (${meta.idleSeconds} s)`, (i) => (i.error ? null : i.requests), num);
  const idleRows = [
    ['React commits while idle', (i) => (i.error ? null : i.commits)],
    ['components rendered while idle', (i) => (i.error ? null : i.components)],
    ['long tasks while idle', (i) => (i.error ? null : i.longTasks)],
  ];
  for (const [name, get] of idleRows) row(name, get, num);
  const late = (i) => {
    if (!i?.late) return 'not run';
    if (i.late.error) return 'error';
    return i.late.deliveredMs != null ? `shown after ${ms(i.late.deliveredMs)}` : `never (not within ${OPT.limitMs / 1000} s)`;
  };
  const lateS = idle.ours?.late?.idleSeconds ?? idle.official?.late?.idleSeconds;
  if (lateS != null) {
    out.push(`| new agent message after ${lateS} s idle | ${late(idle.ours)} | ${late(idle.official)} | — |`);
    const waiting = (i) => (i?.late?.pollWasWaiting == null ? '—' : i.late.pollWasWaiting ? 'yes' : 'no');
    out.push(`| a request was pending when it was sent | ${waiting(idle.ours)} | ${waiting(idle.official)} | — |`);
    const count = (i) => i?.late?.spacing?.requests;
    out.push(`| requests started in those ${lateS} s (before the message) | ${count(idle.ours) ?? '—'} | ${count(idle.official) ?? '—'} | ${ratio(count(idle.ours), count(idle.official))} |`);
  }
  for (const w of WIDGETS) {
    const r = idle[w]?.requestRate;
    if (r) {
      out.push(
        '',
        `${LABEL[w]} request rate: ${r.requests} request start(s) over the ${r.recordS} s from the ${r.source}; ` +
          (r.perMinute == null
            ? 'too few to measure a spacing.'
            : `first at ${r.firstAtS} s, last at ${r.lastAtS} s (${(r.recordS - r.lastAtS).toFixed(1)} s before the record ended): ${r.requests - 1} interval(s) over ${r.spanS} s → ${r.perMinute.toFixed(2)} per minute, median interval ${r.medianIntervalS} s.`),
      );
    }
    if (idle[w]?.byKind) out.push('', `${LABEL[w]} requests in the idle window: ${Object.entries(idle[w].byKind).map(([k, v]) => `${v} × ${k}`).join('; ') || 'none'}.`);
    const late = idle[w]?.late;
    const reqs = late?.requestsSinceIdleStart;
    if (reqs) {
      const items = reqs.filter((q) => q.beforeMessage !== false).map((q) => `${q.atS}: ${q.method} ${q.status ?? 'pending'}`);
      items.push(`*late message at ${late.messageAtS}*`, ...reqs.filter((q) => q.beforeMessage === false).map((q) => `${q.atS}: ${q.method} ${q.status ?? 'pending'}`));
      out.push('', `${LABEL[w]} requests from the start of the idle window (s: method status): ${items.join(', ')}.`);
    }
  }
  out.push(
    '',
    `Empty host app (baseline): ${baseline ? `${baseline.domNodes} DOM nodes, ${mb(baseline.heapBytes)} JS heap after GC, ${ms(baseline.cpuMs)} main-thread CPU, ${baseline.longTasks} long task(s) (${ms(baseline.longTaskMs)}) while loading, the longest task ${ms(baseline.longestTaskCpuMs)} of CPU time` : 'not measured'}.`,
  );
  const notes = [];
  if (meta.libraryNote) notes.push(`our library: ${meta.libraryNote}`);
  if (meta.competitorError) notes.push(`official widget: ${meta.competitorError}`);
  for (const w of WIDGETS) {
    if (bundle[w] && !bundle[w].ok) notes.push(`${LABEL[w]}: build failed: ${bundle[w].error}`);
    for (const n of meta.ns) {
      const r = runs[w]?.[n];
      if (r?.error) notes.push(`${LABEL[w]} N=${n}: ${r.status}: ${r.error}`);
      if (r?.appendError) notes.push(`${LABEL[w]} N=${n}: ${r.appendError}`);
      if (r?.pageProblems?.length) notes.push(`${LABEL[w]} N=${n}: ${r.pageProblems.join('; ')}`);
    }
    if (idle[w]?.error) notes.push(`${LABEL[w]} idle: ${idle[w].error}`);
  }
  if (notes.length) out.push('', '## Failures and notes', '', ...notes.map((n) => `- ${n}`));
  out.push('', 'How each number is measured: bench/README.md.');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const t0 = epochNow();
  const loadStart = os.loadavg();
  const libraryNote = ensureLibraryBuilt();
  const { competitorError } = prepareHost();
  const widgets = OPT.widgets.filter((w) => w !== 'official' || !competitorError);

  const built = await buildApps(['empty', ...widgets]);
  const bundle = { empty: built.empty };
  for (const w of [...WIDGETS, ...PROTOTYPES]) {
    if (w === 'official' && competitorError) bundle[w] = { ok: false, error: competitorError };
    else if (built[w]) bundle[w] = built[w];
    if (bundle[w]?.ok && built.empty?.ok) {
      const d = (k) => ({ raw: bundle[w][k].raw - built.empty[k].raw, gzip: bundle[w][k].gzip - built.empty[k].gzip });
      bundle[w].added = { total: d('total'), initial: d('initial') };
    }
  }
  const runnable = widgets.filter((w) => bundle[w]?.ok);

  const { createParlantEmulator } = await import(pathToFileURL(path.join(ROOT, 'dist', 'testing.js')).href);
  const { startEmulatorServer } = await import(pathToFileURL(path.join(ROOT, 'dist', 'testing-node.js')).href);
  const emulator = createParlantEmulator({ timing: { stepMs: 0 } });
  const emuServer = await startEmulatorServer({ emulator, port: 0 });
  const emu = { url: emuServer.url, emulator };
  const apps = await startStaticServer(path.join(WORKDIR, 'out'));
  log(`emulator at ${emu.url}, apps at ${apps.url}`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // Nothing leaves the machine: the official widget links a web font from a public CDN;
      // every host but the loopback fails to resolve at once (the cheapest outcome for it).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });

  const runs = { ours: {}, official: {}, ...Object.fromEntries(PROTOTYPES.filter((w) => widgets.includes(w)).map((w) => [w, {}])) };
  const idle = {};
  const failedAt = {};
  const baseline = await baselineEmpty(browser, apps).catch(() => null);
  for (const w of WIDGETS) {
    if (!runnable.includes(w)) for (const n of OPT.ns) runs[w][n] = { n, status: bundle[w] ? (w === 'official' && competitorError ? 'not installed' : 'build failed') : 'not run' };
  }
  const idleN = Math.min(...OPT.ns);
  let idleTask = null;
  let idleOpen = {};
  let idleStart = 0;
  for (const n of OPT.ns) {
    const opened = {};
    for (const w of runnable) {
      if (failedAt[w] != null) {
        runs[w][n] = { n, status: 'limit', error: `skipped: exceeded the limit at N=${failedAt[w]} already` };
        continue;
      }
      const session = seedSession(emulator, n, `${w}-${n}`);
      log(`${w} N=${n}: ${session.events} events…`);
      const got = await runWidget({ browser, emu, apps, widget: w, n, session, keepOpen: n === idleN && WIDGETS.includes(w) });
      const result = got.result ?? got;
      runs[w][n] = result;
      if (got.open) opened[w] = { ...got.open, sessionId: session.id };
      if (result.status === 'limit') failedAt[w] = n;
      log(
        `${w} N=${n}: ${result.status}; last visible ${ms(result.load?.lastVisibleMs)}; append median ${ms(result.append?.visibleMs?.median)}; ` +
          `${result.domNodes ?? '—'} nodes; heap ${mb(result.heapBytes)}${result.error ? `; ${result.error}` : ''}`,
      );
    }
    if (n === idleN && Object.keys(opened).length) {
      // The idle windows run in the background while the larger N are measured: an idle page does
      // no work (it only holds a long-poll), and this keeps the whole run short. Their pages stay
      // open to the end for the late-delivery check.
      log(`idle window: ${OPT.idleSeconds} s for ${Object.keys(opened).join(' and ')}, in the background…`);
      idleOpen = opened;
      idleStart = epochNow();
      idleTask = Promise.all(
        Object.entries(opened).map(async ([w, open]) => {
          idle[w] = await measureIdle(emu, open, open.sessionId, OPT.idleSeconds).catch((e) => ({ error: String(e?.message ?? e) }));
        }),
      );
    }
  }
  if (idleTask) {
    await idleTask;
    const wait = LATE_AFTER_MS - (epochNow() - idleStart);
    if (wait > 0 && !OPT.quick) {
      log(`late-delivery check in ${Math.round(wait / 1000)} s (after ${LATE_AFTER_MS / 1000} s idle)…`);
      await sleep(wait);
    }
    await Promise.all(
      Object.entries(idleOpen).map(async ([w, open]) => {
        idle[w] ??= {};
        idle[w].late = await lateDelivery(emu, open, open.sessionId, idleStart).catch((e) => ({ error: String(e?.message ?? e) }));
        await open.context.close().catch(() => {});
        idle[w].requestRate = idleRequestRate(idle[w]);
      }),
    );
  }
  const chromiumVersion = browser.version();
  await browser.close();
  await emuServer.close();
  apps.close();

  const results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      chromium: chromiumVersion,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
      quick: OPT.quick,
      throttle: OPT.throttle,
      ns: OPT.ns,
      appends: OPT.appends,
      idleSeconds: OPT.idleSeconds,
      limitMs: OPT.limitMs,
      settleMs: OPT.settleMs,
      viewport: VIEWPORT,
      competitorError,
      libraryNote,
      loadAverage: { start: loadStart, end: os.loadavg() },
      versions: {
        'parlant-chatbox': JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
        'parlant-chat-react': hostVersion('parlant-chat-react'),
        vite: hostVersion('vite'),
        '@vitejs/plugin-react': hostVersion('@vitejs/plugin-react'),
        react: hostVersion('react'),
        'react-dom': hostVersion('react-dom'),
      },
      runtimeS: Math.round((epochNow() - t0) / 1000),
    },
    bundle,
    baseline,
    runs,
    idle,
  };
  const md = markdown(results);
  mkdirSync(path.join(BENCH, 'results'), { recursive: true });
  writeFileSync(path.join(BENCH, 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(BENCH, 'results', 'latest.md'), md);
  console.log('\n' + md);
  log(`done in ${results.meta.runtimeS} s; wrote bench/results/latest.{json,md}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
