/**
 * The routing table and a matcher that answers like FastAPI for the misses: 404
 * `{"detail":"Not Found"}`, 405 for a known path with another method, 307 for a trailing slash.
 */
import type { RouteDef } from './context';
import { agentRoutes } from './routes-agents';
import { eventRoutes } from './routes-events';
import { sessionRoutes } from './routes-sessions';

/** Result of matching a request. @example const m = matchRoute('GET', '/agents'); if (m.kind === 'route') m.def.handler; */
export type RouteMatch =
  | { kind: 'route'; def: RouteDef; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed' }
  | { kind: 'redirect'; path: string };

const table: RouteDef[] = [...agentRoutes, ...sessionRoutes, ...eventRoutes];

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
  let pathMatched = false;
  for (const def of table) {
    const params = matchPattern(def.pattern, path);
    if (!params) continue;
    if (def.method === method || (method === 'HEAD' && def.method === 'GET')) return { kind: 'route', def, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
