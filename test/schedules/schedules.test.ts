import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from './invariants';
import { apply, scheduleArbitrary, type Step } from './steps';
import { createWorld, type World } from './world';

/**
 * Randomized fault schedules: customer actions and server misbehaviour interleaved at random on
 * a virtual clock, with every promise (see invariants.ts) checked after every step and once more
 * when everything has settled. A failure prints the shrunk schedule and how to replay it:
 * `SCHEDULE_SEED=<seed> SCHEDULE_PATH=<path> npx vitest run test/schedules`.
 */
const RUNS = Number(process.env.SCHEDULE_RUNS ?? 2000);
const SEED = Number(process.env.SCHEDULE_SEED ?? 20261130);
const PATH = process.env.SCHEDULE_PATH;

/** The end of every schedule: the network back, the page shown, faults gone, the customer pressing Retry now where asked. */
async function settle(world: World) {
  world.emu.faults.clear();
  world.net.slowAnswerMs = 0;
  world.net.redeliver = 0;
  for (const step of [{ do: 'back' }, { do: 'online' }, { do: 'show' }, { do: 'remount' }] as Step[]) apply(world, step);
  for (let round = 0; round < 3; round += 1) {
    await world.clock.advance(60_000);
    for (const tab of world.tabs) {
      const state = tab?.chat.store.getState().connection.state;
      if (tab && (state === 'unauthorized' || state === 'failed')) {
        tab.chat.reconnect();
        world.wakes.push(world.clock.now());
      }
    }
  }
  // Longer than the longest wait a server may ask for (five minutes).
  await world.clock.advance(360_000);
}

async function run({ seed, transport, steps }: { seed: number; transport: 'long-poll' | 'sse' | 'auto'; steps: Step[] }) {
  const world = createWorld(seed, transport);
  try {
    for (const [index, step] of steps.entries()) {
      apply(world, step);
      await world.clock.advance('wait' in step ? step.wait : 50);
      const problems = check(world, transport, world.wakes, false);
      if (problems.length > 0) throw new Error(`after step ${index} ${JSON.stringify(step)}:\n${problems.join('\n')}`);
    }
    await settle(world);
    const problems = check(world, transport, world.wakes, true);
    if (problems.length > 0) throw new Error(`after everything settled:\n${problems.join('\n')}`);
  } finally {
    world.dispose();
  }
}

describe('randomized fault schedules', () => {
  it(`keep every promise across ${RUNS} schedules (seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(scheduleArbitrary, run), { seed: SEED, numRuns: RUNS, ...(PATH && { path: PATH }) });
  }, 600_000);

  it('catch a client that posts a message again after a timeout (the harness can fail)', async () => {
    // The server stores the message only after 25 s, past the client's 20 s: the outcome is
    // ambiguous. Posting it again without the customer asking must be caught.
    const world = createWorld(7, 'long-poll');
    try {
      apply(world, { do: 'type', text: 'hello' });
      await world.clock.advance(5_000);
      apply(world, { server: 'slowStore', ms: 25_000 });
      apply(world, { do: 'type', text: 'are you there' });
      await world.clock.advance(21_000);
      const failed = world.tabs[0]?.chat.store.getState().outbox.find((item) => item.state === 'failed');
      expect(failed?.text).toBe('are you there');
      expect(world.ambiguous.has(failed?.clientId as string)).toBe(true);
      expect(check(world, 'long-poll', world.wakes, false)).toEqual([]);
      // Retrying without the customer asking (the harness was not told) is a violation.
      world.tabs[0]?.chat.retry(failed?.clientId as string);
      await world.clock.advance(100);
      expect(check(world, 'long-poll', world.wakes, false).some((v) => v.startsWith('(a)'))).toBe(true);
    } finally {
      world.dispose();
    }
  });
});
