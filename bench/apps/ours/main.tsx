// Our widget with its defaults, as the README shows it, resuming an existing session. The bench
// aliases 'parlant-chatbox' to the library's local dist/ (see scripts/bench.mjs).
import { ParlantChatbox } from 'parlant-chatbox';
import 'parlant-chatbox/styles.css';
import { benchParams, mountHost } from '../shared/host';

const { server, agentId, sessionId } = benchParams();
mountHost(<ParlantChatbox server={server} agentId={agentId} sessionId={sessionId} />);
