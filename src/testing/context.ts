/**
 * Shapes shared by the emulator's route handlers.
 */
import type { Authorizer } from './authorization';
import type { FaultInjector } from './faults';
import type { IdSource } from './ids';
import type { TurnRunner } from './runner';
import type { EmulatorStore } from './state';
import type { Timers } from './timers';
import type { ResolvedTiming } from './types';

/** Everything a handler may touch. @example const { store, runner } = ctx; */
export interface EmulatorInternals {
  store: EmulatorStore;
  runner: TurnRunner;
  faults: FaultInjector;
  timers: Timers;
  ids: IdSource;
  timing: ResolvedTiming;
  authorizer: Authorizer;
  /** Moderation of customer messages posted without `?moderation=` (see `EmulatorOptions.moderation`). */
  moderation: string;
}

/** One request being handled. `traceId` is the fresh trace this request opens (§3.4). @example ctx.params.session_id; */
export interface RouteContext extends EmulatorInternals {
  request: Request;
  params: Record<string, string>;
  query: URLSearchParams;
  traceId: string;
  /** Parlant's authorization of an operation (`read_agent`...): a 403/429 response, or undefined when allowed. */
  authorize(operation: string): Response | undefined;
}

/** A route handler. @example const h: RouteHandler = () => json(200, []); */
export type RouteHandler = (ctx: RouteContext) => Response | Promise<Response>;

/** One entry of the routing table. @example const r: RouteDef = { method: 'GET', pattern: '/agents', handler }; */
export interface RouteDef {
  method: string;
  pattern: string;
  handler: RouteHandler;
}

/** Sources and kinds accepted on the wire. @example EVENT_SOURCES.includes('customer'); */
export const EVENT_SOURCES = ['customer', 'customer_ui', 'human_agent', 'human_agent_on_behalf_of_ai_agent', 'ai_agent', 'system'] as const;

/** @example EVENT_KINDS.includes('tool'); */
export const EVENT_KINDS = ['message', 'tool', 'status', 'custom'] as const;

/** @example SESSION_STATUSES.includes('typing'); */
export const SESSION_STATUSES = ['acknowledged', 'cancelled', 'processing', 'ready', 'typing', 'error'] as const;
