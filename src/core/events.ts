import type { Json, MessageData, ParlantEvent, StatusData, ToolCall } from './types';

/**
 * Pure functions over events: merge, trace keys, and typed views of `data`. Nothing here throws on
 * unknown kinds, sources or shapes; a field that is not what we expect reads as absent.
 */

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The key that groups one turn's events: `trace_id`, else the 3.0 `correlation_id` cut at `::`
 * (`R123::process` belongs to request `R123`).
 * @example traceKey({ correlation_id: 'RkZ3::process' } as ParlantEvent) // 'RkZ3'
 */
export function traceKey(event: Pick<ParlantEvent, 'trace_id' | 'correlation_id'>): string {
  return (event.trace_id ?? event.correlation_id ?? '').split('::')[0] ?? '';
}

/**
 * Merges a batch into a timeline sorted by offset. The later copy of an id wins (streaming updates,
 * `deleted: true`, the same event delivered again at another offset); another id at an occupied
 * offset replaces it (offsets reused after deletes on servers up to 3.2); deleted events leave the
 * timeline. Returns the same array when nothing changed, so subscribers can compare by reference.
 * @example const next = mergeEvents(current, response.events);
 */
export function mergeEvents(current: readonly ParlantEvent[], batch: readonly ParlantEvent[]): readonly ParlantEvent[] {
  return mergeCounted(current, batch).events;
}

/**
 * {@link mergeEvents}, also telling how many events were added, replaced or removed (so the
 * store need not diff the whole timeline again) and, when the batch was a plain append, the ids
 * it added (`appended`, else `null`). `ids`, the ids `current` holds, lets a plain append be
 * recognized without a pass over `current`.
 * @example const { events, changed } = mergeCounted(current, batch);
 */
export function mergeCounted(
  current: readonly ParlantEvent[],
  batch: readonly ParlantEvent[],
  ids: ReadonlySet<string> = new Set(current.map((e) => e.id)),
): { events: readonly ParlantEvent[]; changed: number; appended: Set<string> | null } {
  if (batch.length === 0) return { events: current, changed: 0, appended: null };
  const appended = plainAppendIds(current, batch, ids);
  if (appended) return { events: [...current, ...batch], changed: batch.length, appended };
  const byId = new Map(current.map((e) => [e.id, e]));
  const byOffset = new Map(current.map((e) => [e.offset, e]));
  let changed = 0;
  for (const event of batch) {
    const previous = byId.get(event.id);
    if (previous) {
      if (!event.deleted && sameEvent(previous, event)) continue;
      if (byOffset.get(previous.offset) === previous) byOffset.delete(previous.offset);
      byId.delete(event.id);
      if (event.deleted) changed += 1;
    }
    if (event.deleted) continue;
    const occupant = byOffset.get(event.offset);
    if (occupant) byId.delete(occupant.id);
    byOffset.set(event.offset, event);
    byId.set(event.id, event);
    changed += 1;
  }
  if (changed === 0) return { events: current, changed: 0, appended: null };
  return { events: [...byOffset.values()].sort((a, b) => a.offset - b.offset), changed, appended: null };
}

/**
 * The common case, new events after the last one, in order, none of them known: no maps, no sort.
 * Their ids when it is (a history's first batch: the store keeps them as its index), else `null`.
 */
function plainAppendIds(current: readonly ParlantEvent[], batch: readonly ParlantEvent[], ids: ReadonlySet<string>): Set<string> | null {
  let last = current.at(-1)?.offset ?? -1;
  const seen = new Set<string>();
  for (const event of batch) {
    if (event.deleted || event.offset <= last || ids.has(event.id) || seen.has(event.id)) return null;
    seen.add(event.id);
    last = event.offset;
  }
  return seen;
}

function sameEvent(a: ParlantEvent, b: ParlantEvent): boolean {
  return a === b || (a.id === b.id && a.offset === b.offset && a.modified_utc === b.modified_utc && JSON.stringify(a.data) === JSON.stringify(b.data));
}

/**
 * Reads a message event's `data`, or `null` when it is not a readable message.
 * @example messageData(event)?.message
 */
export function messageData(event: ParlantEvent): MessageData | null {
  if (event.kind !== 'message' || !isObj(event.data)) return null;
  const d = event.data;
  const participant = isObj(d.participant) ? d.participant : {};
  const result: MessageData = {
    message: typeof d.message === 'string' ? d.message : '',
    participant: {
      id: typeof participant.id === 'string' ? participant.id : null,
      display_name: typeof participant.display_name === 'string' ? participant.display_name : '',
    },
  };
  const tags = Array.isArray(d.tags) ? d.tags : Array.isArray(d.groups) ? d.groups : null;
  if (tags) result.tags = tags.filter((t): t is string => typeof t === 'string');
  if (d.flagged === true) result.flagged = true;
  if (Array.isArray(d.chunks)) result.chunks = d.chunks.filter((c): c is string | null => c === null || typeof c === 'string');
  return result;
}

/**
 * Whether a message is still being written (a streaming agent's `chunks` do not end with `null`).
 * @example if (isStreaming(event)) follow(event.id);
 */
export function isStreaming(event: ParlantEvent | undefined): boolean {
  const chunks = event ? messageData(event)?.chunks : undefined;
  return Array.isArray(chunks) && chunks.at(-1) !== null;
}

/**
 * Reads a status event's `data`, or `null`.
 * @example statusData(event)?.status // 'typing'
 */
export function statusData(event: ParlantEvent): StatusData | null {
  if (event.kind !== 'status' || !isObj(event.data) || typeof event.data.status !== 'string') return null;
  return { status: event.data.status, data: event.data.data ?? null };
}

/**
 * Reads the tool calls of a tool event (empty for anything else).
 * @example toolCalls(event).map((c) => c.tool_id)
 */
export function toolCalls(event: ParlantEvent): ToolCall[] {
  if (event.kind !== 'tool' || !isObj(event.data) || !Array.isArray(event.data.tool_calls)) return [];
  const calls: ToolCall[] = [];
  for (const raw of event.data.tool_calls) {
    if (!isObj(raw) || typeof raw.tool_id !== 'string') continue;
    const result = isObj(raw.result) ? raw.result : { data: raw.result ?? null };
    calls.push({
      tool_id: raw.tool_id,
      arguments: isObj(raw.arguments) ? raw.arguments : {},
      result: { ...result, data: result.data ?? null } as ToolCall['result'],
    });
  }
  return calls;
}

/**
 * The client message id the widget put in a customer event's metadata, if any.
 * @example clientMessageId(event) // 'c_8f2…'
 */
export function clientMessageId(event: ParlantEvent): string | undefined {
  const id = event.metadata[CLIENT_MESSAGE_ID];
  return typeof id === 'string' ? id : undefined;
}

/** Metadata key under which each customer message carries the widget's own id. @example event.metadata[CLIENT_MESSAGE_ID] // 'c_8f2…' */
export const CLIENT_MESSAGE_ID = 'client_message_id';
