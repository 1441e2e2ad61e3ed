import { createParlantClient } from '../../src/core/client';
import { CLIENT_MESSAGE_ID } from '../../src/core/events';
import type { EventTransport } from '../../src/core/poller';
import { sessionSlot, type StorageLike } from '../../src/core/persistence';
import { createChatSession, type ChatSession } from '../../src/core/session';
import { createParlantEmulator, seededRandom, type ParlantEmulator } from '../../src/testing';
import { createVirtualClock } from '../support/virtual-clock';

/**
 * A small world for randomized fault schedules: one emulated Parlant server, a browser page
 * whose network and visibility the schedule controls, and one or two tabs running the core
 * (`createChatSession`), all on one virtual clock. Every request goes through an instrumented
 * network that records what it was for and how it ended, so invariants can be checked against
 * what really went over the wire.
 */

/** What a request was for, per tab. */
export type Purpose = 'create' | 'poll' | 'send' | 'check' | 'follow' | 'reply' | 'session' | 'other';

/** One request as the network saw it. */
export interface Exchange {
  tab: number;
  /** Which run of the tab made it (a reload starts a new one). */
  instance: number;
  purpose: Purpose;
  /** Follow: the event followed; send: the client message id. */
  key?: string | undefined;
  started: number;
  ended?: number;
  status?: number;
  /** ok: 2xx or Parlant's own 504; failed: anything else; aborted: the client gave up. */
  outcome?: 'ok' | 'failed' | 'aborted';
  retryAfter?: number;
}

/** One browser tab: a conversation with its own storage, page and fetch. */
export interface Tab {
  index: number;
  instance: number;
  chat: ChatSession;
  storage: StorageLike;
  mounted: boolean;
  /** Keys of messages shown so far that must stay (cleared when the conversation ends or is left). */
  shown: Map<string, string>;
  /** The session those messages belong to. */
  shownSession: string | null;
}

const memoryStorage = (): StorageLike => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

export const SERVER = 'http://parlant.schedule';
const SLOW_STEPS = { stepMs: 200, chunkMs: 60, slowMs: 2000, handoffMs: 3000 };

/** Builds a world; `seed` drives every random choice the code under test makes (ids, jitter). */
export function createWorld(seed: number, transport: EventTransport) {
  const random = seededRandom(seed);
  const clock = createVirtualClock(random);
  const emu: ParlantEmulator = createParlantEmulator({
    timing: SLOW_STEPS,
    random: seededRandom(seed + 1),
    timers: { setTimeout: (fn, ms) => clock.setTimeout(fn, ms), clearTimeout: (h) => clock.clearTimeout(h) },
  });
  const page = Object.assign(new EventTarget(), { navigator: { onLine: true }, document: { visibilityState: 'visible' } });
  const exchanges: Exchange[] = [];
  const violations: string[] = [];
  const inFlight = new Map<string, number>();
  /** Client ids whose last POST ended ambiguously and that the customer has not retried since. */
  const ambiguous = new Set<string>();
  const tabs: Tab[] = [];
  const net = { offline: false, away: false, slowAnswerMs: 0, redeliver: 0 };
  /** What the customer typed (client id → text), retried, discarded, and lost with a conversation that ended. */
  const typed = new Map<string, string>();
  const retries: Array<{ key: string; at: number }> = [];
  const discarded = new Set<string>();
  const gone = new Set<string>();
  const sessionIds = new Set<string>();
  /** Times the page or the customer woke the loops up (online, shown, back, Retry now, a new tab). */
  const wakes: number[] = [];
  let token = 1;
  let sessionId: string | null = null;

  const classify = async (request: Request): Promise<Pick<Exchange, 'purpose' | 'key'>> => {
    const path = new URL(request.url).pathname.split('/').filter(Boolean);
    if (request.method === 'POST' && path.length === 1) return { purpose: 'create' };
    if (request.method === 'GET' && path.length === 2) return { purpose: 'session' };
    if (request.method === 'GET' && path.length === 4) return { purpose: 'follow', key: path[3] };
    if (request.method === 'GET' && path[2] === 'events') return { purpose: new URL(request.url).searchParams.has('source') ? 'check' : 'poll' };
    if (request.method === 'POST' && path[2] === 'events') {
      const body = (await request.clone().json()) as { source?: string; metadata?: Record<string, unknown> };
      if (body.source === 'ai_agent') return { purpose: 'reply' };
      return { purpose: 'send', key: String(body.metadata?.[CLIENT_MESSAGE_ID] ?? '') };
    }
    return { purpose: 'other' };
  };

  let instances = 0;
  const fetchFor = (tab: number, instance: number): typeof fetch =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const { purpose, key } = await classify(request);
      const exchange: Exchange = { tab, instance, purpose, key, started: clock.now() };
      exchanges.push(exchange);
      const slot = `${instance}:${purpose}:${purpose === 'follow' ? key : ''}`;
      if ((inFlight.get(slot) ?? 0) > 0) violations.push(`(d) two ${purpose} requests in flight at once in tab ${tab} at ${clock.now()} ms`);
      if (purpose === 'send' && key && ambiguous.has(key)) violations.push(`(a) message ${key} posted again on its own after an ambiguous outcome, at ${clock.now()} ms`);
      inFlight.set(slot, (inFlight.get(slot) ?? 0) + 1);
      const end = (outcome: Exchange['outcome'], status?: number) => {
        Object.assign(exchange, { ended: clock.now(), outcome, ...(status !== undefined && { status }) });
        inFlight.set(slot, (inFlight.get(slot) ?? 1) - 1);
        if (purpose === 'send' && key && (outcome === 'aborted' || (outcome === 'failed' && (status === undefined || status >= 500)))) ambiguous.add(key);
      };
      try {
        if (net.offline) throw new TypeError('Failed to fetch (offline)');
        let response = await emu.fetch(request);
        if (purpose === 'send' && net.slowAnswerMs > 0) await sleep(net.slowAnswerMs, request.signal);
        const json = (response.headers.get('content-type') ?? '').includes('json');
        if (purpose === 'poll' && net.redeliver > 0 && response.status === 200 && json) response = await redeliver(response);
        const parlantTimeout = response.status === 504 && (response.headers.get('content-type') ?? '').includes('json');
        const after = Number(response.headers.get('retry-after'));
        if (Number.isFinite(after) && response.headers.has('retry-after')) exchange.retryAfter = after;
        end(response.ok || parlantTimeout ? 'ok' : 'failed', response.status);
        return response;
      } catch (error) {
        end(request.signal.aborted ? 'aborted' : 'failed');
        throw error;
      }
    }) as typeof fetch;

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = clock.setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clock.clearTimeout(timer), reject(signal.reason)), { once: true });
    });

  /** Adds an event the page already has to a poll answer: the same event, delivered again. */
  async function redeliver(response: Response): Promise<Response> {
    const body = (await response.json()) as Array<{ offset: number }>;
    const old = sessionId ? emu.events(sessionId).filter((e) => e.offset < (body[0]?.offset ?? 0)) : [];
    net.redeliver -= 1;
    const again = old[Math.floor(random() * old.length)];
    return new Response(JSON.stringify(again ? [again, ...body] : body), { status: 200, headers: response.headers });
  }

  function openTab(index: number, storage: StorageLike, resume?: string): Tab {
    const instance = (instances += 1);
    const client = createParlantClient({
      server: SERVER,
      fetch: fetchFor(index, instance),
      clock,
      headers: () => ({ Authorization: `Bearer ${token}` }),
      onAuthError: () => void (token += 1),
    });
    const chat = createChatSession({
      client,
      agentId: emu.defaultAgentId,
      clock,
      environment: page,
      waitForData: 10,
      transport,
      shareAcrossTabs: false,
      slot: sessionSlot(storage, { server: SERVER, agentId: emu.defaultAgentId }),
      idFactory: () => `c${tab.index}-${Math.floor(random() * 1e9).toString(36)}`,
      onSessionCreated: (session) => {
        sessionId ??= session.id;
        sessionIds.add(session.id);
      },
      ...(resume && { sessionId: resume }),
    });
    const tab: Tab = { index, instance, chat, storage, mounted: true, shown: tabs[index]?.shown ?? new Map(), shownSession: tabs[index]?.shownSession ?? null };
    tabs[index] = tab;
    chat.start();
    return tab;
  }

  openTab(0, memoryStorage());

  return {
    clock,
    emu,
    page,
    net,
    tabs,
    exchanges,
    violations,
    ambiguous,
    typed,
    retries,
    discarded,
    gone,
    wakes,
    sessions: () => [...sessionIds].filter((id) => emu.session(id) !== undefined),
    get sessionId() {
      return sessionId;
    },
    openTab,
    newStorage: memoryStorage,
    /** Page events, as the browser dispatches them. */
    signal(type: 'online' | 'offline' | 'visibilitychange' | 'pagehide' | 'pageshow') {
      if (type === 'online' || type === 'offline') {
        net.offline = type === 'offline';
        page.navigator.onLine = !net.offline;
      }
      page.dispatchEvent(new Event(type));
    },
    dispose() {
      for (const tab of tabs) tab.chat.stop();
      emu.close();
    },
  };
}

export type World = ReturnType<typeof createWorld>;
