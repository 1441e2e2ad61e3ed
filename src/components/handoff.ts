import type { ChatMessage } from '../core/model';

/**
 * Whether message `i` is where the conversation changes hands: `human` where a human operator
 * starts speaking (or another operator takes over), `agent` where the AI agent answers again
 * after an operator, `null` elsewhere. The customer's own messages in between do not count.
 * @example handoffAt(messages, 4) // 'human'
 */
export function handoffAt(messages: readonly ChatMessage[], i: number): 'human' | 'agent' | null {
  const message = messages[i] as ChatMessage;
  if (message.role === 'customer') return null;
  for (let j = i - 1; j >= 0; j -= 1) {
    const previous = messages[j] as ChatMessage;
    if (previous.role === 'customer') continue;
    if (message.role === 'human_agent') return previous.role !== 'human_agent' || previous.author !== message.author ? 'human' : null;
    return previous.role === 'human_agent' && message.source === 'ai_agent' ? 'agent' : null;
  }
  return message.role === 'human_agent' ? 'human' : null;
}
