import { afterEach, describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import type { ParlantError } from '../../src/core/errors';
import { createEventPoller, type EventPoller } from '../../src/core/poller';
import { createTimelineStore } from '../../src/core/timeline';
import { createScriptedFetch, ev, json, parlant504 } from '../support/scripted-fetch';
import { createVirtualClock } from '../support/virtual-clock';

const WAIT = 50;
let poller: EventPoller | undefined;
afterEach(() => poller?.stop());

function setup(options: { environment?: EventTarget & { document?: { visibilityState: string }; navigator?: { onLine: boolean } }; onAuthError?: () => unknown } = {}) {
  const server = createScriptedFetch();
  const clock = createVirtualClock();
  const store = createTimelineStore('s1');
  const errors: ParlantError[] = [];
  const client = createParlantClient({ server: 'http://parlant.test', fetch: server.fetch, ...(options.onAuthError && { onAuthError: options.onAuthError }) });
  poller = createEventPoller({
    client,
    store,
    sessionId: 's1',
    clock,
    waitForData: WAIT,
    environment: (options.environment as never) ?? null,
    onError: (e) => errors.push(e),
  });
  /** An answer that arrives after `ms` of virtual time, like a real long-poll. */
  const after = (ms: number, make: () => Response) => () =>
    new Promise<Response>((resolve) => clock.setTimeout(() => resolve(make()), ms));
  return { server, clock, store, errors, poller, after };
}

/** Virtual times (ms) at which each request after the first `skip` was made. */
function requestTimes(times: number[], skip = 0) {
  return times.slice(skip).map((t, i, all) => (i === 0 ? t : t - (all[i - 1] as number)));
}

describe('event poller', () => {
  it('loads history without waiting, then long-polls from the highest offset + 1 with no kinds filter', async () => {
    const { server, clock, store, poller } = setup();
    server.answer(json([ev({ offset: 0 }), ev({ offset: 1 })]));
    poller.start();
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    expect(server.query(0).get('wait_for_data')).toBe('0');
    expect(server.query(0).get('min_offset')).toBe('0');
    expect(server.query(1).get('wait_for_data')).toBe(String(WAIT));
    expect(server.query(1).get('min_offset')).toBe('2');
    expect(server.query(1).has('kinds')).toBe(false);
    expect(store.getState().events.map((e) => e.offset)).toEqual([0, 1]);
    expect(store.getState().connection.state).toBe('live');
  });

  it('treats Parlant 504s as "nothing new": 100 in a row re-poll at once with the same offset, no error', async () => {
    const { server, clock, store, errors, poller, after } = setup();
    server.answer(json([ev({ offset: 4 })]));
    server.otherwise(after(WAIT * 1000, parlant504));
    poller.start();
    await clock.advance(0);
    for (let i = 0; i < 100; i += 1) await clock.advance(WAIT * 1000);
    expect(server.requests).toHaveLength(102);
    const offsets = new Set(server.requests.slice(1).map((_, i) => server.query(i + 1).get('min_offset')));
    expect([...offsets]).toEqual(['5']);
    expect(errors).toEqual([]);
    expect(store.getState().connection.state).toBe('live');
  });

  it('reads min_offset from the store when each request starts, not from an old closure', async () => {
    const { server, clock, store, poller, after } = setup();
    server.answer(json([]));
    server.otherwise(after(WAIT * 1000, parlant504));
    poller.start();
    await clock.advance(0);
    store.getState().merge([ev({ offset: 7, id: 'posted' })]);
    await clock.advance(WAIT * 1000);
    expect(server.query(2).get('min_offset')).toBe('8');
  });

  it('backs off 1 s doubling to a 30 s cap, jittered, on network errors', async () => {
    const { server, clock, poller } = setup();
    const times: number[] = [];
    server.otherwise(() => {
      times.push(clock.now());
      throw new TypeError('Failed to fetch');
    });
    poller.start();
    await clock.advance(120_000);
    // random() = 0.5 → factor 0.75 of 1, 2, 4, 8, 16, 30, 30 … s
    expect(requestTimes(times).slice(0, 8)).toEqual([0, 750, 1500, 3000, 6000, 12_000, 22_500, 22_500]);
  });

  it('counts an early 504 and a proxy HTML 504 as failures, not as "nothing new"', async () => {
    const { server, clock, store, poller } = setup();
    server.answer(json([]), parlant504(), new Response('<html>Gateway Timeout</html>', { status: 504, headers: { 'Content-Type': 'text/html' } }));
    poller.start();
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    expect(store.getState().connection.state).toBe('reconnecting');
    await clock.advance(749);
    expect(server.requests).toHaveLength(2);
    await clock.advance(1);
    expect(server.requests).toHaveLength(3);
    await clock.advance(1499);
    expect(server.requests).toHaveLength(3);
    await clock.advance(1);
    expect(server.requests).toHaveLength(4);
  });

  it('waits as long as Retry-After says, and at least 10 s on a 429 without it', async () => {
    const { server, clock, poller } = setup();
    const times: number[] = [];
    const stamp = (r: Response) => () => {
      times.push(clock.now());
      return r;
    };
    server.answer(
      stamp(json([])),
      stamp(json({ detail: 'Rate limit exceeded' }, 429, { 'Retry-After': '12' })),
      stamp(json({ detail: 'Rate limit exceeded' }, 429)),
      stamp(new Response('', { status: 503, headers: { 'Retry-After': '7' } })),
      stamp(json([ev({ offset: 0 })])),
    );
    poller.start();
    await clock.advance(60_000);
    expect(requestTimes(times).slice(0, 5)).toEqual([0, 0, 12_000, 10_000, 7000]);
  });

  it('backs off on repeated failures even when Retry-After says 0, and caps a huge one at 5 minutes', async () => {
    const { server, clock, poller } = setup();
    const times: number[] = [];
    const stamp = (r: () => Response) => () => {
      times.push(clock.now());
      return r();
    };
    const now = () => new Response('', { status: 503, headers: { 'Retry-After': '0' } });
    server.answer(stamp(() => json([])), stamp(now), stamp(now), stamp(now), stamp(now), stamp(() => new Response('', { status: 503, headers: { 'Retry-After': '86400' } })), stamp(() => json([ev({ offset: 0 })])));
    poller.start();
    await clock.advance(20 * 60_000);
    const gaps = requestTimes(times).slice(2, 7);
    // Growing waits, not a tight loop: every retry waits, and each wait at least as long as the backoff's floor.
    expect(gaps.slice(0, 4).every((ms) => ms > 0)).toBe(true);
    expect(gaps[3]).toBeGreaterThan(gaps[0] as number);
    expect(gaps[4]).toBe(5 * 60_000);
  });

  it('treats a timeout answer to the history request (which asks not to wait) as a failure, not a reason to ask again at once', async () => {
    const { server, clock, poller, store } = setup();
    const times: number[] = [];
    const stamp = (r: () => Response) => () => {
      times.push(clock.now());
      return r();
    };
    server.answer(stamp(parlant504), stamp(parlant504), stamp(parlant504), stamp(() => json([ev({ offset: 0 })])));
    poller.start();
    await clock.advance(60_000);
    expect(times).toHaveLength(4);
    expect(requestTimes(times).slice(1).every((ms) => ms >= 500)).toBe(true);
    expect(store.getState().events).toHaveLength(1);
  });

  it('pauses while offline and polls at once when back online', async () => {
    const environment = new EventTarget();
    const { server, clock, store, poller } = setup({ environment });
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    const inFlight = server.requests[1] as Request;
    environment.dispatchEvent(new Event('offline'));
    await clock.advance(0);
    expect(inFlight.signal.aborted).toBe(true);
    expect(store.getState().connection.state).toBe('offline');
    await clock.advance(20_000);
    expect(server.requests).toHaveLength(2);
    server.answer(json([ev({ offset: 0 })]));
    environment.dispatchEvent(new Event('online'));
    await clock.advance(0);
    expect(server.requests).toHaveLength(4);
    expect(store.getState().events).toHaveLength(1);
    expect(store.getState().connection.state).toBe('live');
  });

  it('wakes from a backoff when the page becomes visible again', async () => {
    const environment = Object.assign(new EventTarget(), { document: { visibilityState: 'visible' } });
    const { server, clock, poller } = setup({ environment });
    server.answer('network-error', 'network-error', 'network-error', 'network-error');
    poller.start();
    await clock.advance(5250); // four failures: next wait is 6 s
    expect(server.requests).toHaveLength(4);
    environment.dispatchEvent(new Event('visibilitychange'));
    await clock.advance(0);
    expect(server.requests).toHaveLength(5);
  });

  it('stop() aborts the request in flight and nothing follows', async () => {
    const { server, clock, store, poller } = setup();
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    const inFlight = server.requests[1] as Request;
    const before = store.getState();
    poller.stop();
    await clock.advance(0);
    expect(inFlight.signal.aborted).toBe(true);
    await clock.advance(300_000);
    expect(server.requests).toHaveLength(2);
    expect(store.getState().connection).toBe(before.connection);
    expect(poller.running).toBe(false);
  });

  it.each([
    [404, 'ended'],
    [403, 'unauthorized'],
    [401, 'unauthorized'],
  ] as const)('stops on %i as %s instead of retrying', async (status, state) => {
    const { server, clock, store, errors, poller } = setup();
    server.answer(json({ detail: 'nope' }, status));
    poller.start();
    await clock.advance(600_000);
    expect(server.requests).toHaveLength(1);
    expect(store.getState().connection.state).toBe(state);
    expect(errors[0]?.status).toBe(status);
    expect(errors[0]?.detail).toBe('nope');
  });

  it('never spins when the server keeps answering the same events at once', async () => {
    const { server, clock, store, poller } = setup();
    const stale = [ev({ offset: 0 }), ev({ offset: 1 }), ev({ offset: 2 })];
    server.otherwise(() => json(stale));
    poller.start();
    await clock.advance(60_000);
    expect(server.requests.length).toBeLessThanOrEqual(60);
    expect(server.requests.length).toBeGreaterThan(5);
    expect(store.getState().events).toHaveLength(3);
  });

  it('treats a malformed 200 as a failed poll, keeps the cursor, and drops bad events one by one', async () => {
    const { server, clock, store, errors, poller } = setup();
    server.answer(
      json([ev({ offset: 0 })]),
      new Response('[{"id":', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      json([{ id: 'no-offset' }, ev({ offset: 1 }), { offset: 2 }]),
    );
    poller.start();
    await clock.advance(0);
    expect(store.getState().connection.state).toBe('reconnecting');
    expect(errors[0]?.kind).toBe('invalid-response');
    await clock.advance(750);
    expect(server.query(2).get('min_offset')).toBe('1');
    expect(store.getState().events.map((e) => e.offset)).toEqual([0, 1]);
    expect(errors[1]?.message).toMatch(/Dropped 2 malformed/);
    expect(store.getState().connection.state).toBe('live');
  });

  it('re-syncs from offset 0 once after a 422, then stops', async () => {
    const { server, clock, store, poller } = setup();
    server.answer(json([ev({ offset: 3 })]), json({ detail: [] }, 422), json([ev({ offset: 3 })]), json({ detail: [] }, 422));
    poller.start();
    await clock.advance(10_000);
    expect(server.query(2).get('min_offset')).toBe('0');
    expect(store.getState().connection.state).toBe('failed');
    expect(server.requests).toHaveLength(4);
    // What was shown stays through the re-sync.
    expect(store.getState().events.map((e) => e.offset)).toEqual([3]);
  });

  it('keeps what it shows while it loads everything again after a 422', async () => {
    const { server, clock, store, poller, after } = setup();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.events.length));
    server.answer(json([ev({ offset: 0 }), ev({ offset: 1 })]), json({ detail: [] }, 422), after(1000, () => json([ev({ offset: 0 }), ev({ offset: 1 }), ev({ offset: 2 })])));
    poller.start();
    await clock.advance(2000);
    expect(server.query(2).get('min_offset')).toBe('0');
    expect(store.getState().events.map((e) => e.offset)).toEqual([0, 1, 2]);
    // Once shown, the two events never left the timeline.
    expect(Math.min(...seen.slice(seen.indexOf(2)))).toBe(2);
  });

  it('says offline at once, even in the middle of a backoff wait', async () => {
    const environment = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const { server, clock, store, poller } = setup({ environment });
    server.answer('network-error', 'network-error', 'network-error');
    poller.start();
    await clock.advance(3000);
    expect(store.getState().connection.state).toBe('reconnecting');
    environment.navigator.onLine = false;
    environment.dispatchEvent(new Event('offline'));
    await clock.advance(0);
    expect(store.getState().connection.state).toBe('offline');
  });

  it('polls again when started after the page went into the back/forward cache and came back unseen', async () => {
    const environment = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const { server, clock, store, poller } = setup({ environment });
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    environment.dispatchEvent(new Event('pagehide'));
    poller.stop();
    // The page came back while nothing listened; starting again must not wait for a pageshow.
    server.answer(json([ev({ offset: 0 })]));
    poller.start();
    await clock.advance(0);
    expect(store.getState().events).toHaveLength(1);
  });

  it('keeps an idle session for an hour of 504s with one request at a time and no error', async () => {
    const { server, clock, store, errors, poller, after } = setup();
    let inFlight = 0;
    let maxInFlight = 0;
    server.answer(json([]));
    server.otherwise(() => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return after(WAIT * 1000, () => {
        inFlight -= 1;
        return parlant504();
      })();
    });
    poller.start();
    await clock.advance(0);
    for (let t = 0; t < 3600; t += WAIT) await clock.advance(WAIT * 1000);
    expect(server.requests).toHaveLength(2 + 3600 / WAIT);
    expect(maxInFlight).toBe(1);
    expect(errors).toEqual([]);
    expect(store.getState().connection.state).toBe('live');
  });

  it('shortens its wait when a proxy cuts long-polls, so new messages still arrive promptly', async () => {
    const { server, clock, store, poller, after } = setup();
    // The proxy cuts every request at 30 s with its own HTML 504.
    const proxyCut = () => new Response('<html>504 Gateway Time-out</html>', { status: 504, headers: { 'Content-Type': 'text/html' } });
    server.answer(json([]), after(30_000, proxyCut));
    server.otherwise(after(25_000, parlant504));
    poller.start();
    await clock.advance(0);
    await clock.advance(30_000);
    expect(server.query(2).get('wait_for_data')).toBe('28');
    expect(store.getState().connection.state).not.toBe('reconnecting');
    await clock.advance(25_000);
    expect(server.requests).toHaveLength(4);
    expect(server.query(3).get('wait_for_data')).toBe('28');
  });

  it('drops an overdue poll and catches up at once when a hidden tab becomes visible', async () => {
    const environment = Object.assign(new EventTarget(), { document: { visibilityState: 'visible' } });
    const { server, clock, store, poller } = setup({ environment });
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    const stale = server.requests[1] as Request;
    await clock.advance(10 * 60_000); // the tab slept; the long-poll never came back
    server.answer(json([ev({ offset: 0, id: 'missed' })]));
    environment.dispatchEvent(new Event('visibilitychange'));
    await clock.advance(0);
    expect(stale.signal.aborted).toBe(true);
    expect(store.getState().events.map((e) => e.id)).toEqual(['missed']);
  });

  it('on 401 asks the host to refresh credentials and retries exactly once', async () => {
    let refreshed = 0;
    const { server, clock, store, poller } = setup({ onAuthError: () => refreshed++ });
    server.answer(json({ detail: 'expired' }, 401), json([ev({ offset: 0 })]), json({ detail: 'expired' }, 401), json({ detail: 'expired' }, 401));
    poller.start();
    await clock.advance(0);
    expect(refreshed).toBe(2);
    expect(store.getState().events).toHaveLength(1);
    expect(store.getState().connection.state).toBe('unauthorized');
    expect(server.requests).toHaveLength(4);
  });

  it('after stop(); start() the old loop leaves the new one alone: stop() still aborts it and nothing merges after', async () => {
    const { server, clock, store, poller } = setup();
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    poller.stop();
    poller.start();
    await clock.advance(0);
    const second = server.requests.at(-1) as Request;
    expect(second.signal.aborted).toBe(false);
    poller.stop();
    await clock.advance(0);
    expect(second.signal.aborted).toBe(true);
    store.getState().setConnection({ state: 'idle', since: 0 });
    const before = server.requests.length;
    await clock.advance(120_000);
    expect(server.requests).toHaveLength(before);
    expect(store.getState().connection.state).toBe('idle');
  });

  it('merges nothing from an answer that arrives after stop()', async () => {
    const { server, clock, store, poller, after } = setup();
    server.answer(json([]), after(1000, () => json([ev({ offset: 0 })])));
    poller.start();
    await clock.advance(0);
    poller.stop();
    await clock.advance(2000);
    expect(store.getState().events).toEqual([]);
  });

  it('restarted while offline, wakes when the network returns', async () => {
    const environment = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const { server, clock, store, poller } = setup({ environment });
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    environment.navigator.onLine = false;
    environment.dispatchEvent(new Event('offline'));
    await clock.advance(0);
    poller.stop();
    poller.start();
    await clock.advance(0);
    expect(store.getState().connection.state).toBe('offline');
    const before = server.requests.length;
    server.answer(json([ev({ offset: 0 })]));
    environment.navigator.onLine = true;
    environment.dispatchEvent(new Event('online'));
    await clock.advance(0);
    expect(server.requests.length).toBeGreaterThan(before);
    expect(store.getState().events).toHaveLength(1);
    expect(store.getState().connection.state).toBe('live');
  });

  it('waits as a 503 with Retry-After says, with the same cap as everything else', async () => {
    const { server, clock, poller } = setup();
    server.answer(json([]), json({ detail: 'busy' }, 503, { 'Retry-After': '20' }), json({ detail: 'busy' }, 503, { 'Retry-After': '86400' }));
    poller.start();
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    await clock.advance(19_000);
    expect(server.requests).toHaveLength(2);
    await clock.advance(1_000);
    expect(server.requests).toHaveLength(3);
    await clock.advance(299_000);
    expect(server.requests).toHaveLength(3);
    await clock.advance(1_000);
    expect(server.requests).toHaveLength(4);
  });

  it('refuses an event with an impossible offset (reported) and keeps showing what comes after it', async () => {
    const { server, clock, store, errors, poller } = setup();
    server.answer(json([ev({ offset: 0 }), ev({ offset: Number.MAX_SAFE_INTEGER - 1, id: 'absurd' }), ev({ offset: 1 })]));
    poller.start();
    await clock.advance(0);
    expect(server.query(1).get('min_offset')).toBe('2');
    expect(store.getState().events.map((e) => e.id)).toEqual(['e0', 'e1']);
    expect(errors.some((e) => e.kind === 'invalid-response' && /impossible offset/.test(e.message))).toBe(true);
  });

  it('stops asking while a phone freezes the tab, and catches up at once when it resumes', async () => {
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const environment = Object.assign(new EventTarget(), { navigator: { onLine: true }, document });
    const { server, clock, store, poller } = setup({ environment });
    server.answer(json([]));
    poller.start();
    await clock.advance(0);
    const inFlight = server.requests.at(-1) as Request;
    document.dispatchEvent(new Event('freeze'));
    await clock.advance(0);
    expect(inFlight.signal.aborted).toBe(true);
    const frozenAt = server.requests.length;
    await clock.advance(10 * 60_000);
    expect(server.requests).toHaveLength(frozenAt);
    server.answer(json([ev({ offset: 0 })]));
    document.dispatchEvent(new Event('resume'));
    await clock.advance(0);
    expect(store.getState().events).toHaveLength(1);
  });

  it('probes no sooner than every 30 s while offline, however often the browser says so, and never sooner than the server asked', async () => {
    const environment = Object.assign(new EventTarget(), { navigator: { onLine: true } });
    const { server, clock, poller } = setup({ environment });
    server.answer(json([]), json({ detail: 'busy' }, 503, { 'Retry-After': '120' }));
    server.otherwise('network-error');
    poller.start();
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    environment.navigator.onLine = false;
    for (let i = 0; i < 5; i += 1) {
      environment.dispatchEvent(new Event('offline'));
      await clock.advance(1_000);
    }
    await clock.advance(100_000);
    expect(server.requests).toHaveLength(2);
    await clock.advance(20_000);
    expect(server.requests).toHaveLength(3);
  });
});
