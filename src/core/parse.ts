import type { Agent, Customer, Json, ParlantEvent, Session } from './types';

/**
 * Boundary checks for server responses. Hand-written instead of a schema library to keep the core
 * small. They check what the widget relies on and keep everything else as sent, so a newer
 * server's extra fields pass through.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

/** Thrown (and wrapped into a ParlantError by the client) when a body breaks the contract. @example throw new ShapeError('event list is not an array'); */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

function need(ok: boolean, what: string): void {
  if (!ok) throw new ShapeError(`Unexpected response shape: ${what}`);
}

/**
 * Checks one event. Returns `null` for an entry that cannot be placed on a timeline (no id or no
 * offset), so one bad event never discards the rest of a batch.
 * @example parseEvent({ id: 'e1', offset: 0, kind: 'message', source: 'customer', data: {} })
 */
export function parseEvent(raw: unknown): ParlantEvent | null {
  if (!isObj(raw)) return null;
  const { id, offset } = raw;
  if (!str(id) || id === '' || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return null;
  const event: ParlantEvent = {
    id,
    offset,
    kind: str(raw.kind) ? raw.kind : 'unknown',
    source: str(raw.source) ? raw.source : 'unknown',
    creation_utc: str(raw.creation_utc) ? raw.creation_utc : '',
    data: (raw.data ?? null) as Json,
    metadata: isObj(raw.metadata) ? (raw.metadata as Record<string, Json>) : {},
    deleted: raw.deleted === true,
  };
  if (str(raw.trace_id)) event.trace_id = raw.trace_id;
  if (str(raw.correlation_id)) event.correlation_id = raw.correlation_id;
  if (str(raw.modified_utc)) event.modified_utc = raw.modified_utc;
  return event;
}

/**
 * Checks an event list. The list itself must be an array; entries that fail are counted in
 * `dropped` so the caller can report them.
 * @example const { events, dropped } = parseEventList(await response.json());
 */
export function parseEventList(raw: unknown): { events: ParlantEvent[]; dropped: number } {
  need(Array.isArray(raw), 'event list is not an array');
  const events: ParlantEvent[] = [];
  let dropped = 0;
  for (const item of raw as unknown[]) {
    const event = parseEvent(item);
    if (event) events.push(event);
    else dropped += 1;
  }
  return { events, dropped };
}

/**
 * Checks a single event response (the answer to a POST).
 * @example const event = parseSingleEvent(body);
 */
export function parseSingleEvent(raw: unknown): ParlantEvent {
  const event = parseEvent(raw);
  need(event !== null, 'event without id or offset');
  return event as ParlantEvent;
}

/**
 * Checks a session.
 * @example const session = parseSession(body);
 */
export function parseSession(raw: unknown): Session {
  need(isObj(raw) && str(raw.id) && str(raw.agent_id), 'session without id or agent_id');
  const s = raw as Obj;
  return {
    ...(s as unknown as Session),
    customer_id: str(s.customer_id) ? s.customer_id : 'guest',
    title: str(s.title) ? s.title : null,
    mode: str(s.mode) ? s.mode : 'auto',
    consumption_offsets: isObj(s.consumption_offsets) ? (s.consumption_offsets as Session['consumption_offsets']) : {},
    metadata: isObj(s.metadata) ? (s.metadata as Record<string, Json>) : {},
    labels: Array.isArray(s.labels) ? s.labels.filter(str) : [],
  };
}

/**
 * Checks an agent.
 * @example const agent = parseAgent(body);
 */
export function parseAgent(raw: unknown): Agent {
  need(isObj(raw) && str(raw.id) && str(raw.name), 'agent without id or name');
  const a = raw as Obj;
  return { ...(a as unknown as Agent), description: str(a.description) ? a.description : null };
}

/**
 * Checks a customer.
 * @example const customer = parseCustomer(body);
 */
export function parseCustomer(raw: unknown): Customer {
  need(isObj(raw) && str(raw.id) && str(raw.name), 'customer without id or name');
  const c = raw as Obj;
  return {
    ...(c as unknown as Customer),
    metadata: isObj(c.metadata) ? (c.metadata as Record<string, string>) : {},
    tags: Array.isArray(c.tags) ? c.tags.filter(str) : [],
  };
}

/**
 * Checks an agent list.
 * @example const agents = parseAgentList(body);
 */
export function parseAgentList(raw: unknown): Agent[] {
  need(Array.isArray(raw), 'agent list is not an array');
  return (raw as unknown[]).map(parseAgent);
}
