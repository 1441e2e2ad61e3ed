import type { ParlantError } from './errors';
import { clientMessageId, messageData, statusData, toolCalls, traceKey } from './events';
import type { OutboxItem, TimelineState } from './timeline';
import type { Json, ParlantEvent } from './types';

/** Who a message is from, as a chat shows it. @example const r: MessageRole = 'agent'; */
export type MessageRole = 'customer' | 'agent' | 'human_agent' | 'system';

/** A message ready to render: a server event or a local, not yet confirmed send. @example messages.filter((m: ChatMessage) => m.delivery === 'failed') */
export interface ChatMessage {
  /** Stable React key: the client id for our own messages (so a bubble never remounts when confirmed). */
  key: string;
  eventId?: string;
  clientId?: string;
  offset?: number;
  traceKey: string;
  /** The raw source (`customer`, `ai_agent`, `human_agent`, `human_agent_on_behalf_of_ai_agent`, …). */
  source: string;
  role: MessageRole;
  text: string;
  /** Participant display name as the server gave it. */
  author: string;
  /** ISO time from the server, or the local send time for pending messages. */
  createdAt: string;
  delivery: 'sending' | 'failed' | 'sent';
  error?: ParlantError;
  /** The agent could not answer this customer message (its turn ended with `error`). */
  agentFailed: boolean;
  /** Still being streamed (chunks not terminated). */
  streaming: boolean;
  /** A short filler message the agent sends while it works. */
  preamble: boolean;
}

/** One tool call that informed the agent messages of a turn. @example footnote.name // 'get_balance' */
export interface ToolFootnote {
  key: string;
  eventId: string;
  /** `service:tool`. */
  toolId: string;
  /** The part after the service name. */
  name: string;
  arguments: Record<string, Json>;
  result: Json;
}

/** What the agent is doing now. `waiting`: our message is posted but not acknowledged yet. @example if (activity.state === 'thinking') show(activity.stage); */
export interface AgentActivity {
  state: 'idle' | 'waiting' | 'thinking' | 'typing' | 'error';
  /** Free-text stage of `processing` (e.g. "Interpreting"). */
  stage?: string;
  traceKey?: string;
}

const ROLE: Record<string, MessageRole> = {
  customer: 'customer',
  ai_agent: 'agent',
  human_agent_on_behalf_of_ai_agent: 'agent',
  human_agent: 'human_agent',
};

/** Caches one result per input identity, so selectors return the same array until their inputs change. */
function memo<A extends object, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R;
  return (a, b) => {
    if (a !== lastA || b !== lastB) {
      last = fn(a, b);
      lastA = a;
      lastB = b;
    }
    return last;
  };
}

const fromEvent = new WeakMap<ParlantEvent, ChatMessage>();

function eventMessage(event: ParlantEvent, failed: ReadonlySet<string>): ChatMessage | null {
  const data = messageData(event);
  if (!data) return null;
  const key = traceKey(event);
  const agentFailed = event.source === 'customer' && failed.has(key);
  const cached = fromEvent.get(event);
  if (cached && cached.agentFailed === agentFailed) return cached;
  const clientId = clientMessageId(event);
  const message: ChatMessage = {
    key: clientId ?? event.id,
    eventId: event.id,
    offset: event.offset,
    traceKey: key,
    source: event.source,
    role: ROLE[event.source] ?? 'system',
    text: data.message,
    author: data.participant.display_name,
    createdAt: event.creation_utc,
    delivery: 'sent',
    agentFailed,
    streaming: Array.isArray(data.chunks) && data.chunks.at(-1) !== null,
    preamble: (data.tags ?? []).some((t) => t.includes('preamble')),
  };
  if (clientId) message.clientId = clientId;
  fromEvent.set(event, message);
  return message;
}

function outboxMessage(item: OutboxItem): ChatMessage {
  const message: ChatMessage = {
    key: item.clientId,
    clientId: item.clientId,
    traceKey: '',
    source: 'customer',
    role: 'customer',
    text: item.text,
    author: '',
    createdAt: new Date(item.createdAt).toISOString(),
    delivery: item.state,
    agentFailed: false,
    streaming: false,
    preamble: false,
  };
  if (item.error) message.error = item.error;
  return message;
}

/** Trace keys whose agent run ended in `error` (an error wins over a `ready` of the same trace). */
function failedTraces(events: readonly ParlantEvent[]): Set<string> {
  const failed = new Set<string>();
  for (const event of events) if (statusData(event)?.status === 'error') failed.add(traceKey(event));
  return failed;
}

function messagesOf(events: readonly ParlantEvent[], outbox: readonly OutboxItem[]): ChatMessage[] {
  const failed = failedTraces(events);
  const messages: ChatMessage[] = [];
  for (const event of events) {
    const message = eventMessage(event, failed);
    if (message) messages.push(message);
  }
  for (const item of outbox) messages.push(outboxMessage(item));
  return messages;
}

function footnotesOf(events: readonly ParlantEvent[]): Map<string, ToolFootnote[]> {
  const byTrace = new Map<string, ToolFootnote[]>();
  for (const event of events) {
    toolCalls(event).forEach((call, index) => {
      const key = traceKey(event);
      const list = byTrace.get(key) ?? [];
      list.push({
        key: `${event.id}:${index}`,
        eventId: event.id,
        toolId: call.tool_id,
        name: call.tool_id.includes(':') ? call.tool_id.slice(call.tool_id.indexOf(':') + 1) : call.tool_id,
        arguments: call.arguments,
        result: call.result.data,
      });
      byTrace.set(key, list);
    });
  }
  return byTrace;
}

function activityOf(events: readonly ParlantEvent[], outbox: readonly OutboxItem[]): AgentActivity {
  const sending = outbox.some((item) => item.state === 'sending');
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    const status = statusData(event);
    if (!status) {
      if (event.kind === 'message' && event.source === 'customer') return handedOff(events) ? { state: 'idle' } : waitingFor(event);
      continue;
    }
    const trace = traceKey(event);
    if (status.status === 'error') return { state: 'error', traceKey: trace };
    if (status.status === 'acknowledged' || status.status === 'processing') {
      const stage = typeof (status.data as { stage?: unknown } | null)?.stage === 'string' ? (status.data as { stage: string }).stage : undefined;
      return stage ? { state: 'thinking', stage, traceKey: trace } : { state: 'thinking', traceKey: trace };
    }
    if (status.status === 'typing') {
      const answered = events.slice(i + 1).some((e) => e.kind === 'message' && e.source !== 'customer');
      return answered ? { state: 'idle' } : { state: 'typing', traceKey: trace };
    }
    return sending && !handedOff(events) ? { state: 'waiting' } : { state: 'idle' };
  }
  return sending ? { state: 'waiting' } : { state: 'idle' };
}

/** A customer message with no status after it: the agent has not acknowledged it yet. */
function waitingFor(event: ParlantEvent): AgentActivity {
  return { state: 'waiting', traceKey: traceKey(event) };
}

/**
 * True when a human took the conversation over: in manual mode Parlant sends no status events at
 * all, so "waiting for the agent" would never end.
 */
function handedOff(events: readonly ParlantEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message' && event.source === 'human_agent') return true;
    const mode = toolCalls(event).map((c) => c.result.control?.mode).findLast((m) => m !== undefined);
    if (mode) return mode === 'manual';
    // The engine acknowledging a message means it is in charge again.
    const status = statusData(event)?.status;
    if (status === 'acknowledged' || status === 'processing') return false;
  }
  return false;
}

/** Selectors over one timeline, each returning the same value until its inputs change. @example const views: TimelineViews = createTimelineViews(); */
export interface TimelineViews {
  /** Every message in order: confirmed ones by offset, then the customer's pending and failed sends. */
  selectMessages(state: Pick<TimelineState, 'events' | 'outbox'>): ChatMessage[];
  /** Tool calls by trace key: the footnotes of every agent message of that turn. */
  selectToolFootnotes(state: Pick<TimelineState, 'events'>): ReadonlyMap<string, ToolFootnote[]>;
  /**
   * The agent's activity from the latest status by offset: acknowledged/processing → thinking,
   * typing → typing (until an agent message follows), error → error, ready/cancelled → idle; our
   * message not yet acknowledged → waiting.
   */
  selectAgentActivity(state: Pick<TimelineState, 'events' | 'outbox'>): AgentActivity;
  /** Custom events (from the customer's UI or from tools), in offset order. */
  selectCustomEvents(state: Pick<TimelineState, 'events'>): ParlantEvent[];
}

/**
 * Creates memoized selectors for one store (one set per store, so two widgets never evict each
 * other's cache and React always gets a stable snapshot).
 * @example
 * const views = createTimelineViews();
 * const messages = useStore(store, views.selectMessages);
 * const footnotes = views.selectToolFootnotes(store.getState()).get(messages[1].traceKey);
 */
export function createTimelineViews(): TimelineViews {
  const messages = memo(messagesOf);
  // Keep each trace's list when its tool calls did not change, so a new event re-renders only
  // the rows it concerns (rows compare their footnotes by reference).
  let previousFootnotes = new Map<string, ToolFootnote[]>();
  const footnotes = memo((events: readonly ParlantEvent[], _: null) => {
    const next = footnotesOf(events);
    for (const [trace, list] of next) {
      const before = previousFootnotes.get(trace);
      if (before && before.length === list.length && before.every((f, i) => f.key === list[i]?.key && f.result === list[i]?.result)) next.set(trace, before);
    }
    previousFootnotes = next;
    return next;
  });
  const activity = memo(activityOf);
  const custom = memo((events: readonly ParlantEvent[], _: null) => events.filter((e) => e.kind === 'custom'));
  return {
    selectCustomEvents: (state) => custom(state.events, null),
    selectMessages: (state) => messages(state.events, state.outbox),
    selectToolFootnotes: (state) => footnotes(state.events, null),
    selectAgentActivity: (state) => activity(state.events, state.outbox),
  };
}
