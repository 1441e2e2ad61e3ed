/**
 * Public option and record types of the Parlant emulator (wire types come from core/types).
 */
import type { EventKind, EventSource, Json, Participant, SessionStatus } from '../core/types';
import type { IdKind } from './ids';
import type { TimerSource } from './timers';
import type { ScriptSpec } from './scripts';

import type { EmulatorTiming } from './timing';

export type { EmulatorTiming, ResolvedTiming } from './timing';

/**
 * An agent the emulator serves. Only `name` is required; the rest defaults like Parlant.
 * @example const a: EmulatorAgentInit = { name: 'Haxon', script: 'echo', message_output_mode: 'stream' };
 */
export interface EmulatorAgentInit {
  id?: string;
  name: string;
  description?: string | null;
  max_engine_iterations?: number;
  /**
   * Default `fluid`, like Parlant: one message per reply, no `ready {}` after it. The canned
   * modes send a preamble message first and each paragraph as a message followed by `ready {}`;
   * `strict_canned` sends no preamble and no `typing` before its first message.
   */
  composition_mode?: 'fluid' | 'canned_fluid' | 'composited_canned' | 'strict_canned';
  /** `stream` makes a `canned_fluid` agent's messages arrive with `chunks`, updated in place (other modes do not stream, as in Parlant). Default `block`. */
  message_output_mode?: 'block' | 'stream';
  tags?: string[];
  /** Scripted behaviour; default `'auto'` (chosen from the customer's words, see `chooseScript`). */
  script?: ScriptSpec;
  /**
   * Said on `allow_greeting=true`; `null` runs the turn without a message. Default: nothing for
   * fluid and strict agents (Parlant's agent without guidelines does not greet), a greeting
   * after the preamble for canned_fluid and composited_canned agents. A greeting from a fluid
   * agent stands for a guideline telling it to greet: not verified against the real server.
   */
  greeting?: string | null;
}

/** A customer to create up front. @example const c: CustomerInit = { id: 'cust_1', name: 'Alice' }; */
export interface CustomerInit {
  id?: string;
  name: string;
  metadata?: Record<string, string>;
  tags?: string[];
}

/** Options of `createParlantEmulator`. @example createParlantEmulator({ timing: { stepMs: 0 } }); */
export interface EmulatorOptions {
  /** Agents to serve; default one agent, `DEFAULT_AGENT_ID` ("Haxon"). The first is the default agent. */
  agents?: EmulatorAgentInit[];
  customers?: CustomerInit[];
  timing?: EmulatorTiming;
  /** Random source for ids (e.g. `seededRandom(1)`); default `Math.random`. */
  random?: () => number;
  /** Full control over ids; return any string. */
  idFactory?: (kind: IdKind) => string;
  /** Wall clock in epoch ms (fractions give microseconds) for `creation_utc`; default `performance.timeOrigin + performance.now()`. */
  now?: () => number;
  /** Timers of scripted turns, long-poll waits and latency faults; default the global ones. Pass a virtual clock to run conversations without waiting. */
  timers?: TimerSource;
  /**
   * Parlant's authorization policy: `development` (default) allows everything; `production`
   * allows anonymous callers only to read an agent, create a guest session, read it, list its
   * events and post customer messages (403 otherwise), with Parlant's per-IP rate limits (429).
   */
  authorization?: 'development' | 'production';
  /**
   * Moderation of customer messages posted without `?moderation=`: what a proxy in front of
   * Parlant would ask for on every message (Parlant's own default is `none`). `auto` flags insults
   * (`harassment`) and threats (`violence`); `paranoid` also prompt injection (`jailbreak`), e.g.
   * "ignore previous instructions". The flags land in the message's `data.flagged` and `data.tags`.
   */
  moderation?: 'none' | 'auto' | 'paranoid';
  /** Origin used by `emu.fetch` for relative URLs. Default `http://parlant.emulator`. */
  baseUrl?: string;
}

/** Options of `emu.handle`. @example emu.handle(request, { basePath: '/api/parlant' }); */
export interface HandleOptions {
  /** Path prefix the emulator is mounted under; stripped before routing. */
  basePath?: string;
}

/**
 * One handled request in `emu.requests`. Logged when it starts, completed when it ends.
 * @example const polls = emu.requests.filter((r) => r.route === 'GET /sessions/:session_id/events');
 */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Route pattern it matched (`'GET /sessions/:id/events'`), or null for unknown routes. */
  route: string | null;
  /** Status sent; `null` while in flight, `0` for a dropped connection or an aborted request. */
  status: number | null;
  outcome: 'pending' | 'ok' | 'fault' | 'dropped' | 'aborted';
  /** Start time, epoch ms. */
  time: number;
  durationMs: number | null;
  headers: Record<string, string>;
}

/**
 * Seed for `emu.appendEvent`; omitted fields are filled like the server would.
 * @example emu.appendEvent(sid, { source: 'customer', message: 'Hi' });
 * @example emu.appendEvent(sid, { kind: 'status', status: 'typing' });
 */
export interface EventSeed {
  /** Default: `status` when `status` is given, else `message`. */
  kind?: EventKind;
  /** Default: `customer` for messages, `ai_agent` otherwise. */
  source?: EventSource;
  /** Stored verbatim when given. */
  data?: Json;
  /** Shorthand for a message's text (participant filled from the source). */
  message?: string;
  participant?: Participant;
  /** Shorthand for a status event (`data: {status, data: statusData ?? {}}`). */
  status?: SessionStatus;
  statusData?: Json;
  trace_id?: string;
  metadata?: Record<string, Json>;
  creation_utc?: string;
  deleted?: boolean;
}

/** Seed for `emu.createSession`. @example emu.createSession({ customerId: 'cust_1', title: 'Billing' }); */
export interface SessionSeed {
  id?: string;
  agentId?: string;
  /** Created (named after the id) if it does not exist yet. Default `guest`. */
  customerId?: string;
  title?: string | null;
  mode?: 'auto' | 'manual';
  metadata?: Record<string, Json>;
  labels?: string[];
}
