import { messageData, statusData, toolCalls, traceKey } from './events';
import type { AgentActivity } from './model';
import type { OutboxItem } from './timeline';
import type { ParlantEvent } from './types';

const IDLE: AgentActivity = { state: 'idle' };

const stageOf = (data: unknown): string | undefined => {
  const stage = (data as { stage?: unknown } | null)?.stage;
  return typeof stage === 'string' ? stage : undefined;
};
const thinking = (trace: string, stage: string | undefined): AgentActivity => (stage ? { state: 'thinking', stage, traceKey: trace } : { state: 'thinking', traceKey: trace });
const isAgentMessage = (event: ParlantEvent) => event.kind === 'message' && event.source !== 'customer' && messageData(event) !== null;

/**
 * What the agent is doing, from the latest events back. A turn is over when it says so (`ready`
 * with stage `completed`, `cancelled`, `error`) or once a reply came: Parlant's engine also sends
 * a bare `ready` right after `acknowledged` and after each preamble attempt, and those must not
 * hide the indicator while the customer still waits. A reply already on screen is never "waiting",
 * even in a history without status events; a human who took over sends no statuses, so nothing
 * waits for them either.
 * @example agentActivity(store.getState().events, store.getState().outbox).state // 'typing'
 */
export function agentActivity(events: readonly ParlantEvent[], outbox: readonly OutboxItem[]): AgentActivity {
  const sending = outbox.some((item) => item.state === 'sending');
  const settled = (): AgentActivity => (sending && !handedOff(events) ? { state: 'waiting' } : IDLE);
  // A bare `ready` seen after (later than) the event being looked at: the turn goes on unless a reply came.
  let bareReady: ParlantEvent | null = null;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message') {
      if (isAgentMessage(event)) return settled();
      if (event.source !== 'customer' || messageData(event) === null) continue;
      if (handedOff(events)) return IDLE;
      return bareReady ? thinking(traceKey(bareReady), undefined) : { state: 'waiting', traceKey: traceKey(event) };
    }
    const status = statusData(event);
    if (!status) continue;
    const trace = traceKey(event);
    switch (status.status) {
      case 'error':
        return sending ? { state: 'waiting' } : { state: 'error', traceKey: trace };
      case 'cancelled':
        return settled();
      case 'ready':
        if (stageOf(status.data) === 'completed') return settled();
        bareReady ??= event;
        continue;
      case 'typing':
        return bareReady ? thinking(trace, undefined) : { state: 'typing', traceKey: trace };
      case 'acknowledged':
      case 'processing':
        return thinking(trace, stageOf(status.data));
      default:
        continue;
    }
  }
  return sending ? { state: 'waiting' } : IDLE;
}

/**
 * True when a human took the conversation over: in manual mode Parlant sends no status events at
 * all, so "waiting for the agent" would never end.
 */
function handedOff(events: readonly ParlantEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message' && event.source === 'human_agent') return true;
    const mode = toolCalls(event)
      .map((c) => c.result.control?.mode)
      .findLast((m) => m !== undefined);
    if (mode) return mode === 'manual';
    // The engine acknowledging a message means it is in charge again.
    const status = statusData(event)?.status;
    if (status === 'acknowledged' || status === 'processing') return false;
  }
  return false;
}
