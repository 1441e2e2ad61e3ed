/**
 * `POST /sessions/{id}/events`: every combination of kind and source from parlant-api.md §2.4,
 * with Parlant's own 422 wording, and the scripted agent triggered by customer messages.
 */
import type { Json, Participant } from '../core/types';
import { EVENT_KINDS, EVENT_SOURCES, SESSION_STATUSES, type RouteContext } from './context';
import { detail, isFalsy, isObject, json, readJson, sessionNotFound } from './http';
import { participantJson } from './seed';
import { validateBody, validateEnumQuery } from './validate';

interface CreationParams {
  kind: string;
  source: string;
  message?: string | null;
  data?: Json;
  metadata?: Record<string, Json> | null;
  participant?: { id?: string | null; display_name: string } | null;
  status?: string | null;
  guidelines?: Array<{ action?: string }> | null;
}

const fields = {
  kind: { type: 'enum', required: true, values: EVENT_KINDS },
  source: { type: 'enum', required: true, values: EVENT_SOURCES },
  message: { type: 'string' },
  metadata: { type: 'object' },
  participant: { type: 'object' },
  status: { type: 'enum', values: SESSION_STATUSES },
  guidelines: { type: 'array' },
} as const;

/**
 * Moderation stand-in: `auto` flags insults (`harassment`) and threats (`violence`);
 * `paranoid` also flags prompt-injection phrases (`jailbreak`), e.g. "ignore previous instructions".
 * @example moderate('you idiot', 'auto'); // { flagged: true, tags: ['harassment'] }
 */
export function moderate(text: string, mode: string): { flagged: boolean; tags: string[] } {
  const tags: string[] = [];
  if (mode === 'none') return { flagged: false, tags };
  if (/\b(idiot|stupid|hate you|shut up)\b/i.test(text)) tags.push('harassment');
  if (/\b(kill|bomb|weapon)\b/i.test(text)) tags.push('violence');
  if (mode === 'paranoid' && /ignore (all |any )?(previous|prior) instructions|jailbreak|system prompt/i.test(text)) tags.push('jailbreak');
  return { flagged: tags.length > 0, tags };
}

const missingMessage = () => detail(422, "Missing 'message' field for event");

/** The operation each message source needs (the others are refused before authorization). */
const MESSAGE_OPERATIONS: Record<string, string> = {
  customer: 'create_customer_event',
  ai_agent: 'create_agent_event',
  human_agent: 'create_human_agent_event',
  human_agent_on_behalf_of_ai_agent: 'create_human_agent_on_behalf_of_ai_agent_event',
};

/**
 * Handles `POST /sessions/{session_id}/events`.
 * @example routes.push({ method: 'POST', pattern: '/sessions/:session_id/events', handler: createEvent });
 */
export async function createEvent(ctx: RouteContext): Promise<Response> {
  const { store, runner, query, params, traceId } = ctx;
  const badModeration = validateEnumQuery(query, 'moderation', ['auto', 'paranoid', 'none']);
  if (badModeration) return badModeration;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const bad = validateBody(body.value, fields);
  if (bad) return bad;
  const p = body.value as unknown as CreationParams;
  if (p.participant) {
    const badParticipant = validateBody(p.participant, { id: { type: 'string' }, display_name: { type: 'string', required: true } }, ['body', 'participant']);
    if (badParticipant) return badParticipant;
  }
  const sid = params.session_id as string;
  const rec = () => store.sessions.get(sid);
  const metadata = p.metadata ?? null;
  const created = (kind: string, source: string, data: Json) =>
    json(201, store.append(sid, { kind, source, data, trace_id: traceId, metadata }));

  if (p.kind === 'custom') {
    const denied = ctx.authorize('create_custom_event');
    if (denied) return denied;
    if (isFalsy(p.data)) return detail(422, "Missing 'data' field for custom event");
    return rec() ? created('custom', p.source, p.data as Json) : sessionNotFound(sid);
  }
  if (p.kind === 'status') {
    const denied = ctx.authorize('create_status_event');
    if (denied) return denied;
    if (!p.status) return detail(422, 'Missing "status" field for status event');
    const raw = isFalsy(p.data) ? {} : (p.data as Json);
    if (!isObject(raw)) return detail(422, 'Status event "data" must be a JSON object');
    return rec() ? created('status', p.source, { status: p.status, data: raw }) : sessionNotFound(sid);
  }
  if (p.kind !== 'message') return detail(422, 'Only message, custom and status events can currently be added manually');
  const operation = MESSAGE_OPERATIONS[p.source];
  const denied = operation ? (ctx.authorize(operation) ?? (p.source === 'customer' && p.participant ? ctx.authorize('override_customer_participant') : undefined)) : undefined;
  if (denied) return denied;

  switch (p.source) {
    case 'customer': {
      if (!p.message) return missingMessage();
      const session = rec()?.session;
      if (!session) return sessionNotFound(sid);
      const participant: Participant = p.participant
        ? { id: p.participant.id || null, display_name: p.participant.display_name }
        : { id: session.customer_id, display_name: store.customer(session.customer_id)?.name ?? session.customer_id };
      const event = store.append(sid, {
        kind: 'message',
        source: 'customer',
        trace_id: traceId,
        metadata,
        data: { message: p.message, participant: participantJson(participant), ...moderate(p.message, query.get('moderation') ?? ctx.moderation) },
      });
      const response = json(201, event);
      // In manual mode Parlant's engine returns before emitting anything (human handoff).
      if (session.mode === 'auto') runner.start(sid, 'message', traceId, event);
      return response;
    }
    case 'ai_agent': {
      if (p.message) {
        return detail(422, 'If you add an agent message, you cannot specify what the message will be, as it will be auto-generated by the agent.');
      }
      const session = rec()?.session;
      if (!session) return sessionNotFound(sid);
      if (p.guidelines && p.guidelines.length > 0) {
        const agent = store.agents.get(session.agent_id)?.agent;
        const text = p.guidelines.map((g) => g.action ?? '').join(' ');
        const participant = { id: session.agent_id, display_name: agent?.name ?? session.agent_id };
        return created('message', 'ai_agent', { message: text, participant });
      }
      const ack = runner.start(sid, 'prompt', traceId, null);
      return ack ? json(201, ack) : detail(504, 'Request timed out');
    }
    case 'human_agent': {
      if (!p.message) return missingMessage();
      if (!p.participant?.display_name) return detail(422, "Missing 'participant' with 'display_name' for human agent message");
      const participant = { id: p.participant.id || null, display_name: p.participant.display_name };
      return rec() ? created('message', 'human_agent', { message: p.message, participant }) : sessionNotFound(sid);
    }
    case 'human_agent_on_behalf_of_ai_agent': {
      if (!p.message) return detail(422, "Missing 'data' field for message");
      const session = rec()?.session;
      if (!session) return sessionNotFound(sid);
      const agent = store.agents.get(session.agent_id)?.agent;
      return created('message', p.source, { message: p.message, participant: { id: session.agent_id, display_name: agent?.name ?? session.agent_id } });
    }
    default:
      return detail(422, 'Only "customer", "human_agent", and "human_agent_on_behalf_of_ai_agent" sources are supported for direct posting.');
  }
}
