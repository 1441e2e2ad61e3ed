/**
 * Replays a scenario against the emulator on a virtual clock: whenever nothing is left to do
 * but wait, time jumps to the next timer, so a conversation with long-polls and scripted
 * turns takes milliseconds and always interleaves the same way.
 */
import { createParlantEmulator, type ParlantEmulator } from '../../../src/testing';
import { seededRandom } from '../../../src/testing/ids';
import { createVirtualClock, settle } from '../../support/virtual-clock';
import type { Scenario } from '../scenarios/context';
import { createRecordingClient } from './client';
import { normalizeExchanges } from './normalize';
import type { Exchange } from './types';

/** Wall-clock time of the virtual clock's zero (any fixed instant works). */
const EPOCH_MS = Date.UTC(2026, 5, 26, 10, 0, 0);

async function drive<T>(clock: ReturnType<typeof createVirtualClock>, work: Promise<T>): Promise<T> {
  let done = false;
  work.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    for (let i = 0; i < 3 && !done; i += 1) await settle();
    if (done) break;
    const next = Math.min(...clock.pending());
    if (!Number.isFinite(next)) throw new Error('the scenario is stuck: nothing is pending on the virtual clock');
    await clock.advance(Math.max(0, next));
  }
  return work;
}

/**
 * Creates the emulator a replay runs against: configured like a fresh Parlant server (one
 * fluid "Default Agent"), under the scenario's authorization policy.
 * @example const emu = replayEmulator('development', clock);
 */
export function replayEmulator(scenario: Scenario, clock: ReturnType<typeof createVirtualClock>): ParlantEmulator {
  return createParlantEmulator({
    agents: [{ name: 'Default Agent' }],
    authorization: scenario.policy,
    // Parlant's own pauses (preamble after 1.5–2 s, processing 1–2 s later, the reply right
    // after): overlapping turns then interleave as they do on the real server.
    timing: { stepMs: 30, preambleMs: [1500, 2000], processingMs: [1000, 2000] },
    timers: clock,
    now: () => EPOCH_MS + clock.now(),
    random: seededRandom(7),
  });
}

/**
 * Runs a scenario against a fresh emulator and returns its normalized transcript.
 * @example const exchanges = await replay(scenario);
 */
export async function replay(scenario: Scenario): Promise<Exchange[]> {
  const clock = createVirtualClock();
  const emu = replayEmulator(scenario, clock);
  const http = createRecordingClient(emu.baseUrl, emu.fetch);
  const aliases: Record<string, string> = {};
  let counter = 0;
  try {
    await drive(
      clock,
      scenario.run({
        http,
        agentId: emu.defaultAgentId,
        pause: (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)),
        alias: (value, label) => void (aliases[value] = label),
        fresh: () => (counter += 1),
      }),
    );
  } finally {
    emu.close();
  }
  return normalizeExchanges(http.exchanges, { baseUrl: emu.baseUrl, aliases });
}
