import type { ParlantClient } from './client';
import type { Clock } from './clock';
import type { ParlantError } from './errors';
import { followStreamingMessages } from './follow';
import { createEventPoller, type EventPoller, type EventTransport, type PollerEnvironment } from './poller';
import { createSharedEventPoller } from './tabs';
import type { SessionSlot } from './persistence';
import { createMessageSender, type MessageSender } from './sender';
import { createTimelineStore, type TimelineStore } from './timeline';
import type { Json, ParlantEvent, Session } from './types';

/** Options of {@link createChatSession}. @example const o: ChatSessionOptions = { client, agentId: 'a1' }; */
export interface ChatSessionOptions {
  client: ParlantClient;
  agentId: string;
  /** Resume this session instead of creating one. */
  sessionId?: string;
  /** Owner of a new session; omit for the guest customer. */
  customerId?: string;
  /**
   * When to create a session if none is given: `first-message` (default: silent visitors cost the
   * server nothing; Parlant rate-limits guest sessions) or `start` (e.g. to show a greeting).
   */
  createSessionOn?: 'first-message' | 'start';
  /** Ask the agent to greet a new session before the customer writes. */
  allowGreeting?: boolean;
  /** Title and metadata stored on a new session. */
  title?: string;
  metadata?: Record<string, Json>;
  store?: TimelineStore;
  waitForData?: number;
  clock?: Clock;
  environment?: PollerEnvironment | null;
  idFactory?: () => string;
  /**
   * One long-poll per session per browser (default true): widgets and tabs showing the same
   * session elect one poller and share its events, where Web Locks and BroadcastChannel exist.
   */
  shareAcrossTabs?: boolean;
  /** `long-poll` (default), `sse`, or `auto` (SSE with a long-poll fallback). */
  transport?: EventTransport;
  /** Remember the session id here (see `sessionSlot`); a remembered id is resumed when none is given. */
  slot?: SessionSlot | null;
  onSessionCreated?: (session: Session) => void;
  onError?: (error: ParlantError) => void;
  /** Refresh credentials on a 401/403; the poll is retried once afterwards. */
  onAuthError?: (error: ParlantError) => unknown;
}

/** One conversation: session lifecycle, timeline, poll loop and outbox together. @example const chat: ChatSession = createChatSession({ client, agentId: 'a1' }); */
export interface ChatSession extends MessageSender {
  readonly store: TimelineStore;
  readonly client: ParlantClient;
  /** Starts polling (and creates the session now when `createSessionOn: 'start'`). */
  start(): void;
  /** Stops polling and aborts the request in flight. Sends already posted still complete. */
  stop(): void;
  /** The session id, creating the session once if needed; concurrent callers share one request. */
  ensureSession(): Promise<string>;
  /** Posts a `custom` event from the customer's UI (no agent reply is triggered). */
  sendCustomEvent(data: Json): Promise<ParlantEvent>;
  /** Polls right away: the "Retry now" button, or after the host refreshed its auth headers. */
  reconnect(): void;
}

/**
 * Ties the core together for one conversation. Framework-free: the React hook is a thin layer on
 * top. Safe under React StrictMode: the session is created through one in-flight promise that a
 * stop/start cycle does not repeat.
 * @example
 * const chat = createChatSession({ client, agentId: 'agent_1', onSessionCreated: (s) => save(s.id) });
 * chat.start();
 * chat.send('Hello');
 * chat.store.subscribe((s) => console.log(s.events.length));
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const { client } = options;
  const { slot } = options;
  const remembered = options.sessionId ? null : (slot?.read() ?? null);
  const initial = options.sessionId ?? remembered;
  const store = options.store ?? createTimelineStore(initial);
  if (initial) store.getState().setSession(initial);
  let fromSlot = remembered !== null;
  let creating: Promise<string> | null = null;
  let poller: EventPoller | null = null;
  let stopFollowing: (() => void) | null = null;
  let active = false;

  const startPolling = (sessionId: string) => {
    if (poller) return;
    const pollerOptions: Parameters<typeof createEventPoller>[0] = { client, store, sessionId };
    if (options.waitForData !== undefined) pollerOptions.waitForData = options.waitForData;
    if (options.clock) pollerOptions.clock = options.clock;
    if (options.environment !== undefined) pollerOptions.environment = options.environment;
    if (options.onError) pollerOptions.onError = options.onError;
    if (options.onAuthError) pollerOptions.onAuthError = options.onAuthError;
    if (options.transport) pollerOptions.transport = options.transport;
    poller = options.shareAcrossTabs === false ? createEventPoller(pollerOptions) : createSharedEventPoller(pollerOptions);
    poller.start();
    stopFollowing = followStreamingMessages({
      client,
      store,
      sessionId,
      ...(options.clock && { clock: options.clock }),
      ...(options.onError && { onError: options.onError }),
    });
  };
  const stopPolling = () => {
    poller?.stop();
    poller = null;
    stopFollowing?.();
    stopFollowing = null;
  };

  const ensureSession = (): Promise<string> => {
    const existing = store.getState().sessionId;
    if (existing) return Promise.resolve(existing);
    creating ??= client
      .createSession({
        agentId: options.agentId,
        ...(options.customerId !== undefined && { customerId: options.customerId }),
        ...(options.allowGreeting && { allowGreeting: true }),
        ...(options.title !== undefined && { title: options.title }),
        ...(options.metadata !== undefined && { metadata: options.metadata }),
      })
      .then((session) => {
        store.getState().setSession(session.id);
        // New sessions start empty: nothing to load, and our first message will come back by poll.
        store.getState().setHistoryLoaded();
        slot?.write(session.id);
        options.onSessionCreated?.(session);
        if (active) startPolling(session.id);
        return session.id;
      })
      .finally(() => {
        creating = null;
      });
    return creating;
  };

  // A remembered session that no longer exists is not the customer's problem: forget it and let
  // the next message start a new one, with no "conversation ended" state in between.
  store.subscribe((state) => {
    if (!fromSlot || state.connection.state !== 'ended') return;
    fromSlot = false;
    slot?.clear();
    stopPolling();
    state.setSession(null);
  });

  const sender = createMessageSender({
    client,
    store,
    ensureSession,
    ...(options.clock && { clock: options.clock }),
    ...(options.idFactory && { idFactory: options.idFactory }),
    ...(options.onError && { onError: options.onError }),
  });

  return {
    ...sender,
    store,
    client,
    ensureSession,
    start() {
      active = true;
      const sessionId = store.getState().sessionId;
      if (sessionId) startPolling(sessionId);
      else if (options.createSessionOn === 'start') ensureSession().catch((error: ParlantError) => options.onError?.(error));
    },
    stop() {
      active = false;
      stopPolling();
    },
    async sendCustomEvent(data) {
      const event = await client.sendCustomEvent(await ensureSession(), data);
      store.getState().merge([event]);
      return event;
    },
    reconnect() {
      if (poller) poller.pollNow();
      else if (active && store.getState().sessionId) startPolling(store.getState().sessionId as string);
    },
  };
}
