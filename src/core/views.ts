import { agentActivity } from './activity';
import { deriveCustomEvents, deriveFootnotes, deriveMessages, outboxMessage } from './derive';
import { operatorName, sessionMode } from './facts';
import type { AgentActivity, ChatMessage, ToolFootnote } from './model';
import type { OutboxItem, TimelineState } from './timeline';
import type { ParlantEvent } from './types';

/** Caches one result per input identity, so selectors return the same value until their inputs change. */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args) => {
    if (!lastArgs || args.some((arg, i) => arg !== (lastArgs as A)[i])) {
      last = fn(...args);
      lastArgs = args;
    }
    return last;
  };
}

/** Selectors over one timeline, each returning the same value until its inputs change. @example const views: TimelineViews = createTimelineViews(); */
export interface TimelineViews {
  /** Every message in order: confirmed ones by offset, then the customer's pending and failed sends. */
  selectMessages(state: Pick<TimelineState, 'events' | 'outbox'>): ChatMessage[];
  /** Tool calls by trace key: the footnotes of every agent message of that turn. */
  selectToolFootnotes(state: Pick<TimelineState, 'events'>): ReadonlyMap<string, ToolFootnote[]>;
  /**
   * The agent's activity (see `agentActivity`): acknowledged/processing → thinking, typing →
   * typing, error → error, a finished turn or a reply → idle; our message not yet acknowledged → waiting.
   */
  selectAgentActivity(state: Pick<TimelineState, 'events' | 'outbox' | 'session' | 'sessionAsOf'>): AgentActivity;
  /** Who answers now: `manual` while a human operator has the conversation (see `sessionMode`). */
  selectMode(state: Pick<TimelineState, 'events' | 'session' | 'sessionAsOf'>): 'auto' | 'manual';
  /** The name of the human operator who has the conversation, or `null` (the agent has it, or the name is not known yet). */
  selectOperator(state: Pick<TimelineState, 'events' | 'session' | 'sessionAsOf'>): string | null;
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
  const activity = memo((events: TimelineState['events'], outbox: TimelineState['outbox'], session: TimelineState['session'], sessionAsOf: number) =>
    agentActivity({ events, outbox, session, sessionAsOf }),
  );
  const mode = memo((events: TimelineState['events'], session: TimelineState['session'], sessionAsOf: number) => sessionMode({ events, session, sessionAsOf }));
  const operator = memo(operatorName);
  return {
    selectCustomEvents: (state) => custom(state.events),
    selectMessages: (state) => messages(eventMessages(state.events), state.outbox),
    selectToolFootnotes: (state) => footnotes(state.events),
    selectAgentActivity: (state) => activity(state.events, state.outbox, state.session, state.sessionAsOf),
    selectMode: (state) => mode(state.events, state.session, state.sessionAsOf),
    selectOperator: (state) => (mode(state.events, state.session, state.sessionAsOf) === 'manual' ? operator(state.events) : null),
  };
}
