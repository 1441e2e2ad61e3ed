/**
 * `parlant-chatbox-emulator`: a Parlant emulator over HTTP, for building a chat UI with no Parlant
 * server (installed with the package; `npm run emulator` in this repository). Prints its URL and
 * agent, then serves until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { createParlantEmulator, DEFAULT_AGENT_ID } from './emulator';
import { startEmulatorServer } from './node';

const USAGE = `Usage: parlant-chatbox-emulator [options]

A Parlant server emulator with a scripted agent, for building and testing a chat UI.

Options:
  --port <n>               port to listen on (default 8800; 0 picks a free one)
  --host <address>         address to listen on (default 127.0.0.1)
  --agent-name <name>      the agent's name (default Haxon)
  --greeting <text>        what the agent says when a session asks for a greeting
  --authorization <policy> development (default) or production, Parlant's policy for
                           anonymous callers (only what a chat widget needs, rate-limited)
  --moderation <mode>      none (default), auto or paranoid: flag customer messages (insults,
                           threats; paranoid also prompt injection) as a moderating proxy would
  -h, --help               show this help

The agent answers by keyword: "balance" or "order" call tools, "explain" sends several
messages, "canned" answers with a canned response, "human" hands over to a person, "error" fails the turn, "help" lists the rest.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8800' },
      host: { type: 'string', default: '127.0.0.1' },
      'agent-name': { type: 'string', default: 'Haxon' },
      greeting: { type: 'string' },
      authorization: { type: 'string', default: 'development' },
      moderation: { type: 'string', default: 'none' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid --port ${values.port}`);
const authorization = values.authorization;
if (authorization !== 'development' && authorization !== 'production') fail(`Invalid --authorization ${authorization}`);

const moderation = values.moderation;
if (moderation !== 'none' && moderation !== 'auto' && moderation !== 'paranoid') fail(`Invalid --moderation ${moderation}`);

const name = values['agent-name'];
const emulator = createParlantEmulator({
  authorization,
  moderation,
  agents: [{ id: DEFAULT_AGENT_ID, name, description: 'Emulated support assistant', ...(values.greeting !== undefined && { greeting: values.greeting }) }],
});
const server = await startEmulatorServer({ emulator, port, host: values.host }).catch((error: Error) => fail(`Could not listen on ${values.host}:${port}: ${error.message}`));
console.log(`Parlant emulator listening on ${server.url}`);
console.log(`Default agent: ${DEFAULT_AGENT_ID} (${name}), ${authorization} policy`);
console.log(`  <ParlantChatbox server="${server.url}" agentId="${DEFAULT_AGENT_ID}" />`);
console.log('Say "help" in a chat to see what the agent can do. Ctrl+C to stop.');

const stop = () => {
  emulator.close();
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
