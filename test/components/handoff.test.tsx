import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ParlantChatbox } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();
const log = () => screen.getByRole('log', { name: 'Conversation' });
const header = () => screen.getByRole('banner');
const sessionIdOf = () => env.emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/events'))?.path.split('/')[2] as string;

describe('a human operator taking over, as the customer sees it', () => {
  it('says who the customer is now talking to, shows the operator typing and never the agent thinking, and says when the agent is back', async () => {
    render(<ParlantChatbox {...widgetProps(env)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Can I talk to a human please?{Enter}');
    expect(await within(header()).findByText('You’re now chatting with Dana (support)')).toBeInTheDocument();
    expect(within(log()).getByText('Dana (support) joined the conversation')).toBeInTheDocument();
    const sessionId = sessionIdOf();

    // The operator's console says they are typing; the engine's own statuses mean nothing now.
    env.emu.appendEvent(sessionId, { kind: 'status', source: 'ai_agent', status: 'processing', statusData: { stage: 'Interpreting' } });
    env.emu.appendEvent(sessionId, { kind: 'status', source: 'human_agent', status: 'typing' });
    await waitFor(() => expect(document.querySelector('.parlant-status')).toHaveTextContent('Dana (support) is typing…'));
    env.emu.agentSay(sessionId, 'Sorted, anything else?', { source: 'human_agent', participant: { display_name: 'Dana (support)' } });
    await waitFor(() => expect(document.querySelector('.parlant-status')).not.toHaveTextContent(/typing|Thinking/));

    // The operator hands back: the agent answers the next message.
    env.emu.setMode(sessionId, 'auto');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'thanks, bye{Enter}');
    expect(await within(log()).findByText('Haxon is back in the conversation')).toBeInTheDocument();
    await waitFor(() => expect(within(header()).queryByText(/now chatting with/)).toBeNull());
  });

  it('says a human has the conversation when the session was switched to manual without any event', async () => {
    const session = env.emu.createSession();
    env.emu.setMode(session.id, 'manual');
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} />);
    expect(await within(header()).findByText('You’re now chatting with Support team')).toBeInTheDocument();
  });
});
