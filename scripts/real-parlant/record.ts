/**
 * `npm run record:golden [-- <scenario> ...]`: drives a real Parlant server through the golden
 * scenarios and writes what it answered to `test/golden/fixtures/<scenario>.json`, normalized.
 * The artefacts already classified in a fixture are kept. See `server.ts` for how the server
 * is found.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRecordingClient } from '../../test/golden/harness/client';
import { normalizeExchanges } from '../../test/golden/harness/normalize';
import type { Fixture } from '../../test/golden/harness/types';
import type { Scenario } from '../../test/golden/scenarios/context';
import { SCENARIOS } from '../../test/golden/scenarios/index';
import { missingServer, withRealServer, type Policy, type RealServer } from './server';

const PARLANT_VERSION = '3.3.2';
const fixturePath = (name: string) => new URL(`../../test/golden/fixtures/${name}.json`, import.meta.url);

async function record(scenario: Scenario, { url: baseUrl, agentId }: RealServer): Promise<Fixture> {
  const http = createRecordingClient(baseUrl, fetch);
  const aliases: Record<string, string> = {};
  await scenario.run({
    http,
    agentId,
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    alias: (value, label) => void (aliases[value] = label),
    fresh: () => Math.floor(Math.random() * 200),
  });
  const path = fixturePath(scenario.name);
  const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Fixture) : undefined;
  return {
    scenario: scenario.name,
    description: scenario.description,
    recorded: { parlant: PARLANT_VERSION, policy: scenario.policy, nlp: 'offline fake NLP service' },
    artefacts: previous?.artefacts ?? [],
    exchanges: normalizeExchanges(http.exchanges, { baseUrl, aliases }),
  };
}

const wanted = process.argv.slice(2);
const chosen = SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name));
if (chosen.length === 0) {
  console.error(`No such scenario. Known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const policy of ['development', 'production'] as Policy[]) {
  const group = chosen.filter((s) => s.policy === policy);
  if (group.length === 0) continue;
  const why = missingServer(policy);
  if (why) {
    console.error(`Skipping ${group.length} ${policy}-policy scenarios: ${why}.`);
    failed += group.length;
    continue;
  }
  await withRealServer(policy, async (server) => {
    for (const scenario of group) {
      const started = Date.now();
      try {
        const fixture = await record(scenario, server);
        writeFileSync(fixturePath(scenario.name), `${JSON.stringify(fixture, null, 2)}\n`);
        console.log(`recorded ${scenario.name}: ${fixture.exchanges.length} exchanges in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failed += 1;
        console.error(`FAILED ${scenario.name}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  });
}
process.exit(failed > 0 ? 1 : 0);
