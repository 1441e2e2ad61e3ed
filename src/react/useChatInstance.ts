import { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createParlantClient, type HeadersSource, type ParlantClient } from '../core/client';
import type { ParlantError } from '../core/errors';
import type { ChatMessage } from '../core/model';
import type { PageEnvironment } from '../core/page';
import { sessionSlot, type PersistSession } from '../core/persistence';
import type { EventTransport } from '../core/poller';
import { createChatSession, type ChatSession } from '../core/session';
import type { Json, ParlantEvent, Session } from '../core/types';
import { splitKeys } from './splitKeys';

/**
 * Everything that decides which conversation a widget shows and how it reaches the server.
 * Changing `server`, `agentId`, `customerId`, `client`, `transport` or `sessionId` switches to
 * another conversation. `headers`, `fetch`, `waitForData` and the callbacks are followed as they
 * change (a rotated token is used on the next request). The rest (`persistSession`,
 * `createSession`, `greet`, `sessionTitle`, `sessionMetadata`, `environment`, `queryClient`) is read when the
 * conversation starts and applies to the next one.
 * @example const config: ChatConfig = { server: 'http://localhost:8800', agentId: 'a1', transport: 'auto' };
 */
export interface ChatConfig {
  /** Base URL of the Parlant server. */
  server: string;
  agentId: string;
  /** Resume this session (controlled). Without it a session is created for the customer. */
  sessionId?: string;
  /** Owner of a new session; omit for Parlant's guest customer. */
  customerId?: string;
  /** `first-message` (default) creates the session lazily; `start` creates it as soon as the chat starts (to show a greeting). */
  createSession?: 'first-message' | 'start';
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
  /** Title stored on a new session (operators see it in their console). */
  sessionTitle?: string;
  /** Metadata stored on a new session (e.g. the page it started on). */
  sessionMetadata?: Record<string, Json>;
  /** Bring your own client (then `server`, `headers`, `fetch` and `onAuthError` are ignored: give them to the client). */
  client?: ParlantClient;
  /** Bring your own QueryClient; by default each widget owns one. */
  queryClient?: QueryClient;
  /** Override where online/offline/visibility events come from (tests, iframes). */
  environment?: PageEnvironment | null;
  /**
   * Remember the session across reloads: `'session'` (this tab), `'local'` (this browser) or your
   * own storage. Off by default: a session id grants access to the conversation.
   */
  persistSession?: PersistSession;
  onSessionCreated?: (session: Session) => void;
  /** Every failure, with status and the server's `detail`; customers only ever see generic text. */
  onError?: (error: ParlantError) => void;
  /** A 401/403: refresh what `headers` returns; the request is retried once afterwards. */
  onAuthError?: (error: ParlantError) => unknown;
  /** A new message from the agent or a human operator, once, when complete. */
  onMessage?: (message: ChatMessage) => void;
  /** Any new event on the session's timeline, once (not the history of a resumed session). */
  onEvent?: (event: ParlantEvent) => void;
}

/** Every key of {@link ChatConfig}, once: what a component passes on to the conversation. */
const CONFIG_KEYS = [
  'server', 'agentId', 'sessionId', 'customerId', 'createSession', 'greet', 'headers', 'fetch', 'waitForData', 'transport',
  'sessionTitle', 'sessionMetadata', 'client', 'queryClient', 'environment', 'persistSession', 'onSessionCreated', 'onError',
  'onAuthError', 'onMessage', 'onEvent',
] as const satisfies ReadonlyArray<keyof ChatConfig>;

/**
 * Splits a component's props into the conversation's config (only the keys given) and the rest.
 * @example const [config, rest] = splitChatConfig(props);
 */
export function splitChatConfig<T extends ChatConfig>(props: T): [ChatConfig, Omit<T, (typeof CONFIG_KEYS)[number]>] {
  return splitKeys(props, CONFIG_KEYS) as [ChatConfig, Omit<T, (typeof CONFIG_KEYS)[number]>];
}

/** One widget's private machinery. @example const { chat } = useChatInstance(config); */
export interface ChatInstance {
  chat: ChatSession;
  client: ParlantClient;
  queryClient: QueryClient;
  /** Forget the current conversation and start a new one (next message creates the session). */
  reset(): void;
}

interface Built extends Omit<ChatInstance, 'reset'> {
  identity: string;
  slot: ReturnType<typeof sessionSlot>;
  /** A session the customer chose to leave: ignored while the host still passes it. */
  left?: string | undefined;
}

const clientIds = new WeakMap<ParlantClient, number>();
let clientCount = 0;
/** Tells host-made clients apart, so passing another one switches conversations. */
function clientIdentity(client: ParlantClient): number {
  if (!clientIds.has(client)) clientIds.set(client, ++clientCount);
  return clientIds.get(client) as number;
}

/** The latest props, read when they are needed: a host passing new objects each render never restarts the chat. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

/**
 * Creates (once per widget, never at module level) the client, chat session and QueryClient,
 * recreates them when the conversation's identity changes, and runs the session while mounted.
 * Creation has no side effects, so StrictMode's double render is harmless.
 * @example const { chat } = useChatInstance({ server, agentId });
 */
export function useChatInstance(config: ChatConfig): ChatInstance {
  const latest = useLatest(config);
  const identity = JSON.stringify([config.client ? clientIdentity(config.client) : config.server, config.agentId, config.customerId ?? null, config.transport ?? null]);

  const build = (sessionId: string | undefined): Built => {
    const client =
      config.client ??
      createParlantClient({
        server: config.server,
        fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
        headers: () => {
          const headers = latest.current.headers;
          return typeof headers === 'function' ? headers() : (headers ?? {});
        },
        // Without a host handler there is nothing to refresh: no second attempt.
        onAuthError: (error) => (latest.current.onAuthError ? latest.current.onAuthError(error) : false),
      });
    const slot = sessionSlot(config.persistSession, { server: client.server, agentId: config.agentId, customerId: config.customerId });
    const chat = createChatSession({
      client,
      slot,
      agentId: config.agentId,
      ...(sessionId !== undefined && { sessionId }),
      ...(config.customerId !== undefined && { customerId: config.customerId }),
      ...(config.createSession === 'start' && { createSession: 'start' as const }),
      ...(config.greet && { greet: true }),
      waitForData: () => latest.current.waitForData ?? 50,
      ...(config.transport !== undefined && { transport: config.transport }),
      ...(config.sessionTitle !== undefined && { sessionTitle: config.sessionTitle }),
      ...(config.sessionMetadata !== undefined && { sessionMetadata: config.sessionMetadata }),
      ...(config.environment !== undefined && { environment: config.environment }),
      onSessionCreated: (session) => latest.current.onSessionCreated?.(session),
      onError: (error) => latest.current.onError?.(error),
      onEvent: (event) => latest.current.onEvent?.(event),
      onMessage: (message) => latest.current.onMessage?.(message),
    });
    return { identity, slot, chat, client, queryClient: config.queryClient ?? new QueryClient() };
  };

  const [built, setBuilt] = useState<Built>(() => build(config.sessionId));
  const current = built.chat.store.getState().sessionId;
  const wanted = config.sessionId === built.left ? undefined : config.sessionId;
  if (built.identity !== identity || (wanted !== undefined && wanted !== current)) {
    // A different conversation: start a fresh instance during render, as React recommends for
    // state derived from props. A host echoing our own new session id back is not a switch.
    setBuilt(build(wanted));
  } else if (built.left !== undefined && config.sessionId !== built.left) {
    // The host moved on from the session the customer left: passing it again later switches back.
    setBuilt({ ...built, left: undefined });
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
  return { chat: built.chat, client: built.client, queryClient: built.queryClient, reset };
}
