import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import type { EventPoller } from '../../src/core/poller';
import { createSharedEventPoller } from '../../src/core/tabs';
import { createTimelineStore } from '../../src/core/timeline';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';

/** Web Locks as browsers grant them: one holder per name, the rest wait in line (or not, with ifAvailable). */
function createLocks() {
  const held = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  const release = (name: string) => {
    const next = waiting.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };
  return {
    async request(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void>) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        await new Promise<void>((resolve, reject) => {
          waiting.set(name, [...(waiting.get(name) ?? []), resolve]);
          options.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        });
      }
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        release(name);
      }
    },
  };
}

const SERVER = 'http://parlant.test';
let emu: ParlantEmulator;
const pollers: EventPoller[] = [];
const channels: BroadcastChannel[] = [];

beforeEach(() => {
  vi.stubGlobal('navigator', { locks: createLocks() });
  emu = createParlantEmulator();
});
afterEach(() => {
  for (const poller of pollers.splice(0)) poller.stop();
  for (const channel of channels.splice(0)) channel.close();
  vi.unstubAllGlobals();
});

function tab(sessionId: string) {
  const store = createTimelineStore(sessionId);
  const client = createParlantClient({ server: SERVER, fetch: emu.fetch });
  const poller = createSharedEventPoller({ client, store, sessionId, waitForData: 2 });
  pollers.push(poller);
  poller.start();
  return store;
}

/** Listens (and can speak) on the channel the tabs of a session share. */
function listen(sessionId: string) {
  const channel = new BroadcastChannel(`parlant-chatbox:${SERVER}|${sessionId}`);
  channels.push(channel);
  const heard: Array<{ type: string; events?: unknown[]; nextOffset?: number }> = [];
  channel.onmessage = (event: MessageEvent) => heard.push(event.data);
  return { channel, heard };
}

const say = (sessionId: string, n: number) => {
  for (let i = 0; i < n; i += 1) emu.appendEvent(sessionId, { source: 'ai_agent', message: `line ${i}` });
};
const offsets = (store: ReturnType<typeof createTimelineStore>) => store.getState().events.map((e) => e.offset);

describe('tab sharing', () => {
  it('tells the other tabs where a large batch ends instead of copying it; they fetch it themselves', async () => {
    const session = emu.createSession();
    say(session.id, 1);
    const { heard } = listen(session.id);
    const leader = tab(session.id);
    await vi.waitFor(() => expect(leader.getState().historyLoaded).toBe(true));
    const follower = tab(session.id);
    await vi.waitFor(() => expect(follower.getState().events).toHaveLength(1));

    say(session.id, 300);
    await vi.waitFor(() => expect(follower.getState().events).toHaveLength(301), { timeout: 5000 });
    expect(offsets(follower)).toEqual(offsets(leader));
    expect(heard.some((m) => m.type === 'cursor' && m.nextOffset === 301)).toBe(true);
    expect(heard.filter((m) => m.type === 'events').every((m) => (m.events?.length ?? 0) <= 200)).toBe(true);
  });

  it('fetches what it missed when a batch starts past its end, instead of merging around the gap', async () => {
    const session = emu.createSession();
    say(session.id, 1);
    const { channel } = listen(session.id);
    // Another tab holds the lock and never polls: this one only listens.
    void navigator.locks.request(`parlant-chatbox:${SERVER}|${session.id}`, {}, () => new Promise<void>(() => undefined));
    const follower = tab(session.id);
    await vi.waitFor(() => expect(follower.getState().events).toHaveLength(1));

    say(session.id, 5);
    channel.postMessage({ type: 'events', events: [emu.events(session.id).at(-1)], cursor: true });
    await vi.waitFor(() => expect(offsets(follower)).toEqual([0, 1, 2, 3, 4, 5]));

    say(session.id, 2);
    channel.postMessage({ type: 'cursor', nextOffset: 8 });
    await vi.waitFor(() => expect(offsets(follower)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]));
  });

  it('lets "Retry now" in a listening tab restart the polling tab after it stopped on a refusal', async () => {
    const session = emu.createSession();
    const leader = tab(session.id);
    await vi.waitFor(() => expect(leader.getState().connection.state).toBe('live'));
    const follower = tab(session.id);
    await vi.waitFor(() => expect(follower.getState().historyLoaded).toBe(true));
    emu.faults.fail('GET /sessions/:id/events', { status: 401, count: 1 });
    await vi.waitFor(() => expect(follower.getState().connection.state).toBe('unauthorized'), { timeout: 5000 });
    expect(leader.getState().connection.state).toBe('unauthorized');
    pollers[1]?.reconnect();
    await vi.waitFor(() => expect(leader.getState().connection.state).toBe('live'));
    await vi.waitFor(() => expect(follower.getState().connection.state).toBe('live'));
    say(session.id, 1);
    await vi.waitFor(() => expect(follower.getState().events).toHaveLength(1), { timeout: 5000 });
  });

  it('tells listening tabs when the polling tab tries again, so they can count down too', async () => {
    const session = emu.createSession();
    const leader = tab(session.id);
    await vi.waitFor(() => expect(leader.getState().connection.state).toBe('live'));
    const follower = tab(session.id);
    await vi.waitFor(() => expect(follower.getState().historyLoaded).toBe(true));
    emu.faults.fail('GET /sessions/:id/events', { status: 503, count: 3 });
    await vi.waitFor(() => expect(follower.getState().connection.state).toBe('reconnecting'), { timeout: 5000 });
    const { retryAt } = follower.getState().connection;
    expect(retryAt).toBeGreaterThan(performance.now());
    expect(Math.abs((retryAt as number) - (leader.getState().connection.retryAt as number))).toBeLessThan(250);
  });

  it('aborts its catch-up request when stopped', async () => {
    const session = emu.createSession();
    void navigator.locks.request(`parlant-chatbox:${SERVER}|${session.id}`, {}, () => new Promise<void>(() => undefined));
    emu.faults.latency('GET /sessions/:id/events', 60_000);
    tab(session.id);
    await vi.waitFor(() => expect(emu.requests.filter((r) => r.outcome === 'pending')).toHaveLength(1));
    pollers[0]?.stop();
    await vi.waitFor(() => expect(emu.requests.at(-1)?.outcome).toBe('aborted'));
  });
});
