/**
 * The framework-free core: typed client, event timeline, long-poll loop, outbox and selectors.
 * No React in here.
 */
export * from './types';
export { ParlantError, isAmbiguous, parseRetryAfter, type ParlantErrorKind } from './errors';
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
export { traceKey, mergeEvents, messageData, statusData, toolCalls, clientMessageId, CLIENT_MESSAGE_ID } from './events';
export {
  createTimelineStore,
  type TimelineStore,
  type TimelineState,
  type TimelineActions,
  type Connection,
  type ConnectionState,
  type OutboxItem,
} from './timeline';
export { systemClock, backoffDelay, type Clock } from './clock';
export { createEventPoller, type EventPoller, type EventPollerOptions, type PollerEnvironment, type EventTransport } from './poller';
export { createSharedEventPoller } from './tabs';
export { followStreamingMessages } from './follow';
export { sseData, type StreamOutcome } from './sse';
export { createMessageSender, type MessageSender, type MessageSenderOptions } from './sender';
export { createChatSession, type ChatSession, type ChatSessionOptions } from './session';
export { sessionSlot, type SessionSlot, type StorageLike, type PersistSession } from './persistence';
export {
  createTimelineViews,
  type TimelineViews,
  type ChatMessage,
  type MessageRole,
  type ToolFootnote,
  type AgentActivity,
} from './views';
