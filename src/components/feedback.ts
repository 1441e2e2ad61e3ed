import { createContext, useContext, useSyncExternalStore } from 'react';

/** A customer's verdict on an agent reply. @example const v: FeedbackValue = 'down'; */
export type FeedbackValue = 'up' | 'down';

/**
 * What `onFeedback` receives. Parlant has no feedback endpoint: store it on your side; `traceId`
 * links it to the server's logs of the turn that produced the reply.
 * @example const f: MessageFeedback = { messageId: 'Qm3v0Yb1xk', traceId: '9b2f…', value: 'down', reason: 'Wrong account' };
 */
export interface MessageFeedback {
  /** The event id of the reply. */
  messageId: string;
  traceId: string;
  value: FeedbackValue;
  /** What the customer wrote about it, if anything. */
  reason?: string;
}

/** The verdicts given so far in this widget, by message id; outlives rows scrolled out of view. */
export interface FeedbackStore {
  get(messageId: string): MessageFeedback | undefined;
  give(feedback: MessageFeedback): void;
  subscribe(listener: () => void): () => void;
  /** Where verdicts go (the host's latest `onFeedback`). */
  reportTo(report: ((feedback: MessageFeedback) => void) | undefined): void;
}

/**
 * A store that reports every verdict (and every reason added later) to the host.
 * @example const store = feedbackStore(); store.reportTo(props.onFeedback);
 */
export function feedbackStore(): FeedbackStore {
  const given = new Map<string, MessageFeedback>();
  const listeners = new Set<() => void>();
  let report: ((feedback: MessageFeedback) => void) | undefined;
  return {
    get: (messageId) => given.get(messageId),
    give(feedback) {
      given.set(feedback.messageId, feedback);
      for (const listener of [...listeners]) listener();
      report?.(feedback);
    },
    reportTo(next) {
      report = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const FeedbackContext = createContext<{ store: FeedbackStore; enabled: boolean } | null>(null);
const noSubscription = () => () => {};

/** Provides the feedback store to the messages; `enabled` while the host takes feedback. @example <FeedbackProvider value={{ store, enabled: true }}>…</FeedbackProvider> */
export const FeedbackProvider = FeedbackContext.Provider;

/**
 * The verdict given on one message and the way to give one, or `null` when the host takes no
 * feedback (no `onFeedback`).
 * @example const feedback = useFeedback(message.eventId); feedback?.give({ ... });
 */
export function useFeedback(messageId: string | undefined): { current: MessageFeedback | undefined; give: (feedback: MessageFeedback) => void } | null {
  const context = useContext(FeedbackContext);
  const store = context?.store;
  const current = useSyncExternalStore(store?.subscribe ?? noSubscription, () => (messageId ? store?.get(messageId) : undefined));
  return store && context.enabled && messageId ? { current, give: store.give } : null;
}
