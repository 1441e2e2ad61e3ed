import type { ParlantClient } from './client';
import { interruptibleSleep, systemClock, type Clock } from './clock';
import { ParlantError } from './errors';
import { CLIENT_MESSAGE_ID, clientMessageId } from './events';
import type { Ingest } from './ingest';
import { watchPage, type PageWatcher } from './page';
import { retryDelay, sendOutcome } from './policy';
import type { OutboxItem, TimelineStore } from './timeline';
import type { Json } from './types';

/** Options of {@link createMessageSender}. @example const o: MessageSenderOptions = { client, store, ingest, startSession: async () => 's1' }; */
export interface MessageSenderOptions {
  client: ParlantClient;
  store: TimelineStore;
  ingest: Ingest;
  /** Resolves the session to post to, creating it first when needed; rejects when it cannot be had. */
  startSession: (signal: AbortSignal) => Promise<string>;
  clock?: Clock;
  /** Whether the network is there (messages typed offline wait for it); default: watch `window`. */
  page?: PageWatcher;
  /** Makes client message ids; default `crypto.randomUUID()`. */
  idFactory?: () => string;
  onError?: (error: ParlantError) => void;
}

/** Sends customer messages through the outbox. @example const id = sender.send('Hello'); */
export interface MessageSender {
  /** Queues a message and returns its client id, or `null` for empty text. It shows at once. */
  send(text: string, metadata?: Record<string, Json>): string | null;
  /** Sends a failed message again (same client id: a copy that landed meanwhile confirms it instead). */
  retry(clientId: string): void;
  /** Drops a message that is not being posted right now. */
  deleteMessage(clientId: string): void;
  /** (Re)starts sending what waits in the outbox. */
  start(): void;
  /** Cancels waits and checks; a POST already on its way completes. */
  stop(): void;
}

/** A message the server said it did not take (429, 408) goes out again on its own at most this often. */
const MAX_UNSENT = 5;

/**
 * Creates the sender of one session. Sends are serialized so the server's offsets follow the
 * customer's order. Each message carries a client id in its event metadata: the POST answer, the
 * poll or another tab, whichever comes first, confirms it, and it is never shown twice.
 * A message is only ever posted again on its own when the server said it did not take it (429,
 * 408). After an ambiguous outcome (no answer, a timeout after 20 s, a 5xx) it may have landed:
 * it shows "not sent" with its text and waits for the customer; a late copy still confirms it, and
 * an explicit Retry first looks for it on the server. Messages typed offline wait for the network.
 * @example
 * const sender = createMessageSender({ client, store, ingest, startSession: () => Promise.resolve('sess_1') });
 * const clientId = sender.send('Where is my order?');
 * // on failure: store.getState().outbox[0].state === 'failed' → sender.retry(clientId)
 */
export function createMessageSender(options: MessageSenderOptions): MessageSender {
  const { client, store, ingest, startSession, onError } = options;
  const clock = options.clock ?? systemClock;
  const page = options.page ?? watchPage();
  const makeId = options.idFactory ?? (() => globalThis.crypto.randomUUID());
  const unsent = new Map<string, number>();
  /** When a message the server did not take may be posted again (the session clock's time): a stop and start keeps the wait. */
  const notBefore = new Map<string, number>();
  let active = false;
  let pumping = false;
  let stopped = new AbortController();
  /** The POST in flight: aborted when a copy confirms its message first. */
  let posting: { clientId: string; controller: AbortController } | null = null;

  const item = (clientId: string) => store.getState().outbox.find((i) => i.clientId === clientId);
  const update = (clientId: string, patch: Partial<Omit<OutboxItem, 'clientId'>>) => {
    if (item(clientId)) store.getState().updateOutbox(clientId, patch);
  };
  const asError = (caught: unknown) => (caught instanceof ParlantError ? caught : new ParlantError({ kind: 'network', message: String(caught), cause: caught }));

  store.subscribe((state) => {
    if (posting && !state.outbox.some((i) => i.clientId === posting?.clientId)) posting.controller.abort();
  });
  let unwatch: (() => void) | null = null;

  async function pump(): Promise<void> {
    if (pumping || !active) return;
    pumping = true;
    try {
      for (let next = waiting(); active && next; next = waiting()) {
        if (!page.online) {
          update(next.clientId, { state: 'queued' });
          break;
        }
        await attempt(next, stopped.signal);
      }
    } finally {
      pumping = false;
    }
  }
  const waiting = () => store.getState().outbox.find((i) => i.state !== 'failed');

  async function attempt(message: OutboxItem, signal: AbortSignal): Promise<void> {
    const { clientId } = message;
    const wait = (notBefore.get(clientId) ?? 0) - clock.now();
    if (wait > 0) {
      await interruptibleSleep(clock, wait, signal).done;
      if (signal.aborted) return;
    }
    let sessionId: string;
    try {
      sessionId = await startSession(signal);
    } catch (caught) {
      const error = asError(caught);
      if (error.kind !== 'aborted' && !signal.aborted) update(clientId, { state: 'failed', error, ambiguous: Boolean(message.ambiguous) });
      return;
    }
    if (message.ambiguous && (await landed(sessionId, message, signal))) return;
    if (signal.aborted || !item(clientId)) return;
    update(clientId, { state: 'sending' });
    const controller = new AbortController();
    posting = { clientId, controller };
    try {
      const posted = await client.sendMessage(sessionId, message.text, { ...message.metadata, [CLIENT_MESSAGE_ID]: clientId }, { signal: controller.signal });
      ingest([posted], { cursor: false });
      unsent.delete(clientId);
      notBefore.delete(clientId);
    } catch (caught) {
      const error = asError(caught);
      if (!item(clientId)) return; // a copy confirmed it meanwhile
      onError?.(error);
      const outcome = sendOutcome(error);
      const tries = (unsent.get(clientId) ?? 0) + 1;
      if (outcome === 'unsent' && tries < MAX_UNSENT) {
        unsent.set(clientId, tries);
        notBefore.set(clientId, clock.now() + retryDelay(error, tries, clock.random));
        update(clientId, { state: 'queued', error });
        return;
      }
      update(clientId, { state: 'failed', error, ambiguous: outcome === 'ambiguous' || Boolean(message.ambiguous) });
    } finally {
      if (posting?.controller === controller) posting = null;
    }
  }

  /** Looks for the message on the server before posting it again; ingests the copy when found. */
  async function landed(sessionId: string, message: OutboxItem, signal: AbortSignal): Promise<boolean> {
    try {
      const found = await client.listEvents(sessionId, { minOffset: message.since, source: 'customer', waitForData: 0 }, { signal });
      const copies = found.events.filter((e) => clientMessageId(e) === message.clientId);
      if (copies.length > 0) ingest(copies, { cursor: false });
      return copies.length > 0;
    } catch (caught) {
      const error = asError(caught);
      if (error.kind === 'aborted' || signal.aborted) return true; // stopped: decide when started again
      onError?.(error);
      update(message.clientId, { state: 'failed', error });
      return true;
    }
  }

  return {
    send(text, metadata = {}) {
      const clean = toWellFormed(text);
      if (clean.trim() === '') return null;
      const clientId = makeId();
      const state = page.online ? 'sending' : 'queued';
      store.getState().enqueue({ clientId, text: clean, metadata, state, createdAt: Date.now(), since: store.getState().nextOffset });
      void pump();
      return clientId;
    },
    retry(clientId) {
      if (item(clientId)?.state !== 'failed') return;
      unsent.delete(clientId);
      notBefore.delete(clientId);
      update(clientId, { state: page.online ? 'sending' : 'queued' });
      void pump();
    },
    deleteMessage(clientId) {
      if (posting?.clientId === clientId) return;
      unsent.delete(clientId);
      store.getState().removeOutbox(clientId);
    },
    start() {
      if (active) return;
      active = true;
      stopped = new AbortController();
      unwatch = page.subscribe((signal) => void (signal === 'online' && pump()));
      void pump();
    },
    stop() {
      active = false;
      stopped.abort();
      unwatch?.();
      unwatch = null;
    },
  };
}

/** A lone surrogate would make the server answer 422; replace it with U+FFFD instead. */
function toWellFormed(text: string): string {
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  return native ? native.call(text) : text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
