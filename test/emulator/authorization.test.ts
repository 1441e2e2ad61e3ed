import { describe, expect, it } from 'vitest';
import { createParlantEmulator } from '../../src/testing/emulator';

function production() {
  let now = Date.UTC(2026, 5, 26);
  const emu = createParlantEmulator({ authorization: 'production', now: () => now, timing: { stepMs: 0 } });
  const call = (method: string, path: string, body?: unknown, ip = '198.51.100.1') =>
    emu.fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { emu, call, later: (ms: number) => void (now += ms) };
}

describe('the production authorization policy', () => {
  it('lets a guest read the agent (without its description), open a session, read it, list and post customer messages', async () => {
    const { emu, call } = production();
    const agent = await call('GET', `/agents/${emu.defaultAgentId}`);
    expect(agent.status).toBe(200);
    expect((await agent.json()).description).toBeNull();
    const session = await call('POST', '/sessions', { agent_id: emu.defaultAgentId });
    expect(session.status).toBe(201);
    const { id } = await session.json();
    expect((await call('GET', `/sessions/${id}`)).status).toBe(200);
    expect((await call('POST', `/sessions/${id}/events`, { kind: 'message', source: 'customer', message: 'hi' })).status).toBe(201);
    expect((await call('GET', `/sessions/${id}/events?wait_for_data=0`)).status).toBe(200);
    emu.close();
  });

  it('answers 403 with the operation for everything else, after validating the input', async () => {
    const { emu, call } = production();
    const { id } = await (await call('POST', '/sessions', { agent_id: emu.defaultAgentId })).json();
    const forbidden = async (method: string, path: string, body?: unknown) => {
      const res = await call(method, path, body);
      expect(res.status).toBe(403);
      return ((await res.json()) as { detail: string }).detail.replace(/, HEADERS=.*/s, '');
    };
    expect(await forbidden('GET', '/agents')).toBe('Authorization failed: OPERATION=list_agents');
    expect(await forbidden('POST', '/sessions', { agent_id: emu.defaultAgentId, customer_id: 'c1' })).toBe('Authorization failed: OPERATION=create_customer_session');
    expect(await forbidden('POST', `/sessions/${id}/events`, { kind: 'message', source: 'customer', message: 'x', participant: { display_name: 'Me' } })).toBe(
      'Authorization failed: OPERATION=override_customer_participant',
    );
    expect(await forbidden('POST', `/sessions/${id}/events`, { kind: 'custom', source: 'customer_ui', data: { a: 1 } })).toBe('Authorization failed: OPERATION=create_custom_event');
    expect(await forbidden('PATCH', `/sessions/${id}`, { consumption_offsets: { client: 1 } })).toBe('Authorization failed: OPERATION=update_session');
    expect(await forbidden('GET', `/sessions/${id}/events/abc`)).toBe('Authorization failed: OPERATION=read_event');
    const detail = ((await (await call('GET', '/agents')).json()) as { detail: string }).detail;
    expect(detail).toMatch(/HEADERS=Headers\(\{.*'x-forwarded-for': '198\.51\.100\.1'.*\}\)$/);
    expect((await call('POST', '/agents', { name: '' })).status).toBe(422);
    emu.close();
  });

  it('rate-limits per client address over a moving minute: the eleventh guest session gets 429', async () => {
    const { emu, call, later } = production();
    const create = (ip?: string) => call('POST', '/sessions', { agent_id: emu.defaultAgentId }, ip);
    for (let i = 0; i < 10; i += 1) expect((await create()).status).toBe(201);
    const limited = await create();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/^Rate limit exceeded: OPERATION=create_guest_session, HEADERS=/);
    expect((await create('203.0.113.9')).status).toBe(201);
    later(59_000);
    expect((await create()).status).toBe(429);
    later(2_000);
    expect((await create()).status).toBe(201);
    emu.close();
  });
});
