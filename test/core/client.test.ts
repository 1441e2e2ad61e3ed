import { describe, expect, it } from 'vitest';
import { createParlantClient, normalizeServer } from '../../src/core/client';
import { ParlantError } from '../../src/core/errors';
import { createScriptedFetch, json, parlant504 } from '../support/scripted-fetch';

const session = { id: 's1', agent_id: 'a1', customer_id: 'guest', creation_utc: '2026-01-01T00:00:00Z', title: null, mode: 'auto', consumption_offsets: { client: 0 }, metadata: {}, labels: [] };

describe('client', () => {
  it('computes headers before every request, so a host can rotate tokens', async () => {
    const server = createScriptedFetch();
    let token = 0;
    const client = createParlantClient({ server: 'http://p.test/', fetch: server.fetch, headers: async () => ({ Authorization: `Bearer t${++token}` }) });
    server.answer(json(session), json(session));
    await client.getSession('s1');
    await client.getSession('s1');
    expect(server.requests.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    expect(server.requests[0]?.url).toBe('http://p.test/sessions/s1');
  });

  it('creates a session with snake_case keys and allow_greeting only when asked', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    server.answer(json(session, 201), json(session, 201));
    await client.createSession({ agentId: 'a1', customerId: 'c1', metadata: { page: '/' } });
    await client.createSession({ agentId: 'a1', greet: true });
    expect(await server.requests[0]?.json()).toEqual({ agent_id: 'a1', customer_id: 'c1', metadata: { page: '/' } });
    expect(server.requests[0]?.url).toBe('http://p.test/sessions');
    expect(server.requests[1]?.url).toBe('http://p.test/sessions?allow_greeting=true');
  });

  it('rejects with a typed error carrying status, detail and whether a retry can help', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    server.answer(json({ detail: "Session not found (id='s9')" }, 404), json({ detail: 'slow down' }, 429, { 'Retry-After': '3' }), 'network-error', new Response('', { status: 500 }));
    const errors = await Promise.all([0, 1, 2, 3].map(() => client.getSession('s9').catch((e: unknown) => e)));
    expect(errors.every((e) => e instanceof ParlantError)).toBe(true);
    const [notFound, limited, network, bare500] = errors as ParlantError[];
    expect([notFound?.status, notFound?.detail, notFound?.retryable]).toEqual([404, "Session not found (id='s9')", false]);
    expect([limited?.status, limited?.retryAfter, limited?.retryable]).toEqual([429, 3, true]);
    expect([network?.kind, network?.status, network?.retryable]).toEqual(['network', 0, true]);
    expect([bare500?.kind, bare500?.status, bare500?.retryable]).toEqual(['http', 500, true]);
  });

  it('checks bodies at the boundary', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    server.answer(json({ id: 3 }), new Response('<html>', { status: 200 }));
    await expect(client.getSession('s1')).rejects.toMatchObject({ kind: 'invalid-response' });
    await expect(client.getAgent('a1')).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('reads a large body delivered in small chunks, characters split across them included', async () => {
    const events = Array.from({ length: 1200 }, (_, i) => ({
      id: `e${i}`, source: 'ai_agent', kind: 'message', offset: i, creation_utc: '2026-06-26T10:15:30Z', trace_id: 't', correlation_id: 't',
      data: { message: `Ça coûte 5 € 🙂 (#${i})`, participant: { id: 'a', display_name: 'Haxon' } }, metadata: {}, deleted: false,
    }));
    const bytes = new TextEncoder().encode(JSON.stringify(events));
    expect(bytes.length).toBeGreaterThan(256 * 1024); // large enough to be parsed in a task of its own
    // Chunks of an odd size cut multi-byte characters all over the body.
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1021) controller.enqueue(bytes.slice(i, i + 1021));
          controller.close();
        },
      });
    const client = createParlantClient({ server: 'http://p.test', fetch: async () => new Response(chunked(), { headers: { 'Content-Type': 'application/json' } }) });
    const result = await client.listEvents('s1', { minOffset: 0, waitForData: 0 });
    expect(result.events).toHaveLength(1200);
    expect(result.events.every((e, i) => (e.data as { message: string }).message === `Ça coûte 5 € 🙂 (#${i})`)).toBe(true);
    expect(result.events[1199]?.data).toMatchObject({ message: 'Ça coûte 5 € 🙂 (#1199)' });
  });

  it('reads a Parlant 504 on the event list as "nothing new", and sends every filter', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    server.answer(parlant504());
    const result = await client.listEvents('s1', { minOffset: 4, kinds: ['message', 'tool'], source: 'ai_agent', traceId: 't', correlationId: 'c', waitForData: 30 });
    expect(result.timedOut).toBe(true);
    expect(Object.fromEntries(new URL(server.requests[0]?.url ?? '').searchParams)).toEqual({
      min_offset: '4',
      kinds: 'message,tool',
      source: 'ai_agent',
      trace_id: 't',
      correlation_id: 'c',
      wait_for_data: '30',
    });
  });

  it('aborts through the caller signal with an aborted error', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    const controller = new AbortController();
    const pending = client.listEvents('s1', { waitForData: 30 }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('gives up after its timeout with a retryable timeout error', async () => {
    const server = createScriptedFetch();
    const client = createParlantClient({ server: 'http://p.test', fetch: server.fetch });
    await expect(client.getSession('s1', { timeoutMs: 20 })).rejects.toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('rejects a missing or non-http server with a clear message', () => {
    expect(() => normalizeServer('')).toThrow(/`server` is required/);
    expect(() => normalizeServer('localhost:8800')).toThrow(/http or https|absolute/);
    expect(() => normalizeServer('ftp://x')).toThrow(/absolute http\(s\) URL, got "ftp:\/\/x"/);
    expect(normalizeServer('https://a.example/parlant/')).toBe('https://a.example/parlant');
  });
});
