import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_ID } from '../../src/testing/emulator';
import { serverFactory } from './helpers';

const serve = serverFactory();
const NANOID = /^[0-9A-Za-z]{10}$/;
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('agents', () => {
  it('lists and reads agents with every declared field', async () => {
    const s = await serve();
    const list = await s.get('/agents');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/json');
    const agents = await list.json();
    expect(agents).toEqual([
      {
        id: DEFAULT_AGENT_ID,
        name: 'Haxon',
        description: 'Emulated support assistant',
        max_engine_iterations: 3,
        composition_mode: 'fluid',
        message_output_mode: 'block',
        tags: [],
      },
    ]);
    expect(Object.keys(agents[0])).toEqual(['id', 'name', 'description', 'max_engine_iterations', 'composition_mode', 'message_output_mode', 'tags']);
    const one = await s.get(`/agents/${DEFAULT_AGENT_ID}`);
    expect(await one.json()).toEqual(agents[0]);
  });

  it('answers 404 with a FastAPI detail for an unknown agent', async () => {
    const s = await serve();
    const res = await s.get('/agents/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: "Item 'nope' not found" });
  });

  it('serves configured agents with generated nanoid ids and null description', async () => {
    const s = await serve({ agents: [{ name: 'A' }, { name: 'B', message_output_mode: 'stream' }] });
    const agents = (await (await s.get('/agents')).json()) as Array<{ id: string; description: unknown; message_output_mode: string }>;
    expect(agents).toHaveLength(2);
    for (const a of agents) expect(a.id).toMatch(NANOID);
    expect(agents[0]?.description).toBeNull();
    expect(agents[1]?.message_output_mode).toBe('stream');
    expect(s.emu.defaultAgentId).toBe(agents[0]?.id);
  });
  it('creates, updates and deletes agents (204 with a JSON content type, like FastAPI)', async () => {
    const s = await serve();
    const created = await s.send('POST', '/agents', { name: 'Canned', composition_mode: 'canned_fluid' });
    expect(created.status).toBe(201);
    const agent = await created.json();
    expect(agent).toMatchObject({ name: 'Canned', description: null, max_engine_iterations: 3, composition_mode: 'canned_fluid', message_output_mode: 'block', tags: [] });
    expect((await (await s.send('PATCH', `/agents/${agent.id}`, { message_output_mode: 'stream' })).json()).message_output_mode).toBe('stream');
    const bad = await s.send('POST', '/agents', { name: 'X', composition_mode: 'poetic' });
    expect((await bad.json()).detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'composition_mode'], ctx: { expected: "'fluid', 'canned_fluid', 'composited_canned' or 'strict_canned'" } });
    const deleted = await s.send('DELETE', `/agents/${agent.id}`);
    expect([deleted.status, deleted.headers.get('content-type'), await deleted.text()]).toEqual([204, 'application/json', '']);
    expect((await s.get(`/agents/${agent.id}`)).status).toBe(404);
  });

  it('words a body that is not JSON the way Python\'s json module does, with its position', async () => {
    const s = await serve();
    const issue = async (text: string) => ((await (await s.send('POST', '/agents', text)).json()) as { detail: Array<{ loc: unknown; ctx: unknown }> }).detail[0];
    expect(await issue('{"name": "x",')).toMatchObject({ loc: ['body', 13], ctx: { error: 'Expecting property name enclosed in double quotes' } });
    expect(await issue('{"name" "x"}')).toMatchObject({ loc: ['body', 8], ctx: { error: "Expecting ':' delimiter" } });
    expect(await issue('{"name": "x"} y')).toMatchObject({ loc: ['body', 14], ctx: { error: 'Extra data' } });
    expect(await issue('nope')).toMatchObject({ loc: ['body', 0], ctx: { error: 'Expecting value' } });
  });
});

describe('customers', () => {
  it('always has the guest customer', async () => {
    const s = await serve();
    const guest = await (await s.get('/customers/guest')).json();
    expect(guest).toMatchObject({ id: 'guest', name: 'Guest', metadata: {}, tags: [] });
    expect(guest.creation_utc).toMatch(UTC);
  });

  it('creates, reads, updates and deletes customers', async () => {
    const s = await serve();
    const created = await s.send('POST', '/customers', { name: 'Alice', metadata: { tier: 'gold' } });
    expect(created.status).toBe(201);
    const alice = await created.json();
    expect(alice.id).toMatch(NANOID);
    expect(await (await s.get(`/customers/${alice.id}`)).json()).toEqual(alice);
    const patched = await s.send('PATCH', `/customers/${alice.id}`, { name: 'Alice S', metadata: { set: { city: 'Paris' }, unset: ['tier'] }, tags: { add: ['t1'] } });
    expect(await patched.json()).toMatchObject({ name: 'Alice S', metadata: { city: 'Paris' }, tags: ['t1'] });
    expect((await s.send('DELETE', `/customers/${alice.id}`)).status).toBe(204);
    expect((await s.get(`/customers/${alice.id}`)).status).toBe(404);
  });

  it('rejects an invalid customer with pydantic issues', async () => {
    const s = await serve();
    const res = await s.send('POST', '/customers', { metadata: { age: 3 } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.detail.map((d: { loc: unknown[] }) => d.loc)).toEqual([
      ['body', 'name'],
      ['body', 'metadata', 'age'],
    ]);
  });
});

describe('sessions', () => {
  it('creates a guest session (201) shaped exactly like Parlant', async () => {
    const s = await serve();
    const res = await s.send('POST', '/sessions', { agent_id: DEFAULT_AGENT_ID });
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(Object.keys(session)).toEqual(['id', 'agent_id', 'customer_id', 'creation_utc', 'title', 'mode', 'consumption_offsets', 'metadata', 'labels']);
    expect(session).toMatchObject({ agent_id: DEFAULT_AGENT_ID, customer_id: 'guest', title: null, mode: 'auto', consumption_offsets: { client: 0 }, metadata: {}, labels: [] });
    expect(session.id).toMatch(NANOID);
    expect(session.creation_utc).toMatch(UTC);
    expect(await (await s.get(`/sessions/${session.id}`)).json()).toEqual(session);
    expect(s.emu.events(session.id)).toEqual([]);
  });

  it('keeps customer_id, title, metadata and labels; 404 for an unknown agent; 422 without agent_id', async () => {
    const s = await serve();
    const session = await (await s.send('POST', '/sessions', { agent_id: DEFAULT_AGENT_ID, customer_id: 'c1', title: 'T', metadata: { page: '/p' }, labels: ['web'] })).json();
    expect(session).toMatchObject({ customer_id: 'c1', title: 'T', metadata: { page: '/p' }, labels: ['web'] });
    const unknown = await s.send('POST', '/sessions', { agent_id: 'ghost' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: "Item 'ghost' not found" });
    const missing = await s.send('POST', '/sessions', {});
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'agent_id'], msg: 'Field required', input: {} }] });
    const badGreeting = await s.send('POST', '/sessions?allow_greeting=maybe', { agent_id: DEFAULT_AGENT_ID });
    expect(badGreeting.status).toBe(422);
  });

  it('patches title, mode, offsets, metadata and labels', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ metadata: { old: 1, keep: 2 }, labels: ['a', 'b'] });
    const res = await s.send('PATCH', `/sessions/${id}`, {
      title: 'Billing',
      mode: 'manual',
      consumption_offsets: { client: 42 },
      metadata: { set: { priority: 'low' }, unset: ['old', 'absent'] },
      labels: { upsert: ['vip'], remove: ['a'] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: 'Billing', mode: 'manual', consumption_offsets: { client: 42 }, metadata: { keep: 2, priority: 'low' }, labels: ['b', 'vip'] });
    expect((await s.send('PATCH', `/sessions/${id}`, { mode: 'sleepy' })).status).toBe(422);
    expect((await s.send('PATCH', '/sessions/nope', { title: 'x' })).status).toBe(404);
  });

  it('deletes a session (204) and then answers 404 with the session wording', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const del = await s.send('DELETE', `/sessions/${id}`);
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    const again = await s.get(`/sessions/${id}`);
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ detail: `Session not found (id='${id}')` });
    expect((await s.send('DELETE', `/sessions/${id}`)).status).toBe(404);
  });

  it('lists sessions with filters and pages', async () => {
    const s = await serve();
    s.emu.createSession({ customerId: 'c1' });
    s.emu.createSession({ customerId: 'c2' });
    s.emu.createSession({ customerId: 'c1' });
    expect(await (await s.get('/sessions?customer_id=c1')).json()).toHaveLength(2);
    const page = await (await s.get('/sessions?limit=2')).json();
    expect(page).toMatchObject({ total_count: 3, has_more: true, next_cursor: '2' });
    expect(page.items).toHaveLength(2);
  });
});

describe('routing and CORS', () => {
  it('answers unknown routes 404 Not Found and wrong methods 405', async () => {
    const s = await serve();
    const res = await s.get('/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ detail: 'Not Found' });
    const put = await s.send('PUT', '/agents');
    expect(put.status).toBe(405);
    expect(await put.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('redirects a trailing slash with 307', async () => {
    const s = await serve();
    const res = await s.get('/agents/', { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${s.url}/agents`);
  });

  it('answers any preflight 200 echoing origin, headers and caching 600 s', async () => {
    const s = await serve();
    const res = await s.get('/sessions/x/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-fern-language,x-fern-sdk-name,authorization',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-fern-language,x-fern-sdk-name,authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-max-age')).toBe('600');
  });

  it('puts the same CORS headers on successes and errors: any origin, no exposed headers, no Vary', async () => {
    const s = await serve();
    const headers = { Origin: 'http://localhost:5173' };
    for (const path of ['/agents', '/agents/nope', '/sessions/nope/events?wait_for_data=x']) {
      const res = await s.get(path, { headers });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-expose-headers')).toBeNull();
      expect(res.headers.get('vary')).toBeNull();
    }
  });

  it('echoes the origin, with Vary, only to a request carrying cookies; none to a same-origin request', async () => {
    const s = await serve();
    const withCookie = await s.get('/agents', { headers: { Origin: 'http://localhost:5173', Cookie: 'sid=1' } });
    expect(withCookie.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(withCookie.headers.get('vary')).toBe('Origin');
    const sameOrigin = await s.get('/agents');
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight for an unknown method 400, and routes an OPTIONS that is no preflight (405)', async () => {
    const s = await serve();
    const odd = await s.get('/sessions', { method: 'OPTIONS', headers: { Origin: 'http://a.test', 'Access-Control-Request-Method': 'PROPFIND' } });
    expect([odd.status, await odd.text()]).toEqual([400, 'Disallowed CORS method']);
    const plain = await s.get('/sessions', { method: 'OPTIONS', headers: { Origin: 'http://a.test' } });
    expect([plain.status, plain.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('ids and seeding', () => {
  it('is reproducible with seededRandom and fully controllable with idFactory', async () => {
    const { createParlantEmulator } = await import('../../src/testing/emulator');
    const { seededRandom } = await import('../../src/testing/ids');
    const a = createParlantEmulator({ random: seededRandom(7) });
    const b = createParlantEmulator({ random: seededRandom(7) });
    expect(a.createSession().id).toBe(b.createSession().id);
    let n = 0;
    const c = createParlantEmulator({ idFactory: (kind) => `${kind}-${(n += 1)}`, now: () => Date.UTC(2026, 5, 26, 10, 15, 30, 123) + 0.456 });
    const session = c.createSession();
    expect(session.id).toBe('session-1');
    const event = c.appendEvent(session.id, { source: 'customer', message: 'hi' });
    expect(event).toMatchObject({ id: 'event-3', trace_id: 'trace-2', correlation_id: 'trace-2' });
    // Same wall-clock reading for every call: timestamps still strictly increase by 1 µs.
    expect([session.creation_utc, event.creation_utc]).toEqual(['2026-06-26T10:15:30.123457Z', '2026-06-26T10:15:30.123458Z']);
    for (const emu of [a, b, c]) emu.close();
  });

  it('fills seeded events like the server would', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ customerId: 'vip', title: 'Seeded' });
    expect(s.emu.session(id)).toMatchObject({ customer_id: 'vip', title: 'Seeded' });
    const customer = s.emu.appendEvent(id, { message: 'hello' });
    expect(customer).toMatchObject({ kind: 'message', source: 'customer', data: { message: 'hello', participant: { id: 'vip', display_name: 'vip' }, flagged: false, tags: [] }, metadata: {}, deleted: false });
    const status = s.emu.appendEvent(id, { status: 'processing', statusData: { stage: 'Thinking' }, trace_id: customer.trace_id as string });
    expect(status).toMatchObject({ kind: 'status', source: 'ai_agent', offset: 1, data: { status: 'processing', data: { stage: 'Thinking' } }, trace_id: customer.trace_id });
    const custom = s.emu.appendEvent(id, { kind: 'custom', source: 'customer_ui', data: { nav: '/x' }, metadata: { a: 1 } });
    expect(custom).toMatchObject({ data: { nav: '/x' }, metadata: { a: 1 } });
    expect(s.emu.events(id).map((e) => e.offset)).toEqual([0, 1, 2]);
  });
});
