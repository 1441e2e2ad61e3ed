/**
 * What a browser on another origin gets: preflight answers and the CORS headers of plain
 * answers (with and without cookies), errors included.
 */
import type { Scenario } from './context';
import { createSession } from './steps';

const cors: Scenario = {
  name: 'cors',
  description: 'CORS preflights and the CORS headers of answers, errors, requests with cookies and same-origin requests.',
  policy: 'development',
  async run(ctx) {
    const { http } = ctx;
    const preflight = (step: string, path: string, method: string, headers?: string) =>
      http.call(step, 'OPTIONS', path, { headers: { 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) } });
    await preflight('preflight a JSON post', '/sessions', 'POST', 'content-type');
    await preflight('preflight with custom headers', '/sessions/abc/events', 'GET', 'authorization,x-fern-sdk-name');
    await preflight('preflight a PATCH', '/sessions/abc', 'PATCH', 'content-type');
    await preflight('preflight a DELETE without headers', '/sessions/abc', 'DELETE');
    await preflight('preflight a method outside the list', '/sessions', 'PROPFIND');
    await http.call('read agent cross-origin', 'GET', `/agents/${ctx.agentId}`);
    await http.call('read agent same-origin', 'GET', `/agents/${ctx.agentId}`, { sameOrigin: true });
    await http.call('read agent with a cookie', 'GET', `/agents/${ctx.agentId}`, { headers: { Cookie: 'session=1' } });
    await http.call('read agent with an Authorization header', 'GET', `/agents/${ctx.agentId}`, { headers: { Authorization: 'Bearer token' } });
    const session = await createSession(ctx, 'create session', ctx.agentId);
    await http.call('a 504 cross-origin', 'GET', `/sessions/${session.id}/events`, { query: { min_offset: 0, wait_for_data: 1 } });
    await http.call('a 404 cross-origin', 'GET', '/sessions/no-such-session');
    await http.call('a 422 cross-origin', 'POST', `/sessions/${session.id}/events`, { body: { kind: 'message', source: 'customer' } });
    await http.call('a 500 cross-origin', 'GET', `/sessions/${session.id}/events`, { query: { kinds: 'bogus', wait_for_data: 0 } });
  },
};

/** Scenarios of CORS. @example CORS_SCENARIOS.length; */
export const CORS_SCENARIOS: Scenario[] = [cors];
