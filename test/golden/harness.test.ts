/**
 * The comparison itself: it must notice every kind of difference it claims to, and forgive only
 * the agent's words, ids, times and the timing of a cancellation.
 */
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/core/types';
import { compareTranscripts, diffValue } from './harness/compare';
import { CANCELLATION, sameTurn } from './harness/grammar';
import { normalizeExchanges } from './harness/normalize';
import { compareTimeline } from './harness/timeline';
import type { Exchange } from './harness/types';
import { judge } from './harness/verdict';

const event = (offset: number, trace: string, source: string, kind: string, data: Json, id = `e${offset}xxxxxxx`): Json => ({
  id,
  source,
  kind,
  offset,
  creation_utc: '2026-06-26T10:00:00.000001Z',
  trace_id: trace,
  correlation_id: trace,
  data,
  metadata: {},
  deleted: false,
});
const status = (offset: number, trace: string, name: string, data: Json = {}) => event(offset, trace, 'ai_agent', 'status', { status: name, data });
const exchange = (body: Json, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }): Exchange => ({
  step: 'step',
  compare: 'exact',
  request: { method: 'GET', path: '/x' },
  response: { status, headers, body },
});

describe('normalization', () => {
  it('numbers ids by kind and first appearance, everywhere, and blanks times and the server address', () => {
    const [a] = normalizeExchanges(
      [{ step: 's', compare: 'exact', request: { method: 'GET', path: '/sessions/SESS123456' }, response: { status: 307, headers: { location: 'http://127.0.0.1:1234/x' }, body: { id: 'SESS123456', agent_id: 'AGENT12345', mode: 'auto', creation_utc: '2026-01-01T00:00:00Z', detail: "Session not found (id='SESS123456')" } } }],
      { baseUrl: 'http://127.0.0.1:1234' },
    );
    expect(a?.request.path).toBe('/sessions/<session#1>');
    expect(a?.response.headers.location).toBe('<server>/x');
    expect(a?.response.body).toEqual({ id: '<session#1>', agent_id: '<agent#1>', mode: 'auto', creation_utc: '<time>', detail: "Session not found (id='<session#1>')" });
  });
});

describe('exact comparison', () => {
  it('reports status codes, headers, missing and extra fields, types and values', () => {
    const real = [exchange({ detail: 'Request timed out' }, 504)];
    expect(compareTranscripts(real, [exchange({ detail: 'Request timed out' }, 504)])).toEqual([]);
    const diffs = compareTranscripts(real, [exchange({ detail: 1, extra: true }, 500, { 'content-type': 'text/plain' })]).map((d) => d.at);
    expect(diffs).toEqual(['step.response.status', 'step.response.headers.content-type', 'step.response.body.detail', 'step.response.body.extra']);
  });

  it('forgives the words of AI messages, never those of customers or operators', () => {
    const ai = (text: string) => event(1, 't', 'ai_agent', 'message', { message: text, participant: { id: 'a', display_name: 'A' } });
    const human = (text: string) => event(1, 't', 'human_agent', 'message', { message: text, participant: { id: null, display_name: 'Dana' } });
    expect(diffValue(ai('[fake-nlp] You said: hi'), ai('You said: hi'), 'x')).toEqual([]);
    expect(diffValue(human('Hello'), human('Hi'), 'x').map((d) => d.at)).toEqual(['x.data.message']);
    expect(diffValue(ai('a'), event(1, 't', 'ai_agent', 'message', { message: 'a', participant: { id: 'a', display_name: 'A' }, draft: 'a' }), 'x').map((d) => d.at)).toEqual(['x.data.draft']);
  });
});

describe('the turn grammar', () => {
  const turn = ['message:customer', 'status:ai_agent:acknowledged', 'status:ai_agent:ready', 'status:ai_agent:processing:Interpreting'];
  it('lets a cancellation fall anywhere in the turn, and nothing else move', () => {
    const cut = (at: number) => [...turn.slice(0, at), ...CANCELLATION, ...turn.slice(at)];
    expect(sameTurn(cut(2), cut(3))).toBe(true);
    expect(sameTurn(cut(2), cut(4))).toBe(true);
    expect(sameTurn(cut(2), [...cut(2), 'status:ai_agent:typing'])).toBe(false);
    expect(sameTurn(turn, [turn[0] as string, turn[1] as string, turn[3] as string, turn[2] as string])).toBe(false);
    expect(sameTurn(turn, cut(2))).toBe(false);
  });

  it('compares timelines trace by trace, pairs events by token, and wants offsets to grow', () => {
    const real = [event(0, 'A', 'customer', 'message', { message: 'hi' }), status(1, 'A', 'acknowledged'), status(2, 'A', 'cancelled'), status(3, 'A', 'ready', { stage: 'completed' })];
    const replay = [event(0, 'A', 'customer', 'message', { message: 'hi' }), status(5, 'A', 'acknowledged'), status(6, 'A', 'cancelled'), status(7, 'A', 'ready', { stage: 'completed' })];
    expect(compareTimeline(real, replay, 'h')).toEqual([]);
    expect(compareTimeline(real, [...replay.slice(0, 2), replay[3] as Json], 'h').map((d) => d.at)).toEqual(['h{A}.turn']);
    expect(compareTimeline(real, [replay[0] as Json, replay[2] as Json, replay[1] as Json, replay[3] as Json], 'h')[0]?.message).toMatch(/offsets do not grow/);
    const wrongData = [...replay.slice(0, 3), status(7, 'A', 'ready', { stage: 'completed', extra: 1 })];
    expect(compareTimeline(real, wrongData, 'h').map((d) => d.at)).toEqual(['h{A}.status:ai_agent:ready:completed#1.data.data.extra']);
  });
});

describe('artefacts', () => {
  it('explain the differences under their path, and are reported once they explain nothing', () => {
    const verdict = judge(
      [
        { at: 'a.response.body.data.flagged', message: 'x' },
        { at: 'b.response.status', message: 'y' },
      ],
      [
        { at: 'a.response.body.data', reason: 'fake NLP' },
        { at: 'c', reason: 'stale' },
      ],
    );
    expect(verdict.explained.map((d) => d.at)).toEqual(['a.response.body.data.flagged']);
    expect(verdict.unexplained.map((d) => d.at)).toEqual(['b.response.status']);
    expect(verdict.stale.map((a) => a.at)).toEqual(['c']);
  });
});
