import { describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { createParlantEmulator } from '../../src/testing/emulator';
import { compileMatcher } from '../../src/testing/faults';
import { FAST, serverFactory } from './helpers';

const serve = serverFactory();
const POLL = 'GET /sessions/:id/events';

describe('route matchers', () => {
  it('match methods, :params, trailing * and predicates', () => {
    expect(compileMatcher(POLL)('GET', '/sessions/abc/events')).toBe(true);
    expect(compileMatcher(POLL)('POST', '/sessions/abc/events')).toBe(false);
    expect(compileMatcher(POLL)('GET', '/sessions/abc/events/e1')).toBe(false);
    expect(compileMatcher('/sessions/*')('DELETE', '/sessions/abc/events/e1')).toBe(true);
    expect(compileMatcher('* /agents')('PUT', '/agents')).toBe(true);
    expect(compileMatcher('*')('OPTIONS', '/x')).toBe(true);
    expect(compileMatcher(({ path }) => path.endsWith('/events'))('GET', '/sessions/a/events')).toBe(true);
  });
});

describe('faults over real HTTP', () => {
  it('fail: N times with the given status, then back to normal', async () => {
    const s = await serve();
    s.emu.faults.fail('GET /agents', { status: 503, count: 2 });
    expect((await s.get('/agents')).status).toBe(503);
    const second = await s.get('/agents', { headers: { Origin: 'http://a.test' } });
    expect(second.status).toBe(503);
    expect(await second.text()).toBe('');
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    expect((await s.get('/agents')).status).toBe(200);
    expect(s.emu.requests.map((r) => r.outcome)).toEqual(['fault', 'fault', 'ok']);
  });

  it('fail: 429 with Retry-After, 502 HTML, non-JSON 504, empty 500 without CORS', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.faults.fail(POLL, { status: 429, headers: { 'Retry-After': '7' } });
    s.emu.faults.fail(POLL, { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    s.emu.faults.fail(POLL, { status: 504, body: 'upstream timed out' });
    s.emu.faults.fail(POLL, { status: 500, body: null, cors: false });
    const path = `/sessions/${id}/events?wait_for_data=0`;
    const headers = { Origin: 'http://a.test' };
    const r429 = await s.get(path, { headers });
    expect(r429.status).toBe(429);
    expect(r429.headers.get('retry-after')).toBe('7');
    expect((await r429.json()).detail).toMatch(/^Rate limit exceeded/);
    const r502 = await s.get(path, { headers });
    expect([r502.status, r502.headers.get('content-type'), await r502.text()]).toEqual([502, 'text/html', '<html>Bad Gateway</html>']);
    const r504 = await s.get(path, { headers });
    expect([r504.status, await r504.text()]).toEqual([504, 'upstream timed out']);
    const r500 = await s.get(path, { headers });
    expect([r500.status, await r500.text(), r500.headers.get('access-control-allow-origin')]).toEqual([500, '', null]);
    expect((await s.get(path)).status).toBe(200);
  });

  it('fail with process: the request takes effect but the answer is an error', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    s.emu.faults.fail('POST /sessions/:id/events', { status: 502, process: true });
    const res = await s.send('POST', `/sessions/${id}/events`, { kind: 'message', source: 'customer', message: 'did it land?' });
    expect(res.status).toBe(502);
    expect(s.emu.events(id).map((e) => (e.data as { message: string }).message)).toEqual(['did it land?']);
  });

  it('drop: fetch rejects with a TypeError (socket destroyed), then recovers', async () => {
    const s = await serve();
    s.emu.faults.drop('GET /agents');
    await expect(s.get('/agents')).rejects.toThrow(TypeError);
    expect((await s.get('/agents')).status).toBe(200);
    expect(s.emu.requests[0]).toMatchObject({ outcome: 'dropped', status: 0 });
  });

  it('drop with process: the message is stored even though the client saw a network error', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    s.emu.faults.drop('POST /sessions/:id/events', { process: true });
    await expect(s.send('POST', `/sessions/${id}/events`, { kind: 'message', source: 'customer', message: 'x' })).rejects.toThrow(TypeError);
    expect(s.emu.events(id)).toHaveLength(1);
  });

  it('latency delays matching requests until removed', async () => {
    const s = await serve();
    const slow = s.emu.faults.latency('GET /agents', 150);
    let started = Date.now();
    await s.get('/agents');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    slow.remove();
    started = Date.now();
    await s.get('/agents');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('capWait: a long-poll is cut like a proxy would, with an HTML 504', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.faults.capWait(0.2);
    const started = Date.now();
    const res = await s.get(`/sessions/${id}/events?wait_for_data=30`);
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('504 Gateway Time-out');
    expect(Date.now() - started).toBeLessThan(1000);
    s.emu.faults.clear();
    const poll = s.get(`/sessions/${id}/events?wait_for_data=5`);
    setTimeout(() => s.emu.appendEvent(id, { source: 'customer', message: 'late' }), 300);
    expect((await poll).status).toBe(200);
  });

  it('malformed: 200 with a broken JSON body', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.appendEvent(id, { source: 'customer', message: 'x' });
    s.emu.faults.malformed(POLL);
    s.emu.faults.malformed(POLL, { body: '[{"id":' });
    const first = await s.get(`/sessions/${id}/events?wait_for_data=0`);
    expect(first.status).toBe(200);
    await expect(first.json()).rejects.toThrow(SyntaxError);
    expect(await (await s.get(`/sessions/${id}/events?wait_for_data=0`)).text()).toBe('[{"id":');
    expect(await (await s.get(`/sessions/${id}/events?wait_for_data=0`)).json()).toHaveLength(1);
    s.emu.faults.malformed(POLL);
    const masked = await s.get('/sessions/ghost/events?wait_for_data=0');
    expect([masked.status, await masked.text()]).toEqual([200, '{"detail":"Session no']);
  });

  it('duplicate and reorder reshape event lists', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    for (const m of ['a', 'b', 'c']) s.emu.appendEvent(id, { source: 'customer', message: m });
    const offsets = async () => ((await (await s.get(`/sessions/${id}/events?wait_for_data=0`)).json()) as ParlantEvent[]).map((e) => e.offset);
    const dup = s.emu.faults.duplicate(POLL);
    expect(await offsets()).toEqual([0, 0, 1, 1, 2, 2]);
    dup.remove();
    s.emu.faults.reorder(POLL, { count: 1 });
    expect(await offsets()).toEqual([2, 1, 0]);
    expect(await offsets()).toEqual([0, 1, 2]);
  });

  it('faults do not touch preflights, and countRequests counts by route', async () => {
    const s = await serve();
    s.emu.faults.fail('*', { status: 503, count: Infinity });
    const pre = await s.get('/agents', { method: 'OPTIONS', headers: { Origin: 'http://a.test', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(200);
    expect((await s.get('/agents')).status).toBe(503);
    expect(s.emu.countRequests('GET /agents')).toBe(1);
    expect(s.emu.countRequests('OPTIONS *')).toBe(1);
    expect(s.emu.countRequests()).toBe(2);
    s.emu.clearRequests();
    expect(s.emu.requests).toHaveLength(0);
  });
});

describe('faults through emu.fetch (no network)', () => {
  it('drop rejects with TypeError("Failed to fetch") and fail answers as configured', async () => {
    const emu = createParlantEmulator({ timing: FAST });
    emu.faults.drop('*');
    await expect(emu.fetch('/agents')).rejects.toThrow(new TypeError('Failed to fetch'));
    emu.faults.fail('GET /agents/:id', { status: 404, body: { detail: 'nope' } });
    const res = await emu.fetch(`${emu.baseUrl}/agents/x`);
    expect([res.status, await res.json()]).toEqual([404, { detail: 'nope' }]);
    emu.close();
  });
});
