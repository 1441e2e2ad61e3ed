import { useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../core/views';
import { plainText } from './markdown/plainText';

/** More new messages than this at once is a catch-up (history, reconnect), not conversation: not read out. */
const MAX_READ_OUT = 3;

/**
 * Reads out messages as they arrive, in a visually hidden live region, and nothing else: the
 * conversation list itself is not live, so pages of earlier messages coming into the DOM while
 * the reader scrolls are not announced. A message still streaming is read once it is complete;
 * the customer's own messages are not read back to them. The region is written directly (plain
 * `textContent`): it is a side channel to assistive technology, not part of the rendered UI.
 * @example <Announcer messages={messages} />
 */
export function Announcer({ messages }: { messages: ChatMessage[] }) {
  const region = useRef<HTMLDivElement>(null);
  const known = useRef<Set<string> | null>(null);

  useLayoutEffect(() => {
    if (!known.current) {
      known.current = new Set(messages.filter((m) => !m.streaming).map((m) => m.key));
      return;
    }
    const seen = known.current;
    const arrived: ChatMessage[] = [];
    // New messages are at the end (pending sends after them): look back until the known ones.
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      const message = messages[i] as ChatMessage;
      if (seen.has(message.key)) {
        if (message.delivery === 'sent') break;
        continue;
      }
      if (message.streaming) continue;
      seen.add(message.key);
      arrived.push(message);
    }
    const el = region.current;
    if (!el || arrived.length > MAX_READ_OUT) return;
    for (const message of arrived.reverse()) {
      if (message.role === 'customer') continue;
      const line = document.createElement('p');
      line.textContent = `${message.author ? `${message.author}: ` : ''}${plainText(message.text)}`;
      el.append(line);
    }
    while (el.childElementCount > MAX_READ_OUT) el.firstElementChild?.remove();
  }, [messages]);

  return <div ref={region} className="parlant-visually-hidden" aria-live="polite" aria-relevant="additions" />;
}
