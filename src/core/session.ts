import type { ParlantClient } from './client';
import { systemClock, type Clock } from './clock';
import type { ParlantError } from './errors';
import { followSessionFacts } from './facts';
import { followStreamingMessages } from './follow';
import { createIngest } from './ingest';
import type { ChatMessage } from './model';
import { watchPage, type PageEnvironment, type PageWatcher } from './page';
import type { SessionSlot } from './persistence';
import { createEventPoller, type EventPoller, type EventTransport } from './poller';
import { createReadMarker } from './read';
import { createReplyRetry } from './reply';
import { createSessionCreator } from './creator';
import { createMessageSender, type MessageSender } from './sender';
import { createSharedEventPoller } from './tabs';
import { createTimelineStore, type TimelineStore } from './timeline';
import type { Json, ParlantEvent, Session } from './types';
import { formatTranscript, type TranscriptFormat, type TranscriptNames } from './transcript';
import { createTimelineViews, type TimelineViews } from './views';

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
  createSession?: 'first-message' | 'start';
  /** Ask the agent to greet a new session before the customer writes. */
  greet?: boolean;
  /** Title and metadata stored on a new session. */
  sessionTitle?: string;
  sessionMetadata?: Record<string, Json>;
  store?: TimelineStore;
  /** Long-poll seconds, read before each request (so a host may change it while the chat runs). */
  waitForData?: number | (() => number);
  clock?: Clock;
  /** Where online/offline/visibility/back-forward-cache events come from; default `window`. */
  environment?: PageEnvironment | null;
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
  /** Every failure, for the host's logs: requests, refused events, and turns the agent failed. */
  onError?: (error: ParlantError) => void;
  /** Each new event once, as it arrives (not the history of a resumed session). */
  onEvent?: (event: ParlantEvent) => void;
  /** Each new message from the agent or a human operator once, when complete. */
  onMessage?: (message: ChatMessage) => void;
}

/** One conversation: session lifecycle, timeline, poll loop and outbox together. @example const chat: ChatSession = createChatSession({ client, agentId: 'a1' }); */
export interface ChatSession extends Omit<MessageSender, 'start' | 'stop'> {
  readonly store: TimelineStore;
  readonly client: ParlantClient;
  /** Memoized selectors over this conversation's store (messages, activity, footnotes, custom events). */
  readonly views: TimelineViews;
  /** The page around the conversation (online, visible), from the `environment` option. */
  readonly page: PageWatcher;
  /** Starts polling (and creates the session now when `createSession: 'start'`), and sends what waits. */
  start(): void;
  /** Stops polling, waits and checks. Sends already posted still complete. */
  stop(): void;
  /** The session id, creating the session once if needed; concurrent callers share one request. */
  startSession(): Promise<string>;
  /** Posts a `custom` event from the customer's UI (no agent reply is triggered). */
  sendCustomEvent(data: Json): Promise<ParlantEvent>;
  /**
   * Asks the agent to answer the customer's latest message again after its turn failed (one
   * request, however often it is called meanwhile). Where the server does not let a customer
   * ask that (Parlant's production policy), the message is sent again instead.
   */
  retryReply(messageKey: string): void;
  /** Polls right away: the "Retry now" button, or after the host refreshed its auth headers. */
  reconnect(): void;
  /** The conversation so far as Markdown, plain text or JSON (see `formatTranscript`). */
  exportTranscript(format: TranscriptFormat, names?: Partial<TranscriptNames>): string;
  /**
   * Writes the customer's read position (an event offset) to the session's
   * `consumption_offsets.client`, best effort: one request at a time, and none after the server
   * refused one (403).
   */
  markRead(offset: number): void;
}

/**
 * Ties the core together for one conversation. Framework-free: the React hook is a thin layer on
 * top. Safe under React StrictMode: the session is created through one in-flight request that a
 * stop/start cycle does not repeat.
 * @example
 * const chat = createChatSession({ client, agentId: 'agent_1', onSessionCreated: (s) => save(s.id) });
 * chat.start();
 * chat.send('Hello');
 * chat.store.subscribe((s) => console.log(s.events.length));
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const { client, slot } = options;
  const clock = options.clock ?? systemClock;
  const remembered = options.sessionId ? null : (slot?.read() ?? null);
  const initial = options.sessionId ?? remembered;
  const store = options.store ?? createTimelineStore(initial);
  if (initial) store.getState().setSession(initial);
  // What the customer wrote before a reload and the server had not confirmed: back, and never
  // posted again on its own if it may have landed (a history that holds it confirms it).
  for (const saved of slot?.readMessages() ?? []) {
    const sent = saved.state === 'sending';
    store.getState().enqueue({ ...saved, state: sent ? 'failed' : saved.state, ...((sent || saved.ambiguous) && { ambiguous: true }) });
  }
  store.subscribe((state, previous) => {
    if (state.outbox !== previous.outbox) slot?.writeMessages(state.outbox);
  });
  const views = createTimelineViews();
  const page = watchPage(options.environment);
  const ingest = createIngest({
    store,
    ...(options.onError && { onError: options.onError }),
    ...(options.onEvent && { onEvent: options.onEvent }),
    ...(options.onMessage && { onMessage: options.onMessage }),
  });
  let fromSlot = remembered !== null;
  let poller: EventPoller | null = null;
  let stopFollowing: (() => void) | null = null;
  let stopFacts: (() => void) | null = null;
  let active = false;

  const startPolling = (sessionId: string) => {
    if (poller || !active) return;
    const pollerOptions: Parameters<typeof createEventPoller>[0] = { client, store, sessionId, ingest, clock, page };
    if (options.waitForData !== undefined) pollerOptions.waitForData = options.waitForData;
    if (options.onError) pollerOptions.onError = options.onError;
    if (options.transport) pollerOptions.transport = options.transport;
    poller = options.shareAcrossTabs === false ? createEventPoller(pollerOptions) : createSharedEventPoller(pollerOptions);
    poller.start();
    stopFollowing = followStreamingMessages({ client, store, ingest, sessionId, clock, ...(options.onError && { onError: options.onError }) });
    stopFacts = followSessionFacts({ client, store, clock, ...(options.onError && { onError: options.onError }) });
  };
  const stopPolling = () => {
    poller?.stop();
    poller = null;
    stopFollowing?.();
    stopFollowing = null;
    stopFacts?.();
    stopFacts = null;
  };

  const creator = createSessionCreator({
    client,
    store,
    clock,
    params: {
      agentId: options.agentId,
      ...(options.customerId !== undefined && { customerId: options.customerId }),
      ...(options.greet && { greet: true }),
      ...(options.sessionTitle !== undefined && { title: options.sessionTitle }),
      ...(options.sessionMetadata !== undefined && { metadata: options.sessionMetadata }),
    },
    ...(options.onError && { onError: options.onError }),
    onCreated(session) {
      slot?.write(session.id);
      options.onSessionCreated?.(session);
      startPolling(session.id);
    },
  });

  // A session that is gone is not resumed after a reload. A remembered one that was already gone
  // when we came back is not the customer's problem: start over quietly, nothing was shown yet.
  // One that ends mid-conversation keeps its transcript and says it ended.
  store.subscribe((state, previous) => {
    if (state.connection.state !== 'ended' || previous.connection.state === 'ended') return;
    slot?.clear();
    if (!fromSlot || state.historyLoaded) return;
    fromSlot = false;
    stopPolling();
    state.setSession(null);
    // What the customer wrote and never got on the server stays for the new conversation.
    slot?.writeMessages(state.outbox);
  });

  const sender = createMessageSender({
    client,
    store,
    ingest,
    clock,
    page,
    startSession: (signal) => creator.ensure(signal),
    ...(options.idFactory && { idFactory: options.idFactory }),
    ...(options.onError && { onError: options.onError }),
  });
  const reads = createReadMarker({ client, store, ...(options.onError && { onError: options.onError }) });
  const replies = createReplyRetry({ client, store, ingest, views, send: sender.send, ...(options.onError && { onError: options.onError }) });

  return {
    send: sender.send,
    retry: sender.retry,
    deleteMessage: sender.deleteMessage,
    store,
    client,
    views,
    page,
    startSession: () => creator.ensure(),
    start() {
      active = true;
      creator.resume();
      sender.start();
      const sessionId = store.getState().sessionId;
      if (sessionId) startPolling(sessionId);
      else if (options.createSession === 'start') creator.ensure().catch(() => undefined);
    },
    stop() {
      active = false;
      creator.pause();
      sender.stop();
      stopPolling();
    },
    async sendCustomEvent(data) {
      const event = await client.sendCustomEvent(await creator.ensure(), data);
      ingest([event], { cursor: false });
      return event;
    },
    retryReply: replies.retry,
    exportTranscript: (format, names) => formatTranscript(views.selectMessages(store.getState()), views.selectToolFootnotes(store.getState()), format, names),
    markRead: reads.mark,
    reconnect() {
      creator.wake();
      if (poller) poller.reconnect();
      else if (active && store.getState().sessionId) startPolling(store.getState().sessionId as string);
    },
  };
}
