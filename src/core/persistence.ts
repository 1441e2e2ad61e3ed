/**
 * Remembering a session id across reloads, off unless the host asks. A Parlant session id is a
 * bearer capability on a permissive server, so it is namespaced, expires, and never goes in a URL.
 */

/** The Web Storage subset we use; `sessionStorage`, `localStorage` or your own. @example const s: StorageLike = window.sessionStorage; */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where to keep the session id: per tab, per browser profile, or a custom store. @example const p: PersistSession = 'session'; */
export type PersistSession = 'session' | 'local' | StorageLike;

/** A namespaced, expiring slot for one conversation's session id. @example const id = slot.read() ?? (await createSession()).id; */
export interface SessionSlot {
  read(): string | null;
  write(sessionId: string): void;
  clear(): void;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the slot for one server + agent + customer. Storage failures (private mode, quota,
 * blocked cookies) degrade to "not remembered", never to an error.
 * @example
 * const slot = sessionSlot('session', { server: 'https://agents.example.com', agentId: 'a1' });
 * slot?.write('sess_1'); slot?.read(); // 'sess_1'
 */
export function sessionSlot(
  persist: PersistSession | undefined,
  scope: { server: string; agentId: string; customerId?: string | undefined },
  options: { ttlMs?: number; now?: () => number } = {},
): SessionSlot | null {
  const storage = resolveStorage(persist);
  if (!storage) return null;
  const key = `parlant-chatbox:session:${scope.server}|${scope.agentId}|${scope.customerId ?? 'guest'}`;
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const safely = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  return {
    read() {
      const raw = safely(() => storage.getItem(key), null);
      if (!raw) return null;
      // Anything may be in storage (another script, an older format, a hand edit): only a record
      // of ours that has not expired counts; everything else is removed.
      const value: unknown = safely(() => JSON.parse(raw), null);
      const record = typeof value === 'object' && value !== null ? (value as { id?: unknown; expires?: unknown }) : {};
      if (typeof record.id === 'string' && record.id !== '' && typeof record.expires === 'number' && record.expires > now()) return record.id;
      safely(() => storage.removeItem(key), undefined);
      return null;
    },
    write(sessionId) {
      safely(() => storage.setItem(key, JSON.stringify({ id: sessionId, expires: now() + ttl })), undefined);
    },
    clear() {
      safely(() => storage.removeItem(key), undefined);
    },
  };
}

function resolveStorage(persist: PersistSession | undefined): StorageLike | null {
  if (!persist) return null;
  if (typeof persist === 'object') return persist;
  try {
    return persist === 'local' ? globalThis.localStorage ?? null : globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage access can throw when blocked
  }
}
