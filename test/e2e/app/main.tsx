import { createRoot } from 'react-dom/client';
import { ParlantChatbox, type PersistSession } from '../../../src';
import '../../../src/styles/tokens.css';
import '../../../src/styles/chatbox.css';
import '../../../src/styles/phone.css';
import './host.css';
import { installProbe } from './probe';

installProbe();

/** A host page for browser tests; everything comes from the query string. */
const params = new URLSearchParams(window.location.search);
const persist = params.get('persist');
const count = Number(params.get('count') ?? 1);
const widget = (key: number) => (
  <ParlantChatbox
    key={key}
    server={params.get('server') ?? ''}
    agentId={params.get('agent') ?? ''}
    sessionId={params.get('session') ?? undefined}
    persistSession={(persist ?? undefined) as PersistSession | undefined}
    waitForData={Number(params.get('wait') ?? 50)}
    transport={(params.get('transport') ?? 'long-poll') as 'long-poll' | 'sse' | 'auto'}
    variant={params.get('variant') === 'floating' ? 'floating' : 'inline'}
    theme={params.get('accent') ? { accent: params.get('accent') as string } : undefined}
  />
);
createRoot(document.getElementById('root') as HTMLElement).render(Array.from({ length: count }, (_, i) => widget(i)));
