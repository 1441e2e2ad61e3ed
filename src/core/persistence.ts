import type { OutboxItem } from './timeline';
import type { Json } from './types';

/**
 * Remembering a conversation across reloads, off unless the host asks: the session id, and the
 * messages the customer wrote that are not on the server yet (so a reload loses nothing typed).
 * A Parlant session id is a bearer capability on a permissive server, so it is namespaced,
 * expires, and never goes in a URL.
 */

/** The Web Storage subset we use; `sessionStorage`, `localStorage` or your own. @example const s: StorageLike = window.sessionStorage; */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where to keep the session id: per tab, per browser profile, or a custom store. @example const p: PersistSession = 'session'; */
export type PersistSession = 'session' | 'local' | StorageLike;

/** An unconfirmed message as kept in storage. @example const m: SavedMessage = { clientId: 'c1', text: 'hi', metadata: {}, state: 'queued', createdAt: 0, since: 0 }; */
export type SavedMessage = Pick<OutboxItem, 'clientId' | 'text' | 'metadata' | 'state' | 'createdAt' | 'since' | 'ambiguous'>;

/** A namespaced, expiring slot for one conversation. @example const id = slot.read() ?? (await createSession()).id; */
export interface SessionSlot {
  /** The remembered session id, or `null`. */
  read(): string | null;
  write(sessionId: string): void;
  /** The customer's unconfirmed messages, as last written. */
  readMessages(): SavedMessage[];
  writeMessages(items: readonly OutboxItem[]): void;
  clear(): void;
}

const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

interface SlotRecord {
  id: string | null;
  expires: number;
  outbox: SavedMessage[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATES = new Set<unknown>(['queued', 'sending', 'failed']);

/** A stored message of ours, or `null` for anything else storage may hold. */
function savedMessage(raw: unknown): SavedMessage | null {
  if (!isObj(raw) || typeof raw.clientId !== 'string' || typeof raw.text !== 'string' || !STATES.has(raw.state)) return null;
  const message: SavedMessage = {
    clientId: raw.clientId,
    text: raw.text,
    metadata: isObj(raw.metadata) ? (raw.metadata as Record<string, Json>) : {},
    state: raw.state as SavedMessage['state'],
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    since: typeof raw.since === 'number' && Number.isSafeInteger(raw.since) && raw.since >= 0 ? raw.since : 0,
  };
  if (raw.ambiguous === true) message.ambiguous = true;
  return message;
}

/**
 * Opens the slot for one server + agent + customer. Storage failures (private mode, quota,
 * blocked cookies) degrade to "not remembered", never to an error; anything in storage that is
 * not a record of ours (another script's value, a hand edit, `null`) is removed and ignored.
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
  const load = (): SlotRecord | null => {
    const raw = safely(() => storage.getItem(key), null);
    if (!raw) return null;
    const value: unknown = safely(() => JSON.parse(raw), null);
    const id = isObj(value) && typeof value.id === 'string' && value.id !== '' ? value.id : null;
    const outbox = isObj(value) && Array.isArray(value.outbox) ? value.outbox.map(savedMessage).filter((m): m is SavedMessage => m !== null) : [];
    if (isObj(value) && typeof value.expires === 'number' && value.expires > now() && (id !== null || outbox.length > 0)) return { id, expires: value.expires, outbox };
    safely(() => storage.removeItem(key), undefined);
    return null;
  };
  const save = (record: SlotRecord) => {
    if (record.id === null && record.outbox.length === 0) return safely(() => storage.removeItem(key), undefined);
    safely(() => storage.setItem(key, JSON.stringify(record)), undefined);
  };
  return {
    read: () => load()?.id ?? null,
    write(sessionId) {
      save({ id: sessionId, expires: now() + ttl, outbox: load()?.outbox ?? [] });
    },
    readMessages: () => load()?.outbox ?? [],
    writeMessages(items) {
      const outbox = items.map(({ clientId, text, metadata, state, createdAt, since, ambiguous }) => ({ clientId, text, metadata, state, createdAt, since, ...(ambiguous && { ambiguous }) }));
      save({ id: load()?.id ?? null, expires: now() + ttl, outbox });
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
    return persist === 'local' ? (globalThis.localStorage ?? null) : (globalThis.sessionStorage ?? null);
  } catch {
    return null; // storage access can throw when blocked
  }
}
