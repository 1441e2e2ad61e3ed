import { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createParlantClient, type HeadersSource, type ParlantClient } from '../core/client';
import type { ParlantError } from '../core/errors';
import { sessionSlot, type PersistSession } from '../core/persistence';
import type { EventTransport, PollerEnvironment } from '../core/poller';
import { createChatSession, type ChatSession } from '../core/session';
import type { Json, Session } from '../core/types';
import { createTimelineViews, type TimelineViews } from '../core/views';

/** Everything that decides which conversation a widget shows and how it reaches the server. @example const config: ChatConfig = { server: 'http://localhost:8800', agentId: 'a1', transport: 'auto' }; */
export interface ChatConfig {
  /** Base URL of the Parlant server. */
  server: string;
  agentId: string;
  /** Resume this session (controlled). Without it a session is created for the customer. */
  sessionId?: string;
  /** Owner of a new session; omit for Parlant's guest customer. */
  customerId?: string;
  /** `first-message` (default) creates the session lazily; `mount` creates it at once (to show a greeting). */
  createSession?: 'first-message' | 'mount';
  /** Ask the agent to greet a new session. */
  greet?: boolean;
  /** Extra headers or a function returning them before each request (auth tokens). */
  headers?: HeadersSource;
  /** A custom fetch (proxies, credentials, tracing, tests). */
  fetch?: typeof fetch;
  /** Long-poll seconds (default 50, under common 60 s proxy timeouts). */
  waitForData?: number;
  /**
   * How events arrive: `long-poll` (default; works everywhere), `sse` (server-sent events, Parlant
   * 3.2+), or `auto` (SSE, falling back to long-polling when the server or a proxy cannot stream).
   */
  transport?: EventTransport;
  /** Metadata stored on a new session (e.g. the page it started on). */
  sessionMetadata?: Record<string, Json>;
  /** Bring your own client (then `server`, `headers` and `fetch` are ignored). */
  client?: ParlantClient;
  /** Bring your own QueryClient; by default each widget owns one. */
  queryClient?: QueryClient;
  /** Override where online/offline/visibility events come from (tests, iframes). */
  environment?: PollerEnvironment | null;
  /**
   * Remember the session across reloads: `'session'` (this tab), `'local'` (this browser) or your
   * own storage. Off by default: a session id grants access to the conversation.
   */
  persistSession?: PersistSession;
  onSessionCreated?: (session: Session) => void;
  onError?: (error: ParlantError) => void;
  /** A 401/403: refresh what `headers` returns; the request is retried once afterwards. */
  onAuthError?: (error: ParlantError) => unknown;
}

/** One widget's private machinery. @example const { chat, views } = useChatInstance(config); */
export interface ChatInstance {
  chat: ChatSession;
  client: ParlantClient;
  views: TimelineViews;
  queryClient: QueryClient;
  /** Forget the current conversation and start a new one (next message creates the session). */
  reset(): void;
}

interface Built extends Omit<ChatInstance, 'reset'> {
  identity: string;
  slot: ReturnType<typeof sessionSlot>;
  /** A session the customer chose to leave: the host may still pass it until it hears of the new one. */
  left?: string | undefined;
}

/** Callbacks live in a ref so a host passing new arrow functions each render never restarts the chat. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Creates (once per widget, never at module level) the client, chat session, selectors and
 * QueryClient, recreates them when the conversation's identity changes, and runs the poll loop
 * while mounted. Creation has no side effects, so StrictMode's double render is harmless.
 * @example const { chat } = useChatInstance({ server, agentId });
 */
export function useChatInstance(config: ChatConfig): ChatInstance {
  const callbacks = useLatest({ onError: config.onError, onSessionCreated: config.onSessionCreated, onAuthError: config.onAuthError });
  const identity = JSON.stringify([config.client ? 'custom' : config.server, config.agentId, config.customerId ?? null, config.transport ?? null]);

  const build = (sessionId: string | undefined): Built => {
    const client =
      config.client ??
      createParlantClient({
        server: config.server,
        ...(config.fetch && { fetch: config.fetch }),
        ...(config.headers !== undefined && { headers: config.headers }),
      });
    const slot = sessionSlot(config.persistSession, { server: client.server, agentId: config.agentId, customerId: config.customerId });
    const chat = createChatSession({
      client,
      slot,
      agentId: config.agentId,
      ...(sessionId !== undefined && { sessionId }),
      ...(config.customerId !== undefined && { customerId: config.customerId }),
      ...(config.createSession === 'mount' && { createSessionOn: 'start' as const }),
      ...(config.greet && { allowGreeting: true }),
      ...(config.waitForData !== undefined && { waitForData: config.waitForData }),
      ...(config.transport !== undefined && { transport: config.transport }),
      ...(config.sessionMetadata !== undefined && { metadata: config.sessionMetadata }),
      ...(config.environment !== undefined && { environment: config.environment }),
      onSessionCreated: (session) => callbacks.current.onSessionCreated?.(session),
      onError: (error) => callbacks.current.onError?.(error),
      // Only when given: its presence means "retry once after I refreshed", not just a log.
      ...(config.onAuthError && { onAuthError: (error: ParlantError) => callbacks.current.onAuthError?.(error) }),
    });
    return { identity, slot, chat, client, views: createTimelineViews(), queryClient: config.queryClient ?? new QueryClient() };
  };

  const [built, setBuilt] = useState<Built>(() => build(config.sessionId));
  const current = built.chat.store.getState().sessionId;
  const wanted = config.sessionId === built.left ? undefined : config.sessionId;
  const switched = built.identity !== identity || (wanted !== undefined && wanted !== current);
  if (switched) {
    // A different conversation: start a fresh instance during render, as React recommends for
    // state derived from props. A host echoing our own new session id back is not a switch.
    setBuilt(build(wanted));
  }

  const { chat } = built;
  useEffect(() => {
    chat.start();
    return () => chat.stop();
  }, [chat]);

  const reset = () => {
    built.slot?.clear();
    setBuilt({ ...build(undefined), left: current ?? config.sessionId });
  };
  return { ...built, reset };
}
