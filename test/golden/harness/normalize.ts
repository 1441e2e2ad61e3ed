/**
 * Normalization of transcripts: ids become placeholders numbered by first appearance
 * (`<session#1>`, `<event#4>`, `<trace#2>`), times become `<time>`, the server's address
 * `<server>`. Two servers that use ids the same way then produce equal transcripts.
 */
import type { Json } from '../../../src/core/types';
import type { Exchange } from './types';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$/;
/** Keys whose string value is an id of a known kind. */
const ID_KEYS: Record<string, string> = { agent_id: 'agent', customer_id: 'customer', session_id: 'session', trace_id: 'trace', correlation_id: 'trace' };
/** Ids that are names, not generated values. */
const LITERAL_IDS = new Set(['guest']);
/** Parlant's 403 and 429 details end with the request's headers, which depend on the client. */
const ECHOED_HEADERS = /, HEADERS=Headers\(.*\)$/s;

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOfObject(o: JsonObject): string | null {
  if ('display_name' in o) return null; // a participant points at an agent or customer seen elsewhere
  if ('offset' in o && 'kind' in o) return 'event';
  if ('mode' in o && 'agent_id' in o) return 'session';
  if ('composition_mode' in o) return 'agent';
  if ('creation_utc' in o && 'name' in o) return 'customer';
  return 'id';
}

/** Options of {@link normalizeExchanges}. @example const o: NormalizeOptions = { baseUrl: 'http://127.0.0.1:8800', aliases: { '198.51.100.7': '<client-ip>' } }; */
export interface NormalizeOptions {
  /** The server's origin as the client saw it; becomes `<server>`. */
  baseUrl: string;
  /** Other volatile values chosen by the scenario, and what to write instead. */
  aliases?: Record<string, string>;
}

/**
 * Returns a normalized deep copy of a transcript.
 * @example const fixture = normalizeExchanges(http.exchanges, { baseUrl });
 */
export function normalizeExchanges(exchanges: readonly Exchange[], options: NormalizeOptions): Exchange[] {
  const ids = new Map<string, string>();
  const counters = new Map<string, number>();
  const register = (value: Json | undefined, kind: string) => {
    if (typeof value !== 'string' || value.length < 4 || LITERAL_IDS.has(value) || ids.has(value)) return;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    ids.set(value, `<${kind}#${n}>`);
  };
  const collect = (value: Json | undefined): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!isObject(value)) return;
    const kind = kindOfObject(value);
    if (kind) register(value.id, kind);
    for (const [key, child] of Object.entries(value)) {
      const idKind = ID_KEYS[key];
      if (idKind) register(child, idKind);
      else collect(child);
    }
  };
  for (const exchange of exchanges) {
    collect(exchange.response.body);
    exchange.response.frames?.forEach(collect);
  }
  const replacements: Array<[string, string]> = [[options.baseUrl.replace(/\/+$/, ''), '<server>'], ...Object.entries(options.aliases ?? {}), ...ids];
  const text = (s: string): string => {
    if (ISO_TIME.test(s)) return '<time>';
    let out = s.replace(ECHOED_HEADERS, ', HEADERS=<request headers>');
    for (const [from, to] of replacements) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  };
  const walk = (value: Json): Json => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const strings = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, text(v)]));
  return exchanges.map((e) => {
    const { request, response } = structuredClone(e);
    request.path = text(request.path);
    if (request.query) request.query = strings(request.query);
    if (request.headers) request.headers = strings(request.headers);
    if (request.body !== undefined) request.body = walk(request.body);
    if (request.text !== undefined) request.text = text(request.text);
    response.headers = strings(response.headers);
    if (response.body !== undefined) response.body = walk(response.body);
    if (response.text !== undefined) response.text = text(response.text);
    if (response.frames) response.frames = response.frames.map(walk);
    return { step: e.step, compare: e.compare, request, response };
  });
}
