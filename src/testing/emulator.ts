/**
 * `createParlantEmulator()`: an in-memory Parlant server with a scripted agent, exposed as a
 * Fetch handler (`emu.handle`), a `fetch` (`emu.fetch`), and seeding/inspection helpers.
 */
import type { Agent, Customer, Json, ParlantEvent, Session } from '../core/types';
import { Authorizer } from './authorization';
import type { EmulatorInternals } from './context';
import { moderate } from './event-create';
import { compileMatcher, FaultInjector, type RouteMatcher } from './faults';
import { createIdSource } from './ids';
import { createPipeline } from './pipeline';
import { TurnRunner } from './runner';
import type { ScriptSpec } from './scripts';
import { resolveScript } from './scripts-builtin';
import { eventFromSeed, type AgentSayOptions } from './seed';
import { EmulatorStore, GUEST_ID } from './state';
import { createTimers } from './timers';
import type { CustomerInit, EmulatorAgentInit, EmulatorOptions, EventSeed, HandleOptions, RequestLogEntry, SessionSeed } from './types';
import { abortError } from './wait';

/** Id of the agent an emulator serves when no `agents` option is given. @example <ParlantChatbox agentId={DEFAULT_AGENT_ID} /> */
export const DEFAULT_AGENT_ID = 'demo-agent';

/**
 * A running emulator.
 * @example
 * const emu = createParlantEmulator({ timing: { stepMs: 0 } });
 * const res = await emu.fetch('/agents');
 */
export interface ParlantEmulator {
  /** Origin `emu.fetch` resolves relative URLs against. */
  readonly baseUrl: string;
  readonly defaultAgentId: string;
  readonly faults: FaultInjector;
  /** Every request handled so far (live array; entries complete when the response is ready). */
  readonly requests: readonly RequestLogEntry[];
  readonly closed: boolean;
  /** The whole server as a Fetch handler. Rejects with a TypeError for dropped connections. */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
  /** A `fetch` that talks to this emulator without any network. */
  fetch: typeof fetch;
  /** Number of logged requests matching a route (all requests when omitted). */
  countRequests(route?: RouteMatcher): number;
  clearRequests(): void;
  agents(): Agent[];
  addAgent(init: EmulatorAgentInit): Agent;
  addCustomer(init: CustomerInit): Customer;
  createSession(seed?: SessionSeed): Session;
  session(id: string): Session | undefined;
  /** Appends an event as is (no agent turn); offsets, ids, trace ids are filled in. */
  appendEvent(sessionId: string, seed: EventSeed): ParlantEvent;
  /** Snapshot of a session's events in offset order. */
  events(sessionId: string, options?: { includeDeleted?: boolean }): ParlantEvent[];
  deleteSession(id: string): boolean;
  setMode(sessionId: string, mode: 'auto' | 'manual'): void;
  /** Overrides the script for one session, one agent, or (no target) every agent. */
  setScript(script: ScriptSpec, target?: { agentId?: string; sessionId?: string }): void;
  /** Posts a customer message as if over HTTP, starting the agent's turn in auto mode. */
  customerSay(sessionId: string, text: string): ParlantEvent;
  /** Injects a message from the AI agent (default) or a human, with no status events. */
  agentSay(sessionId: string, text: string, options?: AgentSayOptions): ParlantEvent;
  /** Resolves when no scripted activity runs for the session (or for any session). */
  whenIdle(sessionId?: string): Promise<void>;
  /** Cancels every turn and timer; pending long-polls answer 503, later requests too. */
  close(): void;
}

/**
 * Creates an emulator: an in-memory Parlant 3.3 server whose wire answers (status codes, error
 * bodies, CORS, long-polls, SSE, the status events of a turn) are checked against the real
 * server in CI (what is verified and what is not: `src/testing/README.md` in the repository).
 * Unless an agent has a `script`, each customer message picks the agent's behaviour by keyword
 * (see `chooseScript`): a plain message is echoed; "balance"/"order"/"tool" → tool calls;
 * "human"/"handoff"/"representative"/"operator" → handoff to "Dana (support)"; "error"/"fail"/
 * "crash"/"broken" → failed turn; "silent"/"quiet"/"ignore me" → no reply; "slow"/"slowly"/
 * "take your time" → long pauses; "stream"/"streaming" → streamed reply; "multi"/"several"/
 * "steps"/"explain" → three messages; "canned"/"guideline(s)"/"journey(s)"/"inspect" → a reply
 * built from a canned response, with the guideline and journey that matched ("help" lists the
 * keywords). Those scripted behaviours are
 * the emulator's model of an agent with tools and guidelines: not verified against the real
 * server. Faults: see `FaultInjector`.
 * @example
 * const emu = createParlantEmulator({ timing: { stepMs: 10 } });
 * const session = emu.createSession();
 * emu.customerSay(session.id, 'What is my balance?');
 * await emu.whenIdle(session.id);
 * emu.events(session.id).map((e) => e.kind); // ['message', 'status', 'status', 'status', 'tool', ...]
 */
export function createParlantEmulator(options: EmulatorOptions = {}): ParlantEmulator {
  const ids = createIdSource(options);
  const stepMs = options.timing?.stepMs ?? 250;
  const timing = {
    stepMs,
    chunkMs: options.timing?.chunkMs ?? Math.round(stepMs / 3),
    slowMs: options.timing?.slowMs ?? 2000,
    handoffMs: options.timing?.handoffMs ?? 3000,
    preambleMs: options.timing?.preambleMs ?? stepMs,
    processingMs: options.timing?.processingMs ?? stepMs,
  };
  const store = new EmulatorStore(ids);
  const timers = createTimers(options.timers);
  const faults = new FaultInjector();
  const overrides = new Map<string, ScriptSpec>();
  const runner = new TurnRunner({
    store,
    timers,
    ids,
    timing,
    scriptFor: (session) =>
      resolveScript(
        overrides.get(`session:${session.id}`) ??
          overrides.get(`agent:${session.agent_id}`) ??
          overrides.get('*') ??
          store.agents.get(session.agent_id)?.script,
      ),
  });
  const authorizer = new Authorizer(options.authorization ?? 'development', options.now ?? (() => performance.timeOrigin + performance.now()));
  const internals: EmulatorInternals = { store, runner, faults, timers, ids, timing, authorizer, moderation: options.moderation ?? 'none' };
  const requests: RequestLogEntry[] = [];
  const baseUrl = (options.baseUrl ?? 'http://parlant.emulator').replace(/\/+$/, '');
  const handle = createPipeline(internals, requests, () => new URL(baseUrl).pathname);

  const agentInits = options.agents ?? [{ id: DEFAULT_AGENT_ID, name: 'Haxon', description: 'Emulated support assistant' }];
  for (const init of agentInits) store.addAgent(init);
  for (const init of options.customers ?? []) store.addCustomer(init);
  const defaultAgentId = store.agents.keys().next().value ?? DEFAULT_AGENT_ID;

  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const target = typeof input === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(input) ? `${baseUrl}${input.startsWith('/') ? '' : '/'}${input}` : input;
    const request = new Request(target, init);
    if (request.signal.aborted) return Promise.reject(abortError(request.signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError(request.signal));
      request.signal.addEventListener('abort', onAbort, { once: true });
      handle(request)
        .then(resolve, reject)
        .finally(() => request.signal.removeEventListener('abort', onAbort));
    });
  };

  const emu: ParlantEmulator = {
    baseUrl,
    defaultAgentId,
    faults,
    requests,
    get closed() {
      return store.closed;
    },
    handle,
    fetch: fetchImpl as typeof fetch,
    countRequests(route = '*') {
      const matches = compileMatcher(route);
      return requests.filter((r) => matches(r.method, r.path)).length;
    },
    clearRequests: () => void requests.splice(0),
    agents: () => [...store.agents.values()].map((r) => structuredClone(r.agent)),
    addAgent: (init) => structuredClone(store.addAgent(init)),
    addCustomer: (init) => structuredClone(store.addCustomer(init)),
    createSession(seed = {}) {
      const customerId = seed.customerId ?? GUEST_ID;
      if (!store.customer(customerId)) store.addCustomer({ id: customerId, name: customerId });
      return structuredClone(
        store.createSession({
          ...(seed.id ? { id: seed.id } : {}),
          agent_id: seed.agentId ?? defaultAgentId,
          customer_id: customerId,
          title: seed.title ?? null,
          mode: seed.mode ?? 'auto',
          consumption_offsets: { client: 0 },
          metadata: seed.metadata ?? {},
          labels: seed.labels ?? [],
        }),
      );
    },
    session: (id) => {
      const rec = store.sessions.get(id);
      return rec ? structuredClone(rec.session) : undefined;
    },
    appendEvent: (sessionId, seed) => structuredClone(store.append(sessionId, eventFromSeed(store, ids, sessionId, seed))),
    events: (sessionId, opts = {}) => structuredClone(store.findEvents(sessionId, { includeDeleted: opts.includeDeleted ?? false })),
    deleteSession(id) {
      runner.stopSession(id);
      return store.deleteSession(id);
    },
    setMode(sessionId, mode) {
      store.record(sessionId).session.mode = mode;
    },
    setScript(script, target = {}) {
      overrides.set(target.sessionId ? `session:${target.sessionId}` : target.agentId ? `agent:${target.agentId}` : '*', script);
    },
    customerSay(sessionId, text) {
      const traceId = ids.trace();
      const seed = eventFromSeed(store, ids, sessionId, { source: 'customer', message: text, trace_id: traceId });
      // Moderated like a post without `?moderation=`.
      seed.data = { ...(seed.data as Record<string, Json>), ...moderate(text, internals.moderation) };
      const event = store.append(sessionId, seed);
      if (store.record(sessionId).session.mode === 'auto') runner.start(sessionId, 'message', traceId, event);
      return structuredClone(event);
    },
    agentSay: (sessionId, text, opts = {}) =>
      structuredClone(store.append(sessionId, eventFromSeed(store, ids, sessionId, { source: opts.source ?? 'ai_agent', message: text, ...opts }))),
    whenIdle: (sessionId) => runner.whenIdle(sessionId),
    close() {
      if (store.closed) return;
      store.close();
      runner.stopAll();
      timers.cancelAll();
    },
  };
  return emu;
}
