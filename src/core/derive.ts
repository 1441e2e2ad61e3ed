import { clientMessageId, isStreaming, messageData, toolCalls, traceKey } from './events';
import { NO_FAILURES, failuresMayChange, findFailures, sameFailures, type Failures } from './failures';
import type { ChatMessage, MessageRole, ToolFootnote } from './model';
import type { OutboxItem } from './timeline';
import type { ParlantEvent } from './types';

/**
 * Incremental derivations behind the timeline views. Each keeps the events it last saw and, for a
 * new timeline, redoes only the part after the first event that changed (usually just the new
 * events at the end), so the cost of a new event does not grow with the length of the history.
 */

const ROLE: Record<string, MessageRole> = {
  customer: 'customer',
  ai_agent: 'agent',
  human_agent_on_behalf_of_ai_agent: 'agent',
  human_agent: 'human_agent',
};

/**
 * How many leading events two timelines share (same objects): where a derivation must start over.
 * @example sharedPrefix(before, [...before, next]) // before.length
 */
export function sharedPrefix(a: readonly ParlantEvent[], b: readonly ParlantEvent[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i += 1;
  return i;
}

const anyFrom = (events: readonly ParlantEvent[], from: number, test: (event: ParlantEvent) => boolean) => {
  for (let i = from; i < events.length; i += 1) if (test(events[i] as ParlantEvent)) return true;
  return false;
};

const hasTools = (event: ParlantEvent) => toolCalls(event).length > 0;
const isCustom = (event: ParlantEvent) => event.kind === 'custom';

const fromEvent = new WeakMap<ParlantEvent, ChatMessage>();

/**
 * The message an event shows, or `null` (not a message, or a message without text: a server that
 * sends a non-string `message` gets no empty bubble).
 * @example eventMessage(event, NO_FAILURES)?.text
 */
export function eventMessage(event: ParlantEvent, failures: Failures = NO_FAILURES): ChatMessage | null {
  if (event.kind !== 'message') return null;
  const key = traceKey(event);
  const agentFailed = event.source === 'customer' && failures.failed.has(key);
  const canRetryReply = agentFailed && failures.latest === key;
  const cached = fromEvent.get(event);
  if (cached && cached.agentFailed === agentFailed && cached.canRetryReply === canRetryReply) return cached;
  const data = messageData(event);
  if (!data || typeof (event.data as { message?: unknown }).message !== 'string') return null;
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
    canRetryReply,
    streaming: isStreaming(event),
    preamble: (data.tags ?? []).some((t) => t.includes('preamble')),
  };
  if (clientId) message.clientId = clientId;
  fromEvent.set(event, message);
  return message;
}

/**
 * A pending or failed send as a message (shown after the confirmed ones).
 * @example outboxMessage({ clientId: 'c1', text: 'hi', metadata: {}, state: 'sending', createdAt: Date.now(), since: 0 }).delivery // 'sending'
 */
export function outboxMessage(item: OutboxItem): ChatMessage {
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
    canRetryReply: false,
    streaming: false,
    preamble: false,
  };
  if (item.error) message.error = item.error;
  return message;
}

/**
 * The messages of a timeline, kept between calls: a new event costs one message, not a pass over
 * the history. Returns the previous array when the change added or altered no message (a status
 * event), so the list does not re-render. A customer message posted twice (a Retry after a
 * timeout whose first copy landed late) shows once: copies that share a client message id merge.
 * A change to which turns failed re-derives everything (rare), since it flags a customer message
 * further back.
 * @example const messagesOf = deriveMessages(); const list = messagesOf(store.getState().events);
 */
export function deriveMessages(): (events: readonly ParlantEvent[]) => ChatMessage[] {
  let seen: readonly ParlantEvent[] = [];
  let failures: Failures = NO_FAILURES;
  let messages: ChatMessage[] = [];
  /** before[i]: how many messages the first i events produced. */
  let before = [0];
  /** Client ids already shown, with the index of the event that showed them (in index order). */
  const shownIds = new Map<string, number>();
  const shownOrder: Array<[number, string]> = [];
  return (events) => {
    if (events === seen) return messages;
    let from = sharedPrefix(seen, events);
    if (failuresMayChange(seen, events, from, failures)) {
      const next = findFailures(events);
      if (!sameFailures(next, failures)) from = 0;
      failures = next;
    }
    while ((shownOrder.at(-1)?.[0] ?? -1) >= from) shownIds.delete((shownOrder.pop() as [number, string])[1]);
    const next = messages.slice(0, before[from]);
    const counts = before.slice(0, from + 1);
    for (let i = from; i < events.length; i += 1) {
      const message = eventMessage(events[i] as ParlantEvent, failures);
      const copy = message?.clientId !== undefined && shownIds.has(message.clientId);
      if (message && !copy) {
        next.push(message);
        if (message.clientId !== undefined) {
          shownIds.set(message.clientId, i);
          shownOrder.push([i, message.clientId]);
        }
      }
      counts.push(next.length);
    }
    seen = events;
    before = counts;
    if (next.length !== messages.length || next.some((m, i) => m !== messages[i])) messages = next;
    return messages;
  };
}

function footnotesOf(event: ParlantEvent): ToolFootnote[] {
  return toolCalls(event).map((call, index) => ({
    key: `${event.id}:${index}`,
    eventId: event.id,
    toolId: call.tool_id,
    name: call.tool_id.includes(':') ? call.tool_id.slice(call.tool_id.indexOf(':') + 1) : call.tool_id,
    arguments: call.arguments,
    result: call.result.data,
  }));
}

const sameList = (a: ToolFootnote[] | undefined, b: ToolFootnote[]) =>
  a !== undefined && a.length === b.length && a.every((f, i) => f.key === b[i]?.key && f.result === b[i]?.result);

/**
 * Tool calls by trace key, kept between calls. New tool events extend the lists of their turns
 * only; a turn whose tool calls did not change keeps its list object, so rows that compare their
 * footnotes by reference do not re-render. A timeline that gained no tool event returns the same map.
 * @example const footnotesOf = deriveFootnotes(); footnotesOf(events).get(message.traceKey)
 */
export function deriveFootnotes(): (events: readonly ParlantEvent[]) => ReadonlyMap<string, ToolFootnote[]> {
  let seen: readonly ParlantEvent[] = [];
  let byTrace = new Map<string, ToolFootnote[]>();
  return (events) => {
    if (events === seen) return byTrace;
    const from = sharedPrefix(seen, events);
    const rebuild = anyFrom(seen, from, hasTools);
    seen = events;
    if (!rebuild && !anyFrom(events, from, hasTools)) return byTrace;
    const next = new Map(rebuild ? [] : byTrace);
    const start = rebuild ? 0 : from;
    for (let i = start; i < events.length; i += 1) {
      const notes = footnotesOf(events[i] as ParlantEvent);
      if (notes.length === 0) continue;
      const key = traceKey(events[i] as ParlantEvent);
      next.set(key, [...(next.get(key) ?? []), ...notes]);
    }
    if (rebuild) for (const [key, list] of next) if (sameList(byTrace.get(key), list)) next.set(key, byTrace.get(key) as ToolFootnote[]);
    byTrace = next;
    return byTrace;
  };
}

/**
 * Custom events in offset order, kept between calls (same array while no custom event changed).
 * @example const customOf = deriveCustomEvents(); customOf(events).length
 */
export function deriveCustomEvents(): (events: readonly ParlantEvent[]) => ParlantEvent[] {
  let seen: readonly ParlantEvent[] = [];
  let custom: ParlantEvent[] = [];
  return (events) => {
    if (events === seen) return custom;
    const from = sharedPrefix(seen, events);
    const changed = anyFrom(seen, from, isCustom) || anyFrom(events, from, isCustom);
    seen = events;
    if (changed) custom = events.filter(isCustom);
    return custom;
  };
}
