/**
 * Response helpers that reproduce what Parlant's FastAPI/Starlette stack puts on the wire:
 * `{"detail": ...}` error bodies, pydantic-style validation issues, query parsing.
 */
import type { Json } from '../core/types';
import { pythonJsonError } from './json-errors';

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

/** True for a response marked to go out without CORS headers. @example if (isBare(response)) return response; */
export function isBare(response: Response): boolean {
  return bare.has(response);
}

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
