import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ParlantChatbox } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();
const rowOf = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

/** A conversation already under way: a question and the agent's answer. */
function seeded() {
  const session = env.emu.createSession();
  env.emu.appendEvent(session.id, { source: 'customer', message: 'Is the shop open on Sunday?', trace_id: 't1' });
  const answer = env.emu.appendEvent(session.id, { source: 'ai_agent', message: 'Yes, from **10:00** to 16:00.', trace_id: 't1' });
  return { session, answer };
}

describe('message actions', () => {
  it('copies a message as written, says so, and keeps the copy button reachable by keyboard', async () => {
    // user-event puts a clipboard of its own on the page, which the widget writes to.
    const user = userEvent.setup();
    const { session } = seeded();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} />);
    const answer = await screen.findByText('10:00');
    const copy = within(answer.closest('li') as HTMLElement).getByRole('button', { name: 'Copy message' });
    copy.focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe('Yes, from **10:00** to 16:00.'));
    await waitFor(() => expect(within(answer.closest('li') as HTMLElement).getByRole('button', { name: 'Copied' })).toBeInTheDocument());
    const spoken = () => [...document.querySelectorAll('[aria-live="polite"]')].map((region) => region.textContent);
    await waitFor(() => expect(spoken()).toContain('Copied'));
  });

  it('takes a verdict on an agent reply and an optional reason, reported with the trace id; none on the customer’s own messages', async () => {
    const onFeedback = vi.fn();
    const { session, answer } = seeded();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, onFeedback })} />);
    await screen.findByText('10:00');
    expect(within(rowOf('Is the shop open on Sunday?')).queryByRole('button', { name: 'Not helpful' })).toBeNull();
    const reply = rowOf('10:00');
    const user = userEvent.setup();
    await user.click(within(reply).getByRole('button', { name: 'Not helpful' }));
    expect(onFeedback).toHaveBeenLastCalledWith({ messageId: answer.id, traceId: 't1', value: 'down' });
    expect(within(reply).getByRole('button', { name: 'Not helpful' })).toHaveAttribute('aria-pressed', 'true');
    const reason = within(reply).getByRole('textbox', { name: 'Anything to add? (optional)' });
    expect(reason).toHaveFocus();
    await user.type(reason, 'It is closed on Sundays');
    await user.click(within(reply).getByRole('button', { name: 'Send' }));
    expect(onFeedback).toHaveBeenLastCalledWith({ messageId: answer.id, traceId: 't1', value: 'down', reason: 'It is closed on Sundays' });
    expect(onFeedback).toHaveBeenCalledTimes(2);
    expect(within(reply).queryByRole('textbox')).toBeNull();
    expect(within(reply).getByRole('button', { name: 'Not helpful' })).toHaveFocus();
  });

  it('closes the reason with Escape, reporting nothing more, and offers no verdict without onFeedback', async () => {
    const onFeedback = vi.fn();
    const { session } = seeded();
    const { unmount } = render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, onFeedback, labels: { helpful: 'Utile' } })} />);
    await screen.findByText('10:00');
    const user = userEvent.setup();
    await user.click(within(rowOf('10:00')).getByRole('button', { name: 'Utile' }));
    await user.keyboard('{Escape}');
    expect(within(rowOf('10:00')).queryByRole('textbox')).toBeNull();
    expect(onFeedback).toHaveBeenCalledTimes(1);
    unmount();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} />);
    await screen.findByText('10:00');
    expect(within(rowOf('10:00')).queryByRole('button', { name: 'Helpful' })).toBeNull();
    expect(within(rowOf('10:00')).getByRole('button', { name: 'Copy message' })).toBeInTheDocument();
  });

  it('keeps the actions of one message at a time in the tab order: arrows move between messages, Tab reaches their buttons', async () => {
    const onFeedback = vi.fn();
    const { session } = seeded();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, onFeedback })} />);
    await screen.findByText('10:00');
    const user = userEvent.setup();
    const history = screen.getByRole('log').parentElement as HTMLElement;
    history.focus();
    // From the history, Tab skips every message's buttons and lands in the composer.
    await user.tab();
    expect(screen.getByRole('textbox', { name: /message/i })).toHaveFocus();
    history.focus();
    await user.keyboard('{ArrowDown}');
    expect(rowOf('Is the shop open on Sunday?')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rowOf('10:00')).toHaveFocus();
    await user.tab();
    expect(within(rowOf('10:00')).getByRole('button', { name: 'Copy message' })).toHaveFocus();
    await user.tab();
    expect(within(rowOf('10:00')).getByRole('button', { name: 'Helpful' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(rowOf('Is the shop open on Sunday?')).toHaveFocus();
    // The reply's buttons left the tab order with the focus.
    expect(within(rowOf('10:00')).getByRole('button', { name: 'Copy message' })).toHaveAttribute('tabindex', '-1');
  });
});
