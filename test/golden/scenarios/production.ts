/**
 * The production authorization policy: what an anonymous browser may do (read an agent,
 * create a guest session, read it, list its events, post customer messages), the 403 of
 * everything else, and the 429 of its per-IP rate limits.
 */
import type { Json } from '../../../src/core/types';
import type { ScenarioContext, Scenario } from './context';
import { history, say, waitForTurn } from './steps';

/** A client address of its own per recording, so rate limits never carry over between runs. */
function client(ctx: ScenarioContext): Record<string, string> {
  const ip = `198.51.100.${ctx.fresh()}`;
  ctx.alias(ip, '<client-ip>');
  return { 'X-Forwarded-For': ip };
}

const guest: Scenario = {
  name: 'production-guest',
  description: 'Under the production policy: the calls a guest may make, and the 403 of those it may not.',
  policy: 'production',
  async run(ctx) {
    const { http } = ctx;
    const headers = client(ctx);
    const call = (step: string, method: string, path: string, body?: Json) => http.call(step, method, path, { headers, ...(body === undefined ? {} : { body }) });
    await call('read agent', 'GET', `/agents/${ctx.agentId}`);
    await call('list agents', 'GET', '/agents');
    await call('create agent', 'POST', '/agents', { name: 'X' });
    await call('create agent with an empty name', 'POST', '/agents', { name: '' });
    await call('create customer', 'POST', '/customers', { name: 'Eve' });
    await call('read guest customer', 'GET', '/customers/guest');
    await call('create session for a customer', 'POST', '/sessions', { agent_id: ctx.agentId, customer_id: 'someone' });
    await call('create session for an unknown agent', 'POST', '/sessions', { agent_id: 'no-such-agent' });
    const sid = (await http.call('create guest session', 'POST', '/sessions', { headers, body: { agent_id: ctx.agentId } })).body as { id: string };
    const events = `/sessions/${sid.id}/events`;
    await call('read session', 'GET', `/sessions/${sid.id}`);
    await call('read unknown session', 'GET', '/sessions/no-such-session');
    const said = await say(ctx, 'customer message', sid.id, 'Hello', { headers });
    await waitForTurn(ctx, sid.id, said.trace_id as string);
    await history(ctx, 'history', sid.id);
    await call('customer message with a participant', 'POST', events, { kind: 'message', source: 'customer', message: 'Hi', participant: { display_name: 'Me' } });
    await call('custom event', 'POST', events, { kind: 'custom', source: 'customer_ui', data: { page: '/' } });
    await call('status event', 'POST', events, { kind: 'status', source: 'customer', status: 'typing' });
    await call('operator message', 'POST', events, { kind: 'message', source: 'human_agent', message: 'Hi', participant: { display_name: 'Dana' } });
    await call('ask the agent to speak', 'POST', events, { kind: 'message', source: 'ai_agent' });
    await call('read one event', 'GET', `${events}/${said.id}`);
    await call('mark read', 'PATCH', `/sessions/${sid.id}`, { consumption_offsets: { client: 3 } });
    await http.call('delete events', 'DELETE', events, { headers, query: { min_offset: 0 } });
    await call('delete session', 'DELETE', `/sessions/${sid.id}`);
    await call('list sessions', 'GET', '/sessions');
  },
};

const limits: Scenario = {
  name: 'production-rate-limits',
  description: 'Under the production policy: the eleventh guest session and the thirty-first agent read within a minute from one address get 429.',
  policy: 'production',
  async run(ctx) {
    const { http } = ctx;
    const headers = client(ctx);
    await http.call('first guest session', 'POST', '/sessions', { headers, body: { agent_id: ctx.agentId } });
    for (let i = 2; i <= 10; i += 1) await http.peek('POST', '/sessions', { headers, body: { agent_id: ctx.agentId } });
    await http.call('eleventh guest session', 'POST', '/sessions', { headers, body: { agent_id: ctx.agentId } });
    for (let i = 1; i <= 30; i += 1) await http.peek('GET', `/agents/${ctx.agentId}`, { headers });
    await http.call('thirty-first agent read', 'GET', `/agents/${ctx.agentId}`, { headers });
    await http.call('agent read from another address', 'GET', `/agents/${ctx.agentId}`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
  },
};

/** Scenarios of the production policy (they need a server started with it). @example PRODUCTION_SCENARIOS.length; */
export const PRODUCTION_SCENARIOS: Scenario[] = [guest, limits];
