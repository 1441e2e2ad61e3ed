import type { CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { ParlantChatbox, type ChatClassNames } from '../../../src';

/**
 * A host page for the host-CSS tests. The widget's stylesheet and the host's come as links, the
 * host's last (the worst case: on equal weight, the later rule wins); `css=none` leaves the
 * widget's out, for a host that imports it into a cascade layer of its own. Query: `server`,
 * `agent`, `session`, `frame` (`sized`, `tall`, `unsized` or `none`), `font` (`fixed` pins the
 * widget's font so that screenshots compare), `classNames` (JSON).
 */
const params = new URLSearchParams(window.location.search);

function stylesheet(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${href}`));
  });
  document.head.append(link);
  return loaded;
}

const FRAMES: Record<string, CSSProperties | null> = {
  sized: { width: 400, height: 640 },
  tall: { width: 400, height: 900 },
  unsized: { width: 400 },
  none: null,
};

if (params.get('css') !== 'none') await stylesheet('/widget.css');
await stylesheet(`/host.css?${new URLSearchParams({ name: params.get('host') ?? 'bare' })}`);

const frame = FRAMES[params.get('frame') ?? 'sized'];
const widget = (
  <ParlantChatbox
    server={params.get('server') ?? ''}
    agentId={params.get('agent') ?? ''}
    sessionId={params.get('session') ?? undefined}
    locale="en-US"
    theme={params.get('font') === 'fixed' ? { fontFamily: '"DejaVu Sans", sans-serif' } : undefined}
    classNames={JSON.parse(params.get('classNames') ?? '{}') as ChatClassNames}
  />
);
createRoot(document.getElementById('root') as HTMLElement).render(frame ? <div id="frame" style={frame}>{widget}</div> : widget);
document.body.dataset.ready = 'true';
