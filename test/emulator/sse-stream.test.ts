import { describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { sig, serverFactory } from './helpers';

const serve = serverFactory();

/** Reads an SSE body to its end; returns the parsed frames and the raw text. */
async function readSse(res: Response): Promise<{ frames: ParlantEvent[]; raw: string }> {
  const raw = await res.text();
  const frames = raw
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true);
      expect(block.includes('\n')).toBe(false);
      return JSON.parse(block.slice('data: '.length)) as ParlantEvent;
    });
  return { frames, raw };
}

type Chunked = { message: string; chunks: Array<string | null> };

describe('SSE on the event list', () => {
  it('streams every matching event once as data frames, then ends after wait_for_data', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    s.emu.appendEvent(id, { source: 'customer', message: 'a' });
    const started = Date.now();
    const res = await s.get(`/sessions/${id}/events?sse=true&wait_for_data=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    setTimeout(() => s.emu.appendEvent(id, { source: 'ai_agent', message: 'b' }), 100);
    const { frames, raw } = await readSse(res);
    expect(frames.map((e) => e.offset)).toEqual([0, 1]);
    expect(raw).not.toMatch(/^(id|event|retry):/m);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('honours min_offset and kinds, and ends when the session is deleted', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    s.emu.appendEvent(id, { source: 'customer', message: 'a' });
    s.emu.appendEvent(id, { status: 'typing' });
    s.emu.appendEvent(id, { source: 'ai_agent', message: 'b' });
    const res = await s.get(`/sessions/${id}/events?sse=1&min_offset=1&kinds=message&wait_for_data=10`);
    setTimeout(() => s.emu.deleteSession(id), 50);
    const started = Date.now();
    const { frames } = await readSse(res);
    expect(frames.map((e) => e.offset)).toEqual([2]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers 200 with an empty stream for an unknown session', async () => {
    const s = await serve();
    const res = await s.get('/sessions/ghost/events?sse=true&wait_for_data=5');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

/** Long-polls for the first AI message that streams (the preamble before it does not). */
async function firstStreamed(s: Awaited<ReturnType<typeof serve>>, id: string): Promise<ParlantEvent> {
  for (let next = 0; ; ) {
    const list = (await (await s.get(`/sessions/${id}/events?min_offset=${next}&kinds=message&source=ai_agent&wait_for_data=5`)).json()) as ParlantEvent[];
    const streamed = list.find((e) => 'chunks' in (e.data as object));
    if (streamed) return streamed;
    next = (list.at(-1) as ParlantEvent).offset + 1;
  }
}

/** Parlant streams only the messages of canned_fluid agents in stream output mode. */
const STREAMY = { name: 'Streamy', composition_mode: 'canned_fluid', message_output_mode: 'stream', script: 'echo' } as const;

describe('stream output mode', () => {
  it('creates the message with chunks and updates it in place until null', async () => {
    const s = await serve({ agents: [STREAMY], timing: { stepMs: 1, chunkMs: 15 } });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'one two three');
    const partial = await firstStreamed(s, id);
    const data = partial.data as Chunked;
    expect(data.chunks.at(-1)).not.toBeNull();
    expect(data.message).toBe(data.chunks.join(''));

    const done = await (await s.get(`/sessions/${id}/events/${partial.id}?wait_for_completion=true&wait_for_data=5`)).json();
    expect(done.id).toBe(partial.id);
    expect(done.offset).toBe(partial.offset);
    const final = done.data as Chunked;
    expect(final.chunks.at(-1)).toBeNull();
    expect(final.chunks.length).toBeGreaterThan(data.chunks.length);
    expect(final.message).toBe(final.chunks.filter((c) => c !== null).join(''));
    expect(final.message).toContain('one two three');

    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig).slice(5)).toEqual(['status:processing', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready']);
  });

  it('streams nothing for agents in the other composition modes, as Parlant', async () => {
    const s = await serve({ agents: [{ ...STREAMY, composition_mode: 'fluid' }] });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'one two three');
    await s.emu.whenIdle(id);
    const reply = s.emu.events(id).find((e) => e.kind === 'message' && e.source === 'ai_agent');
    expect(Object.keys(reply?.data as object)).toEqual(['message', 'participant']);
  });

  it('follows a streaming message over SSE, one frame per update, closing after the terminator', async () => {
    const s = await serve({ agents: [STREAMY], timing: { stepMs: 1, chunkMs: 10 } });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'alpha beta');
    const message = await firstStreamed(s, id);
    const { frames } = await readSse(await s.get(`/sessions/${id}/events/${message?.id}?sse=true&wait_for_data=5`));
    const lengths = frames.map((f) => (f.data as Chunked).chunks.length);
    expect(frames.every((f) => f.id === message?.id)).toBe(true);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(lengths).size).toBe(lengths.length);
    expect((frames.at(-1)?.data as Chunked).chunks.at(-1)).toBeNull();
  });

  it('sends a complete event once; an unknown event aborts the SSE response', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    const e = s.emu.appendEvent(id, { source: 'customer', message: 'x' });
    const { frames } = await readSse(await s.get(`/sessions/${id}/events/${e.id}?sse=true`));
    expect(frames).toEqual([e]);
    const unknown = await s.get(`/sessions/${id}/events/nope?sse=true`);
    expect(unknown.status).toBe(200);
    await expect(unknown.text()).rejects.toThrow();
  });

  it('cancelling a streamed reply still terminates its chunks', async () => {
    const s = await serve({ agents: [{ ...STREAMY, script: 'stream' }], timing: { stepMs: 1, chunkMs: 10 } });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'go');
    await firstStreamed(s, id);
    s.emu.customerSay(id, 'stop, new question');
    await s.emu.whenIdle(id);
    const messages = s.emu.events(id).filter((e) => e.source === 'ai_agent' && e.kind === 'message' && 'chunks' in (e.data as object));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect((m.data as Chunked).chunks.at(-1)).toBeNull();
    expect(s.emu.events(id).map(sig)).toContain('status:cancelled');
  });
});
