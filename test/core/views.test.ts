import { describe, expect, it } from 'vitest';
import { parseEventList } from '../../src/core/parse';
import { createTimelineStore } from '../../src/core/timeline';
import { createTimelineViews } from '../../src/core/views';
import type { ParlantEvent } from '../../src/core/types';
import { ev } from '../support/scripted-fetch';

const msg = (offset: number, source: string, text: string, trace = 'T') =>
  ev({ offset, kind: 'message', source, trace_id: trace, data: { message: text, participant: { id: 'p', display_name: source === 'customer' ? 'Guest' : 'Haxon' } } });
const status = (offset: number, value: string, data: unknown = {}, trace = 'T') => ev({ offset, kind: 'status', trace_id: trace, data: { status: value, data } });
const tool = (offset: number, toolId: string, result: unknown, trace = 'T', control: unknown = {}) =>
  ev({ offset, kind: 'tool', trace_id: trace, data: { tool_calls: [{ tool_id: toolId, arguments: { account: 'main' }, result: { data: result, control } }] } });

function timeline(...raw: unknown[]) {
  const store = createTimelineStore('s');
  store.getState().merge(parseEventList(raw).events);
  const views = createTimelineViews();
  return { store, views, state: () => store.getState() };
}

describe('agent activity', () => {
  it('is idle under an answered message in a history without status events', () => {
    const { views, state } = timeline(msg(0, 'customer', 'hi'), msg(1, 'ai_agent', 'hello'));
    expect(views.selectAgentActivity(state()).state).toBe('idle');
  });

  it('ends idle although a turn cancelled earlier keeps talking after the last turn finished (seen on the real server)', () => {
    const { views, state } = timeline(
      msg(0, 'customer', 'one', 'T1'),
      status(1, 'acknowledged', {}, 'T1'),
      msg(2, 'customer', 'two', 'T2'),
      status(3, 'cancelled', {}, 'T1'),
      status(4, 'ready', { stage: 'completed' }, 'T1'),
      status(5, 'acknowledged', {}, 'T2'),
      status(6, 'processing', { stage: 'Interpreting' }, 'T2'),
      status(7, 'typing', {}, 'T2'),
      msg(8, 'ai_agent', 'hello', 'T2'),
      status(9, 'ready', { stage: 'completed' }, 'T2'),
      // The first turn's preamble task, still running: a bare ready and processing, after all.
      status(10, 'ready', {}, 'T1'),
      status(11, 'processing', { stage: 'Interpreting' }, 'T1'),
    );
    expect(views.selectAgentActivity(state()).state).toBe('idle');
  });

  it('keeps thinking through the bare ready Parlant sends right after acknowledged, until the reply', () => {
    const real = [
      msg(0, 'customer', 'hi'),
      status(1, 'acknowledged'),
      status(2, 'ready'),
      status(3, 'processing', { stage: 'Interpreting' }),
      status(4, 'typing'),
      msg(5, 'ai_agent', 'hello'),
      status(6, 'ready', { stage: 'completed' }),
    ];
    const states = real.map((_, i) => createTimelineViews().selectAgentActivity(timeline(...real.slice(0, i + 1)).state()).state);
    expect(states).toEqual(['waiting', 'thinking', 'thinking', 'thinking', 'typing', 'idle', 'idle']);
  });

  const turn = [
    msg(0, 'customer', 'balance?'),
    status(1, 'acknowledged'),
    status(2, 'processing', { stage: 'Interpreting' }),
    tool(3, 'bank:get_balance', { balance: 5 }),
    status(4, 'typing'),
    msg(5, 'ai_agent', 'It is 5.'),
    status(6, 'ready'),
    status(7, 'ready', { stage: 'completed' }),
  ];
  const expected = ['waiting', 'thinking', 'thinking', 'thinking', 'typing', 'idle', 'idle', 'idle'];

  it.each(turn.map((_, i) => [i, expected[i]] as const))('after event %i of a turn is %s', (i, state) => {
    const { views, state: s } = timeline(...turn.slice(0, i + 1));
    expect(views.selectAgentActivity(s()).state).toBe(state);
  });

  it('carries the processing stage', () => {
    const { views, state } = timeline(msg(0, 'customer', 'x'), status(1, 'processing', { stage: 'Thinking' }));
    expect(views.selectAgentActivity(state())).toEqual({ state: 'thinking', stage: 'Thinking', traceKey: 'T' });
  });

  it('reports error when a turn ends ready then error, and flags that customer message', () => {
    const { views, state } = timeline(msg(0, 'customer', 'x'), status(1, 'acknowledged'), status(2, 'ready', { stage: 'completed' }), status(3, 'error', { exception: 'Traceback' }));
    expect(views.selectAgentActivity(state()).state).toBe('error');
    expect(views.selectMessages(state())[0]).toMatchObject({ text: 'x', agentFailed: true });
  });

  it('does not wait forever after a human took over (manual mode sends no statuses)', () => {
    const { views, state } = timeline(
      msg(0, 'customer', 'human please'),
      tool(1, 'support:handoff', 'ok', 'T', { mode: 'manual' }),
      status(2, 'ready', { stage: 'completed' }),
      msg(3, 'customer', 'hello?', 'U'),
    );
    expect(views.selectAgentActivity(state()).state).toBe('idle');
  });

  it('treats a cancelled turn as idle', () => {
    const { views, state } = timeline(msg(0, 'customer', 'x'), status(1, 'processing'), status(2, 'cancelled'));
    expect(views.selectAgentActivity(state()).state).toBe('idle');
  });
});

describe('messages and footnotes', () => {
  it('maps sources to roles and keeps the participant name, skipping non-message events', () => {
    const { views, state } = timeline(
      msg(0, 'customer', 'hi'),
      status(1, 'ready'),
      msg(2, 'ai_agent', 'hello'),
      ev({ offset: 3, kind: 'message', source: 'human_agent', data: { message: 'Dana here', participant: { display_name: 'Dana' } } }),
      msg(4, 'human_agent_on_behalf_of_ai_agent', 'still me'),
      ev({ offset: 5, kind: 'custom', source: 'customer_ui', data: { page: '/x' } }),
    );
    expect(views.selectMessages(state()).map((m) => [m.role, m.author, m.text])).toEqual([
      ['customer', 'Guest', 'hi'],
      ['agent', 'Haxon', 'hello'],
      ['human_agent', 'Dana', 'Dana here'],
      ['agent', 'Haxon', 'still me'],
    ]);
  });

  it('groups tool calls by trace key, including 3.0 correlation ids', () => {
    const { views, state } = timeline(
      ev({ offset: 0, kind: 'message', source: 'customer', trace_id: undefined, correlation_id: 'R1', data: { message: 'a', participant: { display_name: 'G' } } }),
      ev({ offset: 1, kind: 'tool', trace_id: undefined, correlation_id: 'R1::process', data: { tool_calls: [{ tool_id: 'svc:lookup', arguments: { q: 1 }, result: { data: [1, 2] } }] } }),
      ev({ offset: 2, kind: 'message', source: 'ai_agent', trace_id: undefined, correlation_id: 'R1::process', data: { message: 'b', participant: { display_name: 'A' } } }),
      tool(3, 'bank:other', 1, 'T2'),
    );
    const agentMessage = views.selectMessages(state())[1];
    const notes = views.selectToolFootnotes(state()).get(agentMessage?.traceKey ?? '');
    expect(notes?.map((n) => [n.toolId, n.name, n.arguments, n.result])).toEqual([['svc:lookup', 'lookup', { q: 1 }, [1, 2]]]);
  });

  it('returns the same arrays until the timeline changes, and keeps unchanged message objects', () => {
    const { store, views, state } = timeline(msg(0, 'customer', 'hi'), msg(1, 'ai_agent', 'yo'));
    const first = views.selectMessages(state());
    expect(views.selectMessages(state())).toBe(first);
    store.getState().merge(parseEventList([msg(2, 'ai_agent', 'more')]).events);
    const second = views.selectMessages(state());
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });

  it('keeps the footnote list of a turn when later events leave it unchanged', () => {
    const { store, views, state } = timeline(msg(0, 'customer', 'a'), tool(1, 'bank:get_balance', 5), msg(2, 'ai_agent', 'five'));
    const before = views.selectToolFootnotes(state()).get('T');
    store.getState().merge(parseEventList([status(3, 'ready'), tool(4, 'bank:other', 1, 'U')]).events);
    expect(views.selectToolFootnotes(state()).get('T')).toBe(before);
    expect(views.selectToolFootnotes(state()).get('U')).toHaveLength(1);
  });
});

describe('incremental views', () => {
  /** A small deterministic random source, so a failing sequence can be replayed. */
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  /** One batch as a live session sends it: new turns, streamed rewrites, deletions, failures, tools. */
  function nextBatch(rand: () => number, events: readonly ParlantEvent[], offset: number): unknown[] {
    const trace = `T${Math.floor(offset / 4)}`;
    const pick = rand();
    const last = events.at(-1);
    if (pick < 0.1 && last) return [{ ...last, deleted: true }];
    if (pick < 0.25 && last?.kind === 'message') return [{ ...last, data: { ...(last.data as object), message: `rewritten ${offset}` } }];
    if (pick < 0.35) return [status(offset, 'error', {}, trace)];
    if (pick < 0.45) return [tool(offset, 'bank:get_balance', offset, trace)];
    if (pick < 0.5) return [ev({ offset, kind: 'custom', source: 'customer_ui', data: { n: offset } })];
    if (pick < 0.6) return [status(offset, 'typing', {}, trace), status(offset + 1, 'ready', {}, trace)];
    // A run the widget asked for again: its own trace, owned by the customer message before it.
    if (pick < 0.65) return [status(offset, 'acknowledged', {}, `retry${offset}`)];
    // A customer message that may share its client id with an earlier copy.
    if (pick < 0.75) return [{ ...msg(offset, 'customer', `copy ${offset}`, trace), metadata: { client_message_id: `c${Math.floor(rand() * 4)}` } }];
    return [msg(offset, rand() < 0.5 ? 'customer' : 'ai_agent', `text ${offset}`, trace)];
  }

  it.each([1, 2, 3, 4, 5])('matches a from-scratch derivation after every batch (seed %i)', (seed) => {
    const rand = random(seed);
    const store = createTimelineStore('s');
    const live = createTimelineViews();
    let offset = 0;
    for (let step = 0; step < 200; step += 1) {
      store.getState().merge(parseEventList(nextBatch(rand, store.getState().events, offset)).events);
      offset += 2;
      const fresh = createTimelineViews();
      const state = store.getState();
      expect(live.selectMessages(state)).toEqual(fresh.selectMessages(state));
      expect([...live.selectToolFootnotes(state)]).toEqual([...fresh.selectToolFootnotes(state)]);
      expect(live.selectCustomEvents(state)).toEqual(fresh.selectCustomEvents(state));
    }
    expect(live.selectMessages(store.getState()).some((m) => m.agentFailed)).toBe(true);
    const keys = live.selectMessages(store.getState()).map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the message list itself when a batch adds no message', () => {
    const { store, views, state } = timeline(msg(0, 'customer', 'hi'), status(1, 'acknowledged'));
    const before = views.selectMessages(state());
    store.getState().merge(parseEventList([status(2, 'processing'), status(3, 'typing')]).events);
    expect(views.selectMessages(state())).toBe(before);
    expect(views.selectAgentActivity(state()).state).toBe('typing');
  });

  it('flags an earlier customer message when its turn fails later, and keeps the other messages', () => {
    const { store, views, state } = timeline(msg(0, 'customer', 'first', 'A'), msg(1, 'ai_agent', 'ok', 'A'), msg(2, 'customer', 'second', 'B'));
    const [first, answer] = views.selectMessages(state());
    store.getState().merge(parseEventList([status(3, 'processing', {}, 'B'), status(4, 'error', {}, 'B')]).events);
    const after = views.selectMessages(state());
    expect(after.map((m) => m.agentFailed)).toEqual([false, false, true]);
    expect(after[0]).toBe(first);
    expect(after[1]).toBe(answer);
  });

  it('keeps the footnote map when no tool event arrives, and the custom list when no custom event does', () => {
    const { store, views, state } = timeline(msg(0, 'customer', 'a'), tool(1, 'bank:get_balance', 5), ev({ offset: 2, kind: 'custom', source: 'customer_ui', data: {} }));
    const notes = views.selectToolFootnotes(state());
    const custom = views.selectCustomEvents(state());
    store.getState().merge(parseEventList([msg(3, 'ai_agent', 'five')]).events);
    expect(views.selectToolFootnotes(state())).toBe(notes);
    expect(views.selectCustomEvents(state())).toBe(custom);
  });
});
