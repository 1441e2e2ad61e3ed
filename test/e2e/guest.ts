/**
 * Scenarios that need nothing but what an anonymous browser may do, so they run on any backend:
 * the emulator, a real Parlant server, and a real one under its production authorization policy.
 * They expect only what a real Parlant sends (an agent that repeats the customer's words is
 * enough: the emulator and the offline fake NLP service both do).
 */
import { expect, it } from 'vitest';
import type { Harness } from './harness';
import { agentBubbles, log, say, statusOf } from './harness';

/** How long a real Parlant turn may take (preamble and processing pauses of up to 4 s). */
export const TURN_MS = 20_000;

/**
 * Registers the guest scenarios; `h` is filled in for each test.
 * @example describe('against the emulator', () => guestScenarios(h));
 */
export function guestScenarios(h: Harness): void {
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

  it('stays online through idle long-polls that end in 504, and the next turn is picked up at once', async () => {
    const session = await h.backend.createSession();
    const { page, problems, network } = await h.open({ session: session.id, wait: '2' });
    await page.waitForTimeout(7000);
    const polls = network.filter((r) => r.method === 'GET' && r.url.includes('/events?'));
    expect(polls.filter((r) => r.status === 504).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('.parlant-connection').getAttribute('data-state')).toBe('live');
    await say(page, 'anyone there after the pause?');
    // The agent acknowledges at once; the poll that was waiting brings it.
    await expect.poll(() => statusOf(page), { timeout: 2500 }).toBe('thinking');
    await agentBubbles(page).filter({ hasText: 'anyone there after the pause?' }).first().waitFor({ timeout: TURN_MS });
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
}
