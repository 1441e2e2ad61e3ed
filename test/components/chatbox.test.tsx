import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ParlantChatbox, type ParlantChatboxProps } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();
const props = (extra: Partial<ParlantChatboxProps> = {}) => widgetProps(env, extra);
const log = () => screen.getByRole('log', { name: 'Conversation' });
const input = () => screen.getByRole('textbox', { name: 'Message' });

async function say(text: string) {
  const user = userEvent.setup();
  await user.type(input(), `${text}{Enter}`);
  return user;
}

describe('<ParlantChatbox>', () => {
  it('works with just server and agentId: agent name in the header, a conversation, a reply', async () => {
    render(<ParlantChatbox {...props()} />);
    expect(await screen.findByRole('heading', { name: 'Haxon' })).toBeInTheDocument();
    expect(screen.getByText('Ask us anything. We usually answer right away.')).toBeInTheDocument();
    await say('Hello');
    expect(within(log()).getByText('Hello')).toBeInTheDocument();
    expect(input()).toHaveValue('');
    await waitFor(() => expect(within(log()).getAllByRole('listitem').length).toBeGreaterThanOrEqual(2));
    const items = within(log()).getAllByRole('listitem');
    expect(items[0]).toHaveAttribute('data-role', 'customer');
    expect(items.at(-1)).toHaveAttribute('data-role', 'agent');
    await waitFor(() => expect(document.querySelector('.parlant-status')).toHaveAttribute('data-state', 'idle'));
  });

  it('Shift+Enter adds a line, Enter during IME composition does not send', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...props()} />);
    await user.type(input(), 'line one{Shift>}{Enter}{/Shift}line two');
    expect(input()).toHaveValue('line one\nline two');
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, isComposing: true }));
    expect(input()).toHaveValue('line one\nline two');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(env.emu.countRequests('POST /sessions/:session_id/events')).toBe(1));
    const sent = env.emu.events(env.emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))?.path.split('/')[2] ?? '');
    expect(sent[0]?.data).toMatchObject({ message: 'line one\nline two' });
  });

  it('sends one message when Enter is pressed twice or the button double-clicked', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...props()} />);
    await user.type(input(), 'once');
    await user.keyboard('{Enter}{Enter}');
    await user.type(input(), 'twice');
    await user.dblClick(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(env.emu.countRequests('POST /sessions/:session_id/events')).toBe(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(env.emu.countRequests('POST /sessions/:session_id/events')).toBe(2);
    const mine = within(log()).getAllByRole('listitem').filter((li) => li.getAttribute('data-role') === 'customer');
    expect(mine.map((li) => li.querySelector('.parlant-bubble')?.textContent)).toEqual(['once', 'twice']);
  });

  it('shows which tools informed a reply, with arguments and result as plain text', async () => {
    render(<ParlantChatbox {...props()} />);
    const user = await say('What is my balance?');
    const summary = await screen.findByText(/tools? used/);
    await user.click(summary);
    const details = summary.closest('details') as HTMLElement;
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText('Arguments')).toBeVisible();
    expect(within(details).getAllByText(/"/).length).toBeGreaterThan(0);
  });

  it('marks the moment a human takes over and shows their name', async () => {
    render(<ParlantChatbox {...props()} />);
    await say('I want to talk to a human');
    const note = await screen.findByText(/joined the conversation/, {}, { timeout: 3000 });
    const name = note.textContent?.replace(' joined the conversation', '') ?? '';
    const humanMessage = within(log()).getAllByRole('listitem').find((li) => li.getAttribute('data-role') === 'human_agent');
    expect(humanMessage).toBeDefined();
    expect(within(humanMessage as HTMLElement).getByText(name)).toBeInTheDocument();
  });

  it('tells the customer when the agent could not answer, without the server error text, and the host through onError', async () => {
    const onError = vi.fn();
    render(<ParlantChatbox {...props({ onError })} />);
    await say('please trigger an error');
    await screen.findByText('The agent couldn’t reply to this message.');
    expect(document.body.textContent).not.toMatch(/Traceback/);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'agent', detail: expect.stringMatching(/Traceback/) }));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('"Try again" asks the agent to answer the same message again, once, without posting it a second time', async () => {
    render(<ParlantChatbox {...props()} />);
    const user = await say('please trigger an error');
    const alert = await screen.findByText('The agent couldn’t reply to this message.');
    const sessionId = env.emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))?.path.split('/')[2] as string;
    // This time the agent answers.
    env.emu.setScript('echo', { sessionId });
    const again = within(alert.closest('p') as HTMLElement).getByRole('button', { name: 'Try again' });
    await user.dblClick(again);
    await waitFor(() => expect(screen.queryByText('The agent couldn’t reply to this message.')).not.toBeInTheDocument());
    await waitFor(() => expect(within(log()).getAllByRole('listitem').filter((li) => li.dataset.role === 'agent')).toHaveLength(1));
    expect(within(log()).getAllByRole('listitem').filter((li) => li.dataset.role === 'customer')).toHaveLength(1);
    const customerEvents = env.emu.events(sessionId).filter((e) => e.source === 'customer');
    expect(customerEvents).toHaveLength(1);
    expect(env.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('keeps a message that could not be sent, with its text, and retries it on request', async () => {
    env.emu.faults.fail('POST /sessions/:session_id/events', { status: 400, body: { detail: 'secret server detail' } });
    const onError = vi.fn();
    render(<ParlantChatbox {...props({ onError })} />);
    const user = await say('Keep me');
    const failed = await screen.findByText('Not sent');
    expect(within(log()).getByText('Keep me')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/secret server detail/);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 400, detail: 'secret server detail' }));
    await user.click(within(failed.closest('p') as HTMLElement).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByText('Not sent')).not.toBeInTheDocument());
    expect(within(log()).getAllByText('Keep me')).toHaveLength(1);
  });

  it('shows a way out when the conversation was deleted on the server', async () => {
    const session = env.emu.createSession();
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    await screen.findByRole('heading', { name: 'Haxon' });
    env.emu.deleteSession(session.id);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('This conversation has ended.');
    expect(input()).toBeDisabled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start a new conversation' }));
    await waitFor(() => expect(input()).toBeEnabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the transcript and shows the ended banner when a remembered session is deleted mid-conversation', async () => {
    render(<ParlantChatbox {...props({ persistSession: 'session' })} />);
    await say('Remember me');
    await waitFor(() => expect(within(log()).getAllByRole('listitem').some((li) => li.getAttribute('data-role') === 'agent')).toBe(true));
    const shown = within(log()).getAllByRole('listitem').map((li) => li.textContent);
    const sessionId = env.emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))?.path.split('/')[2] ?? '';
    env.emu.deleteSession(sessionId);
    expect(await screen.findByRole('alert')).toHaveTextContent('This conversation has ended.');
    expect(within(log()).getAllByRole('listitem').map((li) => li.textContent)).toEqual(shown);
    expect(input()).toBeDisabled();
    sessionStorage.clear();
  });

  it('says so when the server refuses the widget (403), never echoing the server detail', async () => {
    const session = env.emu.createSession();
    env.emu.faults.fail('GET /sessions/:session_id/events', { status: 403, count: 1, body: { detail: 'Authorization failed: HEADERS=secret-token' } });
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('You’re not allowed to use this chat right now.');
    expect(document.body.textContent).not.toMatch(/secret-token/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('lets the host refresh credentials on a 401 and carries on without bothering the customer', async () => {
    const session = env.emu.createSession();
    env.emu.faults.fail('GET /sessions/:session_id/events', { status: 401, count: 1 });
    let token = 'stale';
    const onAuthError = vi.fn(async () => {
      token = 'fresh';
    });
    render(<ParlantChatbox {...props({ sessionId: session.id, onAuthError, headers: () => ({ Authorization: `Bearer ${token}` }) })} />);
    await waitFor(() => expect(onAuthError).toHaveBeenCalledOnce());
    env.emu.agentSay(session.id, 'Welcome back');
    expect(await within(log()).findByText('Welcome back')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(env.emu.requests.at(-1)?.headers.authorization).toBe('Bearer fresh');
  });

  it('fails fast with a developer message for missing or bad props', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ParlantChatbox {...props({ server: '' })} />)).toThrow(/`server` is required/);
    expect(() => render(<ParlantChatbox {...props({ server: 'localhost:8800' })} />)).toThrow(/absolute http\(s\) URL/);
    expect(() => render(<ParlantChatbox {...props({ agentId: '' })} />)).toThrow(/`agentId` prop is required/);
    quiet.mockRestore();
  });
});
