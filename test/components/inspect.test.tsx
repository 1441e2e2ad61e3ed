/**
 * Inspect mode at the protocol seam: the emulator behind MSW, the widget with and without
 * `inspect`, read the way a person building the agent would read it.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ParlantChatbox } from '../../src';
import { Inspector, traceIndex } from '../../src/inspect';
import type { ParlantEvent } from '../../src/core/types';
import { steps } from '../../src/testing';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

// Customer messages are moderated as a moderating proxy would ask (`?moderation=auto`).
const env = serveEmulator({ moderation: 'auto' });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const sessionIdOf = () => env.emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))?.path.split('/')[2] as string;

/** The message (a row of the conversation) that shows this text (not merely quotes it in an inspector). */
async function messageWith(text: string | RegExp): Promise<HTMLElement> {
  const bubble = await within(log()).findByText(text, { ignore: 'script, style, details *' }, { timeout: 3000 });
  return bubble.closest('li[data-role]') as HTMLElement;
}

/** Opens a message's inspector the way a person does, and returns it. */
async function openInspector(message: HTMLElement, user: ReturnType<typeof userEvent.setup>, name = 'Inspect'): Promise<HTMLElement> {
  const summary = within(message).getByText(name);
  const details = summary.closest('details') as HTMLElement;
  expect(details).not.toHaveAttribute('open');
  await user.click(summary);
  expect(details).toHaveAttribute('open');
  return details;
}

describe('inspect mode', () => {
  it('is off by default: no inspector under any message', async () => {
    render(<ParlantChatbox {...widgetProps(env)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Show me a canned response{Enter}');
    await messageWith(/return any item within/);
    expect(within(log()).queryByText('Inspect')).toBeNull();
    expect(within(log()).queryByText(/gl_return_window/)).toBeNull();
  });

  it('shows, per agent reply, the trace, the canned response and its draft, the tool calls and what the ready status says matched', async () => {
    render(<ParlantChatbox {...widgetProps(env)} inspect={Inspector} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Which guidelines matched?{Enter}');
    const reply = await messageWith(/return any item within/);
    // The turn's completed ready comes after the reply: wait for the summary to say what it found.
    await within(reply).findByText(/Canned response \(cr_return_window\) · 1 tool call/, {}, { timeout: 3000 });
    const inspector = await openInspector(reply, user);
    const trace = env.emu.events(sessionIdOf()).find((e) => e.kind === 'message' && e.source === 'customer')?.trace_id as string;
    expect(trace).toMatch(/\w+/);

    const panel = within(inspector);
    expect(panel.getByText(trace)).toBeVisible();
    expect(panel.getByText('Draft')).toBeVisible();
    expect(panel.getByText('Items can be sent back within 30 days after delivery, and the label is free.')).toBeVisible();
    expect(panel.getByText(/"cr_return_window",/)).toBeVisible();
    expect(panel.getByText('orders:return_policy')).toBeVisible();
    expect(panel.getByText(/"region": "EU"/)).toBeVisible();
    expect(panel.getByText(/"window_days": 30/)).toBeVisible();
    expect(panel.getByText('Matched guidelines: gl_return_window')).toBeVisible();
    expect(panel.getByText('Matched journeys: jr_returns')).toBeVisible();
    expect(panel.getByText('Journey states: js_returns_policy')).toBeVisible();
    expect(panel.getByText(/"stage": "completed"/)).toBeVisible();
    expect(panel.getByText('Not flagged by moderation')).toBeVisible();

    // The customer's own message shows its trace (the same) and its moderation, nothing of the reply.
    const asked = within(await openInspector(await messageWith('Which guidelines matched?'), user));
    expect(asked.getByText(trace)).toBeVisible();
    expect(asked.queryByText(/Canned response/)).toBeNull();
  });

  it('says which customer message moderation flagged, on that message and on the reply to it', async () => {
    render(<ParlantChatbox {...widgetProps(env)} inspect={Inspector} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'You idiot, what is my balance?{Enter}');
    const reply = await messageWith(/Your balance is/);
    expect(within(reply).getByText(/Generated \(no draft or canned response\) · 1 tool call · Flagged by moderation: harassment/)).toBeInTheDocument();
    const asked = within(await openInspector(await messageWith('You idiot, what is my balance?'), user));
    // In its summary and in the open inspector.
    expect(asked.getAllByText('Flagged by moderation: harassment')).toHaveLength(2);
    for (const said of asked.getAllByText('Flagged by moderation: harassment')) expect(said).toBeVisible();
    expect(asked.getByText('Tags: harassment')).toBeVisible();
  });

  it('shows a draft sent as written, says the turn is still running, then shows its ready data once it ends', async () => {
    env.emu.setScript(() => [steps.say('Noted.', { draft: 'Noted.' }), steps.wait(400), steps.match({ guidelines: ['gl_late'] })]);
    render(<ParlantChatbox {...widgetProps(env)} inspect={Inspector} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'note this{Enter}');
    const inspector = within(await openInspector(await messageWith('Noted.'), user));
    expect(inspector.getAllByText(/Draft sent as written \(no canned response chosen\)/)[1]).toBeVisible();
    expect(inspector.getByText('The turn has not ended yet')).toBeVisible();
    expect(await inspector.findByText('Matched guidelines: gl_late', {}, { timeout: 3000 })).toBeVisible();
    expect(inspector.queryByText('The turn has not ended yet')).toBeNull();
  });

  it('renders server data as text, never as markup, in the labels it is given', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    env.emu.setScript(() => [
      steps.tool('crm:lookup', { q: hostile }, { html: hostile }),
      steps.say('Done.', { draft: hostile, cannedResponses: [['<script>x</script>', hostile]] }),
    ]);
    render(<ParlantChatbox {...widgetProps(env)} inspect={Inspector} labels={{ inspect: 'Inspecter', inspectDraft: 'Brouillon' }} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'look it up{Enter}');
    const inspector = await openInspector(await messageWith('Done.'), user, 'Inspecter');
    expect(within(inspector).getByText('Brouillon')).toBeVisible();
    expect(within(inspector).getByText(hostile)).toBeVisible();
    expect(within(inspector).getAllByText(/Canned response \(<script>x<\/script>\)/)[1]).toBeVisible();
    expect(inspector.querySelector('img, b, script')).toBeNull();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});

describe('traceIndex', () => {
  const event = (id: string, offset: number, trace: string): ParlantEvent => ({
    id, offset, trace_id: trace, source: 'ai_agent', kind: 'status', creation_utc: '', data: { status: 'typing', data: {} }, metadata: {}, deleted: false,
  });

  it('keeps the events of a trace that did not change, so its inspector does not re-render', () => {
    const index = traceIndex();
    const first = [event('a', 0, 'T1'), event('b', 1, 'T2')];
    const before = index(first);
    const after = index([...first, event('c', 2, 'T2')]);
    expect(after.get('T1')).toBe(before.get('T1'));
    expect(after.get('T2')?.map((e) => e.id)).toEqual(['b', 'c']);
    expect(after.get('T2')).not.toBe(before.get('T2'));
  });
});
