/**
 * Session routes: create (with optional greeting), read, list, update, delete.
 */
import type { Json, Session } from '../core/types';
import type { RouteDef } from './context';
import { boolQuery, intQuery, itemNotFound, json, noContent, readJson, sessionNotFound } from './http';
import { GUEST_ID } from './state';
import { readBody, validateBody, validateEnumQuery } from './validate';

const creationFields = {
  agent_id: { type: 'string', required: true },
  customer_id: { type: 'string' },
  title: { type: 'string', max: 200 },
  metadata: { type: 'object' },
  labels: { type: 'array', strings: true },
} as const;

const updateFields = {
  title: { type: 'string', max: 200 },
  mode: { type: 'enum', values: ['auto', 'manual'] },
  consumption_offsets: { type: 'object', fields: { client: { type: 'int' } } },
  customer_id: { type: 'string' },
  agent_id: { type: 'string' },
  metadata: { type: 'object' },
  labels: { type: 'object' },
} as const;

interface SessionPatch {
  title?: string | null;
  mode?: 'auto' | 'manual' | null;
  consumption_offsets?: { client?: number } | null;
  customer_id?: string | null;
  agent_id?: string | null;
  metadata?: { set?: Record<string, Json>; unset?: string[] } | null;
  labels?: { upsert?: string[]; remove?: string[] } | null;
}

/** Applies a PATCH body to a session, key by key. @example applySessionPatch(session, { title: 'x' }); */
export function applySessionPatch(session: Session, patch: SessionPatch): void {
  if (patch.title !== undefined) session.title = patch.title;
  if (patch.mode) session.mode = patch.mode;
  if (patch.consumption_offsets) session.consumption_offsets = { ...session.consumption_offsets, ...patch.consumption_offsets };
  if (patch.customer_id) session.customer_id = patch.customer_id;
  if (patch.agent_id) session.agent_id = patch.agent_id;
  if (patch.metadata) {
    Object.assign(session.metadata, patch.metadata.set ?? {});
    for (const key of patch.metadata.unset ?? []) delete session.metadata[key];
  }
  if (patch.labels) {
    const remove = new Set(patch.labels.remove ?? []);
    session.labels = [...new Set([...session.labels, ...(patch.labels.upsert ?? [])])].filter((l) => !remove.has(l));
  }
}

/** Routes for sessions. @example const table = [...sessionRoutes]; */
export const sessionRoutes: RouteDef[] = [
  {
    method: 'POST',
    pattern: '/sessions',
    handler: async ({ store, runner, request, query, traceId, authorize }) => {
      const greet = boolQuery(query, 'allow_greeting', false);
      if (greet instanceof Response) return greet;
      const body = await readJson(request);
      if (!body.ok) return body.response;
      const bad = validateBody(body.value, creationFields);
      if (bad) return bad;
      const init = body.value as { agent_id: string; customer_id?: string | null; title?: string | null; metadata?: Record<string, Json> | null; labels?: string[] | null };
      const denied = authorize(init.customer_id ? 'create_customer_session' : 'create_guest_session');
      if (denied) return denied;
      if (!store.agents.has(init.agent_id)) return itemNotFound(init.agent_id);
      const session = store.createSession({
        agent_id: init.agent_id,
        customer_id: init.customer_id ?? GUEST_ID,
        title: init.title ?? null,
        mode: 'auto',
        consumption_offsets: { client: 0 },
        metadata: init.metadata ?? {},
        labels: [...new Set(init.labels ?? [])],
      });
      const response = json(201, session);
      // The greeting run inherits this request's trace id, as Parlant's does.
      if (greet) runner.start(session.id, 'greeting', traceId, null);
      return response;
    },
  },
  {
    method: 'GET',
    pattern: '/sessions',
    handler: ({ store, query, authorize }) => {
      const limit = intQuery(query, 'limit', undefined);
      if (limit instanceof Response) return limit;
      const badSort = validateEnumQuery(query, 'sort', ['asc', 'desc']) ?? authorize('list_sessions');
      if (badSort) return badSort;
      const labels = query.getAll('labels');
      let list = [...store.sessions.values()]
        .map((r) => r.session)
        .filter((s) => (query.get('agent_id') ?? s.agent_id) === s.agent_id)
        .filter((s) => (query.get('customer_id') ?? s.customer_id) === s.customer_id)
        .filter((s) => labels.every((l) => s.labels.includes(l)));
      if (query.get('sort') === 'desc') list = list.reverse();
      if (limit === undefined) return json(200, list);
      const start = Number.parseInt(query.get('cursor') ?? '0', 10) || 0;
      const items = list.slice(start, start + limit);
      const more = start + limit < list.length;
      return json(200, { items, total_count: list.length, has_more: more, next_cursor: more ? String(start + limit) : null });
    },
  },
  {
    method: 'DELETE',
    pattern: '/sessions',
    handler: ({ store, runner, query, authorize }) => {
      const denied = authorize('delete_sessions');
      if (denied) return denied;
      for (const { session } of [...store.sessions.values()]) {
        if ((query.get('agent_id') ?? session.agent_id) !== session.agent_id) continue;
        if ((query.get('customer_id') ?? session.customer_id) !== session.customer_id) continue;
        runner.stopSession(session.id);
        store.deleteSession(session.id);
      }
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/sessions/:session_id',
    handler: ({ store, params, authorize }) => {
      const rec = store.sessions.get(params.session_id as string);
      return authorize('read_session') ?? (rec ? json(200, rec.session) : sessionNotFound(params.session_id as string));
    },
  },
  {
    method: 'PATCH',
    pattern: '/sessions/:session_id',
    handler: async ({ store, request, params, authorize }) => {
      const id = params.session_id as string;
      const body = await readBody(request, updateFields, () => authorize('update_session'));
      if (!body.ok) return body.response;
      const rec = store.sessions.get(id);
      if (!rec) return sessionNotFound(id);
      applySessionPatch(rec.session, body.value as SessionPatch);
      return json(200, rec.session);
    },
  },
  {
    method: 'DELETE',
    pattern: '/sessions/:session_id',
    handler: ({ store, runner, params, authorize }) => {
      const id = params.session_id as string;
      const denied = authorize('delete_session');
      if (denied) return denied;
      runner.stopSession(id);
      return store.deleteSession(id) ? noContent() : sessionNotFound(id);
    },
  },
];
