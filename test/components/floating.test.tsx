import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ParlantChatbox } from '../../src';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = () => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2, variant: 'floating' as const });

describe('floating widget', () => {
  it('opens from the launcher with focus in the message box; Escape closes and focus returns to the launcher', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...base()} />);
    const launcher = screen.getByRole('button', { name: 'Chat' });
    expect(launcher).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    await user.click(launcher);
    expect(launcher).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(launcher).toHaveAttribute('aria-expanded', 'false');
    expect(launcher).toHaveFocus();
  });

  it('closes from the header button too', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...base()} defaultOpen />);
    await user.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(screen.getByRole('button', { name: 'Chat' })).toHaveFocus();
  });

  it('counts agent messages that arrive while closed', async () => {
    const session = env.emu.createSession();
    env.emu.agentSay(session.id, 'old news');
    render(<ParlantChatbox {...base()} sessionId={session.id} />);
    await waitFor(() => expect(env.emu.requests.filter((r) => r.path.endsWith('/events')).length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('button', { name: 'Chat' })).toBeInTheDocument();
    env.emu.agentSay(session.id, 'Are you still there?');
    env.emu.agentSay(session.id, 'We can help.');
    expect(await screen.findByRole('button', { name: 'Chat, 2 unread messages' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: /Chat/ }));
    await userEvent.setup().keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Chat' })).toBeInTheDocument();
  });

  it('can be controlled by the host', async () => {
    const onOpenChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Help</button>
          <ParlantChatbox
            {...base()}
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next);
              setOpen(next);
            }}
          />
        </>
      );
    }
    const user = userEvent.setup();
    render(<Host />);
    await user.click(screen.getByRole('button', { name: 'Help' }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('button', { name: 'Chat' })).toHaveAttribute('aria-expanded', 'false');
  });
});
