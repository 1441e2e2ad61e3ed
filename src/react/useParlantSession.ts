import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { Connection } from '../core/connection';
import { ParlantError } from '../core/errors';
import type { AgentActivity, ChatMessage, ToolFootnote } from '../core/model';
import { searchMessages, type SearchHit } from '../core/search';
import type { ChatSession } from '../core/session';
import type { TranscriptFormat } from '../core/transcript';
import type { Agent, Json, ParlantEvent, Session } from '../core/types';
import { useChatInstance, type ChatConfig } from './useChatInstance';
import { useStaleActivity } from './useStaleActivity';

/** Options of {@link useParlantSession}. @example const o: UseParlantSessionOptions = { server: 'http://localhost:8800', agentId: 'a1' }; */
export type UseParlantSessionOptions = ChatConfig;

/** What {@link useParlantSession} returns. @example const { messages, send }: ParlantSessionState = useParlantSession({ server, agentId }); */
export interface ParlantSessionState {
  /** The session id once known (resumed or created). */
  sessionId: string | null;
  /** The session as the server last described it (read again when a human may have taken over). */
  session: Session | null;
  /** Who answers now: `manual` while a human operator has the conversation. */
  mode: 'auto' | 'manual';
  /** The human operator who has the conversation, when known (`null` while the agent has it). */
  operator: string | null;
  /** The agent (name for the header), once loaded. */
  agent: Agent | undefined;
  /** Messages in order, including the customer's pending and failed sends. */
  messages: ChatMessage[];
  /** True once the session's history is here (a resumed conversation's old messages are not news). */
  historyLoaded: boolean;
  /** What the agent is doing now. */
  activity: AgentActivity;
  /** How the connection stands (`live`, `reconnecting`, `offline`, `ended`, `unauthorized` …). */
  connection: Connection;
  /** Tool calls that informed the messages of a turn. */
  footnotes: ReadonlyMap<string, ToolFootnote[]>;
  /** Custom events on the timeline (page context from the customer's UI, cards from tools). */
  customEvents: ParlantEvent[];
  /** Sends a customer message; returns its client id, or `null` for empty text. */
  send(text: string, metadata?: Record<string, Json>): string | null;
  /** Sends a failed message again. */
  retry(clientId: string): void;
  /** Asks the agent to answer a message again after its turn failed (`message.canRetryReply`). */
  retryReply(messageKey: string): void;
  /** Removes a message that is not on its way (failed, or waiting for the network). */
  deleteMessage(clientId: string): void;
  /** Posts a `custom` event from the customer's UI. */
  sendCustomEvent(data: Json): Promise<ParlantEvent>;
  /** Creates the session now if there is none yet, e.g. when the chat is opened. */
  startSession(): Promise<string>;
  /** Polls right away (the "Retry now" button, or after refreshing auth headers). */
  reconnect(): void;
  /** Forgets this conversation; the next message starts a new session. */
  reset(): void;
  /** The conversation so far as `markdown`, `text` or `json`, tools and operator names included. */
  exportTranscript(format: TranscriptFormat): string;
  /**
   * The messages that contain `query` (case-insensitive, taken literally), oldest first, searched
   * in their text as written (Markdown included). Every message is searched, however many.
   * @example const hits = search('refund'); // [{ key, index }, …]: messages[index] is the message
   */
  search(query: string): SearchHit[];
  /** The conversation underneath (its store, client and selectors), for what the fields above do not cover. */
  chat: ChatSession;
}

const retryable = (count: number, error: unknown) => count < 3 && error instanceof ParlantError && error.retryable;

/**
 * The headless Parlant chat: creates or resumes a session, posts customer messages, long-polls the
 * session's events and exposes messages, agent activity, tool footnotes and connection state.
 * Owns its client, store and QueryClient (one set per component instance). Safe under StrictMode:
 * exactly one session is created. Unmounting aborts the poll; posts already sent still complete.
 * React Query reads the agent (name and description for a header): one request per agent and
 * QueryClient, cached, retried when retrying can help, and shared by every widget given the same
 * `queryClient`. Everything about the conversation itself lives in the core store.
 * @example
 * function Chat() {
 *   const { messages, activity, send } = useParlantSession({ server: 'http://localhost:8800', agentId: 'agent_1' });
 *   return (
 *     <>
 *       {messages.map((m) => <p key={m.key}>{m.author}: {m.text}</p>)}
 *       {activity.state === 'typing' && <p>…</p>}
 *       <button onClick={() => send('Hello')}>Say hello</button>
 *     </>
 *   );
 * }
 */
export function useParlantSession(options: UseParlantSessionOptions): ParlantSessionState {
  const { chat, queryClient, reset } = useChatInstance(options);
  const { store, views, client } = chat;

  const sessionId = useStore(store, (s) => s.sessionId);
  const session = useStore(store, (s) => s.session);
  const mode = useStore(store, views.selectMode);
  const operator = useStore(store, views.selectOperator);
  const messages = useStore(store, views.selectMessages);
  const historyLoaded = useStore(store, (s) => s.historyLoaded);
  const footnotes = useStore(store, views.selectToolFootnotes);
  const customEvents = useStore(store, views.selectCustomEvents);
  const connection = useStore(store, (s) => s.connection);
  const activity = useStaleActivity(useStore(store, views.selectAgentActivity));

  const agent = useQuery(
    {
      queryKey: ['parlant', client.server, 'agent', options.agentId],
      queryFn: ({ signal }) => client.getAgent(options.agentId, { signal }),
      staleTime: Infinity,
      retry: retryable,
    },
    queryClient,
  );
  const agentName = agent.data?.name;
  const exportTranscript = useCallback((format: TranscriptFormat) => chat.exportTranscript(format, agentName ? { agent: agentName } : {}), [chat, agentName]);

  const search = useCallback((query: string) => searchMessages(messages, query), [messages]);

  return {
    sessionId,
    session,
    mode,
    operator,
    agent: agent.data,
    messages,
    historyLoaded,
    activity,
    connection,
    footnotes,
    customEvents,
    send: chat.send,
    retry: chat.retry,
    retryReply: chat.retryReply,
    deleteMessage: chat.deleteMessage,
    sendCustomEvent: chat.sendCustomEvent,
    startSession: chat.startSession,
    reconnect: chat.reconnect,
    reset,
    exportTranscript,
    search,
    chat,
  };
}
