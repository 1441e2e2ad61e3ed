/**
 * Event routes: the long-poll list (the heart of the contract), single-event reads with
 * `wait_for_completion`, SSE, deletion from an offset, and metadata updates.
 */
import type { Json } from '../core/types';
import { EVENT_KINDS, EVENT_SOURCES, type RouteContext, type RouteDef } from './context';
import { createEvent } from './event-create';
import { bareServerError, boolQuery, detail, empty, eventNotFound, intQuery, invalid, json, noContent, readJson, sessionNotFound } from './http';
import { isComplete, sseEvent, sseList } from './sse';
import type { EventFilter } from './state';
import { validateBody, validateEnumQuery } from './validate';
import { abortError, waitForChange, type WaitOutcome } from './wait';

/** What a proxy (nginx) answers when it gives up on a slow upstream. @example proxyGatewayTimeout().status === 504; */
export function proxyGatewayTimeout(): Response {
  const html = '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  return new Response(html, { status: 504, headers: { 'Content-Type': 'text/html' } });
}

/** Validates the list's filters, authorizes, then converts `kinds` (in Parlant's order). */
function parseFilter(query: URLSearchParams, authorize: RouteContext['authorize']): EventFilter | Response {
  const minOffset = intQuery(query, 'min_offset', undefined);
  if (minOffset instanceof Response) return minOffset;
  const badSource = validateEnumQuery(query, 'source', EVENT_SOURCES) ?? authorize('list_events');
  if (badSource) return badSource;
  const kinds = (query.get('kinds') ?? '') === '' ? [] : (query.get('kinds') as string).split(',');
  // Parlant converts kinds inside the handler, so an unknown one is an unhandled ValueError: a bare 500.
  if (kinds.some((k) => !(EVENT_KINDS as readonly string[]).includes(k))) return bareServerError();
  const filter: EventFilter = { kinds };
  if (minOffset !== undefined) filter.minOffset = minOffset;
  const source = query.get('source');
  if (source !== null) filter.source = source;
  const traceId = query.get('trace_id');
  if (traceId !== null) filter.traceId = traceId;
  return filter;
}

function settle(outcome: WaitOutcome<unknown>, ctx: RouteContext, onReady: () => Response, onTimeout: () => Response): Response {
  const sid = ctx.params.session_id as string;
  switch (outcome.kind) {
    case 'ready':
      return onReady();
    case 'timeout':
      return onTimeout();
    case 'gone':
      return sessionNotFound(sid);
    case 'closed':
      return empty(503);
    case 'aborted':
      throw abortError(ctx.request.signal);
  }
}

async function listEvents(ctx: RouteContext): Promise<Response> {
  const { store, timers, faults, query, request } = ctx;
  const sid = ctx.params.session_id as string;
  const wait = intQuery(query, 'wait_for_data', 60);
  if (wait instanceof Response) return wait;
  const sse = boolQuery(query, 'sse', false);
  if (sse instanceof Response) return sse;
  const filter = parseFilter(query, ctx.authorize);
  if (filter instanceof Response) return filter;
  if (sse) return sseList(ctx, filter, Math.max(0, wait));
  if (!store.sessions.has(sid)) return sessionNotFound(sid);
  const probe = () => {
    const list = store.findEvents(sid, filter);
    return list.length > 0 ? list : undefined;
  };
  const now = probe();
  if (now) return json(200, now);
  if (wait <= 0) return json(200, []);
  const cap = faults.waitCap;
  const capped = cap !== null && cap < wait;
  const outcome = await waitForChange(store, timers, sid, probe, (capped ? cap : wait) * 1000, request.signal);
  return settle(
    outcome,
    ctx,
    () => json(200, outcome.kind === 'ready' ? outcome.value : []),
    () => (capped ? proxyGatewayTimeout() : detail(504, 'Request timed out')),
  );
}

async function readEvent(ctx: RouteContext): Promise<Response> {
  const { store, timers, query, request } = ctx;
  const sid = ctx.params.session_id as string;
  const eid = ctx.params.event_id as string;
  const complete = boolQuery(query, 'wait_for_completion', false);
  if (complete instanceof Response) return complete;
  const wait = intQuery(query, 'wait_for_data', 60);
  if (wait instanceof Response) return wait;
  const sse = boolQuery(query, 'sse', false);
  if (sse instanceof Response) return sse;
  const denied = ctx.authorize('read_event');
  if (denied) return denied;
  if (sse) return sseEvent(ctx, Math.max(0, wait));
  const read = () => store.sessions.get(sid)?.byId.get(eid);
  if (!store.sessions.has(sid)) return sessionNotFound(sid);
  const event = read();
  if (!event) return eventNotFound(eid);
  if (!complete || isComplete(event)) return json(200, event);
  // Parlant returns the event as it is when the wait runs out: no 504 here.
  const outcome = await waitForChange(store, timers, sid, () => (isComplete(event) ? true : undefined), Math.max(0, wait) * 1000, request.signal);
  const current = () => json(200, read() ?? event);
  return settle(outcome, ctx, current, current);
}

async function deleteEvents(ctx: RouteContext): Promise<Response> {
  const { store, query } = ctx;
  const sid = ctx.params.session_id as string;
  const min = intQuery(query, 'min_offset', undefined);
  if (min instanceof Response) return min;
  if (min === undefined) return invalid(['query', 'min_offset'], 'missing', 'Field required', null);
  const denied = ctx.authorize('delete_events');
  if (denied) return denied;
  const rec = store.sessions.get(sid);
  if (!rec) return sessionNotFound(sid);
  const first = store.findEvents(sid, { minOffset: min })[0];
  if (first && store.findEvents(sid).some((e) => e.offset < first.offset && e.trace_id === first.trace_id)) {
    return detail(422, 'Cannot delete events with offset < min_offset unless they are the first event of their trace ID');
  }
  store.deleteEvents(sid, min);
  return noContent();
}

async function updateEvent(ctx: RouteContext): Promise<Response> {
  const sid = ctx.params.session_id as string;
  const eid = ctx.params.event_id as string;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const bad = validateBody(body.value, { metadata: { type: 'object', fields: { set: { type: 'object' }, unset: { type: 'array', strings: true } } } }) ?? ctx.authorize('update_event');
  if (bad) return bad;
  const rec = ctx.store.sessions.get(sid);
  if (!rec) return sessionNotFound(sid);
  const event = rec.byId.get(eid);
  if (!event || event.deleted) return eventNotFound(eid);
  const patch = (body.value as { metadata?: { set?: Record<string, Json>; unset?: string[] } | null }).metadata;
  event.metadata = { ...event.metadata, ...(patch?.set ?? {}) };
  for (const key of patch?.unset ?? []) delete event.metadata[key];
  return json(200, event);
}

/** Routes for events. @example const table = [...eventRoutes]; */
export const eventRoutes: RouteDef[] = [
  { method: 'POST', pattern: '/sessions/:session_id/events', handler: createEvent },
  { method: 'GET', pattern: '/sessions/:session_id/events', handler: listEvents },
  { method: 'DELETE', pattern: '/sessions/:session_id/events', handler: deleteEvents },
  { method: 'GET', pattern: '/sessions/:session_id/events/:event_id', handler: readEvent },
  { method: 'PATCH', pattern: '/sessions/:session_id/events/:event_id', handler: updateEvent },
];
