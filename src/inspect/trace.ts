import { messageData, statusData, toolCalls, traceKey } from '../core/events';
import type { Json, ParlantEvent, ToolCall } from '../core/types';

/**
 * What one turn of the agent left on the timeline, read from the raw events of its trace. Every
 * value is the server's, untrusted: render it as text.
 */

/** How an agent reply was written. @example const c: Composition = { kind: 'canned', draft: 'Hi', cannedResponses: [['cr1', 'Hello!']] }; */
export interface Composition {
  /** `canned`: canned responses were chosen for a draft; `draft`: the draft went out as written; `generated`: neither field is present. */
  kind: 'canned' | 'draft' | 'generated';
  /** The message event's `draft`: what the engine wrote before a canned response was chosen for it. */
  draft?: string;
  /** `[canned response id, rendered text]` pairs, as the message event's `canned_responses`. */
  cannedResponses: Array<[string, string]>;
}

/** The details of a message's turn. @example const d: TraceDetails = inspectTrace(events, message.eventId); */
export interface TraceDetails {
  /** The trace id the turn's events share (`trace_id`, or the 3.0 `correlation_id` cut at `::`). */
  traceId: string;
  /** The message's own event, when it is in the trace. */
  event: ParlantEvent | undefined;
  /** The message's composition: agent messages only, `null` for anyone else's. */
  composition: Composition | null;
  /** Tags on the message itself (a preamble's, moderation's). */
  tags: string[];
  /** Moderation of the customer message that opened the turn (or of this message, when it is the customer's); `null` when there is none in the trace. */
  moderation: { flagged: boolean; tags: string[] } | null;
  /** Every tool call of the turn, with its whole result (`data`, `metadata`, `control`, …). */
  toolCalls: ToolCall[];
  /** `data` of the `ready` status that ended the turn (`stage: "completed"`), `null` until it came. */
  ready: Json | null;
  /** What that `ready` says matched (ids; empty when it lists none or has not come). */
  matched: { guidelines: string[]; journeys: string[]; journeyStates: string[] };
}

type Obj = { [key: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `[{id}]` → ids; anything else in the list is skipped. */
function ids(value: Json | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (isObj(item) && typeof item.id === 'string' ? [item.id] : typeof item === 'string' ? [item] : []));
}

function composition(event: ParlantEvent): Composition | null {
  if (event.source !== 'ai_agent' && event.source !== 'human_agent_on_behalf_of_ai_agent') return null;
  const data = isObj(event.data) ? event.data : {};
  const pairs = Array.isArray(data.canned_responses) ? data.canned_responses : [];
  // Pairs on current servers; the OpenAPI schema's plain strings are kept as ids without text.
  const cannedResponses = pairs.flatMap((pair): Array<[string, string]> =>
    Array.isArray(pair) && typeof pair[0] === 'string' ? [[pair[0], typeof pair[1] === 'string' ? pair[1] : '']] : typeof pair === 'string' ? [[pair, '']] : [],
  );
  const draft = typeof data.draft === 'string' ? data.draft : undefined;
  const kind = cannedResponses.length > 0 ? 'canned' : draft !== undefined ? 'draft' : 'generated';
  return draft === undefined ? { kind, cannedResponses } : { kind, draft, cannedResponses };
}

function moderationOf(event: ParlantEvent): { flagged: boolean; tags: string[] } {
  const data = messageData(event);
  return { flagged: data?.flagged === true, tags: data?.tags ?? [] };
}

/**
 * The details of one turn from its events (any order; others are ignored), for the message with
 * `eventId`.
 * @example
 * const details = inspectTrace(store.getState().events.filter((e) => traceKey(e) === message.traceKey), message.eventId);
 * details.matched.guidelines // ['gl_return_window']
 */
export function inspectTrace(events: readonly ParlantEvent[], eventId?: string): TraceDetails {
  const event = events.find((e) => e.id === eventId);
  const traceId = event ? traceKey(event) : events[0] ? traceKey(events[0]) : '';
  const trace = events.filter((e) => traceKey(e) === traceId);
  const customer = event?.source === 'customer' ? event : trace.find((e) => e.kind === 'message' && e.source === 'customer');
  let ready: Json | null = null;
  for (const e of trace) {
    const status = statusData(e);
    if (status?.status === 'ready' && isObj(status.data) && status.data.stage === 'completed') ready = status.data;
  }
  return {
    traceId,
    event,
    composition: event ? composition(event) : null,
    tags: event ? (messageData(event)?.tags ?? []) : [],
    moderation: customer ? moderationOf(customer) : null,
    toolCalls: trace.flatMap(toolCalls),
    ready,
    matched: {
      guidelines: isObj(ready) ? ids(ready.matched_guidelines) : [],
      journeys: isObj(ready) ? ids(ready.matched_journeys) : [],
      journeyStates: isObj(ready) ? ids(ready.matched_journey_states) : [],
    },
  };
}

const EMPTY: readonly ParlantEvent[] = [];

/**
 * Groups a timeline's events by trace, kept between calls: a trace whose events did not change
 * keeps its array, so an inspector selecting it does not re-render. One pass per new timeline,
 * shared by every inspector of the widget.
 * @example const byTrace = traceIndex(); byTrace(events).get(message.traceKey)
 */
export function traceIndex(): (events: readonly ParlantEvent[]) => ReadonlyMap<string, readonly ParlantEvent[]> {
  let seen: readonly ParlantEvent[] = EMPTY;
  let byTrace = new Map<string, readonly ParlantEvent[]>();
  return (events) => {
    if (events === seen) return byTrace;
    const next = new Map<string, ParlantEvent[]>();
    for (const event of events) {
      const key = traceKey(event);
      const list = next.get(key);
      if (list) list.push(event);
      else next.set(key, [event]);
    }
    const kept = new Map<string, readonly ParlantEvent[]>();
    for (const [key, list] of next) {
      const before = byTrace.get(key);
      kept.set(key, before && before.length === list.length && before.every((e, i) => e === list[i]) ? before : list);
    }
    seen = events;
    byTrace = kept;
    return byTrace;
  };
}
