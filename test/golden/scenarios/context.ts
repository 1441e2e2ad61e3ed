/**
 * What a scenario is and what it gets to work with. The same scenario code records the real
 * server and replays against the emulator; only the context behind it differs.
 */
import type { RecordingClient } from '../harness/client';
import type { ServerPolicy } from '../harness/types';

/** Everything a running scenario may use. @example await ctx.pause(300); */
export interface ScenarioContext {
  http: RecordingClient;
  /** The id of the server's default agent (a fresh Parlant's "Default Agent", fluid composition). */
  agentId: string;
  /** Waits on the server's clock: real time against a real server, virtual time in a replay. */
  pause(ms: number): Promise<void>;
  /** Records a volatile value the scenario chose (a client IP) and the label fixtures use for it. */
  alias(value: string, label: string): void;
  /** A fresh number for values that must differ between recordings (0–199). */
  fresh(): number;
}

/**
 * A scripted conversation with the server.
 * @example
 * const s: Scenario = { name: 'turn-fluid', description: 'One typed turn', policy: 'development', run: async (ctx) => {} };
 */
export interface Scenario {
  /** File name of its fixture (`test/golden/fixtures/<name>.json`). */
  name: string;
  description: string;
  /** The server's authorization policy this scenario needs. */
  policy: ServerPolicy;
  run(ctx: ScenarioContext): Promise<void>;
}
