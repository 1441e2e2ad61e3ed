/**
 * `npm start`: serves the demo page and, unless PARLANT_SERVER is set, a Parlant emulator for it
 * to talk to. `PARLANT_SERVER=<url> PARLANT_AGENT_ID=<id> npm start` uses a real server instead.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { createParlantEmulator, DEFAULT_AGENT_ID } from '../src/testing/emulator.ts';
import { startEmulatorServer } from '../src/testing/node.ts';

const root = fileURLToPath(new URL('../demo', import.meta.url));
const port = Number(process.env.PORT ?? 5173);

let server = process.env.PARLANT_SERVER;
let agentId = process.env.PARLANT_AGENT_ID;
let stopEmulator: (() => Promise<void>) | null = null;
if (!server) {
  const emulator = createParlantEmulator({
    // The inline widget asks for a greeting; like a real fluid agent, this one greets only when
    // told what to say.
    agents: [{ id: DEFAULT_AGENT_ID, name: 'Haxon', description: 'Emulated support assistant', greeting: "Hi, I'm Haxon, an emulated agent. What can I do for you?" }],
    // Flags insults and threats, so the demo's inspect mode has a flagged message to show.
    moderation: 'auto',
  });
  const running = await startEmulatorServer({ emulator, port: Number(process.env.EMULATOR_PORT ?? 8800) }).catch(() =>
    startEmulatorServer({ emulator, port: 0 }),
  );
  server = running.url;
  agentId = DEFAULT_AGENT_ID;
  stopEmulator = async () => {
    emulator.close();
    await running.close();
  };
  console.log(`Parlant emulator: ${server} (agent ${agentId})`);
} else if (!agentId) {
  console.error('PARLANT_AGENT_ID is required with PARLANT_SERVER (GET /agents on your server lists the ids).');
  process.exit(2);
}

const vite = await createServer({
  root,
  configFile: false,
  plugins: [(await import('@vitejs/plugin-react')).default()],
  define: {
    'import.meta.env.VITE_PARLANT_SERVER': JSON.stringify(server),
    'import.meta.env.VITE_PARLANT_AGENT_ID': JSON.stringify(agentId),
  },
  server: { port, host: '127.0.0.1', strictPort: false },
  logLevel: 'warn',
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Demo: ${url}`);

const stop = async () => {
  await vite.close();
  await stopEmulator?.();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
