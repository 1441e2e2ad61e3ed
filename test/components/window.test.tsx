import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ParlantChatbox } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();

describe('the window of rendered messages', () => {
  it('shows the latest 30 of a resumed history of 100, not all of it at once', async () => {
    const session = env.emu.createSession();
    for (let i = 1; i <= 100; i += 1) env.emu.appendEvent(session.id, { source: i % 2 ? 'customer' : 'ai_agent', message: `history message ${i}` });
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} />);
    await screen.findByText('history message 100');
    const rows = () => screen.getByRole('log').querySelectorAll('li[data-role]');
    await waitFor(() => expect(rows()).toHaveLength(30));
    expect(screen.queryByText('history message 70')).toBeNull();
    expect(screen.getByText('history message 71')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show earlier messages (70 more)' })).toBeInTheDocument();
  });
});
