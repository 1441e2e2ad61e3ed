import { describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import type { ParlantError } from '../../src/core/errors';
import { createChatSession } from '../../src/core/session';
import { createParlantEmulator, type EmulatorOptions } from '../../src/testing';
import { createVirtualClock } from '../support/virtual-clock';

const PATCH = 'PATCH /sessions/:id';

function conversation(options: EmulatorOptions = {}) {
  const clock = createVirtualClock();
  const emu = createParlantEmulator({ timers: clock, now: clock.now, ...options });
  const client = createParlantClient({ server: emu.baseUrl, fetch: emu.fetch, clock });
  const session = emu.createSession();
  const errors: ParlantError[] = [];
  const chat = createChatSession({ client, agentId: emu.defaultAgentId, sessionId: session.id, clock, environment: null, onError: (e) => errors.push(e) });
  const read = () => emu.session(session.id)?.consumption_offsets.client;
  return { clock, emu, chat, read, errors };
}

describe('the read position on the server (consumption_offsets.client)', () => {
  it('writes the highest position asked for, one request at a time, never going back', async () => {
    const { clock, emu, chat, read } = conversation();
    emu.faults.latency(PATCH, 1_000, { count: 1 });
    chat.markRead(3);
    chat.markRead(5);
    chat.markRead(7);
    chat.markRead(4);
    await clock.advance(10);
    expect(emu.countRequests(PATCH)).toBe(1);
    await clock.advance(2_000);
    expect(read()).toBe(7);
    // 3, then the highest of what came meanwhile; 4 came after 7 and is older news.
    expect(emu.countRequests(PATCH)).toBe(2);
    chat.markRead(7);
    await clock.advance(100);
    expect(emu.countRequests(PATCH)).toBe(2);
  });

  it('asks once under the production policy (guests may not update sessions) and never again', async () => {
    const { clock, emu, chat, read, errors } = conversation({ authorization: 'production' });
    chat.markRead(2);
    await clock.advance(100);
    chat.markRead(4);
    chat.markRead(9);
    await clock.advance(100);
    expect(emu.countRequests(PATCH)).toBe(1);
    expect(errors.map((e) => e.status)).toEqual([403]);
    expect(read()).toBe(0);
  });

  it('drops a failed write and tries again with the next position', async () => {
    const { clock, emu, chat, read } = conversation();
    emu.faults.fail(PATCH, { status: 503, count: 1 });
    chat.markRead(2);
    await clock.advance(100);
    expect(read()).toBe(0);
    chat.markRead(3);
    await clock.advance(100);
    expect(read()).toBe(3);
    expect(emu.countRequests(PATCH)).toBe(2);
  });
});
