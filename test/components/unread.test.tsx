import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParlantChatbox, type ParlantChatboxProps } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();
const floating = (extra: Partial<ParlantChatboxProps> = {}) => widgetProps(env, { variant: 'floating', ...extra });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const separator = () => document.querySelector('.parlant-event-note[data-kind="unread"]');
const offsetOf = (sessionId: string, text: string) => env.emu.events(sessionId).find((e) => (e.data as { message?: string }).message === text)?.offset;

/** The page as the browser would have it: hidden or in front (fired at the document, bubbling to the window, as browsers do; the widgets that watch it get `environment: window`). */
function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
}

afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
  document.title = '';
});

describe('unread messages', () => {
  it('puts a "New messages" line above the first message that came while the panel was closed', async () => {
    const user = userEvent.setup();
    const session = env.emu.createSession();
    env.emu.agentSay(session.id, 'old news');
    render(<ParlantChatbox {...floating({ sessionId: session.id })} />);
    await waitFor(() => expect(env.emu.countRequests('GET /sessions/:id/events')).toBeGreaterThanOrEqual(2));
    env.emu.agentSay(session.id, 'Are you still there?');
    env.emu.agentSay(session.id, 'We can help.');
    await user.click(await screen.findByRole('button', { name: 'Chat, 2 unread messages' }));

    const rows = within(log()).getAllByRole('listitem');
    const line = rows.findIndex((li) => li.textContent === 'New messages');
    expect(line).toBeGreaterThan(0);
    expect(rows[line - 1]).toHaveTextContent('old news');
    expect(rows[line + 1]).toHaveTextContent('Are you still there?');
    // Read now: the next close shows no count, and the next open no line.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Chat' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Chat' }));
    expect(separator()).toBeNull();
  });

  it('reports the read position, and takes it back on the next visit: later messages are unread', async () => {
    const session = env.emu.createSession();
    env.emu.agentSay(session.id, 'first');
    env.emu.agentSay(session.id, 'second');
    const onReadChange = vi.fn();
    const { unmount } = render(<ParlantChatbox {...floating({ sessionId: session.id, defaultOpen: true, onReadChange })} />);
    const second = offsetOf(session.id, 'second') as number;
    await waitFor(() => expect(onReadChange).toHaveBeenLastCalledWith({ offset: second, eventId: expect.any(String) }));
    unmount();

    env.emu.agentSay(session.id, 'third');
    env.emu.agentSay(session.id, 'fourth');
    render(<ParlantChatbox {...floating({ sessionId: session.id, readOffset: second, onReadChange })} />);
    expect(await screen.findByRole('button', { name: 'Chat, 2 unread messages' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Chat/ }));
    expect(separator()?.nextElementSibling).toHaveTextContent('third');
    await waitFor(() => expect(onReadChange).toHaveBeenLastCalledWith({ offset: offsetOf(session.id, 'fourth'), eventId: expect.any(String) }));
  });

  it('counts messages that arrive while the page is hidden, in the title when asked, and reads them on return', async () => {
    const session = env.emu.createSession();
    document.title = 'Acme shop';
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, unreadInTitle: true, environment: window })} />);
    await waitFor(() => expect(env.emu.countRequests('GET /sessions/:id/events')).toBeGreaterThanOrEqual(2));
    setVisibility('hidden');
    env.emu.agentSay(session.id, 'Your order shipped.');
    await waitFor(() => expect(document.title).toBe('(1) Acme shop'));
    env.emu.agentSay(session.id, 'It arrives Friday.');
    await waitFor(() => expect(document.title).toBe('(2) Acme shop'));
    setVisibility('visible');
    expect(document.title).toBe('Acme shop');
    expect(separator()?.nextElementSibling).toHaveTextContent('Your order shipped.');
  });

  it('leaves the title alone unless asked', async () => {
    const session = env.emu.createSession();
    document.title = 'Acme shop';
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, environment: window })} />);
    await waitFor(() => expect(env.emu.countRequests('GET /sessions/:id/events')).toBeGreaterThanOrEqual(2));
    setVisibility('hidden');
    env.emu.agentSay(session.id, 'Your order shipped.');
    await within(log()).findByText('Your order shipped.');
    expect(document.title).toBe('Acme shop');
  });

  it('keeps the count out of the title while the page is visible, though the launcher shows it', async () => {
    const session = env.emu.createSession();
    document.title = 'Acme shop';
    render(<ParlantChatbox {...floating({ sessionId: session.id, unreadInTitle: true, environment: window })} />);
    await waitFor(() => expect(env.emu.countRequests('GET /sessions/:id/events')).toBeGreaterThanOrEqual(2));
    env.emu.agentSay(session.id, 'Your order shipped.');
    expect(await screen.findByRole('button', { name: 'Chat, 1 unread message' })).toBeInTheDocument();
    expect(document.title).toBe('Acme shop');
    setVisibility('hidden');
    expect(document.title).toBe('(1) Acme shop');
  });

  it('writes the read position to the session consumption_offsets when asked (the 403 of the production policy: test/core/read.test.ts)', async () => {
    const session = env.emu.createSession();
    env.emu.agentSay(session.id, 'hello');
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id, markReadOnServer: true })} />);
    await waitFor(() => expect(env.emu.session(session.id)?.consumption_offsets.client).toBe(offsetOf(session.id, 'hello')));
  });

  it('rejects a read position that is not an offset, with a message saying what it takes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ParlantChatbox {...widgetProps(env, { readOffset: 'yesterday' as unknown as number })} />)).toThrow(/`readOffset` must be an event offset/);
  });
});
