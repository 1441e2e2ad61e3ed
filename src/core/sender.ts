import type { ParlantClient } from './client';
import { backoffDelay, systemClock, type Clock } from './clock';
import { ParlantError, isAmbiguous } from './errors';
import { CLIENT_MESSAGE_ID, clientMessageId } from './events';
import type { TimelineStore } from './timeline';
import type { Json } from './types';

/** Options of {@link createMessageSender}. @example const o: MessageSenderOptions = { client, store, ensureSession: async () => 's1' }; */
export interface MessageSenderOptions {
  client: ParlantClient;
  store: TimelineStore;
  /** Resolves the session to post to, creating it on first use when the host wants that. */
  ensureSession: () => Promise<string>;
  clock?: Clock;
  /** Makes client message ids; default `crypto.randomUUID()`. */
  idFactory?: () => string;
  /** Automatic retries of retryable failures before a message is marked failed (default 2). */
  autoRetries?: number;
  onError?: (error: ParlantError) => void;
}

/** Sends customer messages through the outbox. @example const id = sender.send('Hello'); */
export interface MessageSender {
  /** Queues a message and returns its client id, or `null` for empty text. It shows at once as pending. */
  send(text: string, metadata?: Record<string, Json>): string | null;
  /** Sends a failed message again (same client id, so the server never ends with two copies). */
  retry(clientId: string): void;
  /** Drops a failed message from the outbox. */
  discard(clientId: string): void;
}

interface Draft {
  text: string;
  metadata: Record<string, Json>;
  /** The cursor when the message was first sent: a copy that landed sits at or after it. */
  since: number;
}

/**
 * Creates the sender of one session. Sends are serialized so the server's offsets follow the
 * customer's order. Each message carries a client id in its event metadata: the POST response or
 * the poll, whichever comes first, confirms it, and it is never shown twice. After an ambiguous
 * failure (timeout, network error, 5xx) the sender first looks for the message on the server
 * before posting it again.
 * @example
 * const sender = createMessageSender({ client, store, ensureSession: () => controller.ensureSession() });
 * const clientId = sender.send('Where is my order?');
 * // on failure: store.getState().outbox[0].state === 'failed' → sender.retry(clientId)
 */
export function createMessageSender(options: MessageSenderOptions): MessageSender {
  const { client, store, ensureSession, onError } = options;
  const clock = options.clock ?? systemClock;
  const autoRetries = options.autoRetries ?? 2;
  const makeId = options.idFactory ?? (() => globalThis.crypto.randomUUID());
  const drafts = new Map<string, Draft>();
  let chain: Promise<void> = Promise.resolve();

  const pending = (clientId: string) => store.getState().outbox.some((item) => item.clientId === clientId);

  async function alreadyLanded(sessionId: string, clientId: string, since: number): Promise<boolean> {
    const found = await client.listEvents(sessionId, { minOffset: since, source: 'customer', waitForData: 0 });
    const echo = found.events.filter((e) => clientMessageId(e) === clientId);
    if (echo.length > 0) store.getState().merge(echo);
    return echo.length > 0;
  }

  async function deliver(clientId: string): Promise<void> {
    const draft = drafts.get(clientId);
    for (let attempt = 0; draft && pending(clientId); attempt += 1) {
      const item = store.getState().outbox.find((i) => i.clientId === clientId);
      store.getState().updateOutbox(clientId, { state: 'sending' });
      try {
        const sessionId = await ensureSession();
        if (item?.ambiguous && (await alreadyLanded(sessionId, clientId, draft.since))) break;
        const event = await client.sendMessage(sessionId, draft.text, { ...draft.metadata, [CLIENT_MESSAGE_ID]: clientId });
        store.getState().merge([event]);
        break;
      } catch (caught) {
        const error = caught instanceof ParlantError ? caught : new ParlantError({ kind: 'network', message: String(caught), cause: caught });
        onError?.(error);
        if (!pending(clientId)) break; // a late echo from the poll confirmed it meanwhile
        const ambiguous = Boolean(item?.ambiguous) || isAmbiguous(error);
        if (!error.retryable || attempt >= autoRetries) {
          store.getState().updateOutbox(clientId, { state: 'failed', error, ambiguous });
          break;
        }
        store.getState().updateOutbox(clientId, { ambiguous });
        const wait = error.status === 429 ? Math.max(10_000, (error.retryAfter ?? 0) * 1000) : backoffDelay(attempt + 1, clock.random);
        await new Promise<void>((resolve) => clock.setTimeout(resolve, wait));
      }
    }
    if (!pending(clientId)) drafts.delete(clientId);
  }

  const schedule = (clientId: string) => {
    chain = chain.then(() => deliver(clientId));
  };

  return {
    send(text, metadata = {}) {
      const clean = toWellFormed(text);
      if (clean.trim() === '') return null;
      const clientId = makeId();
      drafts.set(clientId, { text: clean, metadata, since: store.getState().nextOffset });
      store.getState().enqueue({ clientId, text: clean, state: 'sending', createdAt: Date.now() });
      schedule(clientId);
      return clientId;
    },
    retry(clientId) {
      const item = store.getState().outbox.find((i) => i.clientId === clientId);
      if (!item || item.state !== 'failed' || !drafts.has(clientId)) return;
      store.getState().updateOutbox(clientId, { state: 'sending' });
      schedule(clientId);
    },
    discard(clientId) {
      drafts.delete(clientId);
      store.getState().removeOutbox(clientId);
    },
  };
}

/** A lone surrogate would make the server answer 422; replace it with U+FFFD instead. */
function toWellFormed(text: string): string {
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  return native ? native.call(text) : text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
