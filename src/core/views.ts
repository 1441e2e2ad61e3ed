import type { ParlantError } from './errors';
import { deriveCustomEvents, deriveFootnotes, deriveMessages, outboxMessage } from './derive';
import { statusData, toolCalls, traceKey } from './events';
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

/** Caches one result per input identity, so selectors return the same value until their inputs change. */
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
  const eventMessages = deriveMessages();
  // Pending sends follow the confirmed messages; without any, the confirmed array itself.
  const messages = memo((confirmed: ChatMessage[], outbox: readonly OutboxItem[]) =>
    outbox.length === 0 ? confirmed : [...confirmed, ...outbox.map(outboxMessage)],
  );
  const footnotes = deriveFootnotes();
  const custom = deriveCustomEvents();
  const activity = memo(activityOf);
  return {
    selectCustomEvents: (state) => custom(state.events),
    selectMessages: (state) => messages(eventMessages(state.events), state.outbox),
    selectToolFootnotes: (state) => footnotes(state.events),
    selectAgentActivity: (state) => activity(state.events, state.outbox),
  };
}
