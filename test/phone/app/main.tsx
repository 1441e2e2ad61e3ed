import { createRoot } from 'react-dom/client';
import { ParlantChatbox } from '../../../src';
import '../../../src/styles/tokens.css';
import '../../../src/styles/chatbox.css';
import '../../../src/styles/phone.css';
import './host.css';

/** A phone-sized host page; the widget's settings come from the query string. */
const params = new URLSearchParams(window.location.search);
const openChanges: boolean[] = [];
Object.assign(window, { openChanges });
const widget = (
  <ParlantChatbox
    server={params.get('server') ?? ''}
    agentId={params.get('agent') ?? ''}
    sessionId={params.get('session') ?? undefined}
    waitForData={5}
    variant={params.get('variant') === 'inline' ? 'inline' : 'floating'}
    onOpenChange={(open) => openChanges.push(open)}
  />
);
// The inline widget sits in a 320px column, as in a narrow sidebar, near the top of a short page.
document.body.dataset.variant = params.get('variant') ?? 'floating';
createRoot(document.getElementById('root') as HTMLElement).render(params.get('variant') === 'inline' ? <div className="column">{widget}</div> : widget);
