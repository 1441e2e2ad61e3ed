/**
 * `parlant-chatbox/testing`: the Parlant emulator for tests, stories and demos (browser-safe).
 * The Node HTTP server lives in its own entry, `parlant-chatbox/testing/node`.
 * @example
 * import { createParlantEmulator, createEmulatorHandlers } from 'parlant-chatbox/testing';
 * const emu = createParlantEmulator({ timing: { stepMs: 0 } });
 * const handlers = createEmulatorHandlers(emu, { baseUrl: 'http://parlant.test' });
 */
export { createParlantEmulator, DEFAULT_AGENT_ID, type ParlantEmulator } from './emulator';
export { createEmulatorHandlers, type EmulatorHandlersOptions } from './msw';
export { steps } from './scripts';
export { chooseScript, resolveScript } from './scripts-builtin';
export type { AgentSideSource, ScriptFn, ScriptName, ScriptSpec, ScriptStep, ScriptTurn } from './scripts';
export { FaultInjector, compileMatcher } from './faults';
export type { CountOptions, DropOptions, FailOptions, FaultHandle, MalformedOptions, RouteMatcher } from './faults';
export { NetworkDropError } from './pipeline';
export { seededRandom, formatMicros, type IdKind } from './ids';
export { GUEST_ID } from './state';
export type { TimerSource } from './timers';
export type { AgentSayOptions } from './seed';
export type {
  CustomerInit,
  EmulatorAgentInit,
  EmulatorOptions,
  EmulatorTiming,
  EventSeed,
  HandleOptions,
  RequestLogEntry,
  ResolvedTiming,
  SessionSeed,
} from './types';
