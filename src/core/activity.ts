import { messageData, statusData, traceKey } from './events';
import { operatorName, sessionMode } from './facts';
import type { AgentActivity } from './model';
import type { TimelineState } from './timeline';
import type { ParlantEvent } from './types';

const IDLE: AgentActivity = { state: 'idle' };

const stageOf = (data: unknown): string | undefined => {
  const stage = (data as { stage?: unknown } | null)?.stage;
  return typeof stage === 'string' ? stage : undefined;
};
const thinking = (trace: string, stage: string | undefined): AgentActivity => (stage ? { state: 'thinking', stage, traceKey: trace } : { state: 'thinking', traceKey: trace });
const isAgentMessage = (event: ParlantEvent) => event.kind === 'message' && event.source !== 'customer' && messageData(event) !== null;
/** How far back to look for the end of a turn: a late status of a finished turn comes soon after it. */
const RECENT = 200;

/** Turns that are over (completed `ready`, `cancelled`, `error`) among the latest events. */
function finishedTurns(events: readonly ParlantEvent[]): Set<string> {
  const finished = new Set<string>();
  for (let i = Math.max(0, events.length - RECENT); i < events.length; i += 1) {
    const event = events[i] as ParlantEvent;
    const status = statusData(event);
    if (!status) continue;
    if (status.status === 'cancelled' || status.status === 'error' || (status.status === 'ready' && stageOf(status.data) === 'completed')) finished.add(traceKey(event));
  }
  return finished;
}

/**
 * What the agent is doing, from the latest events back. A turn is over when it says so (`ready`
 * with stage `completed`, `cancelled`, `error`) or once a reply came: Parlant's engine also sends
 * a bare `ready` right after `acknowledged` and after each preamble attempt, and those must not
 * hide the indicator while the customer still waits. A reply already on screen is never "waiting",
 * even in a history without status events; a human who took over sends no statuses, so nothing
 * waits for them either.
 * @example agentActivity(store.getState()).state // 'typing'
 */
export function agentActivity(state: Pick<TimelineState, 'events' | 'outbox' | 'session' | 'sessionAsOf'>): AgentActivity {
  const { events } = state;
  // While a human has the conversation, the engine's statuses mean nothing to the customer.
  if (sessionMode(state) === 'manual') return operatorActivity(events);
  const sending = state.outbox.some((item) => item.state === 'sending');
  // A human who took over sends no statuses: nothing waits for the engine then.
  const handedOff = () => sessionMode(state) === 'manual';
  const settled = (): AgentActivity => (sending && !handedOff() ? { state: 'waiting' } : IDLE);
  // A bare `ready` seen after (later than) the event being looked at: the turn goes on unless a reply came.
  let bareReady: ParlantEvent | null = null;
  // A turn that is over never starts the indicator again: Parlant's engine may still send a
  // cancelled turn's preamble statuses after a later turn finished.
  const finished = finishedTurns(events);
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message') {
      if (isAgentMessage(event)) return settled();
      if (event.source !== 'customer' || messageData(event) === null) continue;
      if (handedOff()) return IDLE;
      return bareReady ? thinking(traceKey(bareReady), undefined) : { state: 'waiting', traceKey: traceKey(event) };
    }
    const status = statusData(event);
    if (!status) continue;
    const trace = traceKey(event);
    const closing = status.status === 'error' || status.status === 'cancelled' || (status.status === 'ready' && stageOf(status.data) === 'completed');
    if (!closing && finished.has(trace)) continue;
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
 * What a human operator is doing: typing, when their console posted a `typing` status (source
 * `human_agent`) that neither a message of theirs nor another status of theirs followed.
 */
function operatorActivity(events: readonly ParlantEvent[]): AgentActivity {
  for (let i = events.length - 1; i >= Math.max(0, events.length - RECENT); i -= 1) {
    const event = events[i] as ParlantEvent;
    if (event.kind === 'message' && event.source !== 'customer') return IDLE;
    if (event.source !== 'human_agent') continue;
    if (statusData(event)?.status !== 'typing') return IDLE;
    const name = operatorName(events);
    return name ? { state: 'typing', who: 'human', name } : { state: 'typing', who: 'human' };
  }
  return IDLE;
}
