import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useParlantSession, type UseParlantSessionOptions } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();

/** A host whose token goes stale: `onAuthError` fetches a new one, `headers` sends the current one. */
function host() {
  let token = 'stale-1';
  let issued = 1;
  const onAuthError = vi.fn(() => {
    issued += 1;
    token = `fresh-${issued}`;
  });
  const options: UseParlantSessionOptions = {
    server: SERVER,
    agentId: env.emu.defaultAgentId,
    environment: null,
    waitForData: 2,
    headers: () => ({ Authorization: `Bearer ${token}` }),
    onAuthError,
  };
  return { options, onAuthError };
}
const authOf = (route: string) => env.emu.requests.filter((r) => `${r.method} ${r.path}`.match(route)).map((r) => r.headers.authorization);

describe('credentials that go stale', () => {
  it('asks the host for fresh credentials when creating the session is refused (401), then retries once', async () => {
    const { options, onAuthError } = host();
    env.emu.faults.fail('POST /sessions', { status: 401, count: 1 });
    const { result } = renderHook(() => useParlantSession(options));
    act(() => void result.current.send('hello'));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(authOf('^POST /sessions$')).toEqual(['Bearer stale-1', 'Bearer fresh-2']);
  });

  it('asks the host for fresh credentials when a send is refused (403), then retries it once', async () => {
    const { options, onAuthError } = host();
    const session = env.emu.createSession();
    env.emu.faults.fail('POST /sessions/:id/events', { status: 403, count: 1 });
    const { result } = renderHook(() => useParlantSession({ ...options, sessionId: session.id }));
    act(() => void result.current.send('hello'));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(authOf('^POST /sessions/[^/]+/events$')).toEqual(['Bearer stale-1', 'Bearer fresh-2']);
    expect(env.emu.events(session.id).filter((e) => e.source === 'customer')).toHaveLength(1);
  });

  it('asks again when the customer retries a message that was refused twice', async () => {
    const { options, onAuthError } = host();
    const session = env.emu.createSession();
    env.emu.faults.fail('POST /sessions/:id/events', { status: 401, count: 3 });
    const { result } = renderHook(() => useParlantSession({ ...options, sessionId: session.id }));
    let clientId: string | null = null;
    act(() => void (clientId = result.current.send('hello')));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('failed'));
    expect(onAuthError).toHaveBeenCalledTimes(1);
    act(() => result.current.retry(clientId as string));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    expect(onAuthError).toHaveBeenCalledTimes(2);
    expect(authOf('^POST /sessions/[^/]+/events$')).toEqual(['Bearer stale-1', 'Bearer fresh-2', 'Bearer fresh-2', 'Bearer fresh-3']);
  });

  it('asks again on "Retry now" after the poll was refused twice, instead of repeating stale headers', async () => {
    const { options, onAuthError } = host();
    const session = env.emu.createSession();
    env.emu.faults.fail('GET /sessions/:id/events', { status: 401, count: 3 });
    const { result } = renderHook(() => useParlantSession({ ...options, sessionId: session.id }));
    await waitFor(() => expect(result.current.connection.state).toBe('unauthorized'));
    expect(onAuthError).toHaveBeenCalledTimes(1);
    act(() => result.current.reconnect());
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    expect(onAuthError).toHaveBeenCalledTimes(2);
    expect(authOf('^GET /sessions/[^/]+/events$').slice(0, 4)).toEqual(['Bearer stale-1', 'Bearer fresh-2', 'Bearer fresh-2', 'Bearer fresh-3']);
  });
});
