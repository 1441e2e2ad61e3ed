import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_ID } from '../../src/testing/emulator';
import { startEmulatorServer } from '../../src/testing/node';

describe('startEmulatorServer', () => {
  it('serves its own emulator on a random port and closes pending long-polls promptly', async () => {
    const server = await startEmulatorServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const session = await (await fetch(`${server.url}/sessions`, { method: 'POST', body: JSON.stringify({ agent_id: DEFAULT_AGENT_ID }) })).json();
    const poll = fetch(`${server.url}/sessions/${session.id}/events?wait_for_data=60`).then(
      (res) => res.status,
      () => 'network error',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await server.close();
    expect(await poll).toMatch(/^(503|network error)$/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.emulator.closed).toBe(true);
    await expect(fetch(`${server.url}/agents`)).rejects.toThrow(TypeError);
  });

  it('leaves a caller-owned emulator open, but still ends its long-polls', async () => {
    const first = await startEmulatorServer({ port: 0 });
    const emu = first.emulator;
    await first.close();
    expect(emu.closed).toBe(true);

    const { createParlantEmulator } = await import('../../src/testing/emulator');
    const own = createParlantEmulator({ timing: { stepMs: 0 } });
    const server = await startEmulatorServer({ emulator: own });
    const { id } = own.createSession();
    const poll = fetch(`${server.url}/sessions/${id}/events?wait_for_data=60`).catch(() => 'network error');
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect(await poll).toBe('network error');
    expect(own.closed).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(own.requests.at(-1)?.outcome).toBe('aborted');
    own.close();
  });

  it('passes request bodies and headers through and streams responses', async () => {
    const server = await startEmulatorServer();
    const res = await fetch(`${server.url}/customers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fern-Language': 'JavaScript' },
      body: JSON.stringify({ name: 'Zoë 🌍 שלום' }),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).name).toBe('Zoë 🌍 שלום');
    expect(server.emulator.requests.at(-1)?.headers['x-fern-language']).toBe('JavaScript');
    expect(res.headers.get('date')).not.toBeNull();
    await server.close();
  });
});

describe('npm run emulator (cli.ts)', () => {
  it('prints the URL and the default agent, and serves GET /agents', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/cli.ts', '--port', '0', '--agent-name', 'Ada'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const seen: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${seen.join('\n')}`)), 8000);
        lines.on('line', (line) => {
          seen.push(line);
          const match = /listening on (http:\/\/\S+)/.exec(line);
          if (match) {
            clearTimeout(timer);
            resolve(match[1] as string);
          }
        });
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.join('\n')).toContain(`Default agent: ${DEFAULT_AGENT_ID} (Ada)`);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const agents = await (await fetch(`${url}/agents`)).json();
      expect(agents).toMatchObject([{ id: DEFAULT_AGENT_ID, name: 'Ada' }]);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  });
});
