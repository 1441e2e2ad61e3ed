/**
 * `npm run emulator -- --port 8800 [--host 127.0.0.1] [--agent-name Haxon]`: serves a Parlant
 * emulator over HTTP for the demo, manual testing and e2e runs.
 */
import { parseArgs } from 'node:util';
import { createParlantEmulator, DEFAULT_AGENT_ID } from './emulator';
import { startEmulatorServer } from './node';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8800' },
    host: { type: 'string', default: '127.0.0.1' },
    'agent-name': { type: 'string', default: 'Haxon' },
  },
});

const port = Number.parseInt(values.port, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}`);
  process.exit(2);
}

const emulator = createParlantEmulator({
  agents: [{ id: DEFAULT_AGENT_ID, name: values['agent-name'], description: 'Emulated support assistant' }],
});
const server = await startEmulatorServer({ emulator, port, host: values.host });
console.log(`Parlant emulator listening on ${server.url}`);
console.log(`Default agent: ${emulator.defaultAgentId} (${values['agent-name']})`);
console.log('Say "help" in a chat to see the scripted behaviours. Ctrl+C to stop.');

const stop = () => {
  emulator.close();
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
