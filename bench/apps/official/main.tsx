// The official widget (npm parlant-chat-react) with its defaults, resuming an existing session
// through its `sessionId` prop. Its stylesheet export is imported too (only highlight.js theme
// rules; its README does not ask for it, but it is part of what the package ships for display).
import ParlantChatbox from 'parlant-chat-react';
import 'parlant-chat-react/style.css';
import { benchParams, mountHost } from '../shared/host';

const { server, agentId, sessionId } = benchParams();
mountHost(<ParlantChatbox server={server} agentId={agentId} sessionId={sessionId} />);
