import { ParlantError } from './errors';
import type { Ingest } from './ingest';
import { finalState } from './policy';
import type { TimelineViews } from './views';
import type { ConversationParts } from './parts';

/**
 * "Try again" after the agent failed to answer: asks the agent to answer the customer's latest
 * message again (a POST with source `ai_agent` and no text starts a new run on the same
 * conversation, so the customer's message is not posted twice). Where a customer may not ask
 * that (Parlant's production policy answers 403), the message is sent again instead.
 * @example const replies = createReplyRetry({ client, store, ingest, views, send }); replies.retry(message.key);
 */
export function createReplyRetry(options: ConversationParts & {
  ingest: Ingest;
  views: TimelineViews;
  send: (text: string) => unknown;
}): { retry(messageKey: string): void } {
  const { client, store, ingest, views, send, onError } = options;
  const pending = new Set<string>();
  return {
    retry(messageKey) {
      const { sessionId } = store.getState();
      const message = views.selectMessages(store.getState()).find((m) => m.key === messageKey);
      if (!sessionId || !message?.canRetryReply || pending.has(message.traceKey)) return;
      pending.add(message.traceKey);
      client
        .createEvent(sessionId, { kind: 'message', source: 'ai_agent' })
        .then((event) => void ingest([event], { cursor: false }))
        .catch((caught: unknown) => {
          if (!(caught instanceof ParlantError)) return;
          onError?.(caught);
          const final = finalState(caught);
          if (final === 'unauthorized' || final === 'failed') send(message.text);
        })
        .finally(() => pending.delete(message.traceKey));
    },
  };
}
