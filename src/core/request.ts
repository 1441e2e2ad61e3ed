import { systemClock, yieldToMain, type Clock } from './clock';
import { ParlantError, parseRetryAfter } from './errors';

/** Extra headers, fixed or computed per request (so a host can rotate auth tokens). @example const h: HeadersSource = async () => ({ Authorization: `Bearer ${await token()}` }); */
export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Per-call options every client method accepts. @example client.getSession('s1', { signal, timeoutMs: 5000 }) */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Give up after this many milliseconds (a `timeout` error). */
  timeoutMs?: number;
}

/** Where and how the client sends requests. @example const t: Transport = { server: 'http://localhost:8800', fetch, defaultTimeoutMs: 20_000 }; */
export interface Transport {
  server: string;
  fetch: typeof fetch;
  headers?: HeadersSource;
  credentials?: RequestCredentials;
  defaultTimeoutMs: number;
  /** Timers of the timeouts (the system clock unless a test drives time). */
  clock?: Clock;
}

/** A response read whole: status, headers, and the body parsed when it is JSON. @example if (res.json && res.status === 200) parse(res.body); */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
  /** False when the body was not JSON (HTML from a proxy, an empty 500). */
  json: boolean;
}

/** Reads a response; `touch()` tells the request it is still making progress (streams). @example const text: Consumer<string> = (response) => response.text(); */
export type Consumer<T> = (response: Response, touch: () => void) => Promise<T>;

/** Bodies at least this long are parsed in a task of their own, after the ones that read them. */
const LARGE_BODY = 256 * 1024;

/**
 * The default consumer: the whole body, parsed as JSON when it is JSON. A large body (a long
 * history) is read chunk by chunk and parsed in a later task, so reading and parsing it never
 * make one long task.
 * @example const res = await send(transport, 'GET', '/agents', undefined, {}, readRaw);
 */
export const readRaw: Consumer<RawResponse> = async (response, touch) => {
  const text = await readText(response, touch);
  if (text.length >= LARGE_BODY) await yieldToMain();
  return { status: response.status, headers: response.headers, ...readBody(text) };
};

/**
 * The body as UTF-8 text, one chunk per read: `response.text()` drains a large body in a single
 * long task, a reader in many short ones. Each chunk counts as progress for the idle timeout.
 */
async function readText(response: Response, touch: () => void): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    touch();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Sends one request and hands the response to `consume` (by default: status and parsed body);
 * rejects only with ParlantError of kind network/timeout/aborted. Status handling is left to the
 * caller, which knows whether a 504 is news or "nothing yet". `timeoutMs` is an idle timeout:
 * a stream that keeps delivering (and calls `touch`) stays open.
 * @example const res = await send(transport, 'GET', '/agents/a1');
 */
export async function send<T = RawResponse>(
  transport: Transport,
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions & { accept?: string } = {},
  consume: Consumer<T> = readRaw as Consumer<T>,
): Promise<T> {
  const controller = new AbortController();
  const outer = options.signal;
  if (outer?.aborted) throw aborted(outer.reason);
  let timedOut = false;
  const onAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  const clock = transport.clock ?? systemClock;
  const arm = () =>
    clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? transport.defaultTimeoutMs);
  let timer = arm();
  const touch = () => {
    clock.clearTimeout(timer);
    timer = arm();
  };
  try {
    const headers = new Headers(await resolveHeaders(transport.headers));
    headers.set('Accept', options.accept ?? 'application/json');
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    const init: RequestInit = { method, headers, signal: controller.signal };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (transport.credentials) init.credentials = transport.credentials;
    const response = await transport.fetch(transport.server + path, init);
    return await consume(response, touch);
  } catch (error) {
    if (error instanceof ParlantError) throw error;
    if (timedOut) throw new ParlantError({ kind: 'timeout', message: `${method} ${path} timed out`, cause: error });
    if (outer?.aborted) throw aborted(outer.reason);
    throw new ParlantError({ kind: 'network', message: `${method} ${path} failed: no response`, cause: error });
  } finally {
    clock.clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

function aborted(reason: unknown): ParlantError {
  return new ParlantError({ kind: 'aborted', message: 'Request aborted', cause: reason });
}

async function resolveHeaders(source: HeadersSource | undefined): Promise<HeadersInit> {
  if (source === undefined) return {};
  return typeof source === 'function' ? await source() : source;
}

/** Parses a body that may or may not be JSON (HTML from a proxy, an empty 500). @example readBody('<html>') // { body: '<html>', json: false } */
export function readBody(text: string): { body: unknown; json: boolean } {
  if (text === '') return { body: undefined, json: false };
  try {
    return { body: JSON.parse(text) as unknown, json: true };
  } catch {
    return { body: text, json: false };
  }
}

/**
 * Turns a non-success response into the typed error, keeping the server's `detail`.
 * @example if (res.status !== 200) throw httpError('GET', path, res);
 */
export function httpError(method: string, path: string, res: RawResponse): ParlantError {
  const detail = res.json && typeof res.body === 'object' && res.body !== null ? (res.body as { detail?: unknown }).detail : undefined;
  const init: ConstructorParameters<typeof ParlantError>[0] = {
    kind: 'http',
    status: res.status,
    message: `${method} ${path} answered ${res.status}`,
    detail,
  };
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'), Date.now());
  if (retryAfter !== undefined) init.retryAfter = retryAfter;
  return new ParlantError(init);
}

/** Builds a query string from defined values only. @example query({ min_offset: 4, kinds: undefined }) // '?min_offset=4' */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
