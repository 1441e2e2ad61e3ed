/**
 * The request pipeline behind `emu.handle()`: log, preflight, faults, routing, CORS.
 */
import type { EmulatorInternals } from './context';
import type { FailOptions } from './faults';
import { isPreflight, preflight, withCors } from './cors';
import { bareServerError, detail, empty, json, markBare } from './http';
import { matchRoute } from './routes';
import { CancelledError } from './timers';
import type { HandleOptions, RequestLogEntry } from './types';
import { abortError } from './wait';

/**
 * The rejection of a dropped connection: a `TypeError` like the one `fetch` throws, which the
 * Node server turns into a destroyed socket and the MSW adapter into `Response.error()`.
 * @example if (error instanceof NetworkDropError) socket.destroy();
 */
export class NetworkDropError extends TypeError {
  constructor() {
    // `name` stays the inherited 'TypeError', exactly what a failed fetch shows.
    super('Failed to fetch');
  }
}

function failResponse(options: FailOptions): Response {
  const { status } = options;
  const defaults: Record<number, unknown> = {
    403: { detail: 'Authorization failed: OPERATION=<emulated>, HEADERS=<redacted>' },
    429: { detail: 'Rate limit exceeded: OPERATION=<emulated>' },
    504: { detail: 'Request timed out' },
  };
  const body = options.body !== undefined ? options.body : defaults[status];
  const headers = new Headers(options.headers);
  let response: Response;
  if (body === undefined || body === null || status === 204 || status === 304) {
    response = new Response(null, { status, headers });
  } else if (typeof body === 'string') {
    headers.set('Content-Type', options.contentType ?? 'text/plain; charset=utf-8');
    response = new Response(body, { status, headers });
  } else {
    headers.set('Content-Type', options.contentType ?? 'application/json');
    response = new Response(JSON.stringify(body), { status, headers });
  }
  return options.cors === false ? markBare(response) : response;
}

async function reshape(internals: EmulatorInternals, method: string, path: string, response: Response, malformed: string | null | undefined): Promise<Response> {
  const isJson = (response.headers.get('Content-Type') ?? '').startsWith('application/json');
  if (malformed !== undefined) {
    // Half of the real body is what a truncated transfer looks like; never valid JSON.
    const text = isJson ? await response.text() : '';
    // Release a replaced stream (SSE) so its producer stops waiting.
    if (!isJson) await response.body?.cancel();
    const half = text.slice(0, Math.floor(text.length / 2));
    return new Response(malformed ?? (half.length > 0 ? half : '[{'), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }
  if (!isJson) return response;
  const text = await response.text();
  let list = JSON.parse(text) as unknown;
  if (Array.isArray(list) && response.status === 200) {
    if (internals.faults.take('duplicate', method, path)) list = list.flatMap((e: unknown) => [e, e]);
    if (internals.faults.take('reorder', method, path)) list = [...(list as unknown[])].reverse();
  }
  return new Response(JSON.stringify(list), { status: response.status, headers: response.headers });
}

/**
 * Builds the `handle(request)` function of an emulator.
 * @example const handle = createPipeline(internals, log, () => '');
 */
export function createPipeline(internals: EmulatorInternals, log: RequestLogEntry[], defaultBasePath: () => string) {
  const { store, faults, timers, ids } = internals;
  return async function handle(request: Request, options: HandleOptions = {}): Promise<Response> {
    const url = new URL(request.url);
    const base = (options.basePath ?? defaultBasePath()).replace(/\/+$/, '');
    const mounted = base !== '' && (url.pathname === base || url.pathname.startsWith(`${base}/`));
    const path = mounted ? url.pathname.slice(base.length) || '/' : url.pathname;
    const method = request.method.toUpperCase();
    const match = matchRoute(method, path);
    const started = Date.now();
    const entry: RequestLogEntry = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: match.kind === 'route' ? `${match.def.method} ${match.def.pattern}` : null,
      status: null,
      outcome: 'pending',
      time: started,
      durationMs: null,
      headers: Object.fromEntries(request.headers),
    };
    log.push(entry);
    const finish = (response: Response, outcome: RequestLogEntry['outcome'] = 'ok') => {
      Object.assign(entry, { status: response.status, outcome, durationMs: Date.now() - started });
      return withCors(request, response);
    };
    try {
      // A preflight carries its own CORS headers.
      if (isPreflight(request)) return Object.assign(entry, { status: 200, outcome: 'ok', durationMs: 0 }) && preflight(request);
      if (store.closed) return finish(empty(503));
      const latency = faults.take('latency', method, path);
      if (latency) await timers.sleep(latency.ms ?? 0, request.signal);
      const drop = faults.take('drop', method, path);
      if (drop && !drop.drop?.process) throw new NetworkDropError();
      const fail = faults.take('fail', method, path);
      if (fail?.fail && !fail.fail.process) return finish(failResponse(fail.fail), 'fault');
      let response: Response;
      if (match.kind === 'route') {
        const authorize = (operation: string) => internals.authorizer.authorize(request, operation);
        response = await match.def.handler({ ...internals, request, params: match.params, query: url.searchParams, traceId: ids.trace(), authorize });
      } else if (match.kind === 'redirect') {
        const location = new URL(url);
        location.pathname = `${base}${match.path}`;
        response = empty(307, { Location: location.href });
      } else if (match.kind === 'method-not-allowed') {
        response = json(405, { detail: 'Method Not Allowed' }, { Allow: match.allow });
      } else {
        response = detail(404, 'Not Found');
      }
      if (drop) throw new NetworkDropError();
      if (fail?.fail) return finish(failResponse(fail.fail), 'fault');
      const malformed = faults.take('malformed', method, path);
      const listRules = faults.list().some((r) => (r.kind === 'duplicate' || r.kind === 'reorder') && r.remaining > 0 && r.matches(method, path));
      if (malformed || listRules) response = await reshape(internals, method, path, response, malformed ? (malformed.body ?? null) : undefined);
      return finish(response, malformed ? 'fault' : 'ok');
    } catch (error) {
      Object.assign(entry, { status: 0, durationMs: Date.now() - started });
      if (error instanceof NetworkDropError) {
        entry.outcome = 'dropped';
        throw error;
      }
      if (request.signal.aborted) {
        entry.outcome = 'aborted';
        throw abortError(request.signal);
      }
      if (error instanceof CancelledError || store.closed) return finish(empty(503));
      // An emulator bug must not look like a hang; answer like Starlette's catch-all.
      console.error('[parlant emulator] unhandled error', error);
      return finish(bareServerError());
    }
  };
}
