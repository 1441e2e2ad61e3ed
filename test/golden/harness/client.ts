/**
 * The HTTP client scenarios drive a server with. Every call it is asked to record becomes an
 * {@link Exchange}; waiting loops use `peek`, which is not recorded (how many polls a turn takes
 * depends on timing, not on the server's contract).
 */
import type { Json } from '../../../src/core/types';
import type { Compare, Exchange, RecordedRequest, RecordedResponse } from './types';

/** The page origin every request carries, as a browser would send it. @example headers.Origin = APP_ORIGIN; */
export const APP_ORIGIN = 'http://app.example';

/** Response headers a browser acts on; transport headers (date, length, encoding) are left out. */
const KEPT_HEADERS = /^(content-type|cache-control|location|allow|retry-after|vary|access-control-.*)$/;

/** Options of one call. @example const o: CallOptions = { query: { wait_for_data: '0' }, compare: 'timeline' }; */
export interface CallOptions {
  query?: Record<string, string | number | boolean>;
  /** A JSON body; `text` sends a raw body instead (malformed JSON on purpose). */
  body?: Json;
  text?: string;
  headers?: Record<string, string>;
  compare?: Compare;
  /** Leave out the `Origin` header (a request that is not cross-origin). */
  sameOrigin?: boolean;
}

/** What a call returns to the scenario. @example const sid = (res.body as Session).id; */
export interface CallResult {
  status: number;
  headers: Headers;
  body: Json | undefined;
  text: string | undefined;
  frames: Json[] | undefined;
}

/** A recording client. @example const res = await http.call('read agent', 'GET', `/agents/${id}`); */
export interface RecordingClient {
  readonly exchanges: Exchange[];
  call(step: string, method: string, path: string, options?: CallOptions): Promise<CallResult>;
  peek(method: string, path: string, options?: CallOptions): Promise<CallResult>;
}

async function readBody(response: Response): Promise<Omit<RecordedResponse, 'status' | 'headers'>> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (type.startsWith('text/event-stream')) {
    const frames: Json[] = [];
    const framing = text.replace(/^data: (.*)$/gm, (_, payload: string) => {
      frames.push(JSON.parse(payload) as Json);
      return 'data: {}';
    });
    return { frames, framing };
  }
  if (type.includes('json') && text !== '') {
    try {
      return { body: JSON.parse(text) as Json };
    } catch {
      return { text };
    }
  }
  return text === '' ? {} : { text };
}

/**
 * Creates a client for a server at `baseUrl`, through `fetchImpl` (the global fetch for a real
 * server, `emu.fetch` for the emulator).
 * @example const http = createRecordingClient('http://127.0.0.1:8800', fetch);
 */
export function createRecordingClient(baseUrl: string, fetchImpl: typeof fetch): RecordingClient {
  const exchanges: Exchange[] = [];
  async function send(method: string, path: string, options: CallOptions): Promise<{ request: RecordedRequest; response: RecordedResponse; headers: Headers }> {
    const query = Object.fromEntries(Object.entries(options.query ?? {}).map(([k, v]) => [k, String(v)]));
    const headers: Record<string, string> = { ...(options.sameOrigin ? {} : { Origin: APP_ORIGIN }), ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const search = new URLSearchParams(query).toString();
    const payload = options.body !== undefined ? JSON.stringify(options.body) : options.text;
    const response = await fetchImpl(`${baseUrl}${path}${search ? `?${search}` : ''}`, { method, headers, body: payload ?? null, redirect: 'manual' });
    const kept: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (KEPT_HEADERS.test(name)) kept[name] = value;
    });
    const request: RecordedRequest = { method, path };
    if (search) request.query = query;
    request.headers = headers;
    if (options.body !== undefined) request.body = options.body;
    if (options.text !== undefined) request.text = options.text;
    return { request, response: { status: response.status, headers: kept, ...(await readBody(response)) }, headers: response.headers };
  }
  const result = (r: RecordedResponse, headers: Headers): CallResult => ({ status: r.status, headers, body: r.body, text: r.text, frames: r.frames });
  return {
    exchanges,
    async call(step, method, path, options = {}) {
      const { request, response, headers } = await send(method, path, options);
      exchanges.push({ step, compare: options.compare ?? 'exact', request, response });
      return result(response, headers);
    },
    async peek(method, path, options = {}) {
      const { response, headers } = await send(method, path, options);
      return result(response, headers);
    },
  };
}
