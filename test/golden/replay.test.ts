/**
 * The emulator against the real Parlant server: every golden scenario is replayed against the
 * emulator and must answer like the recorded server did, apart from the agent's words, ids,
 * times, and the differences each fixture classifies as artefacts of the fake NLP service.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTranscripts } from './harness/compare';
import { replay } from './harness/replay';
import type { Fixture } from './harness/types';
import { describeDifferences, judge } from './harness/verdict';
import { SCENARIOS } from './scenarios/index';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = new Map(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture]));

describe('golden transcripts of the real Parlant server, replayed against the emulator', () => {
  it('has a fixture for every scenario and a scenario for every fixture', () => {
    expect([...fixtures.keys()].sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: ${scenario.description}`, async () => {
      const fixture = fixtures.get(scenario.name);
      if (!fixture) throw new Error(`no fixture; record it with npm run record:golden -- ${scenario.name}`);
      const verdict = judge(compareTranscripts(fixture.exchanges, await replay(scenario)), fixture.artefacts);
      expect(verdict.unexplained, `unexplained differences:\n${describeDifferences(verdict.unexplained)}`).toEqual([]);
      expect(verdict.stale, 'artefacts that no longer explain any difference').toEqual([]);
    });
  }
});
