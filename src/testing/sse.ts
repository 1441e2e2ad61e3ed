/**
 * Server-Sent Events the way Parlant sends them: `data: <event json>\n\n` frames only (no
 * `id:`, `retry:` or heartbeats), and the stream simply ends after `wait_for_data` seconds
 * without news, on deletion, or on close.
 */
import type { ParlantEvent } from '../core/types';
import type { RouteContext } from './context';
import type { EventFilter } from './state';
import { waitForChange } from './wait';

const encoder = new TextEncoder();

type Producer = (send: (event: ParlantEvent) => void, signal: AbortSignal) => Promise<void>;

function sseResponse(ctx: RouteContext, produce: Producer): Response {
  const local = new AbortController();
  const onAbort = () => local.abort();
  ctx.request.signal.addEventListener('abort', onAbort, { once: true });
  // A proxy with a shorter idle timeout cuts the stream; emulate that with the wait cap.
  const cap = ctx.faults.waitCap;
  const cancelCap = cap === null ? () => {} : ctx.timers.after(cap * 1000, onAbort);
  const cleanup = () => {
    cancelCap();
    ctx.request.signal.removeEventListener('abort', onAbort);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ParlantEvent) => {
        if (!local.signal.aborted) controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
      };
      produce(send, local.signal)
        .then(() => controller.close())
        .catch((error: unknown) => controller.error(error))
        .catch(() => {})
        .finally(cleanup);
    },
    cancel() {
      local.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' },
  });
}

/**
 * `GET /sessions/{id}/events?sse=true`. An unknown session gives 200 and an empty stream, as
 * Parlant sends its headers before looking the session up.
 * @example return sseList(ctx, { minOffset: 0 }, 60);
 */
export function sseList(ctx: RouteContext, filter: EventFilter, waitSeconds: number): Response {
  const { store, timers } = ctx;
  const sid = ctx.params.session_id as string;
  return sseResponse(ctx, async (send, signal) => {
    let offset = filter.minOffset ?? 0;
    while (!signal.aborted && store.sessions.has(sid) && !store.closed) {
      const probe = () => {
        const list = store.findEvents(sid, { ...filter, minOffset: offset });
        return list.length > 0 ? list : undefined;
      };
      let list = probe();
      if (!list) {
        const outcome = await waitForChange(store, timers, sid, probe, waitSeconds * 1000, signal);
        if (outcome.kind !== 'ready') return;
        list = outcome.value;
      }
      for (const event of list) {
        send(event);
        offset = Math.max(offset, event.offset + 1);
      }
    }
  });
}

function chunksOf(event: ParlantEvent | undefined): Array<string | null> | undefined {
  const chunks = (event?.data as { chunks?: unknown } | null | undefined)?.chunks;
  return Array.isArray(chunks) ? (chunks as Array<string | null>) : undefined;
}

/**
 * True when an event is not a streaming message still in progress.
 * @example isComplete(event) // false while chunks do not end with null
 */
export function isComplete(event: ParlantEvent): boolean {
  const chunks = chunksOf(event);
  return chunks === undefined || (chunks.length > 0 && chunks[chunks.length - 1] === null);
}

/**
 * `GET /sessions/{id}/events/{event_id}?sse=true`: the event now, then again on every new
 * chunk, closing after the `null` terminator. An unknown event aborts the 200 response.
 * @example return sseEvent(ctx, 60);
 */
export function sseEvent(ctx: RouteContext, waitSeconds: number): Response {
  const { store, timers } = ctx;
  const sid = ctx.params.session_id as string;
  const eid = ctx.params.event_id as string;
  const read = () => store.sessions.get(sid)?.byId.get(eid);
  return sseResponse(ctx, async (send, signal) => {
    if (!read()) throw new TypeError(`Event not found (id='${eid}')`);
    while (!signal.aborted) {
      const event = read();
      if (!event) return;
      send(event);
      const chunks = chunksOf(event);
      if (!chunks || chunks[chunks.length - 1] === null) return;
      const seen = chunks.length;
      const outcome = await waitForChange(store, timers, sid, () => (chunksOf(read())?.length !== seen ? true : undefined), waitSeconds * 1000, signal);
      if (outcome.kind !== 'ready') return;
    }
  });
}
