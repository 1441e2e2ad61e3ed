import { describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { steps } from '../../src/testing/scripts';
import { createParlantEmulator } from '../../src/testing/emulator';
import { seededRandom } from '../../src/testing/ids';
import { createVirtualClock } from '../support/virtual-clock';
import { collect, sig, turnDone, serverFactory } from './helpers';

const serve = serverFactory();
const COMPLETED = { stage: 'completed', matched_guidelines: [], matched_journeys: [], matched_journey_states: [] };
/** What the preamble task of a fluid turn adds before `processing` while a preamble is due. */
const PREAMBLE = ['status:acknowledged', 'status:ready', 'status:processing'];

async function say(s: Awaited<ReturnType<typeof serve>>, sessionId: string, message: string): Promise<ParlantEvent> {
  const res = await s.send('POST', `/sessions/${sessionId}/events`, { kind: 'message', source: 'customer', message });
  expect(res.status).toBe(201);
  return (await res.json()) as ParlantEvent;
}

describe('scripted turns over HTTP long-polling', () => {
  it('echo, fluid: acknowledged → ready (preamble) → processing → typing → message → ready completed, all on the trace', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'Hello there');
    const events = await collect(s.url, id, turnDone(customer.trace_id as string));
    expect(events.map(sig)).toEqual(['message:customer', ...PREAMBLE, 'status:typing', 'message:ai_agent', 'status:ready']);
    expect(events.map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const e of events) {
      expect(e.trace_id).toBe(customer.trace_id);
      expect(e.correlation_id).toBe(customer.trace_id);
    }
    expect(events[2]?.data).toEqual({ status: 'ready', data: {} });
    expect(events[3]?.data).toEqual({ status: 'processing', data: { stage: 'Interpreting' } });
    const reply = events[5]?.data as { message: string; participant: unknown };
    expect(Object.keys(reply)).toEqual(['message', 'participant']);
    expect(reply.message).toContain('Hello there');
    expect(reply.participant).toEqual({ id: 'demo-agent', display_name: 'Haxon' });
    expect(events[6]?.data).toEqual({ status: 'ready', data: COMPLETED });
    const times = events.map((e) => Date.parse(e.creation_utc));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('the preamble comes on the first three answers only, then again after two answers that took 5 s', async () => {
    const clock = createVirtualClock();
    const emu = createParlantEmulator({ timers: clock, now: clock.now, timing: { stepMs: 100, slowMs: 2600 } });
    const { id } = emu.createSession();
    const turn = async (text: string) => {
      const customer = emu.customerSay(id, text);
      await clock.advance(10_000);
      return emu.events(id).filter((e) => e.trace_id === customer.trace_id).map(sig).slice(1, 3);
    };
    expect(await turn('one')).toEqual(['status:acknowledged', 'status:ready']);
    expect(await turn('two')).toEqual(['status:acknowledged', 'status:ready']);
    expect(await turn('three')).toEqual(['status:acknowledged', 'status:ready']);
    expect(await turn('four')).toEqual(['status:acknowledged', 'status:processing']);
    await turn('slow one');
    expect(await turn('five')).toEqual(['status:acknowledged', 'status:processing']);
    await turn('slow two');
    await turn('slow three');
    expect(await turn('six')).toEqual(['status:acknowledged', 'status:ready']);
    emu.close();
  });

  it('canned modes: a preamble message, then one message per paragraph, each followed by ready {}', async () => {
    const s = await serve({ agents: [{ id: 'c', name: 'Canned', composition_mode: 'canned_fluid', script: () => [steps.say('First.\n\nSecond.')] }] });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'hi');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    expect(events.map(sig)).toEqual([
      'message:customer', 'status:acknowledged',
      'status:typing', 'message:ai_agent', 'status:ready', 'status:processing',
      'status:typing', 'message:ai_agent', 'status:ready',
      'status:typing', 'message:ai_agent', 'status:ready',
      'status:ready',
    ]);
    expect(events[3]?.data).toMatchObject({ tags: ['__preamble__'], participant: { id: 'c', display_name: 'Canned' } });
    expect(events.filter((e) => sig(e) === 'message:ai_agent').slice(1).map((e) => e.data)).toEqual([
      { message: 'First.', participant: { id: 'c', display_name: 'Canned' } },
      { message: 'Second.', participant: { id: 'c', display_name: 'Canned' } },
    ]);
  });

  it('strict_canned: no preamble message and no typing before the first message', async () => {
    const s = await serve({ agents: [{ name: 'Strict', composition_mode: 'strict_canned', script: 'echo' }] });
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'hi');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig)).toEqual(['message:customer', ...PREAMBLE, 'message:ai_agent', 'status:ready', 'status:ready']);
  });

  it('tool: full tool result before the message that uses it', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'What is my balance?');
    const events = await collect(s.url, id, turnDone(customer.trace_id as string));
    expect(events.map(sig)).toEqual(['message:customer', ...PREAMBLE, 'tool', 'status:typing', 'message:ai_agent', 'status:ready']);
    const tool = events[4] as ParlantEvent;
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
    expect((events[6]?.data as { message: string }).message).toContain('5,000.50');
  });

  it('order: two tool events, one call each', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'Where is my order?');
    await s.emu.whenIdle(id);
    const tools = s.emu.events(id).filter((e) => e.kind === 'tool');
    expect(tools.map((t) => (t.data as { tool_calls: Array<{ tool_id: string }> }).tool_calls.map((c) => c.tool_id))).toEqual([['orders:find_order'], ['orders:track_shipment']]);
  });

  it('multi (fluid): several messages, typing before each', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'Please explain the steps');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig).slice(4)).toEqual(['status:typing', 'message:ai_agent', 'status:typing', 'message:ai_agent', 'status:typing', 'message:ai_agent', 'status:ready']);
  });

  it('error: ready completed first, then error with a traceback, same trace', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    const customer = await say(s, id, 'make it crash');
    const events = await collect(s.url, id, (list) => list.some((e) => sig(e) === 'status:error'));
    expect(events.map(sig)).toEqual(['message:customer', ...PREAMBLE, 'status:ready', 'status:error']);
    expect(events[4]?.data).toEqual({ status: 'ready', data: COMPLETED });
    expect((events[5]?.data as { data: { exception: string } }).data.exception).toMatch(/^Traceback/);
    expect(events.every((e) => e.trace_id === customer.trace_id)).toBe(true);
  });

  it('silent: the preamble, processing, ready completed and no message', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'be quiet');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).map(sig)).toEqual(['message:customer', ...PREAMBLE, 'status:ready']);
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
    expect(events.map(sig)).toEqual(['message:customer', ...PREAMBLE, 'tool', 'status:typing', 'message:ai_agent', 'status:ready', 'message:human_agent']);
    const tool = events[4]?.data as { tool_calls: Array<{ result: { control: unknown } }> };
    expect(tool.tool_calls[0]?.result.control).toEqual({ mode: 'manual' });
    const human = events[8] as ParlantEvent;
    expect(human.data).toEqual({ message: expect.stringContaining('Dana'), participant: { id: null, display_name: 'Dana (support)' } });
    expect(human.trace_id).not.toBe(customer.trace_id);
    expect((await (await s.get(`/sessions/${id}`)).json()).mode).toBe('manual');
    await say(s, id, 'thanks, hello?');
    await new Promise((r) => setTimeout(r, 40));
    expect(s.emu.events(id).slice(9).map(sig)).toEqual(['message:customer']);
  });

  it('a new customer message cancels the running turn; its preamble task still finishes under the old trace', async () => {
    const clock = createVirtualClock();
    const emu = createParlantEmulator({ timers: clock, now: clock.now, timing: { stepMs: 1, preambleMs: 80, processingMs: 80 } });
    const { id } = emu.createSession();
    const first = emu.customerSay(id, 'hello');
    await clock.advance(10);
    const second = emu.customerSay(id, 'hello again');
    await clock.advance(1000);
    const events = emu.events(id);
    const a = events.filter((e) => e.trace_id === first.trace_id).map(sig);
    expect(a).toEqual(['message:customer', 'status:acknowledged', 'status:cancelled', 'status:ready', 'status:ready', 'status:processing']);
    expect(events.filter((e) => e.trace_id === first.trace_id && sig(e) === 'status:ready').map((e) => e.data)).toEqual([
      { status: 'ready', data: COMPLETED },
      { status: 'ready', data: {} },
    ]);
    const afterSecond = events.filter((e) => e.offset > second.offset).map((e) => `${e.trace_id === first.trace_id ? 'A' : 'B'}:${sig(e)}`);
    expect(afterSecond.slice(0, 3)).toEqual(['A:status:cancelled', 'A:status:ready', 'B:status:acknowledged']);
    expect(afterSecond.at(-1)).toBe('B:status:ready');
    expect(afterSecond).toContain('B:message:ai_agent');
    emu.close();
  });

  it("with Parlant's random pauses, a cancelled turn's preamble task can outlast the next turn, as on the real server", async () => {
    const clock = createVirtualClock();
    const emu = createParlantEmulator({ timers: clock, now: clock.now, random: seededRandom(1), timing: { stepMs: 30, preambleMs: [1500, 2000], processingMs: [1000, 2000] } });
    const { id } = emu.createSession();
    const said: ParlantEvent[] = [];
    for (const text of ['one', 'two', 'three']) {
      said.push(emu.customerSay(id, text));
      await clock.advance(100);
    }
    await clock.advance(10_000);
    const events = emu.events(id);
    const lastTurn = events.filter((e) => e.trace_id === said[2]?.trace_id).map(sig);
    expect(lastTurn).toEqual(['message:customer', ...PREAMBLE, 'status:typing', 'message:ai_agent', 'status:ready']);
    const after = events.slice(events.findIndex((e) => e.trace_id === said[2]?.trace_id && sig(e) === 'message:ai_agent') + 1);
    expect(after.map((e) => `${e.trace_id === said[2]?.trace_id ? 'last' : 'cancelled'}:${sig(e)}`)).toEqual(['last:status:ready', 'cancelled:status:processing']);
    emu.close();
  });

  it('manual mode: a customer message gets no agent events at all', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.setMode(id, 'manual');
    await say(s, id, 'anyone?');
    await new Promise((r) => setTimeout(r, 30));
    expect(s.emu.events(id).map(sig)).toEqual(['message:customer']);
  });

  it('greeting: a fluid agent without a greeting says nothing; a canned agent answers its preamble; a configured greeting is said', async () => {
    const s = await serve({ agents: [{ id: 'fluid', name: 'F' }, { id: 'canned', name: 'C', composition_mode: 'canned_fluid' }, { id: 'greeter', name: 'G', greeting: 'Welcome!' }] });
    const greet = async (agent: string) => {
      const session = await (await s.send('POST', '/sessions?allow_greeting=true', { agent_id: agent })).json();
      await s.emu.whenIdle(session.id);
      const events = s.emu.events(session.id);
      expect(new Set(events.map((e) => e.trace_id)).size).toBe(1);
      return events;
    };
    expect((await greet('fluid')).map(sig)).toEqual([...PREAMBLE, 'status:ready']);
    const canned = await greet('canned');
    expect(canned.map(sig)).toEqual(['status:acknowledged', 'status:typing', 'message:ai_agent', 'status:ready', 'status:processing', 'status:typing', 'message:ai_agent', 'status:ready', 'status:ready']);
    expect((canned[6]?.data as { message: string }).message).toContain("I'm C");
    expect((await greet('greeter')).filter((e) => e.kind === 'message').map((e) => (e.data as { message: string }).message)).toEqual(['Welcome!']);
    const plain = await (await s.send('POST', '/sessions?allow_greeting=false', { agent_id: 'fluid' })).json();
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
