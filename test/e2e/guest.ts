/**
 * Scenarios that need nothing but what an anonymous browser may do, so they run on any backend:
 * the emulator, a real Parlant server, and a real one under its production authorization policy.
 * They expect only what a real Parlant sends (an agent that repeats the customer's words is
 * enough: the emulator and the offline fake NLP service both do).
 */
import { expect, it } from 'vitest';
import type { Harness } from './harness';
import { agentBubbles, log, requests, say, shot, statusOf, wait } from './harness';

/** How long a real Parlant turn may take (preamble and processing pauses of up to 4 s). */
export const TURN_MS = 20_000;

/**
 * Registers the guest scenarios; `h` is filled in for each test.
 * @example describe('against the emulator', () => guestScenarios(h));
 */
export function guestScenarios(h: Harness): void {
  it('completes a typed turn under a strict Content-Security-Policy, and the indicator settles', async () => {
    const { page, network } = await h.open({ csp: 'strict', accent: '#0f766e' });
    await say(page, 'Hello there');
    await agentBubbles(page).filter({ hasText: 'Hello there' }).first().waitFor({ timeout: TURN_MS });
    await expect.poll(() => statusOf(page), { timeout: TURN_MS }).toBe('idle');
    expect(await log(page).locator('li[data-role="customer"]').count()).toBe(1);
    expect(requests(network, 'POST', /\/events$/)).toHaveLength(1);
    const bubble = log(page).locator('li[data-role="customer"] .parlant-bubble');
    expect(await bubble.style('background-color')).toBe('rgb(15, 118, 110)');
    await shot(h, page, 'typed-turn');
    expect(await page.problems()).toEqual([]);
  });

  it('sends three quick messages once each and shows the answer to the last', async () => {
    const session = await h.backend.createSession();
    const { page } = await h.open({ session: session.id });
    for (const text of ['first quick one', 'second quick one', 'third quick one']) await say(page, text);
    await agentBubbles(page).filter({ hasText: 'third quick one' }).first().waitFor({ timeout: TURN_MS });
    const customer = (await h.backend.events(session.id)).filter((e) => e.kind === 'message' && e.source === 'customer');
    expect(customer.map((e) => (e.data as { message: string }).message)).toEqual(['first quick one', 'second quick one', 'third quick one']);
    expect(await log(page).locator('li[data-role="customer"]').count()).toBe(3);
    expect(await page.problems()).toEqual([]);
  });

  it('completes a typed turn over server-sent events', async () => {
    const { page, network } = await h.open({ transport: 'sse' });
    await say(page, 'Hello over SSE');
    await agentBubbles(page).filter({ hasText: 'Hello over SSE' }).first().waitFor({ timeout: TURN_MS });
    expect(network.some((r) => r.url.includes('sse=true') && r.status === 200)).toBe(true);
    expect(await page.problems()).toEqual([]);
  });

  it('resumes a persisted session with its history after a reload, without a second session', async () => {
    const { page, network } = await h.open({ persist: 'local' });
    await say(page, 'remember this');
    await agentBubbles(page).filter({ hasText: 'remember this' }).first().waitFor({ timeout: TURN_MS });
    await page.reload();
    await log(page).locator('li[data-role="customer"]').getByText('remember this').waitFor();
    await agentBubbles(page).filter({ hasText: 'remember this' }).first().waitFor();
    expect(requests(network, 'POST', '/sessions')).toHaveLength(1);
    expect(await page.url()).not.toMatch(/sess/);
    expect(await page.problems()).toEqual([]);
  });

  it('stays online through idle long-polls that end in 504, and the next turn is picked up at once', async () => {
    const session = await h.backend.createSession();
    const { page, network } = await h.open({ session: session.id, wait: '2' });
    await wait(7000);
    expect(requests(network, 'GET', /\/events\?/).filter((r) => r.status === 504).length).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('.parlant-connection').getAttribute('data-state')).toBe('live');
    await say(page, 'anyone there after the pause?');
    // The agent acknowledges at once; the poll that was waiting brings it.
    await expect.poll(() => statusOf(page), { timeout: 2500 }).toBe('thinking');
    await agentBubbles(page).filter({ hasText: 'anyone there after the pause?' }).first().waitFor({ timeout: TURN_MS });
    expect(await page.problems()).toEqual([]);
  });

  it('keeps what a customer types as text, sends no blank message and refuses an over-long one', async () => {
    const { page, network } = await h.open();
    const typed = '<img src=x onerror="window.__pwned=1"> **not bold** 🎉 שלום';
    await say(page, typed);
    await log(page).locator('li[data-role="customer"]').filter({ hasText: '<img src=x' }).waitFor();
    await agentBubbles(page).filter({ hasText: 'שלום' }).first().waitFor({ timeout: TURN_MS });
    expect(await page.locator('.parlant-chatbox img').count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as { __pwned?: number }).__pwned)).toBe('undefined');
    await say(page, '    ');
    await page.getByRole('textbox', { name: 'Message' }).fill('x'.repeat(4001));
    await page.press('Enter');
    await page.getByText(/Message too long/).waitFor();
    await wait(500);
    expect(requests(network, 'POST', /\/events$/)).toHaveLength(1);
    expect(await page.problems()).toEqual([]);
  });

  it('opens the floating launcher into the message box, and Escape or Close returns focus to the launcher', async () => {
    const { page } = await h.open({ variant: 'floating' });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
    const launcher = page.getByRole('button', { name: /^Chat/ });
    await launcher.click();
    await expect.poll(focused).toBe('Message');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await say(page, 'hello from the corner');
    await agentBubbles(page).filter({ hasText: 'hello from the corner' }).first().waitFor({ timeout: TURN_MS });
    await shot(h, page, 'floating-open');
    await page.press('Escape');
    await expect.poll(focused).toBe('Chat');
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    // Keyboard only: the focused launcher opens with Enter, the panel's Close button closes it.
    await page.press('Enter');
    await expect.poll(focused).toBe('Message');
    await page.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(focused).toBe('Chat');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await page.problems()).toEqual([]);
  });
}
