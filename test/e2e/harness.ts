/**
 * What an end-to-end scenario gets: the backend of its test, a browser context, and `open`, which
 * loads the host page on the widget and watches for console errors, page errors, dialogs, CSP
 * violations and every request the page makes.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { Backend } from './backend';
import { recordNetwork, type NetworkEntry } from './support';

/** A page on the widget. @example const { page, problems } = await h.open({ persist: 'local' }); */
export interface OpenedPage {
  page: Page;
  problems: string[];
  network: NetworkEntry[];
}

/** The running test's world; its fields change per test. @example h.backend.operatorSays(id, 'Hi'); */
export interface Harness {
  backend: Backend;
  context: BrowserContext;
  hostUrl: string;
  open(params?: Record<string, string>): Promise<OpenedPage>;
}

/**
 * Opens the host page with query parameters for the widget (`session`, `persist`, `transport`,
 * `wait`, `csp`, `count`, `accent`).
 * @example const opened = await openPage(h, { transport: 'sse' });
 */
export async function openPage(h: Pick<Harness, 'backend' | 'context' | 'hostUrl'>, params: Record<string, string> = {}): Promise<OpenedPage> {
  const page = await h.context.newPage();
  const problems: string[] = [];
  // Chromium logs every non-2xx response; a 504 is Parlant's normal answer to an idle long-poll.
  const idlePoll = (text: string) => text.includes('status of 504');
  page.on('console', (m) => void (m.type() === 'error' && !idlePoll(m.text()) && problems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const network = recordNetwork(page);
  const query = new URLSearchParams({ server: h.backend.url, agent: h.backend.agentId, wait: '5', ...params });
  await page.goto(`${h.hostUrl}/?${query}`);
  return { page, problems, network };
}

/** The conversation log of the (first) widget. @example await log(page).getByText('Hi').waitFor(); */
export const log = (page: Page): Locator => page.getByRole('log', { name: 'Conversation' }).first();

/** Types a message and sends it with Enter, as a customer would. @example await say(page, 'Hello'); */
export async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).first().fill(text);
  await page.keyboard.press('Enter');
}

/** Agent-side bubbles (the AI agent and operators speaking for it). @example await agentBubbles(page).first().waitFor(); */
export const agentBubbles = (page: Page): Locator => log(page).locator('li[data-role="agent"]');

/** The status line under the messages. @example expect(await statusOf(page)).toBe('idle'); */
export const statusOf = (page: Page): Promise<string | null> => page.getByRole('status').and(page.locator('.parlant-status')).first().getAttribute('data-state');
