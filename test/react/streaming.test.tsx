import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useParlantSession } from '../../src/react/useParlantSession';
import { SERVER, serveEmulator } from '../support/msw-emulator';

// Slow chunks, so the message is caught while it is still being written.
const env = serveEmulator({ timing: { stepMs: 5, chunkMs: 80 } });

describe.each(['long-poll', 'sse'] as const)('a streamed agent message over %s', (transport) => {
  it('grows in place to its full text, and a broken stream keeps the partial text until re-read', async () => {
    const { result } = renderHook(() => useParlantSession({ server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2, transport }));
    const seen: string[] = [];
    // Break the first read of the growing message: the widget must re-read and still finish it.
    const broken = env.emu.faults.drop(({ method, path }) => method === 'GET' && /\/events\/[^/]+$/.test(path), { count: 1 });
    act(() => void result.current.send('please stream your answer'));
    await waitFor(() => expect(result.current.messages.find((m) => m.role === 'agent')?.streaming).toBe(true));
    const unsubscribe = result.current.chat.store.subscribe(() => {
      const text = result.current.messages.find((m) => m.role === 'agent')?.text;
      if (text && seen.at(-1) !== text) seen.push(text);
    });
    const sessionId = result.current.sessionId as string;
    await env.emu.whenIdle(sessionId);
    const final = env.emu.events(sessionId).find((e) => e.kind === 'message' && e.source === 'ai_agent');
    const finalText = (final?.data as { message: string }).message;
    await waitFor(() => expect(result.current.messages.find((m) => m.role === 'agent')).toMatchObject({ text: finalText, streaming: false }), { timeout: 8000 });
    unsubscribe();
    expect(broken.remaining).toBe(0);
    expect(result.current.messages.filter((m) => m.role === 'agent')).toHaveLength(1);
    expect(seen.every((text) => finalText.startsWith(text))).toBe(true);
    expect(env.emu.requests.some((r) => r.path === `/sessions/${sessionId}/events/${final?.id}`)).toBe(true);
  }, 15_000);
});
