/**
 * Scenarios with a human operator at the other end (operator messages, manual mode, deleting a
 * session) or with the network failing while the server goes on: they run on the emulator and on
 * a real Parlant server under its development policy, which lets the test act as the operator
 * console over HTTP.
 */
import { expect, it } from 'vitest';
import { TURN_MS } from './guest';
import type { Harness } from './harness';
import { agentBubbles, log, requests, say, statusOf, wait } from './harness';

/**
 * Registers the operator scenarios; `h` is filled in for each test.
 * @example describe('against the emulator', () => operatorScenarios(h));
 */
export function operatorScenarios(h: Harness): void {
  it('shows a human operator by name, and an operator speaking for the agent as the agent', async () => {
    const session = await h.backend.createSession();
    const { page } = await h.open({ session: session.id });
    await h.backend.operatorSays(session.id, 'Dana here, happy to help.', { displayName: 'Dana' });
    const human = log(page).locator('li[data-role="human_agent"]');
    await human.filter({ hasText: 'Dana here, happy to help.' }).waitFor();
    expect(await human.textContent()).toContain('Dana');
    await h.backend.operatorSays(session.id, 'Your refund is on its way.', { onBehalf: true });
    await agentBubbles(page).filter({ hasText: 'Your refund is on its way.' }).waitFor();
    expect(await page.problems()).toEqual([]);
  });

  it('in manual mode a message gets no agent turn; the operator answers and nothing keeps waiting', async () => {
    const session = await h.backend.createSession();
    await h.backend.setMode(session.id, 'manual');
    const { page } = await h.open({ session: session.id });
    await say(page, 'Is anyone there?');
    await log(page).locator('li[data-role="customer"]').filter({ hasText: 'Is anyone there?' }).waitFor();
    await wait(3000);
    const events = await h.backend.events(session.id);
    expect(events.map((e) => `${e.source}:${e.kind}`)).toEqual(['customer:message']);
    await h.backend.operatorSays(session.id, 'Sam from support here.', { displayName: 'Sam' });
    await log(page).locator('li[data-role="human_agent"]').filter({ hasText: 'Sam from support here.' }).waitFor();
    await expect.poll(() => statusOf(page)).toBe('idle');
    expect(await page.problems()).toEqual([]);
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
    expect(requests(network, 'POST', '/sessions')).toHaveLength(1);
  });

  it('waits for the network while offline and delivers what it missed when back online', async () => {
    const session = await h.backend.createSession();
    const { page } = await h.open({ session: session.id });
    await page.locator('.parlant-connection[data-state="live"]').waitFor();
    // The network goes: the engine's own emulation where it has one, and at the server always
    // (classic WebDriver has none), then the event a browser fires.
    await h.context.setOffline(true);
    h.gate.down();
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('offline');
    await h.backend.operatorSays(session.id, 'sent while you were away', { onBehalf: true });
    await h.context.setOffline(false);
    h.gate.up();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await log(page).getByText('sent while you were away').waitFor({ timeout: 5000 });
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(await log(page).getByText('sent while you were away').count()).toBe(1);
  });

  it('reconnects after a server outage and delivers what was said meanwhile, once', async () => {
    const session = await h.backend.createSession();
    const { page } = await h.open({ session: session.id });
    const connection = page.locator('.parlant-connection');
    await page.locator('.parlant-connection[data-state="live"]').waitFor();
    h.gate.down();
    await expect.poll(() => connection.getAttribute('data-state'), { timeout: 10_000 }).toBe('reconnecting');
    await h.backend.operatorSays(session.id, 'said during the outage', { onBehalf: true });
    await wait(1500);
    h.gate.up();
    await log(page).getByText('said during the outage').waitFor({ timeout: 30_000 });
    await expect.poll(() => connection.getAttribute('data-state'), { timeout: 10_000 }).toBe('live');
    await say(page, 'back again');
    await agentBubbles(page).filter({ hasText: 'back again' }).first().waitFor({ timeout: TURN_MS });
    expect(await log(page).getByText('said during the outage').count()).toBe(1);
  });
}
