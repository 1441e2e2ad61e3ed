/**
 * Waiting for events: long-polls that time out (504), SSE streams of a session's events and of
 * one event, a session deleted while a client waits, and truncating a history.
 */
import type { ParlantEvent } from '../../../src/core/types';
import type { Scenario } from './context';
import { createSession, history, say, waitForTurn } from './steps';

const longPoll: Scenario = {
  name: 'long-poll',
  description: 'Long-polls on an idle session time out with 504; events already there come at once; a deleted session ends a waiting poll with 404.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    await http.call('idle long-poll', 'GET', events, { query: { min_offset: 0, wait_for_data: 1 } });
    await http.call('idle SSE stream', 'GET', events, { query: { min_offset: 0, wait_for_data: 1, sse: true } });
    await http.call('SSE stream of an unknown session', 'GET', '/sessions/no-such-session/events', { query: { min_offset: 0, wait_for_data: 1, sse: true } });
    await http.call('custom event', 'POST', events, { body: { kind: 'custom', source: 'customer_ui', data: { seen: true } } });
    await http.call('long-poll with an event waiting', 'GET', events, { query: { min_offset: 0, wait_for_data: 5 } });
    await http.call('long-poll filtered by kind', 'GET', events, { query: { min_offset: 0, wait_for_data: 1, kinds: 'message' } });
    const doomed = await createSession(ctx, 'create a session to delete', ctx.agentId);
    const waiting = http.call('long-poll on a session deleted meanwhile', 'GET', `/sessions/${doomed.id}/events`, { query: { min_offset: 0, wait_for_data: 10 } });
    await ctx.pause(1000);
    await http.call('delete the session', 'DELETE', `/sessions/${doomed.id}`);
    await waiting;
  },
};

const sse: Scenario = {
  name: 'sse',
  description: 'A turn followed through the SSE stream of the session, then one event through its own stream and read in full.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    const stream = http.call('SSE stream of the turn', 'GET', events, { query: { min_offset: 0, wait_for_data: 5, sse: true }, compare: 'timeline' });
    await ctx.pause(200);
    const said = await say(ctx, 'customer message', session.id, 'Hello');
    await stream;
    await http.call('SSE stream of one event', 'GET', `${events}/${said.id}`, { query: { sse: true, wait_for_data: 1 } });
    await http.call('read one event', 'GET', `${events}/${said.id}`);
    await http.call('SSE stream from an offset', 'GET', events, { query: { min_offset: 4, wait_for_data: 1, sse: true } });
  },
};

const deletion: Scenario = {
  name: 'truncation-and-deletion',
  description: 'Deleting events from an offset (only at the start of a turn), offsets never reused, deleted events on read, and deleting the session.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    const first = await say(ctx, 'customer message 1', session.id, 'First question');
    await waitForTurn(ctx, session.id, first.trace_id as string);
    const second = await say(ctx, 'customer message 2', session.id, 'Second question');
    const turn = await waitForTurn(ctx, session.id, second.trace_id as string);
    const ack = turn.find((e) => e.trace_id === second.trace_id && e.kind === 'status') as ParlantEvent;
    await http.call('delete from the middle of a turn', 'DELETE', events, { query: { min_offset: ack.offset } });
    await http.call('delete without min_offset', 'DELETE', events);
    await http.call('delete from the second customer message', 'DELETE', events, { query: { min_offset: second.offset } });
    await history(ctx, 'history after deletion', session.id);
    await http.call('read a deleted event', 'GET', `${events}/${second.id}`);
    await http.call('update a deleted event', 'PATCH', `${events}/${second.id}`, { body: { metadata: { set: { a: 1 } } } });
    await http.call('delete past the end', 'DELETE', events, { query: { min_offset: 1000 } });
    const third = await say(ctx, 'customer message 3', session.id, 'Third question');
    await waitForTurn(ctx, session.id, third.trace_id as string);
    await history(ctx, 'history after a new turn', session.id);
    await http.call('delete events of an unknown session', 'DELETE', '/sessions/no-such-session/events', { query: { min_offset: 0 } });
    await http.call('delete the session', 'DELETE', `/sessions/${session.id}`);
    await http.call('list events of the deleted session', 'GET', events, { query: { min_offset: 0, wait_for_data: 0 } });
  },
};

/** Scenarios of waiting and deleting. @example STREAM_SCENARIOS.length; */
export const STREAM_SCENARIOS: Scenario[] = [longPoll, sse, deletion];
