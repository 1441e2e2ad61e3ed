/**
 * Scenarios that run on any backend, the real Parlant server included: everything they do to the
 * server goes over HTTP, and they expect only what a real Parlant sends (an agent that echoes is
 * enough: both the emulator and the offline fake NLP service repeat the customer's words).
 */
import { expect, it } from 'vitest';
import type { Harness } from './harness';
import { agentBubbles, log, say, statusOf } from './harness';

/** How long a real Parlant turn may take (preamble and processing pauses of up to 4 s). */
const TURN_MS = 20_000;

/**
 * Registers the shared scenarios; `h` is filled in for each test.
 * @example describe('against the emulator', () => sharedScenarios(h));
 */
export function sharedScenarios(h: Harness): void {
  it('completes a typed turn under a strict Content-Security-Policy, and the indicator settles', async () => {
    const { page, problems, network } = await h.open({ csp: 'strict', accent: '#0f766e' });
    await say(page, 'Hello there');
    await agentBubbles(page).filter({ hasText: 'Hello there' }).first().waitFor({ timeout: TURN_MS });
    await expect.poll(() => statusOf(page), { timeout: TURN_MS }).toBe('idle');
    expect(await log(page).locator('li[data-role="customer"]').count()).toBe(1);
    expect(network.filter((r) => r.method === 'POST' && r.url.endsWith('/events'))).toHaveLength(1);
    const bubble = log(page).locator('li[data-role="customer"] .parlant-bubble');
    expect(await bubble.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(problems).toEqual([]);
  });

  it('sends three quick messages once each and shows the answer to the last', async () => {
    const session = await h.backend.createSession();
    const { page, problems } = await h.open({ session: session.id });
    for (const text of ['first quick one', 'second quick one', 'third quick one']) await say(page, text);
    await agentBubbles(page).filter({ hasText: 'third quick one' }).first().waitFor({ timeout: TURN_MS });
    const customer = (await h.backend.events(session.id)).filter((e) => e.kind === 'message' && e.source === 'customer');
    expect(customer.map((e) => (e.data as { message: string }).message)).toEqual(['first quick one', 'second quick one', 'third quick one']);
    expect(await log(page).locator('li[data-role="customer"]').count()).toBe(3);
    expect(problems).toEqual([]);
  });

  it('completes a typed turn over server-sent events', async () => {
    const { page, problems, network } = await h.open({ transport: 'sse' });
    await say(page, 'Hello over SSE');
    await agentBubbles(page).filter({ hasText: 'Hello over SSE' }).first().waitFor({ timeout: TURN_MS });
    expect(network.some((r) => r.url.includes('sse=true'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows a human operator by name, and an operator speaking for the agent as the agent', async () => {
    const session = await h.backend.createSession();
    const { page, problems } = await h.open({ session: session.id });
    await h.backend.operatorSays(session.id, 'Dana here, happy to help.', { displayName: 'Dana' });
    const human = log(page).locator('li[data-role="human_agent"]');
    await human.filter({ hasText: 'Dana here, happy to help.' }).waitFor();
    expect(await human.textContent()).toContain('Dana');
    await h.backend.operatorSays(session.id, 'Your refund is on its way.', { onBehalf: true });
    await agentBubbles(page).filter({ hasText: 'Your refund is on its way.' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('in manual mode a message gets no agent turn; the operator answers and nothing keeps waiting', async () => {
    const session = await h.backend.createSession();
    await h.backend.setMode(session.id, 'manual');
    const { page, problems } = await h.open({ session: session.id });
    await say(page, 'Is anyone there?');
    await log(page).locator('li[data-role="customer"]').filter({ hasText: 'Is anyone there?' }).waitFor();
    await page.waitForTimeout(3000);
    const events = await h.backend.events(session.id);
    expect(events.map((e) => `${e.source}:${e.kind}`)).toEqual(['customer:message']);
    await h.backend.operatorSays(session.id, 'Sam from support here.', { displayName: 'Sam' });
    await log(page).locator('li[data-role="human_agent"]').filter({ hasText: 'Sam from support here.' }).waitFor();
    await expect.poll(() => statusOf(page)).toBe('idle');
    expect(problems).toEqual([]);
  });

  it('resumes a persisted session with its history after a reload, without a second session', async () => {
    const { page, network } = await h.open({ persist: 'local' });
    await say(page, 'remember this');
    await agentBubbles(page).filter({ hasText: 'remember this' }).first().waitFor({ timeout: TURN_MS });
    await page.reload();
    await log(page).locator('li[data-role="customer"]').getByText('remember this').waitFor();
    await agentBubbles(page).filter({ hasText: 'remember this' }).first().waitFor();
    expect(network.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/sessions')).toHaveLength(1);
    expect(page.url()).not.toMatch(/sess/);
  });

  it('says a session deleted mid-conversation has ended, and starts a new one on request', async () => {
    const session = await h.backend.createSession();
    const { page, network } = await h.open({ session: session.id });
    await say(page, 'before the end');
    await agentBubbles(page).filter({ hasText: 'before the end' }).first().waitFor({ timeout: TURN_MS });
    await h.backend.deleteSession(session.id);
    await page.getByRole('alert').filter({ hasText: 'This conversation has ended.' }).waitFor({ timeout: TURN_MS });
    await page.getByRole('button', { name: 'Start a new conversation' }).click();
    await say(page, 'a fresh start');
    await agentBubbles(page).filter({ hasText: 'a fresh start' }).first().waitFor({ timeout: TURN_MS });
    expect(network.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/sessions')).toHaveLength(1);
  });

  it('stays online through idle long-polls that end in 504, then delivers the next message at once', async () => {
    const session = await h.backend.createSession();
    const { page, problems, network } = await h.open({ session: session.id, wait: '2' });
    await page.waitForTimeout(7000);
    const polls = network.filter((r) => r.method === 'GET' && r.url.includes('/events?'));
    expect(polls.filter((r) => r.status === 504).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('.parlant-connection').getAttribute('data-state')).toBe('live');
    const sent = Date.now();
    await h.backend.operatorSays(session.id, 'still here after the quiet');
    await log(page).getByText('still here after the quiet').waitFor();
    expect(Date.now() - sent).toBeLessThan(2500);
    expect(problems).toEqual([]);
  });

  it('keeps what a customer types as text, sends no blank message and refuses an over-long one', async () => {
    const { page, problems, network } = await h.open();
    const typed = '<img src=x onerror="window.__pwned=1"> **not bold** 🎉 שלום';
    await say(page, typed);
    await log(page).locator('li[data-role="customer"]').filter({ hasText: '<img src=x' }).waitFor();
    await agentBubbles(page).filter({ hasText: 'שלום' }).first().waitFor({ timeout: TURN_MS });
    expect(await page.locator('.parlant-chatbox img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const posts = () => network.filter((r) => r.method === 'POST' && r.url.endsWith('/events')).length;
    await say(page, '    ');
    await page.getByRole('textbox', { name: 'Message' }).fill('x'.repeat(4001));
    await page.keyboard.press('Enter');
    await page.getByText(/Message too long/).waitFor();
    await page.waitForTimeout(500);
    expect(posts()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('waits for the network while offline and delivers what it missed when back online', async () => {
    const session = await h.backend.createSession();
    const { page } = await h.open({ session: session.id });
    await page.locator('.parlant-connection[data-state="live"]').waitFor();
    await h.context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('offline');
    await h.backend.operatorSays(session.id, 'sent while you were away', { onBehalf: true });
    await h.context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await log(page).getByText('sent while you were away').waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await log(page).getByText('sent while you were away').count()).toBe(1);
  });
}
