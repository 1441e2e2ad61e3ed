/**
 * Every golden scenario, in recording order. A scenario's fixture is
 * `test/golden/fixtures/<name>.json`.
 */
import type { Scenario } from './context';
import { CORS_SCENARIOS } from './cors';
import { ERROR_SCENARIOS } from './errors';
import { HANDOFF_SCENARIOS } from './handoff';
import { PRODUCTION_SCENARIOS } from './production';
import { RESOURCE_SCENARIOS } from './resources';
import { STREAM_SCENARIOS } from './streams';
import { TURN_SCENARIOS } from './turns';

/** All scenarios. @example SCENARIOS.map((s) => s.name); */
export const SCENARIOS: Scenario[] = [
  ...RESOURCE_SCENARIOS,
  ...TURN_SCENARIOS,
  ...HANDOFF_SCENARIOS,
  ...STREAM_SCENARIOS,
  ...ERROR_SCENARIOS,
  ...CORS_SCENARIOS,
  ...PRODUCTION_SCENARIOS,
];
