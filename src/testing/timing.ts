/**
 * How fast the emulated agent works: its own file, so scripts and options can both use it.
 */

/**
 * Delays of the scripted agent. Defaults are lifelike for demos; tests pass small values.
 * @example const timing: EmulatorTiming = { stepMs: 5, chunkMs: 1, slowMs: 50, handoffMs: 20 };
 */
export interface EmulatorTiming {
  /** Pause before each step of a turn (status, tool, message). Default 250. */
  stepMs?: number;
  /** Pause between chunks of a streamed message. Default `stepMs / 3`, rounded. */
  chunkMs?: number;
  /** Extra pause per step of the `slow` script. Default 2000. */
  slowMs?: number;
  /** Time until the human replies in the `handoff` script. Default 3000. */
  handoffMs?: number;
  /**
   * Pause between `acknowledged` and a preamble. Default `stepMs`. A `[min, max]` range draws
   * each turn's pause from the emulator's `random`, as Parlant does (`[1500, 2000]`).
   */
  preambleMs?: number | [number, number];
  /** Pause between a preamble and `processing`, or a `[min, max]` range (Parlant: `[1000, 2000]`). Default `stepMs`. */
  processingMs?: number | [number, number];
}

/** {@link EmulatorTiming} with every value filled in. @example const t: ResolvedTiming = { stepMs: 0, chunkMs: 0, slowMs: 0, handoffMs: 0, preambleMs: 0, processingMs: 0 }; */
export type ResolvedTiming = Required<EmulatorTiming>;
