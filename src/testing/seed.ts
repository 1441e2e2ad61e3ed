/**
 * Turns the short seeds tests write (`{ source: 'customer', message: 'Hi' }`) into complete
 * events, filling in what the server would.
 */
import type { Json, Participant } from '../core/types';
import type { IdSource } from './ids';
import type { EmulatorStore, NewEvent } from './state';
import type { EventSeed } from './types';

/** Options of `emu.agentSay`. @example emu.agentSay(sid, 'Hi, Dana here', { source: 'human_agent', participant: { display_name: 'Dana' } }); */
export interface AgentSayOptions {
  source?: 'ai_agent' | 'human_agent' | 'human_agent_on_behalf_of_ai_agent';
  participant?: Participant;
  trace_id?: string;
  metadata?: Record<string, Json>;
}

/**
 * A participant as a JSON object (`id` present, `null` when unknown), the way Parlant stores it.
 * @example participantJson({ display_name: 'Dana' }); // { id: null, display_name: 'Dana' }
 */
export function participantJson(p: Participant): { [key: string]: Json } {
  return { id: p.id ?? null, display_name: p.display_name };
}

function defaultParticipant(store: EmulatorStore, sessionId: string, source: string): Participant {
  const session = store.record(sessionId).session;
  if (source === 'customer') {
    return { id: session.customer_id, display_name: store.customer(session.customer_id)?.name ?? session.customer_id };
  }
  if (source === 'human_agent') return { id: null, display_name: 'Human agent' };
  return { id: session.agent_id, display_name: store.agents.get(session.agent_id)?.agent.name ?? session.agent_id };
}

/**
 * Builds the event a seed stands for.
 * @example store.append(sid, eventFromSeed(store, ids, sid, { kind: 'status', status: 'typing' }));
 */
export function eventFromSeed(store: EmulatorStore, ids: IdSource, sessionId: string, seed: EventSeed): NewEvent {
  const kind = seed.kind ?? (seed.status ? 'status' : 'message');
  const source = seed.source ?? (kind === 'message' ? 'customer' : 'ai_agent');
  let data: Json;
  if (seed.data !== undefined) {
    data = seed.data;
  } else if (kind === 'status') {
    data = { status: seed.status ?? 'ready', data: seed.statusData ?? {} };
  } else if (kind === 'message') {
    const participant = participantJson(seed.participant ?? defaultParticipant(store, sessionId, source));
    const message = seed.message ?? '';
    data = source === 'customer' ? { message, participant, flagged: false, tags: [] } : { message, participant };
  } else {
    data = {};
  }
  const event: NewEvent = { kind, source, data, trace_id: seed.trace_id ?? ids.trace(), metadata: seed.metadata ?? null };
  if (seed.creation_utc !== undefined) event.creation_utc = seed.creation_utc;
  if (seed.deleted !== undefined) event.deleted = seed.deleted;
  return event;
}
