import { describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import { createIngest } from '../../src/core/ingest';
import { watchPage } from '../../src/core/page';
import { createMessageSender } from '../../src/core/sender';
import { createTimelineStore } from '../../src/core/timeline';
import { createTimelineViews } from '../../src/core/views';
import { createScriptedFetch, ev, json } from '../support/scripted-fetch';
import { createVirtualClock } from '../support/virtual-clock';

/** A page whose network comes and goes when the test says. */
function fakePage(online = true) {
  const target = new EventTarget() as EventTarget & { navigator: { onLine: boolean } };
  target.navigator = { onLine: online };
  return {
    page: watchPage(target),
    go(state: 'online' | 'offline') {
      target.navigator.onLine = state === 'online';
      target.dispatchEvent(new Event(state));
    },
  };
}

function setup(network = fakePage()) {
  const server = createScriptedFetch();
  const clock = createVirtualClock();
  const store = createTimelineStore('s1');
  const client = createParlantClient({ server: 'http://parlant.test', fetch: server.fetch, clock });
  let n = 0;
  const ingest = createIngest({ store });
  const sender = createMessageSender({ client, store, ingest, clock, page: network.page, startSession: async () => 's1', idFactory: () => `c${++n}` });
  sender.start();
  const views = createTimelineViews();
  const messages = () => views.selectMessages(store.getState());
  const posts = () => server.requests.filter((r) => r.method === 'POST');
  /** The server's copy of a posted message, echoing its metadata. */
  const echo = (offset: number) => async (request: Request) => {
    const body = (await request.json()) as { message: string; metadata: Record<string, unknown> };
    return json(ev({ id: `srv${offset}`, offset, kind: 'message', source: 'customer', data: { message: body.message, participant: { display_name: 'Guest' } }, metadata: body.metadata }), 201);
  };
  return { server, clock, store, sender, messages, posts, echo, network };
}

describe('message sender', () => {
  it('shows the message at once as sending, then confirmed by the POST answer, under the same key', async () => {
    const { server, clock, sender, messages, echo } = setup();
    server.answer(echo(0));
    const id = sender.send('Hello');
    expect(messages()).toMatchObject([{ key: id, text: 'Hello', delivery: 'sending' }]);
    await clock.advance(0);
    expect(messages()).toMatchObject([{ key: id, text: 'Hello', delivery: 'sent', eventId: 'srv0', offset: 0 }]);
    const body = await server.requests[0]?.clone().json();
    expect(body).toEqual({ kind: 'message', source: 'customer', message: 'Hello', metadata: { client_message_id: id } });
  });

  it('shows a message once when the poll delivers it before the POST returns', async () => {
    const { server, clock, store, sender, messages } = setup();
    let release: (r: Response) => void = () => {};
    server.answer(() => new Promise<Response>((resolve) => (release = resolve)));
    const id = sender.send('Hi') as string;
    await clock.advance(0);
    const serverCopy = ev({ id: 'srv0', offset: 0, kind: 'message', source: 'customer', data: { message: 'Hi', participant: { display_name: 'Guest' } }, metadata: { client_message_id: id } });
    store.getState().merge([serverCopy as never]);
    expect(messages()).toHaveLength(1);
    release(json(serverCopy, 201));
    await clock.advance(0);
    expect(messages()).toMatchObject([{ key: id, delivery: 'sent' }]);
  });

  it('ignores empty and whitespace-only text without a request', async () => {
    const { server, clock, sender } = setup();
    expect(sender.send('   \n ')).toBeNull();
    await clock.advance(0);
    expect(server.requests).toHaveLength(0);
  });

  it('replaces a lone surrogate before sending instead of getting a 422', async () => {
    const { server, clock, sender, echo } = setup();
    server.answer(echo(0));
    sender.send('a\uD800b');
    await clock.advance(0);
    expect(((await server.requests[0]?.clone().json()) as { message: string }).message).toBe('a\uFFFDb');
  });

  it('sends in order, one at a time', async () => {
    const { server, clock, sender, posts, echo } = setup();
    server.answer(echo(0), echo(1), echo(2));
    sender.send('one');
    sender.send('two');
    sender.send('three');
    await clock.advance(0);
    const texts = await Promise.all(posts().map(async (r) => ((await r.clone().json()) as { message: string }).message));
    expect(texts).toEqual(['one', 'two', 'three']);
  });

  it('marks a 422 failed at once, keeping the text and the reason, with no automatic retry', async () => {
    const { server, clock, sender, messages, posts } = setup();
    server.answer(json({ detail: "Missing 'message' field for event" }, 422));
    sender.send('x');
    await clock.advance(60_000);
    expect(posts()).toHaveLength(1);
    expect(messages()[0]).toMatchObject({ text: 'x', delivery: 'failed' });
    expect(messages()[0]?.error?.detail).toBe("Missing 'message' field for event");
  });

  it('never posts again on its own after a lost answer; an explicit Retry finds the copy that landed: one copy on the server', async () => {
    const { server, clock, sender, messages, posts } = setup();
    let landed: Record<string, unknown> | null = null;
    // The POST reaches the server, but the answer is lost.
    server.answer(async (request) => {
      landed = ((await request.json()) as { metadata: Record<string, unknown> }).metadata;
      throw new TypeError('Failed to fetch');
    });
    const id = sender.send('pay') as string;
    await clock.advance(120_000);
    expect(posts()).toHaveLength(1);
    expect(messages()).toMatchObject([{ text: 'pay', delivery: 'failed' }]);
    server.answer(() =>
      json([ev({ id: 'srv0', offset: 0, kind: 'message', source: 'customer', data: { message: 'pay', participant: { display_name: 'G' } }, metadata: landed ?? {} })]),
    );
    sender.retry(id);
    await clock.advance(0);
    expect(posts()).toHaveLength(1);
    expect(server.query(1).get('source')).toBe('customer');
    expect(server.query(1).get('wait_for_data')).toBe('0');
    expect(messages()).toMatchObject([{ text: 'pay', delivery: 'sent', eventId: 'srv0' }]);
  });

  it('treats a POST that times out as ambiguous: no second POST ever, and the late copy confirms it once', async () => {
    const { server, clock, store, sender, messages, posts } = setup();
    // The server stores the message only after 25 s, past the 20 s client timeout.
    server.answer('hang');
    const id = sender.send('slow') as string;
    await clock.advance(20_000);
    expect(messages()).toMatchObject([{ key: id, delivery: 'failed' }]);
    await clock.advance(5_000);
    store.getState().merge([ev({ id: 'srv3', offset: 3, kind: 'message', source: 'customer', data: { message: 'slow', participant: { display_name: 'G' } }, metadata: { client_message_id: id } }) as never]);
    await clock.advance(600_000);
    expect(posts()).toHaveLength(1);
    expect(messages()).toMatchObject([{ key: id, delivery: 'sent', eventId: 'srv3' }]);
  });

  it('after an explicit Retry, a late first copy and the retried one show once (merged by client message id)', async () => {
    const { server, clock, store, sender, messages, posts, echo } = setup();
    server.answer('hang');
    const id = sender.send('twice') as string;
    await clock.advance(20_000);
    server.answer(json([]), echo(5));
    sender.retry(id);
    await clock.advance(0);
    expect(posts()).toHaveLength(2);
    // The first copy lands after all, at a lower offset.
    store.getState().merge([ev({ id: 'srv4', offset: 4, kind: 'message', source: 'customer', data: { message: 'twice', participant: { display_name: 'G' } }, metadata: { client_message_id: id } }) as never]);
    expect(messages()).toMatchObject([{ key: id, eventId: 'srv4', delivery: 'sent' }]);
  });

  it('waits as a 429 says, but never more than five minutes, then sends on its own; stop() cancels the wait', async () => {
    const { server, clock, sender, messages, posts, echo } = setup();
    server.answer(json({ detail: 'Rate limit exceeded' }, 429, { 'Retry-After': '3600' }), echo(0));
    sender.send('patience');
    await clock.advance(0);
    expect(messages()[0]?.delivery).toBe('queued');
    await clock.advance(299_000);
    expect(posts()).toHaveLength(1);
    await clock.advance(1_000);
    expect(posts()).toHaveLength(2);
    expect(messages()[0]?.delivery).toBe('sent');

    server.answer(json({ detail: 'Rate limit exceeded' }, 429));
    sender.send('later');
    await clock.advance(0);
    sender.stop();
    expect(clock.pending()).toEqual([]);
    await clock.advance(600_000);
    expect(posts()).toHaveLength(3);
  });

  it('holds messages typed offline and sends them, in order, when the network returns', async () => {
    const network = fakePage(false);
    const { server, clock, sender, messages, posts, echo } = setup(network);
    server.answer(echo(0), echo(1));
    sender.send('one');
    sender.send('two');
    await clock.advance(60_000);
    expect(posts()).toHaveLength(0);
    expect(messages().map((m) => m.delivery)).toEqual(['queued', 'queued']);
    network.go('online');
    await clock.advance(0);
    expect(posts()).toHaveLength(2);
    expect(messages().map((m) => `${m.text}:${m.delivery}`)).toEqual(['one:sent', 'two:sent']);
  });

  it('stops looking for a message on the server when stopped (no request finishes into a stopped sender)', async () => {
    const { server, clock, sender, messages } = setup();
    server.answer('network-error');
    const id = sender.send('check') as string;
    await clock.advance(0);
    server.answer('hang');
    sender.retry(id);
    await clock.advance(0);
    const check = server.requests.at(-1) as Request;
    expect(new URL(check.url).searchParams.get('source')).toBe('customer');
    sender.stop();
    await clock.advance(0);
    expect(check.signal.aborted).toBe(true);
    expect(messages()[0]?.delivery).not.toBe('sent');
  });

  it('a late echo upgrades a failed message to sent', async () => {
    const { server, clock, store, sender, messages } = setup();
    server.answer(json({ detail: 'bad' }, 400));
    const id = sender.send('late') as string;
    await clock.advance(0);
    expect(messages()[0]?.delivery).toBe('failed');
    store.getState().merge([ev({ id: 'srv9', offset: 9, kind: 'message', source: 'customer', data: { message: 'late', participant: { display_name: 'G' } }, metadata: { client_message_id: id } }) as never]);
    expect(messages()).toMatchObject([{ key: id, delivery: 'sent', offset: 9 }]);
  });

  it('keeps the wait a 429 asked for across stop() and start()', async () => {
    const { server, clock, sender, posts, echo } = setup();
    server.answer(json({ detail: 'Rate limit exceeded' }, 429, { 'Retry-After': '30' }), echo(0));
    sender.send('patience');
    await clock.advance(1_000);
    sender.stop();
    sender.start();
    await clock.advance(20_000);
    expect(posts()).toHaveLength(1);
    await clock.advance(10_000);
    expect(posts()).toHaveLength(2);
  });
});
