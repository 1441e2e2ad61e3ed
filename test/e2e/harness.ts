/**
 * What an end-to-end scenario gets: the backend of its test behind a gate (which records the
 * widget's requests and can stage an outage), a fresh browser profile in the engine under test,
 * and `open`, which loads the host page on the widget.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend } from './backend';
import type { EngineContext, EngineName, EnginePage } from './engine';
import type { Gate, GateEntry } from './gate';
import { Locator } from './locator';

/** Where each engine's screenshots go (ignored by git, kept by CI as test artifacts). */
export const SHOTS = (engine: EngineName) => resolve(fileURLToPath(new URL('../../.artifacts/screenshots/e2e', import.meta.url)), engine);

/** A tab, queried as a user would; a locator at the document's root. @example await page.press('Enter'); */
export class TestPage extends Locator {
  constructor(readonly engine: EnginePage) {
    super(engine, []);
  }

  press = (key: string): Promise<void> => this.engine.press(key);
  type = (text: string): Promise<void> => this.engine.type(text);
  reload = (): Promise<void> => this.engine.reload();
  close = (): Promise<void> => this.engine.close();
  url = (): Promise<string> => this.engine.evaluate(() => window.location.href);
  evaluate = <R>(fn: () => R): Promise<R> => this.engine.evaluate(fn);
  /** Everything that went wrong on the page so far: what its probe caught and what the driver saw. */
  problems = async (): Promise<string[]> => [
    ...(await this.engine.evaluate(() => (window as unknown as { __e2e?: { problems(): string[] } }).__e2e?.problems() ?? ['the probe is missing'])),
    ...this.engine.driverProblems,
  ];
}

/** A page on the widget. @example const { page, network } = await h.open({ persist: 'local' }); */
export interface OpenedPage {
  page: TestPage;
  /** Every request the widget made to the Parlant server, with its status once answered. */
  network: readonly GateEntry[];
}

/** The running test's world; its fields change per test. @example h.backend.operatorSays(id, 'Hi'); */
export interface Harness {
  engine: EngineName;
  backend: Backend;
  /** Stands between the browser and `backend`: the widget's server URL. */
  gate: Gate;
  context: EngineContext;
  hostUrl: string;
  /** Every page opened in this test (screenshotted if it fails). */
  pages: TestPage[];
  open(params?: Record<string, string>): Promise<OpenedPage>;
}

/**
 * Opens the host page with query parameters for the widget (`session`, `persist`, `transport`,
 * `wait`, `csp`, `count`, `accent`, `variant`).
 * @example const opened = await openPage(h, { transport: 'sse' });
 */
export async function openPage(h: Harness, params: Record<string, string> = {}): Promise<OpenedPage> {
  const page = new TestPage(await h.context.newPage());
  h.pages.push(page);
  const query = new URLSearchParams({ server: h.gate.url, agent: h.backend.agentId, wait: '5', ...params });
  await page.engine.goto(`${h.hostUrl}/?${query}`);
  return { page, network: h.gate.log };
}

/** Saves a screenshot of the page as `<name>.png` among the engine's artifacts. @example await shot(h, page, 'turn'); */
export async function shot(h: Harness, page: TestPage, name: string): Promise<void> {
  mkdirSync(SHOTS(h.engine), { recursive: true });
  await page.engine.screenshot(resolve(SHOTS(h.engine), `${name}.png`));
}

/** Lets time pass for the page. @example await wait(500); */
export const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The conversation log of the (first) widget. @example await log(page).getByText('Hi').waitFor(); */
export const log = (page: TestPage): Locator => page.getByRole('log', { name: 'Conversation' }).first();

/** Types a message and sends it with Enter, as a customer would. @example await say(page, 'Hello'); */
export async function say(page: TestPage, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).first().click();
  await page.type(text);
  await page.press('Enter');
}

/** Agent-side bubbles (the AI agent and operators speaking for it). @example await agentBubbles(page).first().waitFor(); */
export const agentBubbles = (page: TestPage): Locator => log(page).locator('li[data-role="agent"]');

/** The status line under the messages. @example expect(await statusOf(page)).toBe('idle'); */
export const statusOf = (page: TestPage): Promise<string | null> => page.getByRole('status').and('.parlant-status').first().getAttribute('data-state');

/** Requests to a path, by method. @example requests(network, 'POST', '/sessions').length; */
export const requests = (network: readonly GateEntry[], method: string, path: string | RegExp): GateEntry[] =>
  network.filter((r) => r.method === method && (typeof path === 'string' ? new URL(r.url, 'http://x').pathname === path : path.test(r.url)));
