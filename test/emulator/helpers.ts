/**
 * Shared helpers of the emulator tests: a real HTTP server per test, small JSON request
 * helpers, and a long-poll collector that behaves like a client.
 */
import { afterEach, expect } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing/emulator';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';
import type { EmulatorOptions } from '../../src/testing/types';

/** Timings that keep a whole scripted turn within a few tens of milliseconds. */
export const FAST = { stepMs: 1, chunkMs: 1, slowMs: 40, handoffMs: 40 };

export interface TestServer extends EmulatorServer {
  emu: ParlantEmulator;
  get(path: string, init?: RequestInit): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Registers cleanup and returns a starter of real HTTP emulator servers. */
export function serverFactory(): (options?: EmulatorOptions) => Promise<TestServer> {
  const open: EmulatorServer[] = [];
  afterEach(async () => {
    for (const server of open.splice(0)) {
      server.emulator.close();
      await server.close();
    }
  });
  return async (options = {}) => {
    const emu = createParlantEmulator({ timing: FAST, ...options });
    const server = await startEmulatorServer({ emulator: emu, port: 0 });
    open.push(server);
    return {
      ...server,
      emu,
      get: (path, init) => fetch(`${server.url}${path}`, init),
      send: (method, path, body, headers = {}) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
    };
  };
}

/** A compact signature of an event, for asserting order: `status:typing`, `message:ai_agent`, `tool`. */
export function sig(e: ParlantEvent): string {
  const data = e.data as { status?: string } | null;
  if (e.kind === 'status') return `status:${data?.status ?? '?'}`;
  if (e.kind === 'message') return `message:${e.source}`;
  return e.kind;
}

/** Long-polls like a client (cursor = last offset + 1) until `until(events)` holds. */
export async function collect(
  baseUrl: string,
  sessionId: string,
  until: (events: ParlantEvent[]) => boolean,
  { from = 0, wait = 1, timeoutMs = 5000 } = {},
): Promise<ParlantEvent[]> {
  const events: ParlantEvent[] = [];
  let next = from;
  const deadline = Date.now() + timeoutMs;
  while (!until(events)) {
    if (Date.now() > deadline) throw new Error(`collect timed out with ${events.map(sig).join(', ')}`);
    const res = await fetch(`${baseUrl}/sessions/${sessionId}/events?min_offset=${next}&wait_for_data=${wait}`);
    if (res.status === 504) continue;
    expect(res.status).toBe(200);
    const list = (await res.json()) as ParlantEvent[];
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) {
      events.push(e);
      next = Math.max(next, e.offset + 1);
    }
  }
  return events;
}

/** True once the turn of `traceId` has ended (completed ready or error). */
export function turnDone(traceId: string) {
  return (events: ParlantEvent[]) =>
    events.some((e) => e.trace_id === traceId && e.kind === 'status' && JSON.stringify(e.data).includes('"stage":"completed"'));
}
