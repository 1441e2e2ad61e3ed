/**
 * Parlant's two authorization policies. `development` allows everything. `production` allows an
 * anonymous caller only what a chat widget needs, and rate-limits it per client address over a
 * moving one-minute window; everything else is 403. Handlers check after validating their input,
 * where Parlant's do, so a malformed request still gets its 422 first.
 */
import { detail } from './http';

/** Name of a policy. @example const p: AuthorizationPolicy = 'production'; */
export type AuthorizationPolicy = 'development' | 'production';

/** Operations the production policy grants anyone. */
const GUEST_OPERATIONS = new Set(['read_agent', 'create_guest_session', 'read_session', 'list_events', 'create_customer_event']);

/** Requests per minute and client address, by operation (others share one budget of 100). */
const LIMITS: Record<string, number> = { read_agent: 30, create_guest_session: 10, read_session: 30, list_events: 240, create_customer_event: 30, create_status_event: 60 };
const DEFAULT_LIMIT = 100;
const WINDOW_MS = 60_000;

/** Starlette's `repr` of request headers, which Parlant puts in its 403 and 429 details. */
function headersRepr(headers: Headers): string {
  const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `Headers({${[...headers].map(([k, v]) => `${quote(k)}: ${quote(v)}`).join(', ')}})`;
}

/** The client address a rate limit counts against, found the way Parlant finds it. */
function clientAddress(headers: Headers): string {
  const forwarded = headers.get('X-Forwarded-For');
  if (forwarded) return (forwarded.split(',')[0] as string).trim();
  return (headers.get('X-Real-IP') ?? headers.get('CF-Connecting-IP') ?? 'local').trim();
}

/**
 * The authorization of one emulator.
 * @example
 * const auth = new Authorizer('production', Date.now);
 * const denied = auth.authorize(request, 'list_agents'); // a 403 response
 */
export class Authorizer {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly policy: AuthorizationPolicy,
    private readonly now: () => number,
  ) {}

  /** Whether the policy grants an operation at all. */
  permits(operation: string): boolean {
    return this.policy === 'development' || GUEST_OPERATIONS.has(operation);
  }

  /** A 403 or 429 response when the request may not run the operation now; otherwise undefined (and the request is counted). */
  authorize(request: Request, operation: string): Response | undefined {
    if (this.policy === 'development') return undefined;
    const headers = headersRepr(request.headers);
    if (!this.permits(operation)) return detail(403, `Authorization failed: OPERATION=${operation}, HEADERS=${headers}`);
    const limited = operation in LIMITS;
    const key = `${clientAddress(request.headers)} ${limited ? operation : 'GENERIC'}`;
    const since = this.now() - WINDOW_MS;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= (LIMITS[operation] ?? DEFAULT_LIMIT)) {
      this.hits.set(key, recent);
      return detail(429, `Rate limit exceeded: OPERATION=${operation}, HEADERS=${headers}`);
    }
    this.hits.set(key, [...recent, this.now()]);
    return undefined;
  }
}
