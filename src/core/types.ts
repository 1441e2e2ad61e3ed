/**
 * Wire types of the Parlant REST API (3.3.x, tolerant of 3.0–3.2 and the 4.0 alpha).
 * Keys stay snake_case, exactly as the server sends them.
 */

/** Any JSON value. @example const v: Json = { a: [1, 'b', null] }; */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Kinds of event a session timeline holds. Unknown kinds from newer servers are kept as strings. @example const k: EventKind = 'message'; */
export type EventKind = 'message' | 'tool' | 'status' | 'custom';

/** Who produced an event. @example const s: EventSource = 'customer'; */
export type EventSource =
  | 'customer'
  | 'customer_ui'
  | 'ai_agent'
  | 'human_agent'
  | 'human_agent_on_behalf_of_ai_agent'
  | 'system';

/** Agent status values carried by status events. @example const s: SessionStatus = 'typing'; */
export type SessionStatus = 'acknowledged' | 'cancelled' | 'processing' | 'typing' | 'ready' | 'error';

/**
 * One event of a session, as received. `kind` and `source` may hold values this library does
 * not know yet; they are kept and rendered generically.
 * @example
 * const e: ParlantEvent = { id: 'Qm3v0Yb1xk', source: 'customer', kind: 'message', offset: 0,
 *   creation_utc: '2026-06-26T10:15:30Z', trace_id: 'abc', data: { message: 'Hi' }, metadata: {}, deleted: false };
 */
export interface ParlantEvent {
  id: string;
  source: EventSource | (string & {});
  kind: EventKind | (string & {});
  offset: number;
  creation_utc: string;
  /** 3.1+. */
  trace_id?: string;
  /** Deprecated alias of `trace_id`; the only trace field on 3.0 servers (`R<id>::process`). */
  correlation_id?: string;
  /** 4.0 alpha only. */
  modified_utc?: string;
  data: Json;
  metadata: Record<string, Json>;
  deleted: boolean;
}

/** Who wrote a message. @example const p: Participant = { id: 'guest', display_name: 'Guest' }; */
export interface Participant {
  id?: string | null;
  display_name: string;
}

/** `data` of a message event. @example const d: MessageData = { message: 'Hi', participant: { display_name: 'Guest' } }; */
export interface MessageData {
  message: string;
  participant: Participant;
  flagged?: boolean;
  tags?: string[];
  /** 4.0 name of `tags`. */
  groups?: string[];
  draft?: string;
  canned_responses?: Array<[string, string] | string>;
  /** Streaming agents only; complete when the last element is `null`. */
  chunks?: Array<string | null>;
}

/** Result of one tool call. @example const r: ToolResult = { data: { balance: 5 } }; */
export interface ToolResult {
  data: Json;
  metadata?: Record<string, Json>;
  control?: { mode?: 'auto' | 'manual'; lifespan?: 'response' | 'session' };
  canned_responses?: string[];
  canned_response_fields?: Record<string, Json>;
  guidelines?: Json[];
}

/** One tool call inside a tool event. @example const c: ToolCall = { tool_id: 'bank:balance', arguments: {}, result: { data: 1 } }; */
export interface ToolCall {
  tool_id: string;
  arguments: Record<string, Json>;
  result: ToolResult;
}

/** `data` of a tool event. @example const d: ToolData = { tool_calls: [] }; */
export interface ToolData {
  tool_calls: ToolCall[];
}

/** `data` of a status event. @example const d: StatusData = { status: 'processing', data: { stage: 'Interpreting' } }; */
export interface StatusData {
  status: SessionStatus | (string & {});
  data: Json;
}

/** An agent. @example const a: Agent = { id: 'a1', name: 'Haxon', description: null }; */
export interface Agent {
  id: string;
  name: string;
  description: string | null;
  max_engine_iterations?: number;
  composition_mode?: string;
  message_output_mode?: 'block' | 'stream' | (string & {});
  tags?: string[];
}

/** A customer. @example const c: Customer = { id: 'guest', name: 'Guest', creation_utc: '', metadata: {}, tags: [] }; */
export interface Customer {
  id: string;
  creation_utc: string;
  name: string;
  metadata: Record<string, string>;
  tags: string[];
}

/** A session. @example const s: Session = { id: 's1', agent_id: 'a1', customer_id: 'guest', creation_utc: '', title: null, mode: 'auto', consumption_offsets: {}, metadata: {}, labels: [] }; */
export interface Session {
  id: string;
  agent_id: string;
  customer_id: string;
  creation_utc: string;
  title: string | null;
  mode: 'auto' | 'manual' | (string & {});
  consumption_offsets: { client?: number };
  metadata: Record<string, Json>;
  labels: string[];
}

/** Body of `POST /sessions/{id}/events`. @example const b: EventCreationParams = { kind: 'message', source: 'customer', message: 'Hi' }; */
export interface EventCreationParams {
  kind: 'message' | 'custom' | 'status';
  source: EventSource;
  message?: string;
  data?: Json;
  metadata?: Record<string, Json>;
  participant?: { id?: string | null; display_name: string };
  status?: SessionStatus;
}
