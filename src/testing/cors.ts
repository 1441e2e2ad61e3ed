/**
 * CORS as Parlant's server answers it: Starlette's CORSMiddleware with `allow_origins`,
 * `allow_methods` and `allow_headers` all `["*"]` and credentials allowed.
 */
import { isBare } from './http';

/** Methods Starlette's CORSMiddleware allows for `allow_methods=["*"]`. */
const CORS_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * True for a CORS preflight as Starlette recognizes one: `OPTIONS` with an `Origin` and an
 * `Access-Control-Request-Method`. Any other `OPTIONS` request is routed like a normal one.
 * @example if (isPreflight(request)) return preflight(request);
 */
export function isPreflight(request: Request): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && request.headers.has('Origin') && request.headers.has('Access-Control-Request-Method');
}

/**
 * Answers a CORS preflight the way Parlant's CORSMiddleware (`allow_*=["*"]` with credentials)
 * does: echo the origin and the requested headers, list every method, cache for 600 s.
 * @example preflight(new Request('http://x/agents', { method: 'OPTIONS', headers: { Origin: 'http://a', 'Access-Control-Request-Method': 'POST' } }));
 */
export function preflight(request: Request): Response {
  const h = new Headers({ Vary: 'Origin', 'Access-Control-Allow-Methods': CORS_METHODS.join(', '), 'Access-Control-Max-Age': '600' });
  h.set('Access-Control-Allow-Credentials', 'true');
  h.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '');
  const requested = request.headers.get('Access-Control-Request-Headers');
  if (requested !== null) h.set('Access-Control-Allow-Headers', requested);
  h.set('Content-Type', 'text/plain; charset=utf-8');
  const allowed = CORS_METHODS.includes(request.headers.get('Access-Control-Request-Method') ?? '');
  return new Response(allowed ? 'OK' : 'Disallowed CORS method', { status: allowed ? 200 : 400, headers: h });
}

/**
 * Adds CORS headers to a response (in place) the way Parlant's server does for a request with
 * an `Origin`: `Access-Control-Allow-Origin: *` with credentials allowed and no exposed headers
 * (so a browser cannot read `Retry-After`); the origin itself, and `Vary: Origin`, only when the
 * request carries cookies. Bare 500s get nothing.
 * @example withCors(request, json(200, []));
 */
export function withCors(request: Request, response: Response): Response {
  const origin = request.headers.get('Origin');
  if (origin === null || isBare(response) || response.type === 'error') return response;
  response.headers.set('Access-Control-Allow-Origin', '*');
  response.headers.set('Access-Control-Allow-Credentials', 'true');
  if (request.headers.has('Cookie')) {
    response.headers.set('Access-Control-Allow-Origin', origin);
    response.headers.append('Vary', 'Origin');
  }
  return response;
}
