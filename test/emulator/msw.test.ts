import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { createParlantEmulator } from '../../src/testing/index';
import { createEmulatorHandlers } from '../../src/testing/msw';
import { FAST, sig } from './helpers';

const emu = createParlantEmulator({ timing: FAST });
const mounted = createParlantEmulator({ timing: FAST });
const server = setupServer(
  ...createEmulatorHandlers(emu, { baseUrl: 'http://parlant.test' }),
  ...createEmulatorHandlers(mounted, { baseUrl: 'http://app.test/api/parlant/' }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emu.faults.clear());
afterAll(() => {
  server.close();
  emu.close();
  mounted.close();
});

describe('MSW handlers', () => {
  it('serve the emulator to global fetch, long-poll included', async () => {
    const session = await (await fetch('http://parlant.test/sessions', { method: 'POST', body: JSON.stringify({ agent_id: emu.defaultAgentId }) })).json();
    const posted = await fetch(`http://parlant.test/sessions/${session.id}/events`, { method: 'POST', body: JSON.stringify({ kind: 'message', source: 'customer', message: 'hi' }) });
    expect(posted.status).toBe(201);
    await emu.whenIdle(session.id);
    const list = (await (await fetch(`http://parlant.test/sessions/${session.id}/events?min_offset=1&wait_for_data=5`)).json()) as ParlantEvent[];
    expect(list.map(sig)).toEqual(['status:acknowledged', 'status:ready', 'status:processing', 'status:typing', 'message:ai_agent', 'status:ready']);
  });

  it('turn a dropped connection into a fetch TypeError and serve configured failures', async () => {
    emu.faults.drop('GET /agents');
    await expect(fetch('http://parlant.test/agents')).rejects.toThrow(TypeError);
    emu.faults.fail('GET /agents', { status: 429, headers: { 'Retry-After': '3' } });
    const res = await fetch('http://parlant.test/agents');
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '3']);
  });

  it('strip a base path', async () => {
    const res = await fetch('http://app.test/api/parlant/agents');
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(1);
    expect(mounted.requests.at(-1)?.path).toBe('/agents');
    expect((await fetch('http://app.test/api/parlant/nope')).status).toBe(404);
  });
});
