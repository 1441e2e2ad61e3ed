import type { ChatMessage, ToolFootnote } from './model';
import type { Json } from './types';

/** What a transcript is written as. @example const f: TranscriptFormat = 'markdown'; */
export type TranscriptFormat = 'markdown' | 'text' | 'json';

/** One message of a transcript in JSON. @example const m: TranscriptMessage = { role: 'customer', author: 'Guest', text: 'Hi', time: '2026-06-26T10:15:30Z', delivery: 'sent', tools: [] }; */
export interface TranscriptMessage {
  /** The server's event id; absent for a message not yet stored. */
  id?: string;
  /** Who spoke: the customer, the AI agent, or a human operator. */
  role: ChatMessage['role'];
  /** Who wrote it, as the server named them (an operator's own name for human operators). */
  author: string;
  /** The message as written (agent Markdown unrendered). */
  text: string;
  /** When it was written, ISO 8601. */
  time: string;
  /** The trace id that links it to the server's logs. */
  traceId?: string;
  /** Whether a customer message reached the server. */
  delivery: ChatMessage['delivery'];
  /** The tool calls that informed it (agent messages). */
  tools: Array<{ tool: string; arguments: Record<string, Json>; result: Json }>;
}

/** Names used where the server gave none. @example const n: TranscriptNames = { customer: 'You', agent: 'Haxon', operator: 'Support team' }; */
export interface TranscriptNames {
  /** The customer's label. */
  customer: string;
  /** The AI agent's label when the server gave no name. */
  agent: string;
  /** A human operator's label when the server gave no name. */
  operator: string;
}

const DEFAULT_NAMES: TranscriptNames = { customer: 'Customer', agent: 'Agent', operator: 'Support team' };

/**
 * The conversation as a document: Markdown (agent text kept as written), plain text, or JSON.
 * Every message in order with who wrote it (operators by name) and when, messages not delivered
 * marked as such, and under each agent message the tools that informed it.
 * @example
 * const markdown = formatTranscript(messages, footnotes, 'markdown', { agent: 'Haxon' });
 * const blob = new Blob([markdown], { type: 'text/markdown' });
 */
export function formatTranscript(
  messages: readonly ChatMessage[],
  footnotes: ReadonlyMap<string, ToolFootnote[]>,
  format: TranscriptFormat,
  names: Partial<TranscriptNames> = {},
): string {
  const who = { ...DEFAULT_NAMES, ...names };
  const entries = messages.map((message): TranscriptMessage => {
    const author = message.author || (message.role === 'customer' ? who.customer : message.role === 'human_agent' ? who.operator : who.agent);
    const tools = message.role === 'customer' ? [] : (footnotes.get(message.traceKey) ?? []).map((f) => ({ tool: f.toolId, arguments: f.arguments, result: f.result }));
    const entry: TranscriptMessage = { role: message.role, author, text: message.text, time: message.createdAt, delivery: message.delivery, tools };
    if (message.eventId) entry.id = message.eventId;
    if (message.traceKey) entry.traceId = message.traceKey;
    return entry;
  });
  if (format === 'json') return JSON.stringify(entries, null, 2);
  return entries.map((entry) => (format === 'markdown' ? markdownEntry(entry) : textEntry(entry))).join(format === 'markdown' ? '\n\n' : '\n');
}

const NOT_DELIVERED = { queued: 'not sent yet', sending: 'sending', failed: 'not sent' } as const;
const inline = (value: Json | Record<string, Json>) => JSON.stringify(value);
/** Inline code around any text: a fence longer than the text's longest run of backticks. */
const code = (text: string) => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // Spaces keep a backtick at either end apart from the fence; Markdown strips one on each side.
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
};

function markdownEntry(entry: TranscriptMessage): string {
  const note = entry.delivery === 'sent' ? '' : ` (${NOT_DELIVERED[entry.delivery]})`;
  const lines = [`**${escapeMarkdown(entry.author)}** · ${entry.time}${note}`, '', entry.text];
  for (const call of entry.tools) lines.push('', `- Tool ${code(call.tool)}: ${code(inline(call.arguments))} → ${code(inline(call.result))}`);
  return lines.join('\n');
}

function textEntry(entry: TranscriptMessage): string {
  const note = entry.delivery === 'sent' ? '' : ` (${NOT_DELIVERED[entry.delivery]})`;
  const body = entry.text.replace(/\n/g, '\n  ');
  const tools = entry.tools.map((call) => `\n  [tool ${call.tool} ${inline(call.arguments)} → ${inline(call.result)}]`).join('');
  return `[${entry.time}] ${entry.author}${note}: ${body}${tools}`;
}

/** An author's name is text, not Markdown: a name like `**Admin**` stays as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}
