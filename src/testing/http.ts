/**
 * Response helpers that reproduce what Parlant's FastAPI/Starlette stack puts on the wire:
 * `{"detail": ...}` error bodies, pydantic-style validation issues, and CORS headers.
 */
import type { Json } from '../core/types';

/** One pydantic validation issue, as found in a 422 `detail` array. @example const i: ValidationIssue = { type: 'missing', loc: ['body', 'kind'], msg: 'Field required', input: {} }; */
export interface ValidationIssue {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: Json | undefined;
}

// Starlette's bare 500 carries no CORS headers, so a browser sees a network error; keep a
// record of such responses so the CORS step can leave them alone.
const bare = new WeakSet<Response>();

/** JSON response. @example json(200, { ok: true }); */
export function json(status: number, body: unknown, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** FastAPI error body `{"detail": ...}`. @example detail(404, "Item 'x' not found"); */
export function detail(status: number, value: string | ValidationIssue[]): Response {
  return json(status, { detail: value });
}

/** 422 with pydantic's list form. @example invalid(['query', 'wait_for_data'], 'int_parsing', 'Input should be a valid integer', '1.5'); */
export function invalid(loc: ValidationIssue['loc'], type: string, msg: string, input: Json | undefined): Response {
  return detail(422, [{ type, loc, msg, input }]);
}

/** Response without a body (204, 503...). @example empty(204); */
export function empty(status: number, headers?: HeadersInit): Response {
  return new Response(null, { status, headers });
}

/** Marks a response to be sent without CORS headers. @example markBare(new Response(null, { status: 502 })); */
export function markBare(response: Response): Response {
  bare.add(response);
  return response;
}

/** Starlette's unhandled-exception 500: empty body and no CORS headers. @example bareServerError(); */
export function bareServerError(): Response {
  return markBare(new Response(null, { status: 500 }));
}

/** 404 for a missing session, worded like Parlant. @example sessionNotFound('s1'); */
export function sessionNotFound(id: string): Response {
  return detail(404, `Session not found (id='${id}')`);
}

/** 404 for any other missing item, worded like Parlant. @example itemNotFound('a1'); */
export function itemNotFound(id: string): Response {
  return detail(404, `Item '${id}' not found`);
}

/**
 * Answers a CORS preflight the way Starlette's CORSMiddleware does with `allow_*=["*"]` and
 * credentials: echo the origin, the requested headers and method, cache for 600 s.
 * @example preflight(new Request('http://x/agents', { method: 'OPTIONS' }));
 */
export function preflight(request: Request): Response {
  const h = new Headers({ 'Content-Type': 'text/plain; charset=utf-8' });
  const origin = request.headers.get('Origin');
  h.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) h.set('Access-Control-Allow-Credentials', 'true');
  h.set('Access-Control-Allow-Methods', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
  h.set('Access-Control-Allow-Headers', request.headers.get('Access-Control-Request-Headers') ?? '*');
  h.set('Access-Control-Max-Age', '600');
  h.set('Vary', 'Origin');
  return new Response('OK', { status: 200, headers: h });
}

/**
 * Adds CORS headers to a response (in place) unless it is a bare 500.
 * @example withCors(request, json(200, []));
 */
export function withCors(request: Request, response: Response): Response {
  if (bare.has(response) || response.type === 'error') return response;
  const origin = request.headers.get('Origin');
  response.headers.set('Access-Control-Allow-Origin', origin ?? '*');
  if (origin) response.headers.set('Access-Control-Allow-Credentials', 'true');
  response.headers.set('Access-Control-Expose-Headers', '*');
  response.headers.set('Vary', 'Origin');
  return response;
}

/** Result of reading a JSON body. @example const r = await readJson(req); if (!r.ok) return r.response; */
export type BodyResult = { ok: true; value: Json } | { ok: false; response: Response };

/**
 * Reads a JSON request body, answering 422 like FastAPI when it is missing or not JSON.
 * @example const body = await readJson(request);
 */
export async function readJson(request: Request): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') {
    return { ok: false, response: invalid(['body'], 'missing', 'Field required', null) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    const response = invalid(['body', 0], 'json_invalid', 'JSON decode error', {});
    return { ok: false, response };
  }
}

/** Plain-object check for parsed JSON. @example isObject({}) === true; */
export function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python truthiness, used where Parlant writes `if not params.data`. @example isFalsy({}) === true; */
export function isFalsy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/**
 * Reads an integer query parameter like pydantic (lax mode: digits only, so `1.5` fails).
 * Returns the fallback when absent, or a ready 422 response when malformed.
 * @example const wait = intQuery(url.searchParams, 'wait_for_data', 60);
 */
export function intQuery<F extends number | undefined>(query: URLSearchParams, name: string, fallback: F): number | F | Response {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (/^\s*[+-]?\d+\s*$/.test(raw)) return Number.parseInt(raw, 10);
  return invalid(['query', name], 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', raw);
}

/**
 * Reads a boolean query parameter like pydantic (true/false/1/0/yes/no/on/off/t/f/y/n).
 * @example const sse = boolQuery(url.searchParams, 'sse', false);
 */
export function boolQuery(query: URLSearchParams, name: string, fallback: boolean): boolean | Response {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false;
  return invalid(['query', name], 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', raw);
}
