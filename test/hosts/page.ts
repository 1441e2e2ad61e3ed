/**
 * The host-CSS world: the host page built once, a server that hands it the widget's stylesheet and
 * a host's, one emulator with one seeded conversation, and what a test reads off the page.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';

const STYLES = fileURLToPath(new URL('../../src/styles/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * The widget's stylesheet as the package ships it: the tokens, the widget's rules, then any
 * further file of src/styles (alphabetically), each after the one it refines.
 */
export function widgetCss(): string {
  const rest = readdirSync(STYLES).filter((f) => f.endsWith('.css') && f !== 'tokens.css' && f !== 'chatbox.css').sort();
  return ['tokens.css', 'chatbox.css', ...rest].map((f) => readFileSync(join(STYLES, f), 'utf8')).join('\n');
}

/** Builds the host page for production (once per test file). */
export async function buildHostPage(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'parlant-hosts-'));
  await build({
    root: fileURLToPath(new URL('./app', import.meta.url)),
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: dir, emptyOutDir: true, target: 'es2022' },
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves the built page, `/widget.css`, and `/host.css?name=…` from `hostCss`. */
export async function serveHostPage(dir: string, hostCss: (name: string) => Promise<string>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const css = (text: string) => res.writeHead(200, { 'Content-Type': 'text/css' }).end(text);
    if (url.pathname === '/widget.css') return css(widgetCss());
    if (url.pathname === '/host.css') {
      hostCss(url.searchParams.get('name') ?? 'bare').then(css, (error: Error) => res.writeHead(500).end(error.message));
      return;
    }
    const file = join(dir, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** A few lines of everything an agent's Markdown can hold. */
const RICH_REPLY = [
  'Here is what I found:',
  '',
  '### Order A-1042',
  '',
  '- **Status**: shipped, *on time*',
  '- Carrier: DHL ~~UPS~~',
  '',
  '1. Track it at <https://shop.example/track>',
  '2. Or [write to us](https://shop.example/help)',
  '',
  'Quote `TRACK-1042` when you call.',
  '',
  '> Deliveries may take a day longer this week.',
  '',
  '```sh',
  'track A-1042',
  '```',
  '',
  '| item | qty |',
  '| :-- | --: |',
  '| Jacket | 1 |',
].join('\n');

/** An emulator over HTTP with one finished conversation: tool footnotes, Markdown, an operator. */
export async function seededEmulator(): Promise<{ server: EmulatorServer; emulator: ParlantEmulator; sessionId: string; messages: number }> {
  let clock = Date.parse('2026-06-26T09:41:00Z');
  const emulator = createParlantEmulator({ timing: { stepMs: 0, handoffMs: 0 }, now: () => (clock += 1000) });
  const session = emulator.createSession();
  emulator.customerSay(session.id, 'Where is my order?');
  await emulator.whenIdle(session.id);
  emulator.customerSay(session.id, 'Thanks! What else should I know?');
  await emulator.whenIdle(session.id);
  emulator.agentSay(session.id, RICH_REPLY);
  emulator.agentSay(session.id, "Hi, I'm Dana from support. Anything else?", { source: 'human_agent', participant: { display_name: 'Dana (support)' } });
  const messages = emulator.events(session.id).filter((e) => e.kind === 'message').length;
  const server = await startEmulatorServer({ emulator, port: 0 });
  return { server, emulator, sessionId: session.id, messages };
}

/** Waits until the widget shows `messages` messages, the agent is idle and nothing moves. */
export async function settle(page: Page, messages: number): Promise<void> {
  await page.getByRole('heading', { name: 'Haxon' }).waitFor();
  const log = page.getByRole('log', { name: 'Conversation' });
  await log.locator('li[data-role]').nth(messages - 1).waitFor();
  await page.locator('.parlant-status[data-state="idle"]').waitFor({ state: 'attached' });
  await page.evaluate(async () => {
    await document.fonts.ready;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 3; i++) await frame();
  });
}

/**
 * Inherited page settings the widget leaves to the page on purpose: how a phone may enlarge text
 * (a page sets it for all of its content) and the colour of the flash when a link is tapped.
 */
export const PAGE_SETTINGS = ['text-size-adjust', '-webkit-text-size-adjust', '-webkit-tap-highlight-color'];

/** One element of the widget: where it is in the tree and box, and its computed styles. */
export interface ElementStyle {
  path: string;
  box: string;
  styles: Record<string, string>;
}

/**
 * Computed styles of the widget's root and every element in it, in document order (and the
 * composer's placeholder): every CSS property, or only `properties`. Two values that look the same
 * read the same: a border's style when it has no width, and a button's `appearance: button`
 * (a reset's `[type=button]` rule, which weighs as much as the widget's) and `auto`.
 */
export function readStyles(page: Page, properties: string[] = []): Promise<ElementStyle[]> {
  return page.evaluate(
    ({ props, skip }) => {
      const root = document.querySelector('.parlant-chatbox') as HTMLElement;
      const origin = root.getBoundingClientRect();
      const name = (el: Element) => el.tagName.toLowerCase() + [...el.classList].map((c) => `.${c}`).join('');
      const pathOf = (el: Element): string =>
        el === root || !el.parentElement ? name(el) : `${pathOf(el.parentElement)} > ${name(el)}:nth-child(${[...el.parentElement.children].indexOf(el) + 1})`;
      const round = (n: number) => Math.round(n * 100) / 100;
      const read = (el: Element, pseudo?: string) => {
        const computed = getComputedStyle(el, pseudo);
        const styles: Record<string, string> = {};
        for (const p of props.length ? props : [...computed]) if (!skip.includes(p)) styles[p] = computed.getPropertyValue(p);
        for (const key of Object.keys(styles)) {
          const side = /^border-(.+)-style$/.exec(key)?.[1];
          if (side && computed.getPropertyValue(`border-${side}-width`) === '0px') styles[key] = 'none';
        }
        if (el.tagName === 'BUTTON' && styles.appearance === 'button') styles.appearance = 'auto';
        const box = el.getBoundingClientRect();
        // An element that is not rendered (display: none) has no box to compare, only styles.
        const rendered = el.getClientRects().length > 0 || pseudo !== undefined;
        return { path: pathOf(el) + (pseudo ?? ''), box: rendered ? [box.x - origin.x, box.y - origin.y, box.width, box.height].map(round).join(', ') : 'none', styles };
      };
      const textarea = root.querySelector('textarea');
      return [...[root, ...root.querySelectorAll('*')].map((el) => read(el)), ...(textarea ? [read(textarea, '::placeholder')] : [])];
    },
    { props: properties, skip: PAGE_SETTINGS },
  );
}

/**
 * What differs between two readings, one line per property and change, with how many elements it
 * touches and the first of them: `text-align: start → center on 31 elements, first div.parlant-chatbox`.
 */
export function styleDifferences(expected: ElementStyle[], actual: ElementStyle[]): string[] {
  if (expected.length !== actual.length) return [`${expected.length} elements in the bare page, ${actual.length} here`];
  const found = new Map<string, { count: number; first: string }>();
  const note = (change: string, path: string) => {
    const seen = found.get(change);
    if (seen) seen.count++;
    else found.set(change, { count: 1, first: path });
  };
  expected.forEach((want, i) => {
    const got = actual[i] as ElementStyle;
    if (got.path !== want.path) note(`element ${want.path} → ${got.path}`, want.path);
    if (got.box !== want.box) note(`box ${want.box} → ${got.box}`, want.path);
    for (const [property, value] of Object.entries(want.styles)) {
      if (got.styles[property] !== value) note(`${property}: ${value} → ${got.styles[property]}`, want.path);
    }
  });
  return [...found].map(([change, { count, first }]) => `${change} on ${count} element${count === 1 ? '' : 's'}, first ${first}`);
}

/**
 * Pixels that differ between two PNG screenshots by more than `tolerance` levels in a channel, and
 * a picture of where (in red). The same drawing at another place on a page can come out a level
 * or two apart at anti-aliased edges; nobody sees that, but a changed colour, border or glyph is
 * tens of levels away.
 */
export function pixelDifference(a: Buffer, b: Buffer, tolerance = 8): { pixels: number; diff: Buffer | null } {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  if (left.width !== right.width || left.height !== right.height) return { pixels: Math.max(left.width * left.height, right.width * right.height), diff: null };
  const out = new PNG({ width: left.width, height: left.height });
  let pixels = 0;
  for (let i = 0; i < left.data.length; i += 4) {
    const near = (k: number) => Math.abs((left.data[i + k] as number) - (right.data[i + k] as number)) <= tolerance;
    const same = near(0) && near(1) && near(2) && near(3);
    if (!same) pixels++;
    // Unchanged pixels faded, changed ones red.
    out.data[i] = same ? 255 - ((255 - (left.data[i] as number)) >> 2) : 255;
    out.data[i + 1] = same ? 255 - ((255 - (left.data[i + 1] as number)) >> 2) : 0;
    out.data[i + 2] = same ? 255 - ((255 - (left.data[i + 2] as number)) >> 2) : 0;
    out.data[i + 3] = 255;
  }
  return { pixels, diff: pixels ? PNG.sync.write(out) : null };
}
