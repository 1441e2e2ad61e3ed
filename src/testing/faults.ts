/**
 * Fault injection for the emulator: failures, dropped connections, latency, proxy caps on
 * long-polls, malformed bodies and duplicated/reordered event lists. Faults are applied inside
 * `emu.handle()`, so they act the same through MSW, `emu.fetch` and the Node server.
 */
import type { Json } from '../core/types';

/**
 * Which requests a fault applies to: `'*'` (all), `'GET /sessions/:id/events'` (`:name` matches
 * one path segment, a trailing `*` the rest; the method may be `*` or left out), or a predicate.
 * @example const m: RouteMatcher = 'POST /sessions/:id/events';
 */
export type RouteMatcher = string | ((request: { method: string; path: string }) => boolean);

/** A registered fault. @example const f = emu.faults.fail('*', { status: 503, count: Infinity }); f.remove(); */
export interface FaultHandle {
  /** How many more requests it will hit (`Infinity` for persistent faults). */
  readonly remaining: number;
  remove(): void;
}

/** Options of `faults.fail`. @example const o: FailOptions = { status: 429, headers: { 'Retry-After': '7' } }; */
export interface FailOptions {
  status: number;
  /** How many matching requests fail; default 1, `Infinity` for all. */
  count?: number;
  /** A string is sent as is; anything else as JSON. Default: Parlant's body for 403/429/504, else empty. */
  body?: string | Json;
  headers?: Record<string, string>;
  /** Default `application/json` for JSON bodies, `text/plain` for strings. */
  contentType?: string;
  /** Run the real handler first (the request takes effect), then fail: an ambiguous failure. */
  process?: boolean;
  /** Set false to omit CORS headers, so a browser sees a network error. Default true. */
  cors?: boolean;
}

/** Options of `faults.drop`. @example emu.faults.drop('POST /sessions/:id/events', { process: true }); */
export interface DropOptions {
  count?: number;
  /** Drop only after the request took effect (the server got it, the answer got lost). */
  process?: boolean;
}

/** A fault that counts down. @example const o: CountOptions = { count: 2 }; */
export interface CountOptions {
  count?: number;
}

/** Options of `faults.malformed`. @example emu.faults.malformed('GET /sessions/:id/events', { body: '[{"id":' }); */
export interface MalformedOptions extends CountOptions {
  body?: string;
}

/** A rule as stored; exported for the emulator's own use. @example rule.kind === 'fail'; */
export interface FaultRule {
  kind: 'fail' | 'drop' | 'latency' | 'malformed' | 'duplicate' | 'reorder';
  matches(method: string, path: string): boolean;
  remaining: number;
  fail?: FailOptions;
  drop?: DropOptions;
  ms?: number;
  body?: string;
}

/**
 * Compiles a {@link RouteMatcher} into a predicate.
 * @example compileMatcher('GET /sessions/:id')('GET', '/sessions/abc') === true;
 */
export function compileMatcher(matcher: RouteMatcher): (method: string, path: string) => boolean {
  if (typeof matcher === 'function') return (method, path) => matcher({ method, path });
  const text = matcher.trim();
  if (text === '*') return () => true;
  const [first, second] = text.split(/\s+/, 2);
  const method = second === undefined ? '*' : (first as string).toUpperCase();
  const pattern = (second ?? first ?? '').split('/').filter(Boolean);
  return (m, path) => {
    if (method !== '*' && method !== m.toUpperCase()) return false;
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < pattern.length; i += 1) {
      const seg = pattern[i] as string;
      if (seg === '*' && i === pattern.length - 1) return parts.length >= i;
      if (parts[i] === undefined) return false;
      if (!seg.startsWith(':') && seg !== parts[i]) return false;
    }
    return parts.length === pattern.length;
  };
}

/**
 * The `emu.faults` API.
 * @example
 * emu.faults.fail('GET /sessions/:id/events', { status: 503, count: 3 });
 * emu.faults.drop('POST /sessions/:id/events');
 * emu.faults.latency('*', 200);
 * emu.faults.capWait(2); // a proxy cutting long-polls at 2 s with an HTML 504
 */
export class FaultInjector {
  private rules: FaultRule[] = [];
  /** Seconds after which a proxy in front of the server cuts a long-poll; null = no proxy. */
  waitCap: number | null = null;

  /** Answers matching requests with `status` (and `body`/`headers`), `count` times. */
  fail(route: RouteMatcher, options: FailOptions): FaultHandle {
    return this.add({ kind: 'fail', matches: compileMatcher(route), remaining: options.count ?? 1, fail: options });
  }

  /** Drops the connection of matching requests: `fetch` rejects with a TypeError. */
  drop(route: RouteMatcher, options: DropOptions = {}): FaultHandle {
    return this.add({ kind: 'drop', matches: compileMatcher(route), remaining: options.count ?? 1, drop: options });
  }

  /** Delays matching requests by `ms` before they are handled (persistent unless `count`). */
  latency(route: RouteMatcher, ms: number, options: CountOptions = {}): FaultHandle {
    return this.add({ kind: 'latency', matches: compileMatcher(route), remaining: options.count ?? Infinity, ms });
  }

  /** Answers 200 with a broken JSON body (after running the real handler, whatever it answered). */
  malformed(route: RouteMatcher, options: MalformedOptions = {}): FaultHandle {
    const rule: FaultRule = { kind: 'malformed', matches: compileMatcher(route), remaining: options.count ?? 1 };
    if (options.body !== undefined) rule.body = options.body;
    return this.add(rule);
  }

  /** Repeats every event of matching event lists (`[a, a, b, b]`); persistent unless `count`. */
  duplicate(route: RouteMatcher, options: CountOptions = {}): FaultHandle {
    return this.add({ kind: 'duplicate', matches: compileMatcher(route), remaining: options.count ?? Infinity });
  }

  /** Reverses matching event lists; persistent unless `count`. */
  reorder(route: RouteMatcher, options: CountOptions = {}): FaultHandle {
    return this.add({ kind: 'reorder', matches: compileMatcher(route), remaining: options.count ?? Infinity });
  }

  /** Caps every long-poll / SSE wait at `seconds`, answering like a proxy (HTML 504). `null` removes it. */
  capWait(seconds: number | null): void {
    this.waitCap = seconds;
  }

  clear(): void {
    this.rules = [];
    this.waitCap = null;
  }

  /** Active rules, for debugging. */
  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** Finds the first matching rule of a kind and consumes one use of it. */
  take(kind: FaultRule['kind'], method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.kind === kind && r.remaining > 0 && r.matches(method, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  private add(rule: FaultRule): FaultHandle {
    this.rules.push(rule);
    return {
      get remaining() {
        return rule.remaining;
      },
      remove: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
  }
}
