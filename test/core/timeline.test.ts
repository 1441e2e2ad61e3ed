import { describe, expect, it } from 'vitest';
import { mergeEvents, traceKey } from '../../src/core/events';
import { parseEventList } from '../../src/core/parse';
import { createTimelineStore } from '../../src/core/timeline';
import type { ParlantEvent } from '../../src/core/types';
import { ev } from '../support/scripted-fetch';

const events = (...raw: unknown[]) => parseEventList(raw).events;
const offsets = (list: readonly ParlantEvent[]) => list.map((e) => e.offset);

describe('timeline merge', () => {
  it('keeps each id once when batches repeat and overlap', () => {
    const store = createTimelineStore('s');
    store.getState().merge(events(ev({ offset: 0 }), ev({ offset: 1 }), ev({ offset: 1 })));
    store.getState().merge(events(ev({ offset: 1 }), ev({ offset: 2 })));
    expect(offsets(store.getState().events)).toEqual([0, 1, 2]);
    expect(store.getState().nextOffset).toBe(3);
  });

  it('keeps one copy of an event delivered again at a higher offset', () => {
    const store = createTimelineStore('s');
    store.getState().merge([ev({ id: 'a', offset: 0 }), ev({ id: 'b', offset: 1 })]);
    store.getState().merge([ev({ id: 'a', offset: 2 })]);
    expect(store.getState().events.map((e) => `${e.id}@${e.offset}`)).toEqual(['b@1', 'a@2']);
    expect(store.getState().nextOffset).toBe(3);
  });

  it('does not move the cursor past events not seen yet when our own message comes back first', () => {
    const store = createTimelineStore('s');
    store.getState().merge([ev({ id: 'a', offset: 0 })]);
    // The answer to our POST (offset 2) arrives before the poll brought the agent's offset 1.
    store.getState().merge([ev({ id: 'mine', offset: 2 })], { cursor: false });
    expect(store.getState().nextOffset).toBe(1);
    // The poll then answers from 1 on: the cursor moves past both, although "mine" was known.
    store.getState().merge([ev({ id: 'reply', offset: 1 }), ev({ id: 'mine', offset: 2 })]);
    expect(store.getState().nextOffset).toBe(3);
    store.getState().merge([ev({ id: 'mine', offset: 2 })]);
    expect(store.getState().nextOffset).toBe(3);
  });

  it('moves the cursor past a poll answer that holds only events it already had', () => {
    const store = createTimelineStore('s');
    store.getState().merge([ev({ id: 'mine', offset: 4 })], { cursor: false });
    expect(store.getState().merge([ev({ id: 'mine', offset: 4 })])).toBe(0);
    expect(store.getState().nextOffset).toBe(5);
  });

  it('orders by offset whatever the arrival order, and tolerates gaps', () => {
    const store = createTimelineStore('s');
    store.getState().merge(events(ev({ offset: 5 }), ev({ offset: 3 }), ev({ offset: 4 })));
    store.getState().merge(events(ev({ offset: 12 }), ev({ offset: 10 })));
    expect(offsets(store.getState().events)).toEqual([3, 4, 5, 10, 12]);
    expect(store.getState().nextOffset).toBe(13);
  });

  it('never moves the cursor backwards when a late, lower offset arrives', () => {
    const store = createTimelineStore('s');
    store.getState().merge(events(ev({ offset: 9 })));
    store.getState().merge(events(ev({ offset: 2 })));
    expect(store.getState().nextOffset).toBe(10);
    expect(offsets(store.getState().events)).toEqual([2, 9]);
  });

  it('lets a later copy of an id replace the earlier one, and removes deleted events', () => {
    const first = events(ev({ id: 'm', offset: 0, kind: 'message', data: { message: 'Hel', chunks: ['Hel'] } }));
    const update = events(ev({ id: 'm', offset: 0, kind: 'message', data: { message: 'Hello', chunks: ['Hel', 'lo', null] } }));
    let timeline = mergeEvents([], first);
    timeline = mergeEvents(timeline, update);
    expect(timeline).toHaveLength(1);
    expect((timeline[0]?.data as { message: string }).message).toBe('Hello');
    timeline = mergeEvents(timeline, events(ev({ id: 'm', offset: 0, deleted: true })));
    expect(timeline).toEqual([]);
  });

  it('replaces an event whose offset an older server reused for a new id', () => {
    const before = mergeEvents([], events(ev({ id: 'old', offset: 3 }), ev({ id: 'x', offset: 2 })));
    const timeline = mergeEvents(before, events(ev({ id: 'new', offset: 3 })));
    expect(timeline.map((e) => e.id)).toEqual(['x', 'new']);
  });

  it('returns the same array when a batch changes nothing, so views do not re-render', () => {
    const timeline = mergeEvents([], events(ev({ offset: 0 }), ev({ offset: 1 })));
    expect(mergeEvents(timeline, events(ev({ offset: 1 })))).toBe(timeline);
    const store = createTimelineStore('s');
    store.getState().merge(timeline);
    const before = store.getState();
    expect(store.getState().merge(events(ev({ offset: 0 })))).toBe(0);
    expect(store.getState()).toBe(before);
  });

  it('keeps events of unknown kind and source and with odd data instead of failing', () => {
    const list = events(
      { id: 'a', offset: 0, kind: 'hologram', source: 'martian', data: 42 },
      { id: 'b', offset: 1, kind: 'message', data: null },
      { id: 'c', offset: 2 },
    );
    expect(list.map((e) => [e.kind, e.source])).toEqual([
      ['hologram', 'martian'],
      ['message', 'unknown'],
      ['unknown', 'unknown'],
    ]);
    expect(list.every((e) => typeof e.metadata === 'object' && e.deleted === false)).toBe(true);
  });
});

describe('trace keys', () => {
  it('uses trace_id, else the 3.0 correlation id cut at "::"', () => {
    expect(traceKey({ trace_id: 'abc', correlation_id: 'zzz' })).toBe('abc');
    expect(traceKey({ correlation_id: 'RkZ3c9Qw1pA::process' })).toBe('RkZ3c9Qw1pA');
    expect(traceKey({ correlation_id: 'RkZ3c9Qw1pA' })).toBe('RkZ3c9Qw1pA');
    expect(traceKey({})).toBe('');
  });

});
