import { useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../core/model';
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
  /** Messages that arrived while still being written: read once they are complete. */
  const unfinished = useRef(new Set<string>());

  useLayoutEffect(() => {
    if (!known.current) {
      known.current = new Set(messages.filter((m) => !m.streaming).map((m) => m.key));
      return;
    }
    const seen = known.current;
    const arrived: ChatMessage[] = [];
    const waiting = unfinished.current;
    const found = new Set<string>();
    // New messages are at the end (pending sends after them): look back until the known ones,
    // and as far as the oldest message still being written.
    let i = messages.length - 1;
    for (; i >= 0; i -= 1) {
      const message = messages[i] as ChatMessage;
      if (waiting.has(message.key)) found.add(message.key);
      else if (seen.has(message.key)) {
        if (message.delivery === 'sent' && found.size === waiting.size) break;
        continue;
      }
      seen.add(message.key);
      if (message.streaming) {
        waiting.add(message.key);
        found.add(message.key);
        continue;
      }
      waiting.delete(message.key);
      found.delete(message.key);
      arrived.push(message);
    }
    // A message that was being written and is gone (deleted) is not waited for any more.
    if (i < 0) for (const key of waiting) if (!found.has(key)) waiting.delete(key);
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
