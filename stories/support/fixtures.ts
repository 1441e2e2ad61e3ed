/**
 * Ready-made view data (what `useParlant()` hands the parts) for stories of single components,
 * which render without a server.
 */
import type { ChatMessage, ToolFootnote } from '../../src';

let sequence = 0;
const BASE_TIME = Date.parse('2026-06-26T10:15:00Z');

/**
 * A chat message; by default a delivered agent message. Keys, offsets and times count up, so a
 * list of them is in order.
 * @example chatMessage({ role: 'customer', source: 'customer', text: 'Hi' })
 */
export function chatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  sequence += 1;
  return {
    key: `m${sequence}`,
    eventId: `e${sequence}`,
    offset: sequence,
    traceKey: `t${Math.ceil(sequence / 2)}`,
    source: 'ai_agent',
    role: 'agent',
    text: '',
    author: 'Haxon',
    createdAt: new Date(BASE_TIME + sequence * 45_000).toISOString(),
    delivery: 'sent',
    agentFailed: false,
    canRetryReply: false,
    streaming: false,
    preamble: false,
    ...overrides,
  };
}

/** A delivered message from the customer. @example customerMessage('Where is my order?') */
export function customerMessage(text: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return chatMessage({ role: 'customer', source: 'customer', author: 'Guest', text, ...overrides });
}

/** A message from the AI agent. @example agentMessage('It shipped yesterday.') */
export function agentMessage(text: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return chatMessage({ text, ...overrides });
}

/** A message from a human operator. @example humanMessage('Dana here, I can help.') */
export function humanMessage(text: string, author = 'Dana (support)', overrides: Partial<ChatMessage> = {}): ChatMessage {
  return chatMessage({ role: 'human_agent', source: 'human_agent', author, text, ...overrides });
}

/** The customer's message that has not been confirmed yet, or failed to send. @example pendingMessage('Hi', 'failed') */
export function pendingMessage(text: string, delivery: 'sending' | 'failed'): ChatMessage {
  const message = customerMessage(text, { delivery, traceKey: '' });
  // Local messages have no server event yet; their key is the widget's own client id.
  const { eventId: _eventId, offset: _offset, ...local } = message;
  const clientId = `client-${message.key}`;
  return { ...local, key: clientId, clientId };
}

/** The two tool calls of the emulator's order lookup. */
export const ORDER_FOOTNOTES: ToolFootnote[] = [
  {
    key: 'tool-1:0',
    eventId: 'tool-1',
    toolId: 'orders:find_order',
    name: 'find_order',
    arguments: { query: 'Where is my order?' },
    result: { order_id: 'A-1042', status: 'shipped' },
  },
  {
    key: 'tool-2:0',
    eventId: 'tool-2',
    toolId: 'orders:track_shipment',
    name: 'track_shipment',
    arguments: { order_id: 'A-1042' },
    result: { carrier: 'DHL', eta: '2026-07-01' },
  },
];

/** The balance lookup: one tool call. */
export const BALANCE_FOOTNOTE: ToolFootnote = {
  key: 'tool-3:0',
  eventId: 'tool-3',
  toolId: 'bank:get_balance',
  name: 'get_balance',
  arguments: { account: 'main' },
  result: { balance: 5000.5, currency: 'USD' },
};

/**
 * `count` messages, customer and agent taking turns.
 * @example const history = longHistory(300);
 */
export function longHistory(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? customerMessage(`Question number ${i / 2 + 1}`) : agentMessage(`Answer number ${(i + 1) / 2}, with **a little** Markdown.`),
  );
}
