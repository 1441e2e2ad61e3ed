import { yieldToMain, type Clock } from './clock';
import { ParlantError } from './errors';
import {
  ShapeError,
  parseAgent,
  parseAgentList,
  parseCustomer,
  parseEventList,
  parseSession,
  parseSingleEvent,
} from './parse';
import { httpError, query, send, type HeadersSource, type RawResponse, type RequestOptions, type Transport } from './request';
import { streamEvents, type StreamOutcome } from './sse';
import type { Agent, Customer, EventCreationParams, EventSource, Json, ParlantEvent, Session } from './types';

export type { HeadersSource, RequestOptions } from './request';

/** Options of {@link createParlantClient}. @example const o: ParlantClientOptions = { server: 'http://localhost:8800' }; @example const client: ParlantClient = createParlantClient({ server: 'http://localhost:8800' }); */
export interface ParlantClientOptions {
  /** Base URL of the Parlant server, e.g. `https://agents.example.com` (no trailing path needed). */
  server: string;
  /** A custom fetch (proxies, tracing, tests). Defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers, or a function called before every request (for tokens that rotate). */
  headers?: HeadersSource;
  /** `include` for cookie-based auth through a proxy. */
  credentials?: RequestCredentials;
  /** Timeout of ordinary calls in ms (default 20 000). Long-polls get `waitForData` + 15 s. */
  timeoutMs?: number;
  /**
   * Called when the server answers 401 or 403: refresh what `headers` returns (a new token). The
   * request is then made once more (unless this returns `false`); concurrent refusals share one
   * call. Every call goes through this, so a stale token is refreshed however it is discovered.
   */
  onAuthError?: (error: ParlantError) => unknown;
  /** Timers of request timeouts; the system clock by default (tests drive a virtual one). */
  clock?: Clock;
}

/** Filters of {@link ParlantClient.listEvents}. @example const q: ListEventsQuery = { minOffset: 5, waitForData: 30 }; */
export interface ListEventsQuery {
  minOffset?: number;
  kinds?: string[];
  source?: EventSource;
  traceId?: string;
  /** Pre-3.1 servers filter by correlation id; newer ones accept and ignore it. */
  correlationId?: string;
  /** Long-poll seconds; 0 answers at once. Always sent, because the server's default is 60. */
  waitForData?: number;
}

/** Answer of a long-poll: events, or "nothing new within the wait" (Parlant's JSON 504). @example const r = await client.listEvents('s1', { waitForData: 30 }); if (!r.timedOut) store.getState().merge(r.events); */
export type ListEventsResult =
  | { timedOut: false; events: ParlantEvent[]; dropped: number }
  | { timedOut: true; events: []; dropped: 0 };

/** Body of a new session. @example const p: CreateSessionParams = { agentId: 'a1' }; */
export interface CreateSessionParams {
  agentId: string;
  /** Omit for the shared guest customer. */
  customerId?: string;
  title?: string;
  metadata?: Record<string, Json>;
  labels?: string[];
  /** Let the agent greet before the customer writes. */
  greet?: boolean;
}

/** The typed Parlant API. Build one with {@link createParlantClient}. */
export interface ParlantClient {
  readonly server: string;
  getAgent(agentId: string, options?: RequestOptions): Promise<Agent>;
  listAgents(options?: RequestOptions): Promise<Agent[]>;
  createCustomer(params: { name: string; id?: string; metadata?: Record<string, string>; tags?: string[] }, options?: RequestOptions): Promise<Customer>;
  getCustomer(customerId: string, options?: RequestOptions): Promise<Customer>;
  createSession(params: CreateSessionParams, options?: RequestOptions): Promise<Session>;
  getSession(sessionId: string, options?: RequestOptions): Promise<Session>;
  /** Sets the session's read marker, `consumption_offsets.client` (Parlant's production policy refuses guests: 403). */
  setReadOffset(sessionId: string, offset: number, options?: RequestOptions): Promise<Session>;
  createEvent(sessionId: string, params: EventCreationParams, options?: RequestOptions): Promise<ParlantEvent>;
  /** Posts a customer message; `metadata` travels with the event (the widget puts its client message id there). */
  sendMessage(sessionId: string, message: string, metadata?: Record<string, Json>, options?: RequestOptions): Promise<ParlantEvent>;
  /** Posts a `custom` event from the customer's UI; it does not make the agent answer. */
  sendCustomEvent(sessionId: string, data: Json, options?: RequestOptions): Promise<ParlantEvent>;
  listEvents(sessionId: string, filter?: ListEventsQuery, options?: RequestOptions): Promise<ListEventsResult>;
  getEvent(sessionId: string, eventId: string, options?: RequestOptions): Promise<ParlantEvent>;
  /**
   * Streams the session's events as server-sent events from `minOffset` until the server idles
   * for `waitForData` seconds. `fallback` is set when the server ignored `sse=true` (no SSE support).
   */
  streamEvents(
    sessionId: string,
    filter: { minOffset: number; waitForData: number },
    onEvent: (event: ParlantEvent) => void,
    options?: RequestOptions & { onMalformed?: () => void },
  ): Promise<StreamOutcome>;
  /** Streams the updates of one event (a message being written) until it is complete. */
  followEvent(sessionId: string, eventId: string, onEvent: (event: ParlantEvent) => void, options?: RequestOptions): Promise<StreamOutcome>;
}

const seg = encodeURIComponent;
/** Event lists longer than this reach the caller in a task after the one that parsed them. */
const LARGE_BATCH = 500;

/**
 * Creates a typed client for a Parlant server. Every call takes an AbortSignal, checks the response
 * at the boundary and rejects only with {@link ParlantError}.
 * @example
 * const client = createParlantClient({ server: 'http://localhost:8800', headers: async () => ({ Authorization: `Bearer ${await token()}` }) });
 * const session = await client.createSession({ agentId: 'agent_1' });
 * await client.sendMessage(session.id, 'Hello');
 */
export function createParlantClient(options: ParlantClientOptions): ParlantClient {
  const server = normalizeServer(options.server);
  const transport: Transport = {
    server,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    defaultTimeoutMs: options.timeoutMs ?? 20_000,
  };
  if (options.headers !== undefined) transport.headers = options.headers;
  if (options.credentials !== undefined) transport.credentials = options.credentials;
  if (options.clock !== undefined) transport.clock = options.clock;
  const authorized = authRetry(options.onAuthError);

  function call<T>(method: string, path: string, body: unknown, ok: number[], parse: (raw: unknown) => T, opts?: RequestOptions): Promise<T> {
    return authorized(async () => {
      const res = await send(transport, method, path, body, opts);
      if (!ok.includes(res.status)) throw httpError(method, path, res);
      return checked(method, path, res, parse);
    });
  }

  const client: ParlantClient = {
    server,
    getAgent: (id, o) => call('GET', `/agents/${seg(id)}`, undefined, [200], parseAgent, o),
    listAgents: (o) => call('GET', '/agents', undefined, [200], parseAgentList, o),
    createCustomer: (params, o) => call('POST', '/customers', params, [200, 201], parseCustomer, o),
    getCustomer: (id, o) => call('GET', `/customers/${seg(id)}`, undefined, [200], parseCustomer, o),
    createSession: (p, o) => {
      const body: Record<string, unknown> = { agent_id: p.agentId };
      if (p.customerId !== undefined) body.customer_id = p.customerId;
      if (p.title !== undefined) body.title = p.title;
      if (p.metadata !== undefined) body.metadata = p.metadata;
      if (p.labels !== undefined) body.labels = p.labels;
      const q = query({ allow_greeting: p.greet ? true : undefined });
      return call('POST', `/sessions${q}`, body, [200, 201], parseSession, o);
    },
    getSession: (id, o) => call('GET', `/sessions/${seg(id)}`, undefined, [200], parseSession, o),
    setReadOffset: (id, offset, o) => call('PATCH', `/sessions/${seg(id)}`, { consumption_offsets: { client: offset } }, [200], parseSession, o),
    createEvent: (id, params, o) => call('POST', `/sessions/${seg(id)}/events`, params, [200, 201], parseSingleEvent, o),
    sendMessage: (id, message, metadata, o) =>
      client.createEvent(id, { kind: 'message', source: 'customer', message, ...(metadata ? { metadata } : {}) }, o),
    sendCustomEvent: (id, data, o) => client.createEvent(id, { kind: 'custom', source: 'customer_ui', data }, o),
    getEvent: (id, eventId, o) => call('GET', `/sessions/${seg(id)}/events/${seg(eventId)}`, undefined, [200], parseSingleEvent, o),
    streamEvents(id, filter, onEvent, o = {}) {
      const path = `/sessions/${seg(id)}/events` + query({ min_offset: filter.minOffset, wait_for_data: Math.floor(filter.waitForData), sse: true });
      return authorized(() => streamEvents(transport, path, onEvent, { timeoutMs: filter.waitForData * 1000 + 15_000, ...o }, o.onMalformed));
    },
    followEvent(id, eventId, onEvent, o = {}) {
      const path = `/sessions/${seg(id)}/events/${seg(eventId)}` + query({ sse: true, wait_for_data: 30 });
      return authorized(() => streamEvents(transport, path, onEvent, { timeoutMs: 45_000, ...o }));
    },
    listEvents: (id, filter = {}, o = {}) => authorized(() => listEvents(id, filter, o)),
  };

  async function listEvents(id: string, filter: ListEventsQuery, o: RequestOptions): Promise<ListEventsResult> {
    const wait = filter.waitForData ?? 0;
    const path =
      `/sessions/${seg(id)}/events` +
      query({
        min_offset: filter.minOffset,
        source: filter.source,
        kinds: filter.kinds?.join(','),
        trace_id: filter.traceId,
        correlation_id: filter.correlationId,
        wait_for_data: Math.max(0, Math.floor(wait)),
      });
    const res = await send(transport, 'GET', path, undefined, { timeoutMs: wait * 1000 + 15_000, ...o });
    if (res.status === 504 && isParlantTimeout(res)) return { timedOut: true, events: [], dropped: 0 };
    if (res.status !== 200) throw httpError('GET', path, res);
    const result = checked('GET', path, res, parseEventList);
    if (result.events.length > LARGE_BATCH) {
      // Whoever merges and renders a long history does it in a task after the parsing one.
      await yieldToMain();
      if (o.signal?.aborted) throw new ParlantError({ kind: 'aborted', message: 'Request aborted', cause: o.signal.reason });
    }
    return { timedOut: false, ...result };
  }
  return client;
}

/**
 * Wraps calls so a 401/403 asks the host to refresh its credentials once (one refresh shared by
 * every call refused meanwhile), then makes the call again; a second refusal is the caller's.
 */
function authRetry(onAuthError: ((error: ParlantError) => unknown) | undefined) {
  let refreshing: Promise<boolean> | null = null;
  const refresh = (error: ParlantError) =>
    (refreshing ??= Promise.resolve()
      .then(() => onAuthError?.(error))
      .then(
        (answer) => answer !== false,
        () => true,
      )
      .finally(() => (refreshing = null)));
  return async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (!onAuthError || !(error instanceof ParlantError) || (error.status !== 401 && error.status !== 403)) throw error;
      if (!(await refresh(error))) throw error;
      return run();
    }
  };
}

/** Parlant's own long-poll timeout is JSON; a proxy's 504 is HTML or empty and counts as a failure. */
function isParlantTimeout(res: RawResponse): boolean {
  return res.json && typeof res.body === 'object' && res.body !== null && 'detail' in res.body;
}

function checked<T>(method: string, path: string, res: RawResponse, parse: (raw: unknown) => T): T {
  if (!res.json) {
    throw new ParlantError({ kind: 'invalid-response', status: res.status, message: `${method} ${path}: response is not JSON` });
  }
  try {
    return parse(res.body);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new ParlantError({ kind: 'invalid-response', status: res.status, message: `${method} ${path}: ${error.message}`, cause: error });
  }
}

/**
 * Validates and normalizes the `server` option: an absolute http(s) URL, without a trailing slash.
 * @example normalizeServer('https://agents.example.com/') // 'https://agents.example.com'
 */
export function normalizeServer(server: string): string {
  if (typeof server !== 'string' || server.trim() === '') {
    throw new TypeError('parlant-chatbox: `server` is required, e.g. "https://agents.example.com".');
  }
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new TypeError(`parlant-chatbox: \`server\` must be an absolute http(s) URL, got "${server}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`parlant-chatbox: \`server\` must be an absolute http(s) URL, got "${server}".`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}
