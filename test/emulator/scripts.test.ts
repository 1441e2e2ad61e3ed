import { describe, expect, it } from 'vitest';
import { steps, type ScriptFn } from '../../src/testing/scripts';
import { chooseScript } from '../../src/testing/scripts-builtin';
import { sig, serverFactory } from './helpers';

const serve = serverFactory();
const COMPLETED = { stage: 'completed', matched_guidelines: [], matched_journeys: [], matched_journey_states: [] };


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
      'message:customer', 'status:acknowledged', 'status:ready', 'status:processing', 'status:processing', 'custom', 'tool',
      'status:typing', 'message:ai_agent', 'status:ready', 'message:human_agent',
    ]);
    expect(events[8]?.data).toMatchObject({ message: 'Found it for Guest', tags: ['__preamble__'] });
    expect(events[10]?.data).toEqual({ message: 'Human follow-up', participant: { id: 'h1', display_name: 'Sam' } });
    expect(events.slice(0, 10).every((e) => e.trace_id === customer.trace_id)).toBe(true);
    expect(s.emu.session(id)?.mode).toBe('manual');
  });

  it('lists what a script matched in the completed ready, and marks a reply built from a canned response', async () => {
    const s = await serve();
    const { id } = s.emu.createSession();
    s.emu.customerSay(id, 'Which guidelines matched?');
    await s.emu.whenIdle(id);
    const events = s.emu.events(id);
    const reply = events.find((e) => e.kind === 'message' && e.source === 'ai_agent');
    expect(reply?.data).toMatchObject({
      draft: expect.stringContaining('30 days'),
      canned_responses: [['cr_return_window', (reply?.data as { message: string }).message]],
    });
    expect(events.at(-1)?.data).toEqual({
      status: 'ready',
      data: { stage: 'completed', matched_guidelines: [{ id: 'gl_return_window' }], matched_journeys: [{ id: 'jr_returns' }], matched_journey_states: [{ id: 'js_returns_policy' }] },
    });
    // Other scripts still match nothing.
    s.emu.customerSay(id, 'hello');
    await s.emu.whenIdle(id);
    expect(s.emu.events(id).at(-1)?.data).toEqual({ status: 'ready', data: COMPLETED });
  });

  it('moderates customer messages posted without ?moderation= as told, and lets the query override it', async () => {
    const s = await serve({ moderation: 'auto' });
    const { id } = s.emu.createSession();
    const post = async (text: string, query = '') =>
      (await (await s.send('POST', `/sessions/${id}/events${query}`, { kind: 'message', source: 'customer', message: text })).json()) as { data: unknown };
    expect((await post('you idiot')).data).toMatchObject({ flagged: true, tags: ['harassment'] });
    expect((await post('hello there')).data).toMatchObject({ flagged: false, tags: [] });
    expect((await post('you idiot', '?moderation=none')).data).toMatchObject({ flagged: false, tags: [] });
    expect(s.emu.customerSay(id, 'shut up').data).toMatchObject({ flagged: true, tags: ['harassment'] });
    const plain = await serve();
    const other = plain.emu.createSession();
    const res = await plain.send('POST', `/sessions/${other.id}/events`, { kind: 'message', source: 'customer', message: 'you idiot' });
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({ flagged: false });
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
