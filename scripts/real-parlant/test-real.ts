/**
 * `npm run test:real`: the Chromium end-to-end suite against a real Parlant server instead of the
 * emulator (the shared scenarios only; the emulator-only ones need its seeding and fault
 * injection). The server comes from `PARLANT_URL` or is started with `PARLANT_REAL_START`, as
 * for the recorder (see `server.ts`). It cannot run in CI: Parlant is not on the registries CI
 * reaches.
 */
import { spawnSync } from 'node:child_process';
import { withRealServer } from './server';

const status = await withRealServer('development', async ({ url, agentId }) => {
  console.log(`End-to-end suite against the real Parlant server at ${url} (agent ${agentId})`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'node', 'test/e2e'], {
    stdio: 'inherit',
    env: { ...process.env, PARLANT_E2E_SERVER: url, PARLANT_E2E_AGENT: agentId },
  });
  return run.status ?? 1;
});
process.exit(status);
