import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ParlantChatbox } from '../../src';
import { useParlantSession } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator, widgetProps } from '../support/msw-emulator';

/** The server cannot be reached before any session exists. */
const env = serveEmulator();

describe('a server that cannot be reached before a session exists', () => {
  it('never claims to be online before it has talked to the server', async () => {
    env.emu.faults.drop('*', { count: Infinity });
    render(<ParlantChatbox {...widgetProps(env)} />);
    await waitFor(() => expect(env.emu.countRequests('GET /agents/:id')).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByText('Online')).not.toBeInTheDocument();
    expect(document.querySelector('[data-state="live"]')).toBeNull();
  });

  it('keeps trying to create the session with backoff when it should exist at once, and says so', async () => {
    env.emu.faults.drop('POST /sessions', { count: 2 });
    const onError = vi.fn();
    const { result } = renderHook(() =>
      useParlantSession({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2, createSession: 'start', onError }),
    );
    await waitFor(() => expect(result.current.connection.state).toBe('reconnecting'));
    expect(result.current.connection.retryAt).toBeGreaterThan(performance.now());
    await waitFor(() => expect(result.current.sessionId).not.toBeNull(), { timeout: 6000 });
    expect(env.emu.countRequests('POST /sessions')).toBe(3);
    expect(onError).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
  }, 10_000);

  it('does not promise a quick answer while the session cannot be created', async () => {
    env.emu.faults.drop('POST /sessions', { count: Infinity });
    render(<ParlantChatbox {...widgetProps(env, { createSession: 'start' })} />);
    await waitFor(() => expect(env.emu.countRequests('POST /sessions')).toBe(1));
    await waitFor(() => expect(screen.queryByText(/We usually answer right away/)).not.toBeInTheDocument());
  });
});
