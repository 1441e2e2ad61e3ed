import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useParlantSession, type UseParlantSessionOptions } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = (): UseParlantSessionOptions => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2 });
const polls = () => env.emu.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events'));

describe('options changed after mount', () => {
  it('uses a rotated token (a new headers object) on the next request', async () => {
    const session = env.emu.createSession();
    const { result, rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), {
      initialProps: { ...base(), sessionId: session.id, headers: { Authorization: 'Bearer one' } },
    });
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    rerender({ ...base(), sessionId: session.id, headers: { Authorization: 'Bearer two' } });
    act(() => void result.current.send('hello'));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    const post = env.emu.requests.find((r) => r.method === 'POST');
    expect(post?.headers.authorization).toBe('Bearer two');
    await waitFor(() => expect(polls().at(-1)?.headers.authorization).toBe('Bearer two'));
  });

  it('uses a new fetch on the next request', async () => {
    const session = env.emu.createSession();
    const first = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const second = vi.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const { result, rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), {
      initialProps: { ...base(), sessionId: session.id, fetch: first },
    });
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    rerender({ ...base(), sessionId: session.id, fetch: second });
    act(() => void result.current.send('hello'));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    expect(second.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true);
    expect(first.mock.calls.every(([, init]) => init?.method !== 'POST')).toBe(true);
  });

  it('waits as long as the latest waitForData says', async () => {
    const session = env.emu.createSession();
    const { result, rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), {
      initialProps: { ...base(), sessionId: session.id, waitForData: 1 },
    });
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    rerender({ ...base(), sessionId: session.id, waitForData: 3 });
    await waitFor(() => expect(polls().at(-1)?.query.wait_for_data).toBe('3'), { timeout: 4000 });
  });

  it('switches to the conversation of a new client', async () => {
    const { createParlantClient } = await import('../../src/core/client');
    const a = env.emu.createSession();
    const b = env.emu.createSession();
    env.emu.agentSay(b.id, 'from b');
    const client = createParlantClient({ server: SERVER });
    const { result, rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), {
      initialProps: { ...base(), client, sessionId: a.id },
    });
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    const other = createParlantClient({ server: SERVER });
    rerender({ ...base(), client: other, sessionId: b.id });
    await waitFor(() => expect(result.current.messages.map((m) => m.text)).toEqual(['from b']));
    expect(result.current.chat.client).toBe(other);
  });

  it('reads createSession when the conversation starts: changing it later creates nothing', async () => {
    const { rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), { initialProps: base() });
    await waitFor(() => expect(env.emu.countRequests('GET /agents/:id')).toBeGreaterThan(0));
    rerender({ ...base(), createSession: 'start' });
    await new Promise((r) => setTimeout(r, 200));
    expect(env.emu.countRequests('POST /sessions')).toBe(0);
  });
});

describe('reset()', () => {
  it('lets the host switch back to the session the customer left, once the host has moved on', async () => {
    const old = env.emu.createSession();
    env.emu.agentSay(old.id, 'old conversation');
    const { result, rerender } = renderHook((props: UseParlantSessionOptions) => useParlantSession(props), {
      initialProps: { ...base(), sessionId: old.id },
    });
    await waitFor(() => expect(result.current.messages.map((m) => m.text)).toEqual(['old conversation']));
    act(() => result.current.reset());
    expect(result.current.sessionId).toBeNull();
    // The host has not heard of the reset yet and still passes the old id: it stays left.
    rerender({ ...base(), sessionId: old.id });
    expect(result.current.sessionId).toBeNull();
    // The host lets go of it, then goes back to it.
    rerender({ ...base(), sessionId: undefined as unknown as string });
    rerender({ ...base(), sessionId: old.id });
    await waitFor(() => expect(result.current.sessionId).toBe(old.id));
    await waitFor(() => expect(result.current.messages.map((m) => m.text)).toEqual(['old conversation']));
  });
});
