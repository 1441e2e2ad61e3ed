import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useParlantSession, type UseParlantSessionOptions } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = (): UseParlantSessionOptions => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2 });
const streams = () => env.emu.requests.filter((r) => r.path.endsWith('/events') && r.method === 'GET' && r.query.sse === 'true');
const polls = () => env.emu.requests.filter((r) => r.path.endsWith('/events') && r.method === 'GET' && r.query.sse !== 'true');

describe.each(['long-poll', 'sse', 'auto'] as const)('transport %s', (transport) => {
  it('delivers a whole turn, each event once, in order', async () => {
    const { result } = renderHook(() => useParlantSession({ ...base(), transport }));
    act(() => void result.current.send('What is my balance?'));
    await waitFor(() => expect(result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    await waitFor(() => expect(result.current.activity.state).toBe('idle'));
    const sessionId = result.current.sessionId as string;
    const serverMessages = env.emu.events(sessionId).filter((e) => e.kind === 'message').map((e) => e.id);
    expect(result.current.messages.map((m) => m.eventId)).toEqual(serverMessages);
    expect(result.current.chat.store.getState().events.map((e) => e.id)).toEqual(env.emu.events(sessionId).map((e) => e.id));
    if (transport === 'long-poll') expect(streams()).toHaveLength(0);
    else expect(streams().length).toBeGreaterThan(0);
  });
});

describe('SSE specifics', () => {
  it('notices a deleted session although the stream only ends with a 200', async () => {
    const session = env.emu.createSession();
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id, transport: 'sse' }));
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    env.emu.deleteSession(session.id);
    await waitFor(() => expect(result.current.connection.state).toBe('ended'), { timeout: 15_000 });
  }, 20_000);

  it('auto falls back to long-polling for good when the server ignores sse=true', async () => {
    // An older Parlant ignores unknown query parameters and answers the plain list.
    const oldServer: typeof fetch = (input, init) => globalThis.fetch(String(input).replace('sse=true', 'sse_unsupported=1'), init);
    const { result } = renderHook(() => useParlantSession({ ...base(), transport: 'auto', fetch: oldServer }));
    act(() => void result.current.send('hello'));
    await waitFor(() => expect(result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    const before = polls().length;
    env.emu.agentSay(result.current.sessionId as string, 'later');
    await waitFor(() => expect(result.current.messages.at(-1)?.text).toBe('later'));
    expect(polls().length).toBeGreaterThan(before);
    expect(polls().at(-1)?.query.sse_unsupported).toBeUndefined();
  });
});
