import { createStore, type StoreApi } from 'zustand/vanilla';
import { nextConnection, type Connection, type ConnectionInput } from './connection';
import type { ParlantError } from './errors';
import { clientMessageId, mergeCounted } from './events';
import type { Json, ParlantEvent, Session } from './types';

/** A customer message not yet confirmed by its event. @example outbox.filter((m) => m.state === 'failed') */
export interface OutboxItem {
  /** The widget's own id, sent in the event's metadata. */
  clientId: string;
  text: string;
  /** Metadata the host sent with it (the client id is added on the wire). */
  metadata: Record<string, Json>;
  /**
   * `queued`: not posted yet, or the server said it did not take it (429): it goes out on its own
   * (when the network is back, after the wait). `sending`: a POST is in flight. `failed`: it needs
   * the customer (Retry or Delete).
   */
  state: 'queued' | 'sending' | 'failed';
  /** Wall-clock ms when the customer sent it (display only; never used to order). */
  createdAt: number;
  /** The cursor when it was first sent: a copy that landed sits at or after it. */
  since: number;
  error?: ParlantError;
  /** A failure that may still have reached the server: check before posting again; a late copy confirms it. */
  ambiguous?: boolean;
}

/** State of one session's timeline. @example const { events, outbox } = store.getState(); */
export interface TimelineState {
  sessionId: string | null;
  /** The session as the server last described it (created, or read on resume and after a handoff). */
  session: Session | null;
  /** The cursor when `session` was read: events from there on are newer than what it says. */
  sessionAsOf: number;
  /** Sorted by offset, deleted events removed. */
  events: readonly ParlantEvent[];
  /** Highest offset seen + 1: where the next poll starts. */
  nextOffset: number;
  /** True once the history of the session has been loaded. */
  historyLoaded: boolean;
  outbox: readonly OutboxItem[];
  connection: Connection;
}

/** Operations on a timeline; all synchronous, each one store update. @example store.getState().merge(events); */
export interface TimelineActions {
  /**
   * Upserts a batch; returns how many events were new or changed. Confirms outbox items by client
   * id. A batch that is the server's whole answer from the cursor on moves the cursor past it;
   * `{ cursor: false }` merges events that came on their own (the answer to our POST, one event
   * read again), which must not move it past events not seen yet.
   */
  merge(events: readonly ParlantEvent[], options?: { cursor?: boolean }): number;
  setSession(sessionId: string | null): void;
  /** Records what the server said about the session (ignored for another session than the current one). */
  setSessionInfo(session: Session): void;
  setHistoryLoaded(): void;
  /** Forget everything from `offset` on (after the server deleted those events) and poll from there. */
  truncate(offset: number): void;
  /** Poll from `offset` again, keeping everything shown (a re-sync: what comes again merges by id). */
  rewind(offset: number): void;
  /** Feeds the connection state machine (see connection.ts); `now` is the session clock's time. */
  reportConnection(input: ConnectionInput, now: number, extra?: { error?: ParlantError; retryAt?: number }): void;
  /** Replaces the connection outright: another tab's state, mirrored. */
  setConnection(connection: Connection): void;
  enqueue(item: OutboxItem): void;
  updateOutbox(clientId: string, patch: Partial<Omit<OutboxItem, 'clientId'>>): void;
  removeOutbox(clientId: string): void;
}

/** A zustand vanilla store of one session. @example const store: TimelineStore = createTimelineStore(); */
export type TimelineStore = StoreApi<TimelineState & TimelineActions>;

const sameConnection = (a: Connection, b: Connection) => a.state === b.state && a.since === b.since && a.error === b.error && a.retryAt === b.retryAt;

/**
 * Creates the event timeline of one session: events upserted by id and ordered by offset, the
 * local outbox of unconfirmed customer messages, and the connection state. One store per widget
 * instance; never share one between sessions.
 * @example
 * const store = createTimelineStore('sess_1');
 * store.getState().merge(events);
 * store.subscribe((s) => render(s.events));
 */
export function createTimelineStore(sessionId: string | null = null): TimelineStore {
  // Which ids the timeline holds, kept beside it so a plain append is told from a re-delivery
  // without a pass over the history.
  let index = new Set<string>();
  const reindex = (events: readonly ParlantEvent[]) => (index = new Set(events.map((e) => e.id)));
  return createStore<TimelineState & TimelineActions>()((set, get) => ({
    sessionId,
    session: null,
    sessionAsOf: 0,
    events: [],
    nextOffset: 0,
    historyLoaded: false,
    outbox: [],
    connection: { state: 'idle', since: 0 },

    merge(batch, options) {
      const { events, outbox, nextOffset } = get();
      const { events: merged, changed, appended } = mergeCounted(events, batch, index);
      const highest = options?.cursor === false ? nextOffset : batch.reduce((max, e) => Math.max(max, e.offset + 1), nextOffset);
      if (changed === 0) {
        // Events we had already (our own message, merged from the POST answer): the cursor
        // still moves past them, or the next poll would ask for them again.
        if (highest > nextOffset) set({ nextOffset: highest });
        return 0;
      }
      // A history into an empty timeline: the ids just checked are the index.
      if (appended && index.size === 0) index = appended;
      else if (appended) for (const id of appended) index.add(id);
      else reindex(merged);
      const confirmed = new Set(batch.map(clientMessageId).filter((id): id is string => id !== undefined));
      set({
        events: merged,
        nextOffset: highest,
        outbox: confirmed.size > 0 && outbox.some((item) => confirmed.has(item.clientId)) ? outbox.filter((item) => !confirmed.has(item.clientId)) : outbox,
      });
      return changed;
    },
    setSession(id) {
      if (id === get().sessionId) return;
      index = new Set();
      set({ sessionId: id, session: null, sessionAsOf: 0, events: [], nextOffset: 0, historyLoaded: false, connection: { state: 'idle', since: 0 } });
    },
    setSessionInfo(session) {
      if (session.id === get().sessionId) set({ session, sessionAsOf: get().nextOffset });
    },
    setHistoryLoaded() {
      if (!get().historyLoaded) set({ historyLoaded: true });
    },
    truncate(offset) {
      const events = get().events.filter((e) => e.offset < offset);
      reindex(events);
      set((s) => ({ events, nextOffset: Math.min(s.nextOffset, offset) }));
    },
    rewind(offset) {
      if (offset < get().nextOffset) set({ nextOffset: offset });
    },
    reportConnection(input, now, extra) {
      const current = get().connection;
      const next = nextConnection(current, input, now, extra);
      if (!sameConnection(current, next)) set({ connection: next });
    },
    setConnection(connection) {
      if (!sameConnection(get().connection, connection)) set({ connection });
    },
    enqueue(item) {
      set((s) => ({ outbox: [...s.outbox, item] }));
    },
    updateOutbox(clientId, patch) {
      set((s) => ({ outbox: s.outbox.map((item) => (item.clientId === clientId ? { ...item, ...patch } : item)) }));
    },
    removeOutbox(clientId) {
      set((s) => ({ outbox: s.outbox.filter((item) => item.clientId !== clientId) }));
    },
  }));
}
