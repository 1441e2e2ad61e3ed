import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useParlantSession, type UseParlantSessionOptions } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = (): UseParlantSessionOptions => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2, persistSession: 'session' });
const storedKeys = () => Object.keys(sessionStorage).filter((k) => k.startsWith('parlant-chatbox:session:'));

beforeEach(() => sessionStorage.clear());

describe('session persistence', () => {
  it('is off by default: nothing is stored', async () => {
    const { result } = renderHook(() => useParlantSession({ ...base(), persistSession: undefined }));
    act(() => void result.current.send('hi'));
    await waitFor(() => expect(result.current.sessionId).not.toBeNull());
    expect(storedKeys()).toEqual([]);
  });

  it('resumes the same session with its history after a reload', async () => {
    const first = renderHook(() => useParlantSession(base()));
    act(() => void first.result.current.send('Remember me'));
    await waitFor(() => expect(first.result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    const sessionId = first.result.current.sessionId;
    first.unmount();

    const second = renderHook(() => useParlantSession(base()));
    expect(second.result.current.sessionId).toBe(sessionId);
    await waitFor(() => expect(second.result.current.messages[0]?.text).toBe('Remember me'));
    expect(env.emu.countRequests('POST /sessions')).toBe(1);
    expect(storedKeys()).toHaveLength(1);
    expect(storedKeys()[0]).toContain(env.emu.defaultAgentId);
  });

  it('starts over quietly when the remembered session is gone (404), without an ended state', async () => {
    const first = renderHook(() => useParlantSession(base()));
    act(() => void first.result.current.send('old'));
    await waitFor(() => expect(first.result.current.sessionId).not.toBeNull());
    const old = first.result.current.sessionId as string;
    first.unmount();
    env.emu.deleteSession(old);
    env.emu.clearRequests();

    const states: string[] = [];
    const second = renderHook(() => {
      const chat = useParlantSession(base());
      states.push(chat.connection.state);
      return chat;
    });
    await waitFor(() => expect(second.result.current.sessionId).toBeNull());
    expect(states).not.toContain('ended');
    expect(storedKeys()).toEqual([]);
    act(() => void second.result.current.send('new'));
    await waitFor(() => expect(second.result.current.sessionId).not.toBeNull());
    expect(second.result.current.sessionId).not.toBe(old);
    // One poll found the session gone; no retry storm followed.
    expect(env.emu.requests.filter((r) => r.method === 'GET' && r.path === `/sessions/${old}/events`)).toHaveLength(1);
  });

  it('ignores a stored value that is not a session record (null, a number, garbage) and starts fresh', async () => {
    const key = `parlant-chatbox:session:${SERVER}|${env.emu.defaultAgentId}|guest`;
    for (const raw of ['null', '42', '"sess_1"', '[]', '{"id":5,"expires":1e15}', '{"id":']) {
      sessionStorage.setItem(key, raw);
      const { result, unmount } = renderHook(() => useParlantSession(base()));
      expect(result.current.sessionId).toBeNull();
      expect(storedKeys()).toEqual([]);
      unmount();
    }
    expect(env.emu.countRequests('GET /sessions/:id/events')).toBe(0);
  });

  it('keeps the transcript and says the conversation ended when a remembered session is deleted mid-conversation', async () => {
    const { result } = renderHook(() => useParlantSession(base()));
    act(() => void result.current.send('Remember me'));
    await waitFor(() => expect(result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    const sessionId = result.current.sessionId as string;
    const shown = result.current.messages.map((m) => m.text);
    env.emu.deleteSession(sessionId);
    await waitFor(() => expect(result.current.connection.state).toBe('ended'));
    expect(result.current.messages.map((m) => m.text)).toEqual(shown);
    expect(result.current.sessionId).toBe(sessionId);
    // A reload must not resume a conversation that is gone.
    expect(storedKeys()).toEqual([]);
    expect(env.emu.countRequests('POST /sessions')).toBe(1);
  });

  it('expires and can be forgotten with reset()', async () => {
    const { result } = renderHook(() => useParlantSession(base()));
    act(() => void result.current.send('x'));
    await waitFor(() => expect(storedKeys()).toHaveLength(1));
    const stored = JSON.parse(sessionStorage.getItem(storedKeys()[0] as string) as string) as { expires: number };
    expect(stored.expires).toBeGreaterThan(Date.now());
    act(() => result.current.reset());
    expect(storedKeys()).toEqual([]);
    expect(result.current.sessionId).toBeNull();
  });

  it('never puts the session id in the URL', async () => {
    const { result } = renderHook(() => useParlantSession(base()));
    act(() => void result.current.send('x'));
    await waitFor(() => expect(result.current.sessionId).not.toBeNull());
    expect(window.location.href).not.toContain(result.current.sessionId as string);
  });

  it('brings back what the customer wrote and the server had not confirmed after a reload, and never posts it twice', async () => {
    const first = renderHook(() => useParlantSession(base()));
    act(() => void first.result.current.send('hello'));
    await waitFor(() => expect(first.result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    const sessionId = first.result.current.sessionId as string;
    // The server never answers the next message's POST (it lands, the answer is lost).
    env.emu.faults.latency('POST /sessions/:id/events', 60_000, { count: 1 });
    act(() => void first.result.current.send('are you there?'));
    await waitFor(() => expect(first.result.current.messages.at(-1)?.delivery).toBe('sending'));
    first.unmount();

    const second = renderHook(() => useParlantSession(base()));
    expect(second.result.current.sessionId).toBe(sessionId);
    // Not confirmed, and it may have landed: shown as not sent, never re-posted on its own.
    expect(second.result.current.messages.at(-1)).toMatchObject({ text: 'are you there?', delivery: 'failed' });
    await waitFor(() => expect(second.result.current.connection.state).toBe('live'));
    await new Promise((r) => setTimeout(r, 300));
    expect(env.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(2);
    act(() => second.result.current.retry(second.result.current.messages.at(-1)?.clientId as string));
    await waitFor(() => expect(second.result.current.messages.filter((m) => m.text === 'are you there?').map((m) => m.delivery)).toEqual(['sent']));
  });

  it('sends a message typed while offline after a reload, once the network is back', async () => {
    const page = Object.assign(new EventTarget(), { navigator: { onLine: false } });
    // Its own customer, so its storage slot is its own too.
    const options = { ...base(), environment: page, customerId: 'offline-customer' };
    env.emu.addCustomer({ id: 'offline-customer', name: 'Offline' });
    const first = renderHook(() => useParlantSession(options));
    act(() => void first.result.current.send('typed offline'));
    expect(first.result.current.messages[0]?.delivery).toBe('queued');
    first.unmount();
    const second = renderHook(() => useParlantSession(options));
    expect(second.result.current.messages).toMatchObject([{ text: 'typed offline', delivery: 'queued' }]);
    page.navigator.onLine = true;
    act(() => void page.dispatchEvent(new Event('online')));
    await waitFor(() => expect(second.result.current.messages[0]?.delivery).toBe('sent'));
    expect(env.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(1);
  });
});
