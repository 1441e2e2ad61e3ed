/**
 * What the page around the widget is doing: online or not, visible or not, put away in the
 * back/forward cache or frozen on a phone. One watcher per conversation; the poll loop and the
 * sender both listen to it, so they agree on whether the network is there.
 */

/** The slice of `window` the core listens to. @example const env: PageEnvironment = window; */
export interface PageEnvironment {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  navigator?: { onLine?: boolean };
  /** `freeze`/`resume` fire on the document in browsers that suspend background tabs. */
  document?: {
    visibilityState?: string;
    addEventListener?(type: string, listener: (event: Event) => void): void;
    removeEventListener?(type: string, listener: (event: Event) => void): void;
  };
}

/**
 * A change of the page: the network came or went; the tab was hidden or shown; the page left
 * (`away`: hidden in the back/forward cache or frozen) or came back (`back`).
 * @example const s: PageSignal = 'online';
 */
export type PageSignal = 'online' | 'offline' | 'visible' | 'hidden' | 'away' | 'back';

/** Watches a page. @example const page = watchPage(window); page.subscribe((s) => s === 'online' && poll()); */
export interface PageWatcher {
  /** False after an `offline` event (or when the browser said so at start) until `online`. */
  readonly online: boolean;
  readonly visible: boolean;
  /** False while the page is in the back/forward cache or frozen. */
  readonly present: boolean;
  /** Listens; the page is watched while anyone listens. Returns the way to stop. */
  subscribe(listener: (signal: PageSignal) => void): () => void;
  /** Drops every listener and stops watching. */
  dispose(): void;
}

const WINDOW_EVENTS: Array<[string, PageSignal | 'visibility']> = [
  ['online', 'online'],
  ['offline', 'offline'],
  ['visibilitychange', 'visibility'],
  ['pagehide', 'away'],
  ['pageshow', 'back'],
];
const DOCUMENT_EVENTS: Array<[string, PageSignal]> = [
  ['freeze', 'away'],
  ['resume', 'back'],
];

/**
 * Watches `env` (default: `window` where there is one; `null` watches nothing, for tests that
 * drive the page themselves). Listeners are on the page only while someone subscribes, so an
 * unmounted widget leaves nothing behind. `navigator.onLine === false` is believed whenever
 * watching begins; `true` proves nothing, so after that only the `online`/`offline` events
 * count, as in TanStack Query.
 * @example const page = watchPage(typeof window === 'undefined' ? null : window);
 */
export function watchPage(env: PageEnvironment | null | undefined = defaultEnvironment()): PageWatcher {
  let online = env?.navigator?.onLine !== false;
  let present = true;
  const listeners = new Set<(signal: PageSignal) => void>();
  const emit = (signal: PageSignal) => {
    for (const listener of [...listeners]) listener(signal);
  };
  const isVisible = () => env?.document?.visibilityState !== 'hidden';
  const handlers = new Map<string, () => void>();
  for (const [type, signal] of WINDOW_EVENTS) {
    handlers.set(type, () => {
      if (signal === 'visibility') return emit(isVisible() ? 'visible' : 'hidden');
      if (signal === 'online' || signal === 'offline') online = signal === 'online';
      if (signal === 'away' || signal === 'back') present = signal === 'back';
      emit(signal);
    });
  }
  const documentHandlers = DOCUMENT_EVENTS.map(([type, signal]) => [type, () => ((present = signal === 'back'), emit(signal))] as const);
  const attach = () => {
    // Whoever starts watching runs, so the page is here (a page in the back/forward cache runs nothing).
    online = env?.navigator?.onLine !== false;
    present = true;
    for (const [type, handler] of handlers) env?.addEventListener(type, handler);
    for (const [type, handler] of documentHandlers) env?.document?.addEventListener?.(type, handler);
  };
  const detach = () => {
    for (const [type, handler] of handlers) env?.removeEventListener(type, handler);
    for (const [type, handler] of documentHandlers) env?.document?.removeEventListener?.(type, handler);
  };

  return {
    get online() {
      return online;
    },
    get visible() {
      return isVisible();
    },
    get present() {
      return present;
    },
    subscribe(listener) {
      if (listeners.size === 0) attach();
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0) detach();
      };
    },
    dispose() {
      if (listeners.size > 0) detach();
      listeners.clear();
    },
  };
}

function defaultEnvironment(): PageEnvironment | null {
  return typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
}
