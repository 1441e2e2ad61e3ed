/**
 * The scripted agent's vocabulary: a turn is a list of steps, produced by a script function
 * from what the customer said. The runner wraps the steps in Parlant's status events
 * (`acknowledged` → `processing` → … → `ready {stage: completed}`), so a script only says
 * what happens in between.
 */
import type { Agent, Customer, Json, ParlantEvent, Participant, Session, SessionStatus, ToolResult } from '../core/types';
import type { ResolvedTiming } from './timing';

/** Sources a scripted message may come from. @example const s: AgentSideSource = 'human_agent'; */
export type AgentSideSource = 'ai_agent' | 'human_agent' | 'human_agent_on_behalf_of_ai_agent';

/**
 * One step of a scripted turn.
 * - `status`: emit a status event (e.g. `processing {stage: "Thinking"}`).
 * - `tool`: emit a tool event with one call; `control.mode` also switches the session mode.
 * - `message`: an AI message gets `typing` before it and `ready {}` after it (not in fluid
 *   mode); human messages come bare, under their own trace id, like a separate request.
 * - `wait`: pause (on top of the per-step delay).
 * - `mode`: switch the session to `auto` or `manual`.
 * - `custom`: emit a custom event from the agent.
 * - `end`: finish the turn now (`ready {stage: completed}`); later steps still run but
 *   belong to no turn, so a new customer message does not cancel them (e.g. a human reply).
 * - `fail`: finish the turn with `ready {stage: completed}` then `error {exception}`.
 * - `match`: no event of its own; the turn's `ready {stage: completed}` lists these matched
 *   guideline, journey and journey state ids, as Parlant's does.
 * @example const s: ScriptStep = { type: 'message', text: 'Hello!' };
 */
export type ScriptStep =
  | { type: 'status'; status: SessionStatus; data?: Json }
  | {
      type: 'tool';
      toolId: string;
      arguments?: Record<string, Json>;
      result: Json;
      metadata?: Record<string, Json>;
      control?: ToolResult['control'];
    }
  | {
      type: 'message';
      text: string;
      source?: AgentSideSource;
      participant?: Participant;
      /** Force streaming on or off for this message, whatever the agent's output mode. */
      stream?: boolean;
      tags?: string[];
      metadata?: Record<string, Json>;
      /** A reply built from canned responses: the draft the engine wrote first (`data.draft`). */
      draft?: string;
      /** With `draft`: the chosen canned responses as `[id, rendered text]` pairs (`data.canned_responses`). */
      cannedResponses?: Array<[string, string]>;
    }
  | { type: 'wait'; ms: number }
  | { type: 'mode'; mode: 'auto' | 'manual' }
  | { type: 'custom'; data: Json }
  | { type: 'end' }
  | { type: 'fail'; exception?: string }
  | { type: 'match'; guidelines?: string[]; journeys?: string[]; journeyStates?: string[] };

/** What a script sees about the turn it scripts. @example const fn: ScriptFn = (turn) => [steps.say(`You said ${turn.text}`)]; */
export interface ScriptTurn {
  /** `message`: a customer message; `greeting`: `allow_greeting=true`; `prompt`: an ai_agent POST. */
  reason: 'message' | 'greeting' | 'prompt';
  /** The customer's text (for `prompt`, their latest message; for `greeting`, ''). */
  text: string;
  traceId: string;
  session: Session;
  agent: Agent;
  customer: Customer | undefined;
  trigger: ParlantEvent | null;
  /** The agent's configured greeting (`null` = do not greet). */
  greeting: string | null;
  timing: ResolvedTiming;
  random: () => number;
}

/** A scripted agent: steps for one turn. @example const shout: ScriptFn = (t) => [steps.say(t.text.toUpperCase())]; */
export type ScriptFn = (turn: ScriptTurn) => ScriptStep[] | Promise<ScriptStep[]>;

/** Names of the built-in scripts. @example const n: ScriptName = 'tool'; */
export type ScriptName = 'auto' | 'echo' | 'tool' | 'canned' | 'multi' | 'error' | 'handoff' | 'slow' | 'silent' | 'stream';

/** A built-in script name or a custom function. @example const s: ScriptSpec = 'handoff'; */
export type ScriptSpec = ScriptName | ScriptFn;

/**
 * Step builders.
 * @example
 * const lookup: ScriptFn = () => [
 *   steps.tool('crm:find', { q: 'x' }, { found: 1 }),
 *   steps.say('Found one.'),
 * ];
 */
export const steps = {
  say: (text: string, options: Omit<Extract<ScriptStep, { type: 'message' }>, 'type' | 'text'> = {}): ScriptStep => ({
    type: 'message',
    text,
    ...options,
  }),
  tool: (
    toolId: string,
    args: Record<string, Json>,
    result: Json,
    options: { metadata?: Record<string, Json>; control?: ToolResult['control'] } = {},
  ): ScriptStep => ({ type: 'tool', toolId, arguments: args, result, ...options }),
  status: (status: SessionStatus, data: Json = {}): ScriptStep => ({ type: 'status', status, data }),
  wait: (ms: number): ScriptStep => ({ type: 'wait', ms }),
  setMode: (mode: 'auto' | 'manual'): ScriptStep => ({ type: 'mode', mode }),
  custom: (data: Json): ScriptStep => ({ type: 'custom', data }),
  end: (): ScriptStep => ({ type: 'end' }),
  fail: (exception?: string): ScriptStep => (exception === undefined ? { type: 'fail' } : { type: 'fail', exception }),
  match: (ids: { guidelines?: string[]; journeys?: string[]; journeyStates?: string[] }): ScriptStep => ({ type: 'match', ...ids }),
};
