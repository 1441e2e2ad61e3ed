import { useStore } from 'zustand';
import type { TimelineStore } from '../core/timeline';
import type { ParlantEvent } from '../core/types';
import { useParlant } from '../react/ParlantProvider';
import { traceIndex } from './trace';

/** One index per conversation, shared by its inspectors, gone with the conversation. */
const indexes = new WeakMap<TimelineStore, ReturnType<typeof traceIndex>>();
const NONE: readonly ParlantEvent[] = [];

function indexOf(store: TimelineStore): ReturnType<typeof traceIndex> {
  let index = indexes.get(store);
  if (!index) {
    index = traceIndex();
    indexes.set(store, index);
  }
  return index;
}

/**
 * The raw events of one trace in the enclosing conversation, in offset order. Re-renders only when
 * that trace changes (a new event in another turn leaves it alone).
 * @example const events = useTraceEvents(message.traceKey);
 */
export function useTraceEvents(traceKey: string): readonly ParlantEvent[] {
  const store = useParlant((state) => state.chat.store);
  const index = indexOf(store);
  return useStore(store, (state) => index(state.events).get(traceKey) ?? NONE);
}
