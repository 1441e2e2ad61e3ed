import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useParlantSession, type UseParlantSessionOptions } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

const env = serveEmulator();
const base = (): UseParlantSessionOptions => ({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2 });
const strict = ({ children }: { children: ReactNode }) => <StrictMode>{children}</StrictMode>;
const isPoll = (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith('/events');
const texts = (messages: { role: string; text: string }[]) => messages.map((m) => `${m.role}: ${m.text}`);

describe('useParlantSession', () => {
  it('creates a session lazily on the first message, then shows the agent reply', async () => {
    const onSessionCreated = vi.fn();
    const { result } = renderHook(() => useParlantSession({ ...base(), onSessionCreated }));
    await waitFor(() => expect(result.current.agent?.name).toBeTruthy());
    expect(env.emu.countRequests('POST /sessions')).toBe(0);

    act(() => void result.current.send('Hello there'));
    expect(result.current.messages).toMatchObject([{ role: 'customer', text: 'Hello there', delivery: 'sending' }]);

    await waitFor(() => expect(result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    await waitFor(() => expect(result.current.activity.state).toBe('idle'));
    expect(env.emu.countRequests('POST /sessions')).toBe(1);
    expect(onSessionCreated).toHaveBeenCalledTimes(1);
    const sessionId = result.current.sessionId as string;
    expect(onSessionCreated.mock.calls[0]?.[0]).toMatchObject({ id: sessionId, customer_id: 'guest' });
    expect(result.current.messages[0]).toMatchObject({ role: 'customer', text: 'Hello there', delivery: 'sent' });
    // What the hook shows is exactly the server's transcript, each message once.
    const serverMessages = env.emu.events(sessionId).filter((e) => e.kind === 'message');
    expect(result.current.messages.map((m) => m.eventId)).toEqual(serverMessages.map((e) => e.id));
  });

  it('resumes a session with its history', async () => {
    const session = env.emu.createSession();
    env.emu.customerSay(session.id, 'First question');
    await env.emu.whenIdle(session.id);
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id }));
    await waitFor(() => expect(result.current.messages.length).toBeGreaterThanOrEqual(2));
    expect(texts(result.current.messages)[0]).toBe('customer: First question');
    expect(result.current.sessionId).toBe(session.id);
    expect(result.current.connection.state).toBe('live');
    expect(env.emu.countRequests('POST /sessions')).toBe(0);
  });

  it('shows tool footnotes for the agent message of a tool turn', async () => {
    const { result } = renderHook(() => useParlantSession(base()));
    act(() => void result.current.send('What is my balance?'));
    await waitFor(() => expect(result.current.messages.some((m) => m.role === 'agent')).toBe(true));
    const reply = result.current.messages.find((m) => m.role === 'agent');
    await waitFor(() => expect(result.current.footnotes.get(reply?.traceKey ?? '')?.length).toBeGreaterThan(0));
    expect(result.current.messages[0]?.traceKey).toBe(reply?.traceKey);
  });

  it('keeps a failed send with its text; retry delivers it once, even though the first POST landed', async () => {
    const session = env.emu.createSession();
    // The server stores the message, but the answer never reaches the browser, three times over.
    env.emu.faults.drop('POST /sessions/:id/events', { process: true, count: 1 });
    env.emu.faults.drop('GET /sessions/:id/events', { count: 2 });
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id }));
    await waitFor(() => expect(result.current.connection.state).not.toBe('connecting'));
    act(() => void result.current.send('Pay my bill'));
    await waitFor(() => expect(result.current.messages.filter((m) => m.role === 'agent')).toHaveLength(1), { timeout: 8000 });
    const customerCopies = env.emu.events(session.id).filter((e) => e.source === 'customer' && e.kind === 'message');
    expect(customerCopies).toHaveLength(1);
    expect(result.current.messages.filter((m) => m.role === 'customer')).toHaveLength(1);
  }, 15_000);

  it('marks a message failed on a 422 and retry() sends the same message again', async () => {
    const session = env.emu.createSession();
    env.emu.faults.fail('POST /sessions/:id/events', { status: 422, body: { detail: 'Missing field' } });
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id }));
    let clientId = '';
    act(() => void (clientId = result.current.send('Hi') as string));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('failed'));
    expect(result.current.messages[0]).toMatchObject({ text: 'Hi', clientId });
    expect(env.emu.events(session.id)).toHaveLength(0);
    act(() => result.current.retry(clientId));
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
    expect(env.emu.events(session.id).filter((e) => e.source === 'customer')).toHaveLength(1);
    expect(env.emu.events(session.id)[0]?.metadata).toMatchObject({ client_message_id: clientId });
  });

  it('creates exactly one session under StrictMode when asked to create on mount', async () => {
    const { result } = renderHook(() => useParlantSession({ ...base(), createSession: 'start' }), { wrapper: strict });
    await waitFor(() => expect(result.current.sessionId).not.toBeNull());
    await new Promise((r) => setTimeout(r, 50));
    expect(env.emu.countRequests('POST /sessions')).toBe(1);
  });

  it('creates exactly one session under StrictMode when two messages are sent at once', async () => {
    const { result } = renderHook(() => useParlantSession(base()), { wrapper: strict });
    act(() => {
      result.current.send('one');
      result.current.send('two');
    });
    await waitFor(() => expect(result.current.messages.filter((m) => m.role === 'customer' && m.delivery === 'sent')).toHaveLength(2));
    expect(env.emu.countRequests('POST /sessions')).toBe(1);
    expect(texts(result.current.messages.filter((m) => m.role === 'customer'))).toEqual(['customer: one', 'customer: two']);
  });

  it('aborts the poll on unmount and makes no request afterwards, without warnings', async () => {
    const errors = vi.spyOn(console, 'error');
    const session = env.emu.createSession();
    const { result, unmount } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id, waitForData: 30 }));
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    await waitFor(() => expect(env.emu.requests.some((r) => isPoll(r) && r.status === null)).toBe(true));
    unmount();
    await waitFor(() => expect(env.emu.requests.every((r) => r.status !== null)).toBe(true));
    const count = env.emu.requests.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(env.emu.requests.length).toBe(count);
    expect(env.emu.requests.filter((r) => isPoll(r)).at(-1)?.outcome).toBe('aborted');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('switches cleanly to another session', async () => {
    const a = env.emu.createSession();
    const b = env.emu.createSession();
    env.emu.agentSay(a.id, 'in A');
    env.emu.agentSay(b.id, 'in B');
    const { result, rerender } = renderHook((props: { sessionId: string }) => useParlantSession({ ...base(), sessionId: props.sessionId }), {
      initialProps: { sessionId: a.id },
    });
    await waitFor(() => expect(texts(result.current.messages)).toEqual(['agent: in A']));
    rerender({ sessionId: b.id });
    await waitFor(() => expect(texts(result.current.messages)).toEqual(['agent: in B']));
    env.emu.agentSay(a.id, 'late in A');
    env.emu.agentSay(b.id, 'more in B');
    await waitFor(() => expect(texts(result.current.messages)).toEqual(['agent: in B', 'agent: more in B']));
  });

  it('reports a deleted session as ended, and reset() starts over with a new session', async () => {
    const session = env.emu.createSession();
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id }));
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    env.emu.deleteSession(session.id);
    await waitFor(() => expect(result.current.connection.state).toBe('ended'));
    act(() => result.current.reset());
    act(() => void result.current.send('new start'));
    await waitFor(() => expect(result.current.sessionId).not.toBeNull());
    expect(result.current.sessionId).not.toBe(session.id);
    await waitFor(() => expect(result.current.messages[0]?.delivery).toBe('sent'));
  });

  it('posts custom events from the customer UI without making the agent answer, and exposes them', async () => {
    const session = env.emu.createSession();
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id }));
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    await act(() => result.current.sendCustomEvent({ page: '/pricing', plan: 'pro' }));
    await waitFor(() => expect(result.current.customEvents).toHaveLength(1));
    expect(result.current.customEvents[0]).toMatchObject({ source: 'customer_ui', data: { page: '/pricing', plan: 'pro' } });
    await env.emu.whenIdle(session.id);
    expect(env.emu.events(session.id).map((e) => e.kind)).toEqual(['custom']);
    expect(result.current.messages).toEqual([]);
  });

  it('tells onEvent and onMessage about each event once, also when the server made it load everything again (422)', async () => {
    const session = env.emu.createSession();
    const onEvent = vi.fn();
    const onMessage = vi.fn();
    const { result } = renderHook(() => useParlantSession({ ...base(), sessionId: session.id, onEvent, onMessage }));
    await waitFor(() => expect(result.current.connection.state).toBe('live'));
    env.emu.agentSay(session.id, 'one');
    await waitFor(() => expect(onMessage).toHaveBeenCalledTimes(1));
    env.emu.faults.fail('GET /sessions/:id/events', { status: 422, body: { detail: 'bad cursor' } });
    env.emu.agentSay(session.id, 'two');
    await waitFor(() => expect(onMessage).toHaveBeenCalledTimes(2), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(onMessage.mock.calls.map(([m]) => m.text)).toEqual(['one', 'two']);
    expect(onEvent.mock.calls.map(([e]) => e.id)).toEqual(env.emu.events(session.id).map((e) => e.id));
  });
});
