/**
 * Finds a real Parlant server for the recorder and the real-server e2e run.
 * - `PARLANT_URL`: a server already running under the development policy; used and left
 *   running. `PARLANT_PRODUCTION_URL` with `PARLANT_PRODUCTION_AGENT_ID`: the same for the
 *   production policy (which forbids listing agents, hence the id).
 * - else `PARLANT_REAL_START`: a script taking `start <port>` and `stop <port>` that starts
 *   Parlant with the environment it is given; it runs for the recording and is stopped after.
 *   It gets `FAKE_NLP_PREAMBLE` (a preamble for an offline fake NLP service, unless set) and,
 *   for the production policy, `PARLANT_ENV=production` and a `PARLANT_HOME` that a first,
 *   development-policy start has used to read the default agent's id.
 * The port is `PARLANT_REAL_PORT` or any free one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Authorization policy a server runs. @example const p: Policy = 'production'; */
export type Policy = 'development' | 'production';

/** A server to talk to. @example const { url, agentId } = server; */
export interface RealServer {
  url: string;
  /** Its default agent ("Default Agent" on a fresh server). */
  agentId: string;
}

function freePort(): Promise<number> {
  const fixed = Number(process.env.PARLANT_REAL_PORT);
  if (Number.isInteger(fixed) && fixed > 0) return Promise.resolve(fixed);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(script, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}

async function defaultAgentId(url: string): Promise<string> {
  const agents = (await (await fetch(`${url}/agents`)).json()) as Array<{ id: string; name: string }>;
  const agent = agents.find((a) => a.name === 'Default Agent') ?? agents[0];
  if (!agent) throw new Error(`${url} serves no agent`);
  return agent.id;
}

/** Why no server can be had for a policy, or null. @example const why = missingServer('production'); */
export function missingServer(policy: Policy): string | null {
  if (process.env.PARLANT_REAL_START) return null;
  if (policy === 'development') return process.env.PARLANT_URL ? null : 'set PARLANT_URL or PARLANT_REAL_START';
  return process.env.PARLANT_PRODUCTION_URL && process.env.PARLANT_PRODUCTION_AGENT_ID ? null : 'set PARLANT_PRODUCTION_URL and PARLANT_PRODUCTION_AGENT_ID, or PARLANT_REAL_START';
}

async function started<T>(script: string, env: NodeJS.ProcessEnv, work: (url: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  await run(script, ['start', String(port)], env);
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    await run(script, ['stop', String(port)], env).catch((error: unknown) => console.error(String(error)));
  }
}

/**
 * Runs `work` against a real server under `policy`, starting and stopping one if that is how
 * it is configured.
 * @example await withRealServer('development', async ({ url, agentId }) => record(url, agentId));
 */
export async function withRealServer<T>(policy: Policy, work: (server: RealServer) => Promise<T>): Promise<T> {
  const why = missingServer(policy);
  if (why) throw new Error(`No real Parlant server for the ${policy} policy: ${why}.`);
  const script = process.env.PARLANT_REAL_START;
  if (policy === 'development' && process.env.PARLANT_URL) {
    const url = process.env.PARLANT_URL.replace(/\/+$/, '');
    return work({ url, agentId: await defaultAgentId(url) });
  }
  if (policy === 'production' && process.env.PARLANT_PRODUCTION_URL && process.env.PARLANT_PRODUCTION_AGENT_ID) {
    return work({ url: process.env.PARLANT_PRODUCTION_URL.replace(/\/+$/, ''), agentId: process.env.PARLANT_PRODUCTION_AGENT_ID });
  }
  const env: NodeJS.ProcessEnv = { ...process.env, FAKE_NLP_PREAMBLE: process.env.FAKE_NLP_PREAMBLE ?? 'Got it.' };
  delete env.PARLANT_ENV;
  if (policy === 'development') return started(script as string, env, async (url) => work({ url, agentId: await defaultAgentId(url) }));
  const home = mkdtempSync(join(tmpdir(), 'parlant-home-'));
  try {
    const agentId = await started(script as string, { ...env, PARLANT_HOME: home }, defaultAgentId);
    return await started(script as string, { ...env, PARLANT_HOME: home, PARLANT_ENV: 'production' }, (url) => work({ url, agentId }));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
