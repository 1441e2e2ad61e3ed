/**
 * Every error a widget can meet on the events endpoints: 404 for a session or event, the 422
 * bodies of bad input, the bare 500 of an unknown `kinds` value, and routing misses.
 */
import type { Scenario } from './context';
import { createSession, say } from './steps';

const eventErrors: Scenario = {
  name: 'event-errors',
  description: 'Bad input to the events endpoints and unknown sessions or events.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    const post = (step: string, body: unknown) => http.call(step, 'POST', events, { body: body as never });
    await post('message without text', { kind: 'message', source: 'customer' });
    await post('message with empty text', { kind: 'message', source: 'customer', message: '' });
    await post('message without a kind', { source: 'customer', message: 'hi' });
    await post('message with an unknown source', { kind: 'message', source: 'robot', message: 'hi' });
    await post('tool event', { kind: 'tool', source: 'customer', data: {} });
    await post('message from the customer UI', { kind: 'message', source: 'customer_ui', message: 'hi' });
    await post('message with a number as text', { kind: 'message', source: 'customer', message: 42 });
    await post('message with string metadata', { kind: 'message', source: 'customer', message: 'hi', metadata: 'x' });
    await post('body that is a list', [1, 2]);
    await http.call('body that is not JSON', 'POST', events, { text: '{"kind": "message",', headers: { 'Content-Type': 'application/json' } });
    await http.call('empty body', 'POST', events, { headers: { 'Content-Type': 'application/json' } });
    await http.call('unknown moderation', 'POST', events, { query: { moderation: 'strict' }, body: { kind: 'message', source: 'customer', message: 'hi' } });
    const list = (step: string, query: Record<string, string | number>) => http.call(step, 'GET', events, { query });
    await list('fractional wait_for_data', { min_offset: 0, wait_for_data: 1.5 });
    await list('non-numeric min_offset', { min_offset: 'abc', wait_for_data: 0 });
    await list('unknown source filter', { min_offset: 0, wait_for_data: 0, source: 'robot' });
    await list('unknown kinds filter', { min_offset: 0, wait_for_data: 0, kinds: 'message,bogus' });
    await list('sse=maybe', { min_offset: 0, wait_for_data: 0, sse: 'maybe' });
    await http.call('list events of an unknown session', 'GET', '/sessions/no-such-session/events', { query: { min_offset: 0, wait_for_data: 0 } });
    await http.call('post to an unknown session', 'POST', '/sessions/no-such-session/events', { body: { kind: 'message', source: 'customer', message: 'hi' } });
    await http.call('read an unknown event', 'GET', `${events}/no-such-event`);
    await http.call('update an unknown event', 'PATCH', `${events}/no-such-event`, { body: { metadata: { set: { a: 1 } } } });
    const said = await say(ctx, 'customer message', session.id, 'Hello');
    await http.call('update event metadata', 'PATCH', `${events}/${said.id}`, { body: { metadata: { set: { rating: 5 }, unset: ['none'] } } });
    await http.call('update event with list metadata', 'PATCH', `${events}/${said.id}`, { body: { metadata: ['x'] } });
  },
};

const routing: Scenario = {
  name: 'routing',
  description: 'Unknown paths, wrong methods and trailing slashes.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    await http.call('unknown path', 'GET', '/no-such-path');
    await http.call('wrong method on /sessions', 'PUT', '/sessions', { body: {} });
    await http.call('wrong method on an event list', 'PUT', '/sessions/abc/events', { body: {} });
    await http.call('trailing slash', 'GET', '/agents/');
    await http.call('OPTIONS without a preflight', 'OPTIONS', '/sessions');
  },
};

const moderation: Scenario = {
  name: 'moderation',
  description: 'Customer messages posted with moderation=auto and moderation=none.',
  policy: 'development',
  async run(ctx) {
    const session = await createSession(ctx, 'create session', ctx.agentId);
    await ctx.http.call('set manual mode (no turns)', 'PATCH', `/sessions/${session.id}`, { body: { mode: 'manual' } });
    const events = `/sessions/${session.id}/events`;
    const post = (step: string, moderation: string, message: string) => ctx.http.call(step, 'POST', events, { query: { moderation }, body: { kind: 'message', source: 'customer', message } });
    await post('a harmless message under moderation=auto', 'auto', 'Where is my parcel?');
    await post('an insult under moderation=auto', 'auto', 'You idiot, I hate you');
    await post('an insult under moderation=none', 'none', 'You idiot, I hate you');
  },
};

/** Scenarios of errors. @example ERROR_SCENARIOS.length; */
export const ERROR_SCENARIOS: Scenario[] = [eventErrors, routing, moderation];
