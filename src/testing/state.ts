/**
 * The emulator's in-memory data: agents, customers, sessions and their events, plus change
 * listeners that long-polls and streams wait on.
 */
import type { Agent, Customer, Json, ParlantEvent, Session } from '../core/types';
import type { IdSource } from './ids';
import type { ScriptSpec } from './scripts';
import type { CustomerInit, EmulatorAgentInit } from './types';

/** An agent plus the emulator-only settings that drive it. @example store.agents.get(id)?.agent.name; */
export interface AgentRecord {
  agent: Agent;
  script: ScriptSpec | undefined;
  greeting: string | null | undefined;
}

/** A session with its timeline. Events are kept in offset order. @example store.sessions.get(id)?.events.length; */
export interface SessionRecord {
  session: Session;
  events: ParlantEvent[];
  byId: Map<string, ParlantEvent>;
  nextOffset: number;
  listeners: Set<() => void>;
}

/** Filters of `GET /sessions/{id}/events`. @example store.findEvents(sid, { minOffset: 3, kinds: ['message'] }); */
export interface EventFilter {
  minOffset?: number;
  source?: string;
  kinds?: string[];
  traceId?: string;
  includeDeleted?: boolean;
}

/** An event about to be stored; the store assigns id, offset and the rest. @example const e: NewEvent = { kind: 'custom', source: 'customer_ui', data: { a: 1 }, trace_id: 't' }; */
export interface NewEvent {
  kind: ParlantEvent['kind'];
  source: ParlantEvent['source'];
  data: Json;
  trace_id: string;
  metadata?: Record<string, Json> | null;
  creation_utc?: string;
  deleted?: boolean;
}

/** Thrown when an operation targets a session that no longer exists. @example if (e instanceof SessionGoneError) return; */
export class SessionGoneError extends Error {
  constructor(readonly sessionId: string) {
    super(`Session not found (id='${sessionId}')`);
    this.name = 'SessionGoneError';
  }
}

/** Id of the built-in shared customer. @example emu.createSession({ customerId: GUEST_ID }); */
export const GUEST_ID = 'guest';

/**
 * In-memory store. Mutations notify the session's listeners synchronously so waiting requests
 * answer in the same tick the event appears.
 * @example
 * const store = new EmulatorStore(createIdSource());
 * const agent = store.addAgent({ name: 'Haxon' });
 */
export class EmulatorStore {
  readonly agents = new Map<string, AgentRecord>();
  readonly customers = new Map<string, Customer>();
  readonly sessions = new Map<string, SessionRecord>();
  closed = false;
  private readonly guest: Customer;

  constructor(private readonly ids: IdSource) {
    this.guest = { id: GUEST_ID, creation_utc: ids.timestamp(), name: 'Guest', metadata: {}, tags: [] };
  }

  addAgent(init: EmulatorAgentInit): Agent {
    const agent: Agent = {
      id: init.id ?? this.ids.id('agent'),
      name: init.name,
      description: init.description ?? null,
      max_engine_iterations: init.max_engine_iterations ?? 3,
      composition_mode: init.composition_mode ?? 'fluid',
      message_output_mode: init.message_output_mode ?? 'block',
      tags: init.tags ?? [],
    };
    this.agents.set(agent.id, { agent, script: init.script, greeting: init.greeting });
    return agent;
  }

  addCustomer(init: CustomerInit): Customer {
    const customer: Customer = {
      id: init.id ?? this.ids.id('customer'),
      creation_utc: this.ids.timestamp(),
      name: init.name,
      metadata: { ...init.metadata },
      tags: [...(init.tags ?? [])],
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** The customer, including the always-present guest. */
  customer(id: string): Customer | undefined {
    return this.customers.get(id) ?? (id === GUEST_ID ? this.guest : undefined);
  }

  createSession(init: Omit<Session, 'id' | 'creation_utc'> & { id?: string }): Session {
    const session: Session = {
      id: init.id ?? this.ids.id('session'),
      agent_id: init.agent_id,
      customer_id: init.customer_id,
      creation_utc: this.ids.timestamp(),
      title: init.title,
      mode: init.mode,
      consumption_offsets: init.consumption_offsets,
      metadata: init.metadata,
      labels: init.labels,
    };
    this.sessions.set(session.id, { session, events: [], byId: new Map(), nextOffset: 0, listeners: new Set() });
    return session;
  }

  record(sessionId: string): SessionRecord {
    const rec = this.sessions.get(sessionId);
    if (!rec) throw new SessionGoneError(sessionId);
    return rec;
  }

  append(sessionId: string, init: NewEvent): ParlantEvent {
    const rec = this.record(sessionId);
    const event: ParlantEvent = {
      id: this.ids.id('event'),
      source: init.source,
      kind: init.kind,
      offset: rec.nextOffset,
      creation_utc: init.creation_utc ?? this.ids.timestamp(),
      trace_id: init.trace_id,
      correlation_id: init.trace_id,
      data: init.data,
      metadata: init.metadata ?? {},
      deleted: init.deleted ?? false,
    };
    rec.nextOffset += 1;
    rec.events.push(event);
    rec.byId.set(event.id, event);
    this.notify(rec);
    return event;
  }

  /** Replaces an event's `data` in place (same id and offset), as streaming messages do. */
  updateData(sessionId: string, eventId: string, data: Json): void {
    const rec = this.record(sessionId);
    const event = rec.byId.get(eventId);
    if (!event) return;
    event.data = data;
    this.notify(rec);
  }

  /** Events of a session in offset order, filtered like the list endpoint. */
  findEvents(sessionId: string, filter: EventFilter = {}): ParlantEvent[] {
    const { events } = this.record(sessionId);
    const min = filter.minOffset ?? 0;
    // Offsets only grow, so a binary search finds the start even in a 10 000-event history.
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((events[mid] as ParlantEvent).offset < min) lo = mid + 1;
      else hi = mid;
    }
    const out: ParlantEvent[] = [];
    for (let i = lo; i < events.length; i += 1) {
      const e = events[i] as ParlantEvent;
      if (e.deleted && !filter.includeDeleted) continue;
      if (filter.source !== undefined && e.source !== filter.source) continue;
      if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(e.kind)) continue;
      if (filter.traceId !== undefined && e.trace_id !== filter.traceId) continue;
      out.push(e);
    }
    return out;
  }

  /** Soft-deletes every event with `offset >= minOffset`. */
  deleteEvents(sessionId: string, minOffset: number): void {
    const rec = this.record(sessionId);
    for (const e of rec.events) if (e.offset >= minOffset) e.deleted = true;
    this.notify(rec);
  }

  deleteSession(sessionId: string): boolean {
    const rec = this.sessions.get(sessionId);
    if (!rec) return false;
    this.sessions.delete(sessionId);
    this.notify(rec);
    rec.listeners.clear();
    return true;
  }

  /** Calls `fn` after every change to the session (and on deletion or close). */
  subscribe(sessionId: string, fn: () => void): () => void {
    const rec = this.sessions.get(sessionId);
    if (!rec) return () => {};
    rec.listeners.add(fn);
    return () => rec.listeners.delete(fn);
  }

  close(): void {
    this.closed = true;
    for (const rec of this.sessions.values()) this.notify(rec);
  }

  private notify(rec: SessionRecord): void {
    for (const fn of [...rec.listeners]) fn();
  }
}
