import { describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { steps, type ScriptFn } from '../../src/testing/scripts';
import { chooseScript } from '../../src/testing/scripts-builtin';
import { collect, sig, turnDone, serverFactory } from './helpers';

const serve = serverFactory();
const COMPLETED = { stage: 'completed', matched_guidelines: [], matched_journeys: [], matched_journey_states: [] };

async function say(s: Awaited<ReturnType<typeof serve>>, sessionId: string, message: string): Promise<ParlantEvent> {
  const res = await s.send('POST', `/sessions/${sessionId}/events`, { kind: 'message', source: 'customer', message });
  expect(res.status).toBe(201);
  return (await res.json()) as ParlantEvent;
}

describe('scripted turns over HTTP long-polling', () => {
  it('echo: acknowledged → processing → typing → message → ready → ready completed, all on the trace', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'Hello there');
    const events = await collect(s.url, id, turnDone(customer.trace_id as string));
    expect(events.map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready']);
    expect(events.map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const e of events) {
      expect(e.trace_id).toBe(customer.trace_id);
      expect(e.correlation_id).toBe(customer.trace_id);
    }
    expect(events[2]?.data).toEqual({ status: 'processing', data: { stage: 'Interpreting' } });
    const reply = events[4]?.data as { message: string; participant: unknown; draft: string };
    expect(reply.message).toContain('Hello there');
    expect(reply.participant).toEqual({ id: 'demo-agent', display_name: 'Haxon' });
    expect(events[5]?.data).toEqual({ status: 'ready', data: {} });
    expect(events[6]?.data).toEqual({ status: 'ready', data: COMPLETED });
    const times = events.map((e) => Date.parse(e.creation_utc));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('tool: full tool result before the message that uses it', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'What is my balance?');
    const events = await collect(s.url, id, turnDone(customer.trace_id as string));
    expect(events.map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'tool', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready']);
    const tool = events[3] as ParlantEvent;
    expect(tool.source).toBe('ai_agent');
    expect(tool.data).toEqual({
      tool_calls: [
        {
          tool_id: 'bank:get_balance',
          arguments: { account: 'main' },
          result: { data: { balance: 5000.5, currency: 'USD' }, metadata: { link: 'https://bank.example/accounts/main' }, control: {}, canned_responses: [], canned_response_fields: {}, guidelines: [] },
        },
      ],
    });
    expect((events[5]?.data as { message: string }).message).toContain('5,000.50');
  });

  it('order: two tool events, one call each', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'Where is my order?');
    await s.emu.whenIdle(id);
    const tools = s.emu.events(id).filter((e) => e.kind === 'tool');
    expect(tools.map((t) => (t.data as { tool_calls: Array<{ tool_id: string }> }).tool_calls.map((c) => c.tool_id))).toEqual([['orders:find_order'], ['orders:track_shipment']]);
  });

  it('multi: several messages, typing before each and ready {} after each', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'Please explain the steps');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig).slice(3)).toEqual([
      'status:typing', 'message:ai_agent', 'status:ready',
      'status:typing', 'message:ai_agent', 'status:ready',
      'status:typing', 'message:ai_agent', 'status:ready',
      'status:ready',
    ]);
  });

  it('error: ready completed first, then error with a traceback, same trace', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'make it crash');
    const events = await collect(s.url, id, (list) => list.some((e) => sig(e) === 'status:error'));
    expect(events.map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'status:ready', 'status:error']);
    expect(events[3]?.data).toEqual({ status: 'ready', data: COMPLETED });
    expect((events[4]?.data as { data: { exception: string } }).data.exception).toMatch(/^Traceback/);
    expect(events.every((e) => e.trace_id === customer.trace_id)).toBe(true);
  });

  it('silent: acknowledged, processing, ready completed and no message', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'be quiet');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'status:ready']);
  });

  it('slow: a Thinking stage and long pauses', async () => {
    const s = await serve({ timing: { stepMs: 1, slowMs: 60 } });
    const { id } = s.emu.createSession();
    const started = Date.now();
    s.emu.customerSay(id, 'take it slow');
    await s.emu.whenIdle(id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(s.emu.events(id).map((e) => JSON.stringify(e.data))).toContain(JSON.stringify({ status: 'processing', data: { stage: 'Thinking' } }));
  });

  it('handoff: tool with control manual, mode switches, a human replies later, then no more status events', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'I want a human');
    const events = await collect(s.url, id, (list) => list.some((e) => e.source === 'human_agent'));
    expect(events.map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'tool', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready', 'message:human_agent']);
    const tool = events[3]?.data as { tool_calls: Array<{ result: { control: unknown } }> };
    expect(tool.tool_calls[0]?.result.control).toEqual({ mode: 'manual' });
    const human = events[8] as ParlantEvent;
    expect(human.data).toEqual({ message: expect.stringContaining('Dana'), participant: { id: null, display_name: 'Dana (support)' } });
    expect(human.trace_id).not.toBe(customer.trace_id);
    expect((await (await s.get(`/sessions/${id}`)).json()).mode).toBe('manual');
    await say(s, id, 'thanks, hello?');
    await new Promise((r) => setTimeout(r, 40));
    expect(s.emu.events(id).slice(9).map(sig)).toEqual(['message:customer']);
  });

  it('a new customer message cancels the running turn: cancelled + ready on the old trace, then the new turn', async () => {
    const s = await serve({ timing: { stepMs: 1, slowMs: 500 } });
    const { id } = s.emu.createSession();
    const first = await say(s, id, 'slow please');
    await collect(s.url, id, (list) => list.some((e) => sig(e) === 'status:processing'));
    const second = await say(s, id, 'hello again');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    const a = events.filter((e) => e.trace_id === first.trace_id).map(sig);
    expect(a).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'status:cancelled', 'status:ready']);
    expect(events.find((e) => e.trace_id === first.trace_id && sig(e) === 'status:ready')?.data).toEqual({ status: 'ready', data: COMPLETED });
    const afterSecond = events.filter((e) => e.offset > second.offset).map((e) => `${e.trace_id === first.trace_id ? 'A' : 'B'}:${sig(e)}`);
    expect(afterSecond.slice(0, 3)).toEqual(['A:status:cancelled', 'A:status:ready', 'B:status:acknowledged']);
    expect(afterSecond.at(-1)).toBe('B:status:ready');
    expect(afterSecond).toContain('B:message:ai_agent');
  });

  it('manual mode: a customer message gets no agent events at all', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.setMode(id, 'manual');
    await say(s, id, 'anyone?');
    await new Promise((r) => setTimeout(r, 30));
    expect(s.emu.events(id).map(sig)).toEqual(['message:customer']);
  });

  it('greeting: allow_greeting=true runs a turn under the create-session trace with no customer event', async () => {
    const s = await serve();
    const res = await s.send('POST', '/sessions?allow_greeting=true', { agent_id: 'demo-agent' });
    const session = await res.json();
    await s.emu.whenIdle(session.id);
    const events = s.emu.events(session.id);
    expect(events.map(sig)).toEqual(['status:acknowledged', 'status:processing', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready']);
    expect(new Set(events.map((e) => e.trace_id)).size).toBe(1);
    expect((events[3]?.data as { message: string }).message).toContain('Haxon');
    const plain = await (await s.send('POST', '/sessions?allow_greeting=false', { agent_id: 'demo-agent' })).json();
    await new Promise((r) => setTimeout(r, 20));
    expect(s.emu.events(plain.id)).toEqual([]);
  });

  it('an ai_agent POST starts a turn and returns its first status event', async () => {
    const s = await serve();
    const { id } = s.emu.createSession({ mode: 'manual' });
    s.emu.appendEvent(id, { source: 'customer', message: 'my balance' });
    const res = await s.send('POST', `/sessions/${id}/events`, { kind: 'message', source: 'ai_agent' });
    expect(res.status).toBe(201);
    const ack = (await res.json()) as ParlantEvent;
    expect(ack.data).toEqual({ status: 'acknowledged', data: {} });
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).some((e) => e.kind === 'tool' && e.trace_id === ack.trace_id)).toBe(true);
  });

  it('a session whose customer does not exist gets no agent events', async () => {
    const s = await serve();
    const session = await (await s.send('POST', '/sessions', { agent_id: 'demo-agent', customer_id: 'unknown' })).json();
    const customer = await say(s, session.id, 'hi');
    expect(customer.data).toMatchObject({ participant: { id: 'unknown', display_name: 'unknown' } });
    await new Promise((r) => setTimeout(r, 30));
    expect(s.emu.events(session.id)).toHaveLength(1);
  });
});

describe('agent options and the script DSL', () => {
  it('runs a custom script with every step kind', async () => {
    const s = await serve();
    const script: ScriptFn = (turn) => [
      steps.status('processing', { stage: 'Thinking' }),
      steps.custom({ widget: 'card' }),
      steps.tool('crm:lookup', { q: turn.text }, { hits: 1 }),
      steps.say(`Found it for ${turn.customer?.name}`, { tags: ['__preamble__'] }),
      steps.setMode('manual'),
      steps.end(),
      steps.wait(5),
      steps.say('Human follow-up', { source: 'human_agent', participant: { id: 'h1', display_name: 'Sam' } }),
    ];
    s.emu.setScript(script);
    const { id } = s.emu.createSession();
    const customer = s.emu.customerSay(id, 'find x');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    expect(events.map(sig)).toEqual([
      'message:customer', 'status:acknowledged', 'status:processing', 'status:processing', 'custom', 'tool',
      'status:typing', 'message:ai_agent', 'status:ready', 'status:ready', 'message:human_agent',
    ]);
    expect(events[7]?.data).toMatchObject({ message: 'Found it for Guest', tags: ['__preamble__'] });
    expect(events[10]?.data).toEqual({ message: 'Human follow-up', participant: { id: 'h1', display_name: 'Sam' } });
    expect(events.slice(0, 10).every((e) => e.trace_id === customer.trace_id)).toBe(true);
    expect(s.emu.session(id)?.mode).toBe('manual');
  });

  it('turns a throwing script into the error sequence', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.setScript(() => {
      throw new Error('boom');
    }, { sessionId: id });
    s.emu.customerSay(id, 'hi');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    expect(events.map(sig).slice(-2)).toEqual(['status:ready', 'status:error']);
    expect(JSON.stringify(events.at(-1)?.data)).toContain('boom');
  });

  it('fluid composition: no per-message ready and no canned fields', async () => {
    const s = await serve({ agents: [{ name: 'F', composition_mode: 'fluid', script: 'echo' }] });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'hi');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    expect(events.map(sig)).toEqual(['message:customer', 'status:acknowledged', 'status:processing', 'status:typing', 'message:ai_agent', 'status:ready']);
    expect(Object.keys(events[4]?.data as object)).toEqual(['message', 'participant']);
  });

  it('the agent script option wins over keywords', async () => {
    const s = await serve({ agents: [{ name: 'Q', script: 'silent' }] });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'balance');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).some((e) => e.kind === 'tool' || e.source === 'ai_agent' && e.kind === 'message')).toBe(false);
  });

  it('chooses scripts from keywords', () => {
    expect(chooseScript('I need a human')).toBe('handoff');
    expect(chooseScript('it is broken')).toBe('error');
    expect(chooseScript('my order')).toBe('tool');
    expect(chooseScript('explain please')).toBe('multi');
    expect(chooseScript('stream it')).toBe('stream');
    expect(chooseScript('slowly')).toBe('slow');
    expect(chooseScript('stay silent')).toBe('silent');
    expect(chooseScript('hello')).toBe('echo');
  });

  it('agentSay injects AI and human messages at any time; whenIdle covers every session', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const ai = s.emu.agentSay(id, 'Proactive hello');
    expect(ai).toMatchObject({ source: 'ai_agent', kind: 'message', offset: 0, data: { message: 'Proactive hello', participant: { id: 'demo-agent', display_name: 'Haxon' } } });
    const human = s.emu.agentSay(id, 'Dana here', { source: 'human_agent', participant: { display_name: 'Dana' } });
    expect(human.data).toEqual({ message: 'Dana here', participant: { id: null, display_name: 'Dana' } });
    const other = s.emu.createSession();
    s.emu.customerSay(other.id, 'hi');
    await s.emu.whenIdle();
    expect(s.emu.events(other.id).at(-1)?.data).toEqual({ status: 'ready', data: COMPLETED });
  });

  it('close() cancels turns and ends pending long-polls with 503', async () => {
    const s = await serve({ timing: { stepMs: 1, slowMs: 5000 } });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'slow');
    const poll = s.get(`/sessions/${id}/events?min_offset=50&wait_for_data=30`);
    await new Promise((r) => setTimeout(r, 30));
    const started = Date.now();
    s.emu.close();
    const res = await poll;
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(500);
    await s.emu.whenIdle(id);
    const count = s.emu.events(id).length;
    await new Promise((r) => setTimeout(r, 30));
    expect(s.emu.events(id)).toHaveLength(count);
    expect((await s.get('/agents')).status).toBe(503);
  });
});
