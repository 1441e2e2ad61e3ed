import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ParlantChatbox, type MessageProps, type StatusIndicatorProps } from '../../src';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = () => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2 });

describe('theming and customization', () => {
  it('maps the theme prop onto --parlant-* custom properties and sets the color scheme', () => {
    const { container } = render(<ParlantChatbox {...base()} theme={{ accent: '#0f766e', bubbleRadius: '4px' }} colorScheme="dark" className="host" data-testid="w" />);
    const root = container.firstElementChild as HTMLElement;
    expect(root.style.getPropertyValue('--parlant-accent')).toBe('#0f766e');
    expect(root.style.getPropertyValue('--parlant-bubble-radius')).toBe('4px');
    expect(root).toHaveAttribute('data-color-scheme', 'dark');
    expect(root).toHaveClass('parlant-chatbox', 'host');
    expect(root).toHaveAttribute('data-testid', 'w');
  });

  it('takes every visible text from labels, and lays out right to left', async () => {
    render(
      <ParlantChatbox
        {...base()}
        dir="rtl"
        title="תמיכה"
        labels={{ messageInput: 'הודעה', send: 'שלח', messages: 'שיחה', emptyState: 'שאלו אותנו הכל', you: 'את/ה' }}
      />,
    );
    const root = screen.getByRole('region', { name: 'תמיכה' }).closest('.parlant-chatbox');
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('שאלו אותנו הכל')).toBeInTheDocument();
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'הודעה' }), 'שלום{Enter}');
    const log = screen.getByRole('log', { name: 'שיחה' });
    expect(within(log).getByText('את/ה')).toBeInTheDocument();
    expect(within(log).getByText('שלום').closest('[dir]')).toHaveAttribute('dir', 'auto');
    expect(screen.getByRole('button', { name: 'שלח' })).toBeInTheDocument();
  });

  it('lets a host replace parts and add class names', async () => {
    function Bubble({ message }: MessageProps) {
      return <li data-testid="custom-bubble">{`${message.role}:${message.text}`}</li>;
    }
    function Dots({ activity }: StatusIndicatorProps) {
      return <p role="status">{`agent is ${activity.state}`}</p>;
    }
    render(<ParlantChatbox {...base()} components={{ Message: Bubble, StatusIndicator: Dots }} classNames={{ composer: 'my-composer', header: 'my-header' }} />);
    expect(screen.getByText('agent is idle')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' }).closest('form')).toHaveClass('parlant-composer', 'my-composer');
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Message' }), 'hi{Enter}');
    await waitFor(() => expect(screen.getAllByTestId('custom-bubble').length).toBeGreaterThanOrEqual(2));
    expect(screen.getAllByTestId('custom-bubble')[0]).toHaveTextContent('customer:hi');
  });

  it('enforces the length limit with a clear hint instead of sending', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...base()} maxMessageLength={10} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'abcdefghi');
    expect(screen.getByText('1 character left')).toBeInTheDocument();
    await user.type(box, 'jk');
    expect(screen.getByText('Message too long: 11 of 10 characters.')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(env.emu.countRequests('POST /sessions')).toBe(0);
    expect(box).toHaveValue('abcdefghijk');
  });

  it('renders custom events in their place among the messages through a host component, and hides them otherwise', async () => {
    const session = env.emu.createSession();
    env.emu.agentSay(session.id, 'first');
    env.emu.appendEvent(session.id, { kind: 'custom', source: 'ai_agent', data: { card: 'Order A-1042', status: 'shipped' } });
    env.emu.agentSay(session.id, 'second');
    const Card = ({ event }: { event: { data: unknown } }) => <p>{`card: ${(event.data as { card: string }).card}`}</p>;
    const { unmount } = render(<ParlantChatbox {...base()} sessionId={session.id} components={{ CustomEvent: Card }} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3));
    expect(within(log).getAllByRole('listitem').map((li) => li.textContent?.includes('card:') ? 'card' : li.querySelector('.parlant-bubble')?.textContent)).toEqual(['first', 'card', 'second']);
    unmount();
    render(<ParlantChatbox {...base()} sessionId={session.id} />);
    await waitFor(() => expect(within(screen.getByRole('log', { name: 'Conversation' })).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByText(/card:/)).toBeNull();
  });
});
