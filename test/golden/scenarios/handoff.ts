/**
 * What a human operator and a client UI post: manual mode, human agent messages (as themselves
 * and on behalf of the AI agent), custom and status events, and asking the AI agent to speak.
 */
import type { ParlantEvent } from '../../../src/core/types';
import type { Scenario } from './context';
import { createSession, history, say, waitForTurn, waitQuiet } from './steps';

const operator: Scenario = {
  name: 'operator-and-manual-mode',
  description: 'A turn, then manual mode: the customer gets no agent events, a human operator answers as themselves and on behalf of the agent.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const first = await say(ctx, 'customer message', session.id, 'Hello');
    await waitForTurn(ctx, session.id, first.trace_id as string);
    await http.call('switch to manual mode', 'PATCH', `/sessions/${session.id}`, { body: { mode: 'manual' } });
    await say(ctx, 'customer message in manual mode', session.id, 'Is anyone there?');
    await waitQuiet(ctx, session.id, 3);
    const events = `/sessions/${session.id}/events`;
    await http.call('operator message', 'POST', events, { body: { kind: 'message', source: 'human_agent', message: 'Dana here, how can I help?', participant: { id: 'op-7', display_name: 'Dana' } } });
    await http.call('operator message without an id', 'POST', events, { body: { kind: 'message', source: 'human_agent', message: 'Still here', participant: { display_name: 'Dana' } } });
    await http.call('operator message on behalf of the agent', 'POST', events, { body: { kind: 'message', source: 'human_agent_on_behalf_of_ai_agent', message: 'Your refund is on its way.' } });
    await http.call('operator message without a participant', 'POST', events, { body: { kind: 'message', source: 'human_agent', message: 'Who am I?' } });
    await http.call('on-behalf message without text', 'POST', events, { body: { kind: 'message', source: 'human_agent_on_behalf_of_ai_agent' } });
    await http.call('switch back to auto mode', 'PATCH', `/sessions/${session.id}`, { body: { mode: 'auto' } });
    await waitQuiet(ctx, session.id, 3);
    await history(ctx, 'history', session.id);
  },
};

const clientEvents: Scenario = {
  name: 'client-events',
  description: 'Custom events from the customer UI and status events posted by a client, with their 422 answers; none of them starts a turn.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    await http.call('custom event', 'POST', events, { body: { kind: 'custom', source: 'customer_ui', data: { page: '/checkout', cart: 3 }, metadata: { client: 'widget' } } });
    await http.call('custom event without data', 'POST', events, { body: { kind: 'custom', source: 'customer_ui' } });
    await http.call('custom event with empty data', 'POST', events, { body: { kind: 'custom', source: 'customer_ui', data: {} } });
    await http.call('status event from an operator', 'POST', events, { body: { kind: 'status', source: 'human_agent', status: 'typing' } });
    await http.call('status event with data', 'POST', events, { body: { kind: 'status', source: 'human_agent', status: 'processing', data: { stage: 'Looking it up' } } });
    await http.call('status event without a status', 'POST', events, { body: { kind: 'status', source: 'human_agent' } });
    await http.call('status event with list data', 'POST', events, { body: { kind: 'status', source: 'human_agent', status: 'ready', data: [1] } });
    await http.call('status event with an unknown status', 'POST', events, { body: { kind: 'status', source: 'human_agent', status: 'sleeping' } });
    await waitQuiet(ctx, session.id, 2);
    await history(ctx, 'history', session.id);
  },
};

const prompt: Scenario = {
  name: 'agent-prompted',
  description: 'Asking the AI agent to speak (an ai_agent message without text): the first status event of its run comes back.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const session = await createSession(ctx, 'create session', ctx.agentId);
    const events = `/sessions/${session.id}/events`;
    const first = await say(ctx, 'customer message', session.id, 'Hello');
    await waitForTurn(ctx, session.id, first.trace_id as string);
    const res = await http.call('ask the agent to speak', 'POST', events, { body: { kind: 'message', source: 'ai_agent' } });
    await waitForTurn(ctx, session.id, (res.body as unknown as ParlantEvent).trace_id as string);
    await http.call('ask the agent to say a given text', 'POST', events, { body: { kind: 'message', source: 'ai_agent', message: 'Hi' } });
    await history(ctx, 'history', session.id);
  },
};

/** Scenarios of operators and client-posted events. @example HANDOFF_SCENARIOS.length; */
export const HANDOFF_SCENARIOS: Scenario[] = [operator, clientEvents, prompt];
