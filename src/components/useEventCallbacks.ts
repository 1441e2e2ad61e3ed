import { useEffect, useRef } from 'react';
import type { ParlantEvent } from '../core/types';
import type { ChatMessage } from '../core/views';
import { useParlant } from '../react/ParlantProvider';

/**
 * Calls the host's `onEvent` for every event that arrives live (not the history loaded on resume),
 * and `onMessage` for each new message from the agent's side.
 * @example useEventCallbacks({ onMessage: (m) => analytics.track('reply', m.text.length) });
 */
export function useEventCallbacks(callbacks: { onMessage?: ((m: ChatMessage) => void) | undefined; onEvent?: ((e: ParlantEvent) => void) | undefined }) {
  const { store, instance } = useParlant();
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (!previous.historyLoaded || state.events === previous.events) return;
        const seen = previous.events.at(-1)?.offset ?? -1;
        const fresh = state.events.filter((e) => e.offset > seen);
        if (fresh.length === 0) return;
        const { onEvent, onMessage } = latest.current;
        for (const event of fresh) onEvent?.(event);
        if (!onMessage) return;
        const ids = new Set(fresh.map((e) => e.id));
        for (const message of instance.views.selectMessages(state)) {
          if (message.eventId && ids.has(message.eventId) && message.role !== 'customer') onMessage(message);
        }
      }),
    [store, instance.views],
  );
}
