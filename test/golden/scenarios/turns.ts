/**
 * Agent turns in every composition mode, the preamble, several paragraphs in one reply, the
 * greeting, streaming output mode, and several customer messages in a row.
 */
import type { Scenario } from './context';
import { createAgent, createSession, history, say, waitForTurn, waitQuiet } from './steps';

/** Four typed turns with the default (fluid) agent: the preamble `ready` only on the first three. */
const fluid: Scenario = {
  name: 'turn-fluid',
  description: 'Four customer messages to the default agent (fluid composition), one at a time.',
  policy: 'development',
  async run(ctx) {
    await ctx.http.call('read default agent', 'GET', `/agents/${ctx.agentId}`);
    const session = await createSession(ctx, 'create session', ctx.agentId);
    for (const [i, text] of ['Hello there', 'What can you do?', 'Tell me more\n\nin two paragraphs', 'Thanks'].entries()) {
      const event = await say(ctx, `customer message ${i + 1}`, session.id, text);
      await waitForTurn(ctx, session.id, event.trace_id as string);
    }
    await history(ctx, 'history', session.id);
  },
};

function cannedTurns(mode: 'canned_fluid' | 'composited_canned' | 'strict_canned', texts: string[]): Scenario {
  return {
    name: `turn-${mode.replace('_', '-')}`,
    description: `Customer messages to an agent in ${mode} composition: the preamble, one message per paragraph.`,
    policy: 'development',
    async run(ctx) {
      const agent = await createAgent(ctx, 'create agent', { name: `Agent ${mode}`, composition_mode: mode });
      const session = await createSession(ctx, 'create session', agent.id);
      for (const [i, text] of texts.entries()) {
        const event = await say(ctx, `customer message ${i + 1}`, session.id, text);
        await waitForTurn(ctx, session.id, event.trace_id as string);
      }
      await history(ctx, 'history', session.id);
    },
  };
}

/** `allow_greeting` on a fluid and on a canned agent without guidelines. */
const greeting: Scenario = {
  name: 'greeting',
  description: 'Sessions created with allow_greeting=true, for a fluid and for a canned_fluid agent.',
  policy: 'development',
  async run(ctx) {
    const plain = await createSession(ctx, 'create greeted session (fluid)', ctx.agentId, { greet: true });
    await waitQuiet(ctx, plain.id, 6);
    await history(ctx, 'history (fluid)', plain.id);
    const canned = await createAgent(ctx, 'create canned agent', { name: 'Greeter', composition_mode: 'canned_fluid' });
    const session = await createSession(ctx, 'create greeted session (canned)', canned.id, { greet: true });
    await waitQuiet(ctx, session.id, 6);
    await history(ctx, 'history (canned)', session.id);
  },
};

/** An agent in `stream` output mode: its message and the single-event stream of it. */
const streaming: Scenario = {
  name: 'turn-stream',
  description: 'A turn of an agent in stream output mode, then its message followed through the single-event SSE stream.',
  policy: 'development',
  async run(ctx) {
    const agent = await createAgent(ctx, 'create streaming agent', { name: 'Streamer', message_output_mode: 'stream' });
    const session = await createSession(ctx, 'create session', agent.id);
    const event = await say(ctx, 'customer message', session.id, 'Reply to me please');
    const events = await waitForTurn(ctx, session.id, event.trace_id as string);
    await history(ctx, 'history', session.id);
    const reply = events.find((e) => e.kind === 'message' && e.source === 'ai_agent');
    if (!reply) throw new Error('no reply');
    await ctx.http.call('follow the reply', 'GET', `/sessions/${session.id}/events/${reply.id}`, { query: { sse: true, wait_for_data: 5 } });
    await ctx.http.call('read the reply when complete', 'GET', `/sessions/${session.id}/events/${reply.id}`, { query: { wait_for_completion: true, wait_for_data: 5 } });
  },
};

/** A canned_fluid agent in `stream` output mode, the only kind Parlant streams for. */
const streamingCanned: Scenario = {
  name: 'turn-stream-canned',
  description: 'A turn of a canned_fluid agent in stream output mode, and its reply followed through the single-event SSE stream.',
  policy: 'development',
  async run(ctx) {
    const agent = await createAgent(ctx, 'create streaming agent', { name: 'Streamer', composition_mode: 'canned_fluid', message_output_mode: 'stream' });
    const session = await createSession(ctx, 'create session', agent.id);
    const event = await say(ctx, 'customer message', session.id, 'Reply to me please');
    const events = await waitForTurn(ctx, session.id, event.trace_id as string);
    await history(ctx, 'history', session.id);
    const reply = events.filter((e) => e.kind === 'message' && e.source === 'ai_agent').at(-1);
    if (!reply) throw new Error('no reply');
    await ctx.http.call('follow the reply', 'GET', `/sessions/${session.id}/events/${reply.id}`, { query: { sse: true, wait_for_data: 5 } });
  },
};

/** Three messages 300 ms apart: the first two turns are cancelled. */
const quick: Scenario = {
  name: 'quick-messages',
  description: 'Three customer messages in a row, 300 ms apart, so the first two turns are cancelled.',
  policy: 'development',
  async run(ctx) {
    const session = await createSession(ctx, 'create session', ctx.agentId);
    for (const [i, text] of ['one', 'two', 'three'].entries()) {
      await say(ctx, `customer message ${i + 1}`, session.id, text);
      await ctx.pause(300);
    }
    await waitQuiet(ctx, session.id, 6);
    await history(ctx, 'history', session.id, 'timeline');
  },
};

/** Scenarios of agent turns. @example for (const s of TURN_SCENARIOS) await s.run(ctx); */
export const TURN_SCENARIOS: Scenario[] = [
  fluid,
  cannedTurns('canned_fluid', ['Hello there', 'First part\n\nSecond part', 'Three', 'Four']),
  cannedTurns('composited_canned', ['Hello there']),
  cannedTurns('strict_canned', ['Hello there']),
  greeting,
  streaming,
  streamingCanned,
  quick,
];
