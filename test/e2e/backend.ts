/**
 * The Parlant server an end-to-end run talks to, behind one small interface: the emulator
 * (started per test, with its fault injection and seeding) or a real Parlant server reached over
 * HTTP (`PARLANT_E2E_SERVER` and `PARLANT_E2E_AGENT`, set by `npm run test:real`). Everything a
 * shared scenario does to the server goes through plain HTTP, so it means the same on both.
 */
import type { ParlantEvent, Session } from '../../src/core/types';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { startEmulatorServer, type EmulatorServer } from '../../src/testing/node';

/** A server for one test. @example await backend.operatorSays(sessionId, 'Dana here', 'Dana'); */
export interface Backend {
  readonly kind: 'emulator' | 'real';
  /** Base URL the widget is given. */
  readonly url: string;
  /** The agent the widget talks to. */
  readonly agentId: string;
  /** The emulator behind the URL (emulator runs only). */
  readonly emulator: ParlantEmulator | null;
  createSession(): Promise<Session>;
  /** A human operator's message: as themselves, or on behalf of the AI agent. */
  operatorSays(sessionId: string, text: string, options?: { displayName?: string; onBehalf?: boolean }): Promise<ParlantEvent>;
  setMode(sessionId: string, mode: 'auto' | 'manual'): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
  events(sessionId: string): Promise<ParlantEvent[]>;
  close(): Promise<void>;
}

async function call<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

function overHttp(kind: Backend['kind'], url: string, agentId: string, emulator: ParlantEmulator | null, close: () => Promise<void>): Backend {
  return {
    kind,
    url,
    agentId,
    emulator,
    createSession: () => call<Session>(url, 'POST', '/sessions', { agent_id: agentId }),
    operatorSays: (sessionId, text, options = {}) =>
      call<ParlantEvent>(url, 'POST', `/sessions/${sessionId}/events`, options.onBehalf
        ? { kind: 'message', source: 'human_agent_on_behalf_of_ai_agent', message: text }
        : { kind: 'message', source: 'human_agent', message: text, participant: { display_name: options.displayName ?? 'Dana' } }),
    setMode: async (sessionId, mode) => void (await call(url, 'PATCH', `/sessions/${sessionId}`, { mode })),
    deleteSession: async (sessionId) => void (await call(url, 'DELETE', `/sessions/${sessionId}`)),
    events: (sessionId) => call<ParlantEvent[]>(url, 'GET', `/sessions/${sessionId}/events?min_offset=0&wait_for_data=0`),
    close,
  };
}

/** The real server named by the environment, or null for an emulator run. @example const real = realServerFromEnv(); */
export function realServerFromEnv(): { url: string; agentId: string } | null {
  const url = process.env.PARLANT_E2E_SERVER;
  const agentId = process.env.PARLANT_E2E_AGENT;
  return url && agentId ? { url: url.replace(/\/+$/, ''), agentId } : null;
}

/**
 * A fresh emulator on a free port. Its agent is timed like a quick Parlant (preamble and
 * processing after 150 ms each) so turns take a fraction of a second.
 * @example const backend = await emulatorBackend();
 */
export async function emulatorBackend(): Promise<Backend> {
  const emu = createParlantEmulator({ timing: { stepMs: 20, handoffMs: 100, preambleMs: 150, processingMs: 150 } });
  const server: EmulatorServer = await startEmulatorServer({ emulator: emu, port: 0 });
  return overHttp('emulator', server.url, emu.defaultAgentId, emu, async () => {
    await server.close();
    emu.close();
  });
}

/** The real server (left running: it belongs to whoever started it). @example const backend = realBackend(real); */
export function realBackend(real: { url: string; agentId: string }): Backend {
  return overHttp('real', real.url, real.agentId, null, async () => {});
}
