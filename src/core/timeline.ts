import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParlantError } from './errors';
import { clientMessageId, mergeCounted } from './events';
import type { ParlantEvent } from './types';

/**
 * Where the connection to the session stands, as the customer should hear it.
 * `ended`: the session is gone (404). `unauthorized`: 401/403. `failed`: a request the server
 * will never accept (422 and similar). The last three stop polling until the host acts.
 * @example if (store.getState().connection.state === 'ended') showStartOver();
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'ended' | 'unauthorized' | 'failed';

/** Connection state with when it began and the error behind it. @example store.getState().connection.state */
export interface Connection {
  state: ConnectionState;
  /** Monotonic ms (the poller's clock) when this state began. */
  since: number;
  error?: ParlantError;
  /** Monotonic ms of the next attempt while reconnecting. */
  retryAt?: number;
}

/** A customer message not yet confirmed by its event. @example outbox.filter((m) => m.state === 'failed') */
export interface OutboxItem {
  /** The widget's own id, sent in the event's metadata. */
  clientId: string;
  text: string;
  state: 'sending' | 'failed';
  /** Wall-clock ms when the customer sent it (display only; never used to order). */
  createdAt: number;
  error?: ParlantError;
  /** True when a failure may still have reached the server (check before posting again). */
  ambiguous?: boolean;
}

/** State of one session's timeline. @example const { events, outbox } = store.getState(); */
export interface TimelineState {
  sessionId: string | null;
  /** Sorted by offset, deleted events removed. */
  events: readonly ParlantEvent[];
  /** Highest offset seen + 1: where the next poll starts. */
  nextOffset: number;
  /** True once the history of the session has been loaded. */
  historyLoaded: boolean;
  outbox: readonly OutboxItem[];
  connection: Connection;
}

/** Operations on a timeline; all synchronous, all batched into one store update. @example store.getState().merge(events); */
export interface TimelineActions {
  /** Upserts a batch; returns how many events were new or changed. */
  merge(events: readonly ParlantEvent[]): number;
  setSession(sessionId: string | null): void;
  setHistoryLoaded(): void;
  /** Forget everything from `offset` on (after the server deleted those events) and poll from there. */
  truncate(offset: number): void;
  setConnection(connection: Connection): void;
  enqueue(item: OutboxItem): void;
  updateOutbox(clientId: string, patch: Partial<Omit<OutboxItem, 'clientId'>>): void;
  removeOutbox(clientId: string): void;
}

/** A zustand vanilla store of one session. @example const store: TimelineStore = createTimelineStore(); */
export type TimelineStore = StoreApi<TimelineState & TimelineActions>;

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
  return createStore<TimelineState & TimelineActions>()((set, get) => ({
    sessionId,
    events: [],
    nextOffset: 0,
    historyLoaded: false,
    outbox: [],
    connection: { state: 'idle', since: 0 },

    merge(batch) {
      const { events, outbox, nextOffset } = get();
      const { events: merged, changed } = mergeCounted(events, batch);
      if (changed === 0) return 0;
      const confirmed = new Set(batch.map(clientMessageId).filter((id): id is string => id !== undefined));
      const highest = batch.reduce((max, e) => Math.max(max, e.offset + 1), nextOffset);
      set({
        events: merged,
        nextOffset: highest,
        outbox: confirmed.size > 0 ? outbox.filter((item) => !confirmed.has(item.clientId)) : outbox,
      });
      return changed;
    },
    setSession(id) {
      if (id === get().sessionId) return;
      set({ sessionId: id, events: [], nextOffset: 0, historyLoaded: false, connection: { state: 'idle', since: 0 } });
    },
    setHistoryLoaded() {
      if (!get().historyLoaded) set({ historyLoaded: true });
    },
    truncate(offset) {
      set((s) => ({ events: s.events.filter((e) => e.offset < offset), nextOffset: Math.min(s.nextOffset, offset) }));
    },
    setConnection(connection) {
      const current = get().connection;
      if (current.state === connection.state && current.error === connection.error && current.retryAt === connection.retryAt) return;
      set({ connection });
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
