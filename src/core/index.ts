/**
 * The framework-free core: typed client, event timeline, long-poll loop, outbox and selectors.
 * No React in here.
 */
export * from './types';
export { ParlantError, parseRetryAfter, type ParlantErrorKind } from './errors';
export {
  createParlantClient,
  normalizeServer,
  type ParlantClient,
  type ParlantClientOptions,
  type ListEventsQuery,
  type ListEventsResult,
  type CreateSessionParams,
  type HeadersSource,
  type RequestOptions,
} from './client';
export { traceKey, mergeEvents, messageData, statusData, toolCalls, clientMessageId, isStreaming, CLIENT_MESSAGE_ID } from './events';
export {
  createTimelineStore,
  type TimelineStore,
  type TimelineState,
  type TimelineActions,
  type OutboxItem,
} from './timeline';
export { nextConnection, isStopped, type Connection, type ConnectionState, type ConnectionInput } from './connection';
export { finalState, retryDelay, sendOutcome, type FinalState } from './policy';
export { watchPage, type PageEnvironment, type PageWatcher, type PageSignal } from './page';
export { createIngest, type Ingest, type IngestOptions, type IngestOrigin } from './ingest';
export { systemClock, backoffDelay, type Clock } from './clock';
export { createEventPoller, type EventPoller, type EventPollerOptions, type EventTransport } from './poller';
export { createSharedEventPoller } from './tabs';
export { followStreamingMessages } from './follow';
export { sseData, type StreamOutcome } from './sse';
export { createMessageSender, type MessageSender, type MessageSenderOptions } from './sender';
export { createChatSession, type ChatSession, type ChatSessionOptions } from './session';
export { sessionSlot, type SessionSlot, type StorageLike, type PersistSession } from './persistence';
export { createTimelineViews, type TimelineViews } from './views';
export { searchMessages, searchPattern, type SearchHit } from './search';
export { formatTranscript, type TranscriptFormat, type TranscriptMessage, type TranscriptNames } from './transcript';
export type { ChatMessage, MessageRole, ToolFootnote, AgentActivity } from './model';
