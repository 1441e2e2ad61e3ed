/**
 * Id, trace-id and timestamp generation for the emulator, matching the shapes Parlant puts on
 * the wire (10-char nanoids, 32-hex trace ids, ISO timestamps with microseconds).
 */

/** What an id is for; passed to a custom `idFactory`. @example const k: IdKind = 'session'; */
export type IdKind = 'agent' | 'customer' | 'session' | 'event' | 'trace';

/** Source of ids and timestamps shared by every part of one emulator. @example const ids = createIdSource({}); ids.id('event'); */
export interface IdSource {
  id(kind: Exclude<IdKind, 'trace'>): string;
  trace(): string;
  timestamp(): string;
  random(): number;
}

/** Options of {@link createIdSource}. @example const o: IdSourceOptions = { random: () => 0.5 }; */
export interface IdSourceOptions {
  random?: () => number;
  idFactory?: (kind: IdKind) => string;
  now?: () => number;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEX = '0123456789abcdef';

function pick(random: () => number, alphabet: string, size: number): string {
  let out = '';
  for (let i = 0; i < size; i += 1) {
    // Clamp so a `random` returning exactly 1 still yields a valid index.
    out += alphabet[Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length))];
  }
  return out;
}

/**
 * Creates the id/timestamp source. Timestamps are strictly increasing, so two events created
 * in the same millisecond still sort by `creation_utc` the way they sort by offset.
 * @example
 * const ids = createIdSource({ random: seededRandom(1) });
 * ids.trace(); // '3f0c…' (32 lowercase hex chars)
 */
export function createIdSource(options: IdSourceOptions = {}): IdSource {
  const random = options.random ?? Math.random;
  // performance.now() adds the sub-millisecond digits pydantic timestamps usually carry.
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const factory = options.idFactory;
  let lastMicros = 0;
  return {
    random,
    id: (kind) => factory?.(kind) ?? pick(random, ALPHABET, 10),
    trace: () => factory?.('trace') ?? pick(random, HEX, 32),
    timestamp() {
      const micros = Math.max(Math.floor(now() * 1000), lastMicros + 1);
      lastMicros = micros;
      return formatMicros(micros);
    },
  };
}

/**
 * Formats microseconds since the epoch the way pydantic 2 writes datetimes.
 * @example formatMicros(1782468930123456); // '2026-06-26T10:15:30.123456Z'
 */
export function formatMicros(micros: number): string {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, '0')}Z`;
}

/**
 * A small deterministic PRNG (mulberry32) for reproducible ids in tests.
 * @example const emu = createParlantEmulator({ random: seededRandom(42) });
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
