/**
 * `npm run test:real`: the Chromium end-to-end suite against a real Parlant server instead of the
 * emulator. First under the development policy (guest and operator scenarios), then, when a
 * production-policy server can be had, under the production policy (guest scenarios). The
 * emulator-only scenarios (seeding, fault injection) do not run. Servers come from `PARLANT_URL`
 * (and `PARLANT_PRODUCTION_URL` with `PARLANT_PRODUCTION_AGENT_ID`) or are started with
 * `PARLANT_REAL_START`, as for the recorder (see `server.ts`). It cannot run in CI: Parlant is not
 * on the registries CI reaches.
 */
import { spawnSync } from 'node:child_process';
import { missingServer, withRealServer, type Policy } from './server';

function suite(policy: Policy): Promise<number> {
  return withRealServer(policy, async ({ url, agentId }) => {
    console.log(`\nEnd-to-end suite against the real Parlant server at ${url} (${policy} policy, agent ${agentId})`);
    // The back/forward cache test stages its own emulator: it says nothing about the real server.
    const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e-chromium', 'test/e2e/browser.test.ts'], {
      stdio: 'inherit',
      env: { ...process.env, PARLANT_E2E_SERVER: url, PARLANT_E2E_AGENT: agentId, PARLANT_E2E_POLICY: policy },
    });
    return run.status ?? 1;
  });
}

const development = await suite('development');
const why = missingServer('production');
const production = why ? (console.log(`\nNo production-policy pass: ${why}.`), 0) : await suite('production');
process.exit(development || production);
