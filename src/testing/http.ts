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
  /** The broken constraint (`{ min_length: 1 }`, `{ expected: "'a' or 'b'" }`), when there is one. */
  ctx?: { [key: string]: Json };
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

/** Response without a body (503, 307...). @example empty(503); */
export function empty(status: number, headers?: HeadersInit): Response {
  return new Response(null, { status, headers });
}

/** FastAPI's answer to a route returning nothing with status 204: no body, still a JSON content type. @example noContent(); */
export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'Content-Type': 'application/json' } });
}

/** Marks a response to be sent without CORS headers. @example markBare(new Response(null, { status: 502 })); */
export function markBare(response: Response): Response {
  bare.add(response);
  return response;
}

/** Starlette's unhandled-exception 500: a plain-text body and no CORS headers. @example bareServerError(); */
export function bareServerError(): Response {
  return markBare(new Response('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
}

/** 404 for a missing session, worded like Parlant. @example sessionNotFound('s1'); */
export function sessionNotFound(id: string): Response {
  return detail(404, `Session not found (id='${id}')`);
}

/** 404 for a missing event, worded like Parlant. @example eventNotFound('e1'); */
export function eventNotFound(id: string): Response {
  return detail(404, `Event not found (id='${id}')`);
}

/** 404 for any other missing item, worded like Parlant. @example itemNotFound('a1'); */
export function itemNotFound(id: string): Response {
  return detail(404, `Item '${id}' not found`);
}

/** Methods Starlette's CORSMiddleware allows for `allow_methods=["*"]`. */
const CORS_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * True for a CORS preflight as Starlette recognizes one: `OPTIONS` with an `Origin` and an
 * `Access-Control-Request-Method`. Any other `OPTIONS` request is routed like a normal one.
 * @example if (isPreflight(request)) return preflight(request);
 */
export function isPreflight(request: Request): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && request.headers.has('Origin') && request.headers.has('Access-Control-Request-Method');
}

/**
 * Answers a CORS preflight the way Parlant's CORSMiddleware (`allow_*=["*"]` with credentials)
 * does: echo the origin and the requested headers, list every method, cache for 600 s.
 * @example preflight(new Request('http://x/agents', { method: 'OPTIONS', headers: { Origin: 'http://a', 'Access-Control-Request-Method': 'POST' } }));
 */
export function preflight(request: Request): Response {
  const h = new Headers({ Vary: 'Origin', 'Access-Control-Allow-Methods': CORS_METHODS.join(', '), 'Access-Control-Max-Age': '600' });
  h.set('Access-Control-Allow-Credentials', 'true');
  h.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '');
  const requested = request.headers.get('Access-Control-Request-Headers');
  if (requested !== null) h.set('Access-Control-Allow-Headers', requested);
  h.set('Content-Type', 'text/plain; charset=utf-8');
  const allowed = CORS_METHODS.includes(request.headers.get('Access-Control-Request-Method') ?? '');
  return new Response(allowed ? 'OK' : 'Disallowed CORS method', { status: allowed ? 200 : 400, headers: h });
}

/**
 * Adds CORS headers to a response (in place) the way Parlant's server does for a request with
 * an `Origin`: `Access-Control-Allow-Origin: *` with credentials allowed and no exposed headers
 * (so a browser cannot read `Retry-After`); the origin itself, and `Vary: Origin`, only when the
 * request carries cookies. Bare 500s get nothing.
 * @example withCors(request, json(200, []));
 */
export function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get('Origin');
  if (origin === null || bare.has(response) || response.type === 'error') return response;
  response.headers.set('Access-Control-Allow-Origin', '*');
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  if (request.headers.has('Cookie')) {
    response.headers.set('Access-Control-Allow-Origin', origin);
    response.headers.append('Vary', 'Origin');
  }
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
  } catch (error) {
    const { position, message } = pythonJsonError(text, error);
    return { ok: false, response: detail(422, [{ type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: message } }]) };
  }
}

/** V8's JSON errors reworded the way Python's `json` module (which Parlant parses bodies with) words them. */
const PYTHON_JSON_ERRORS: Array<[RegExp, string]> = [
  [/double-quoted property name/, 'Expecting property name enclosed in double quotes'],
  [/':' after property name/, "Expecting ':' delimiter"],
  [/',' or '\}' after property value/, "Expecting ',' delimiter"],
  [/',' or '\]' after array element/, "Expecting ',' delimiter"],
  [/non-whitespace character after JSON/, 'Extra data'],
  [/Unterminated string/, 'Unterminated string starting at'],
  [/control character/, 'Invalid control character at'],
];

/**
 * Where and why a body is not JSON, as Python's `json.loads` reports it (best effort: the
 * common mistakes are exact, others fall back to "Expecting value").
 * @example pythonJsonError('{"a": 1', new SyntaxError("Expected ',' or '}' after property value in JSON at position 7")); // { position: 7, message: "Expecting ',' delimiter" }
 */
export function pythonJsonError(text: string, error: unknown): { position: number; message: string } {
  const v8 = error instanceof Error ? error.message : '';
  const at = /at position (\d+)/.exec(v8);
  for (const [pattern, message] of PYTHON_JSON_ERRORS) {
    if (!pattern.test(v8)) continue;
    // Python points an unterminated string at its opening quote.
    const position = message.startsWith('Unterminated') ? text.lastIndexOf('"', Number(at?.[1] ?? text.length) - 1) : Number(at?.[1] ?? 0);
    return { position: Math.max(0, position), message };
  }
  const token = /Unexpected token '(.)'/.exec(v8);
  let position = token ? text.indexOf(token[1] as string) : text.length;
  while (position > 0 && /[A-Za-z]/.test(text[position - 1] as string)) position -= 1;
  return { position: Math.max(0, position), message: 'Expecting value' };
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
