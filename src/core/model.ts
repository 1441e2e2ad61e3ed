import type { ParlantError } from './errors';
import type { Json } from './types';

/**
 * The view model: what a chat UI renders, derived from the timeline by the selectors in views.ts.
 */

/** Who a message is from, as a chat shows it. @example const r: MessageRole = 'agent'; */
export type MessageRole = 'customer' | 'agent' | 'human_agent' | 'system';

/** A message ready to render: a server event or a local, not yet confirmed send. @example messages.filter((m: ChatMessage) => m.delivery === 'failed') */
export interface ChatMessage {
  /** Stable React key: the client id for our own messages (so a bubble never remounts when confirmed). */
  key: string;
  eventId?: string;
  clientId?: string;
  offset?: number;
  traceKey: string;
  /** The raw source (`customer`, `ai_agent`, `human_agent`, `human_agent_on_behalf_of_ai_agent`, …). */
  source: string;
  role: MessageRole;
  text: string;
  /** Participant display name as the server gave it. */
  author: string;
  /** ISO time from the server, or the local send time for pending messages. */
  createdAt: string;
  /**
   * `queued`: waiting to go out on its own (the network is back, a rate limit passes);
   * `sending`: posted, no answer yet; `failed`: needs the customer (Retry or Delete); `sent`: on the server.
   */
  delivery: 'queued' | 'sending' | 'failed' | 'sent';
  error?: ParlantError;
  /** The agent could not answer this customer message (its latest turn ended with `error`). */
  agentFailed: boolean;
  /** The agent's failed turn can be asked for again: this is the customer's latest message. */
  canRetryReply: boolean;
  /** Still being streamed (chunks not terminated). */
  streaming: boolean;
  /** A short filler message the agent sends while it works. */
  preamble: boolean;
}

/** One tool call that informed the agent messages of a turn. @example footnote.name // 'get_balance' */
export interface ToolFootnote {
  key: string;
  eventId: string;
  /** `service:tool`. */
  toolId: string;
  /** The part after the service name. */
  name: string;
  arguments: Record<string, Json>;
  result: Json;
}

/** What the agent is doing now. `waiting`: our message is posted but not acknowledged yet. @example if (activity.state === 'thinking') show(activity.stage); */
export interface AgentActivity {
  state: 'idle' | 'waiting' | 'thinking' | 'typing' | 'error';
  /** Free-text stage of `processing` (e.g. "Interpreting"). */
  stage?: string;
  traceKey?: string;
  /** `human`: a human operator is typing (their console posted a `typing` status). */
  who?: 'human';
  /** The operator's name, when known. */
  name?: string;
}
