/**
 * `parlant-chatbox/testing`: the Parlant emulator for tests, stories and demos. It runs in any
 * JavaScript environment and needs no other package: the MSW handlers are on
 * `parlant-chatbox/testing/msw` (the only entry that needs `msw`), the Node HTTP server on
 * `parlant-chatbox/testing/node`, and the `parlant-chatbox-emulator` command serves it over HTTP.
 * @example
 * import { createParlantEmulator } from 'parlant-chatbox/testing';
 * const emu = createParlantEmulator({ timing: { stepMs: 0 } });
 * const agents = await (await emu.fetch('/agents')).json();
 */
export { createParlantEmulator, DEFAULT_AGENT_ID, type ParlantEmulator } from './emulator';
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
