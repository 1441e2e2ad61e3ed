/**
 * The page every bench app shares: a heading and a fixed-size slot, so the three builds differ
 * only by the widget they put in the slot. The slot is as big as the official widget's own
 * default box (27.75rem × 70vh at the bench's 1280×900 viewport), so both show the same area.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Connection settings the bench passes in the query string (one build serves every N). */
export interface BenchParams {
  server: string;
  agentId: string;
  sessionId: string;
}

export function benchParams(): BenchParams {
  const q = new URLSearchParams(window.location.search);
  return { server: q.get('server') ?? '', agentId: q.get('agent') ?? '', sessionId: q.get('session') ?? '' };
}

export function mountHost(widget: ReactNode): void {
  const el = document.getElementById('root');
  if (!el) throw new Error('#root is missing');
  createRoot(el).render(
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 16 }}>
      <h1 style={{ fontSize: 18, margin: '0 0 12px' }}>Bench host page</h1>
      <section data-bench-slot style={{ width: 444, height: 630 }}>
        {widget}
      </section>
    </main>,
  );
}
