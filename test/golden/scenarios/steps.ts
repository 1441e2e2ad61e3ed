/**
 * Building blocks of scenarios: create agents and sessions, post messages, wait for a turn to
 * end and read a session's history. Waiting uses unrecorded long-polls (`peek`).
 */
import type { Agent, Json, ParlantEvent, Session } from '../../../src/core/types';
import type { CallOptions } from '../harness/client';
import type { Compare } from '../harness/types';
import type { ScenarioContext } from './context';

/** How long a wait for a turn may take on a real server before the scenario fails. */
const TURN_DEADLINE_MS = 60_000;

/** Creates an agent (recorded). @example const agent = await createAgent(ctx, 'create canned agent', { name: 'Canned', composition_mode: 'canned_fluid' }); */
export async function createAgent(ctx: ScenarioContext, step: string, body: { [key: string]: Json }): Promise<Agent> {
  const res = await ctx.http.call(step, 'POST', '/agents', { body });
  if (res.status !== 201) throw new Error(`${step}: ${res.status}`);
  return res.body as unknown as Agent;
}

/** Creates a session (recorded). @example const s = await createSession(ctx, 'create session', agent.id); */
export async function createSession(ctx: ScenarioContext, step: string, agentId: string, options: { greet?: boolean; body?: { [key: string]: Json } } = {}): Promise<Session> {
  const res = await ctx.http.call(step, 'POST', '/sessions', {
    body: { agent_id: agentId, ...options.body },
    ...(options.greet ? { query: { allow_greeting: true } } : {}),
  });
  if (res.status !== 201) throw new Error(`${step}: ${res.status}`);
  return res.body as unknown as Session;
}

/** Posts a customer message (recorded) and returns its event. @example const e = await say(ctx, 'say hello', sid, 'Hello'); */
export async function say(ctx: ScenarioContext, step: string, sessionId: string, message: string, options: CallOptions = {}): Promise<ParlantEvent> {
  const res = await ctx.http.call(step, 'POST', `/sessions/${sessionId}/events`, { ...options, body: { kind: 'message', source: 'customer', message } });
  if (res.status !== 201) throw new Error(`${step}: ${res.status}`);
  return res.body as unknown as ParlantEvent;
}

const completes = (traceId: string) => (e: ParlantEvent) =>
  e.trace_id === traceId && e.kind === 'status' && JSON.stringify(e.data).includes('"stage":"completed"');

/**
 * Long-polls (unrecorded) until `done` holds for the session's events; returns them all.
 * @example await waitFor(ctx, sid, (events) => events.length > 3);
 */
export async function waitFor(ctx: ScenarioContext, sessionId: string, done: (events: ParlantEvent[]) => boolean): Promise<ParlantEvent[]> {
  const events: ParlantEvent[] = [];
  let waited = 0;
  while (!done(events)) {
    if (waited > TURN_DEADLINE_MS) throw new Error(`waited ${waited} ms; events: ${events.map((e) => e.kind).join(',')}`);
    const next = events.length > 0 ? (events[events.length - 1] as ParlantEvent).offset + 1 : 0;
    const res = await ctx.http.peek('GET', `/sessions/${sessionId}/events`, { query: { min_offset: next, wait_for_data: 5 } });
    waited += res.status === 504 ? 5000 : 0;
    if (res.status === 200) events.push(...(res.body as unknown as ParlantEvent[]));
    else if (res.status !== 504) throw new Error(`waiting: ${res.status}`);
  }
  return events;
}

/** Waits until the turn of `traceId` has ended (its `ready {stage: completed}`). @example await waitForTurn(ctx, sid, e.trace_id!); */
export function waitForTurn(ctx: ScenarioContext, sessionId: string, traceId: string): Promise<ParlantEvent[]> {
  return waitFor(ctx, sessionId, (events) => events.some(completes(traceId)));
}

/**
 * Waits until the session has been quiet for `seconds` (a long-poll from the end times out):
 * cancelled turns keep emitting for a while after they end.
 * @example await waitQuiet(ctx, sid, 5);
 */
export async function waitQuiet(ctx: ScenarioContext, sessionId: string, seconds: number): Promise<void> {
  for (let next = 0, rounds = 0; rounds < 30; rounds += 1) {
    const res = await ctx.http.peek('GET', `/sessions/${sessionId}/events`, { query: { min_offset: next, wait_for_data: seconds } });
    if (res.status === 504) return;
    const list = res.body as unknown as ParlantEvent[];
    next = (list[list.length - 1] as ParlantEvent).offset + 1;
  }
  throw new Error('the session never went quiet');
}

/** Reads the whole history (recorded). @example await history(ctx, 'history', sid); */
export async function history(ctx: ScenarioContext, step: string, sessionId: string, compare: Compare = 'exact'): Promise<ParlantEvent[]> {
  const res = await ctx.http.call(step, 'GET', `/sessions/${sessionId}/events`, { query: { min_offset: 0, wait_for_data: 0 }, compare });
  return res.body as unknown as ParlantEvent[];
}
