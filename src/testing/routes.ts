/**
 * The routing table and a matcher that answers like FastAPI for the misses: 404
 * `{"detail":"Not Found"}`, 405 for a known path with another method (its `Allow` header names
 * the method of the first route registered for that path, as Starlette's router does), 307 for
 * a trailing slash. Routes are listed in Parlant's registration order for that reason.
 */
import type { RouteDef } from './context';
import { agentRoutes } from './routes-agents';
import { customerRoutes } from './routes-customers';
import { eventRoutes } from './routes-events';
import { sessionRoutes } from './routes-sessions';

/** Result of matching a request. @example const m = matchRoute('GET', '/agents'); if (m.kind === 'route') m.def.handler; */
export type RouteMatch =
  | { kind: 'route'; def: RouteDef; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string }
  | { kind: 'redirect'; path: string };

const table: RouteDef[] = [...agentRoutes, ...sessionRoutes, ...eventRoutes, ...customerRoutes];

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        params[w.slice(1)] = g;
      }
    } else if (w !== g) {
      return undefined;
    }
  }
  return params;
}

/**
 * Finds the handler for a method and path (path relative to the emulator's base).
 * @example matchRoute('GET', '/sessions/abc/events'); // { kind: 'route', params: { session_id: 'abc' }, ... }
 */
export function matchRoute(method: string, path: string): RouteMatch {
  if (path.length > 1 && path.endsWith('/')) {
    const trimmed = path.replace(/\/+$/, '');
    return matchRoute(method, trimmed).kind === 'route' ? { kind: 'redirect', path: trimmed } : { kind: 'not-found' };
  }
  let allow: string | null = null;
  for (const def of table) {
    const params = matchPattern(def.pattern, path);
    if (!params) continue;
    if (def.method === method) return { kind: 'route', def, params };
    allow ??= def.method;
  }
  return allow ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}
