/**
 * Agents, customers and sessions: creation, reads, updates (the read marker included),
 * deletion, and the 404 and 422 answers around them.
 */
import type { Customer } from '../../../src/core/types';
import type { Scenario } from './context';
import { createSession } from './steps';

const agents: Scenario = {
  name: 'agents-and-customers',
  description: 'Agents and customers: create, read, update, delete, and the errors around them.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const created = await http.call('create agent', 'POST', '/agents', { body: { name: 'Haxon', description: 'Support', composition_mode: 'canned_fluid', max_engine_iterations: 2 } });
    const id = (created.body as { id: string }).id;
    await http.call('read agent', 'GET', `/agents/${id}`);
    await http.call('update agent', 'PATCH', `/agents/${id}`, { body: { name: 'Haxon II', message_output_mode: 'stream' } });
    await http.call('create agent without a name', 'POST', '/agents', { body: { composition_mode: 'fluid' } });
    await http.call('create agent with an empty name', 'POST', '/agents', { body: { name: '' } });
    await http.call('create agent with an unknown composition mode', 'POST', '/agents', { body: { name: 'X', composition_mode: 'poetic' } });
    await http.call('create agent with zero iterations', 'POST', '/agents', { body: { name: 'X', max_engine_iterations: 0 } });
    await http.call('delete agent', 'DELETE', `/agents/${id}`);
    await http.call('read deleted agent', 'GET', `/agents/${id}`);
    await http.call('read unknown agent', 'GET', '/agents/no-such-agent');
    const customer = await http.call('create customer', 'POST', '/customers', { body: { name: 'Alice', metadata: { tier: 'gold' } } });
    const cid = (customer.body as unknown as Customer).id;
    await http.call('read customer', 'GET', `/customers/${cid}`);
    await http.call('update customer', 'PATCH', `/customers/${cid}`, { body: { name: 'Alice B', metadata: { set: { city: 'Oslo' }, unset: ['tier'] } } });
    await http.call('read guest', 'GET', '/customers/guest');
    await http.call('read unknown customer', 'GET', '/customers/no-such-customer');
    await http.call('create customer with a number in metadata', 'POST', '/customers', { body: { name: 'Bob', metadata: { age: 42 } } });
    await http.call('delete customer', 'DELETE', `/customers/${cid}`);
    await http.call('read deleted customer', 'GET', `/customers/${cid}`);
  },
};

const sessions: Scenario = {
  name: 'sessions',
  description: 'Sessions: guest and customer sessions, reads, updates with the read marker, deletion, and their errors.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create guest session', ctx.agentId, { body: { title: 'Support', metadata: { page: '/pricing' }, labels: ['web', 'web'] } });
    await http.call('read session', 'GET', `/sessions/${session.id}`);
    await http.call('mark read up to offset 4', 'PATCH', `/sessions/${session.id}`, { body: { consumption_offsets: { client: 4 } } });
    await http.call('update title, metadata and labels', 'PATCH', `/sessions/${session.id}`, {
      body: { title: 'Billing', metadata: { set: { plan: 'pro' }, unset: ['page'] }, labels: { upsert: ['vip'], remove: ['web'] } },
    });
    await http.call('switch to manual mode', 'PATCH', `/sessions/${session.id}`, { body: { mode: 'manual' } });
    await http.call('update with an unknown mode', 'PATCH', `/sessions/${session.id}`, { body: { mode: 'paused' } });
    await http.call('update with a string read marker', 'PATCH', `/sessions/${session.id}`, { body: { consumption_offsets: { client: 'four' } } });
    const customer = await http.call('create customer', 'POST', '/customers', { body: { name: 'Carol' } });
    await createSession(ctx, 'create customer session', ctx.agentId, { body: { customer_id: (customer.body as unknown as Customer).id } });
    await http.call('create session for an unknown agent', 'POST', '/sessions', { body: { agent_id: 'no-such-agent' } });
    await http.call('create session without an agent', 'POST', '/sessions', { body: { title: 'x' } });
    await http.call('create session with allow_greeting=maybe', 'POST', '/sessions', { query: { allow_greeting: 'maybe' }, body: { agent_id: ctx.agentId } });
    await http.call('read unknown session', 'GET', '/sessions/no-such-session');
    await http.call('update unknown session', 'PATCH', '/sessions/no-such-session', { body: { title: 'x' } });
    await http.call('delete session', 'DELETE', `/sessions/${session.id}`);
    await http.call('read deleted session', 'GET', `/sessions/${session.id}`);
    await http.call('delete deleted session', 'DELETE', `/sessions/${session.id}`);
  },
};

/** Scenarios of resources. @example RESOURCE_SCENARIOS.length; */
export const RESOURCE_SCENARIOS: Scenario[] = [agents, sessions];
