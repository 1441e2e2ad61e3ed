import { describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import { createMessageSender } from '../../src/core/sender';
import { createTimelineStore } from '../../src/core/timeline';
import { createTimelineViews } from '../../src/core/views';
import { createScriptedFetch, ev, json } from '../support/scripted-fetch';
import { createVirtualClock } from '../support/virtual-clock';

function setup() {
  const server = createScriptedFetch();
  const clock = createVirtualClock();
  const store = createTimelineStore('s1');
  const client = createParlantClient({ server: 'http://parlant.test', fetch: server.fetch });
  let n = 0;
  const sender = createMessageSender({ client, store, clock, ensureSession: async () => 's1', idFactory: () => `c${++n}` });
  const views = createTimelineViews();
  const messages = () => views.selectMessages(store.getState());
  const posts = () => server.requests.filter((r) => r.method === 'POST');
  /** The server's copy of a posted message, echoing its metadata. */
  const echo = (offset: number) => async (request: Request) => {
    const body = (await request.json()) as { message: string; metadata: Record<string, unknown> };
    return json(ev({ id: `srv${offset}`, offset, kind: 'message', source: 'customer', data: { message: body.message, participant: { display_name: 'Guest' } }, metadata: body.metadata }), 201);
  };
  return { server, clock, store, sender, messages, posts, echo };
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

  it('after an ambiguous failure checks whether the message landed before posting again: one copy on the server', async () => {
    const { server, clock, sender, messages, posts } = setup();
    let landed: Record<string, unknown> | null = null;
    // The POST reaches the server, but the answer is lost.
    server.answer(async (request) => {
      landed = ((await request.json()) as { metadata: Record<string, unknown> }).metadata;
      throw new TypeError('Failed to fetch');
    });
    server.answer(() =>
      json([ev({ id: 'srv0', offset: 0, kind: 'message', source: 'customer', data: { message: 'pay', participant: { display_name: 'G' } }, metadata: landed ?? {} })]),
    );
    sender.send('pay');
    await clock.advance(5000);
    expect(posts()).toHaveLength(1);
    expect(server.query(1).get('source')).toBe('customer');
    expect(server.query(1).get('wait_for_data')).toBe('0');
    expect(messages()).toMatchObject([{ text: 'pay', delivery: 'sent', eventId: 'srv0' }]);
  });

  it('retries a network failure automatically, then marks it failed; retry() sends it once more with the same id', async () => {
    const { server, clock, sender, messages, posts, echo } = setup();
    server.answer('network-error', json([]), 'network-error', json([]), 'network-error');
    const id = sender.send('again') as string;
    await clock.advance(10_000);
    expect(posts()).toHaveLength(3);
    expect(messages()).toMatchObject([{ key: id, delivery: 'failed', text: 'again' }]);
    server.answer(json([]), echo(0));
    sender.retry(id);
    await clock.advance(0);
    expect(posts()).toHaveLength(4);
    const metadata = ((await posts()[3]?.clone().json()) as { metadata: Record<string, unknown> }).metadata;
    expect(metadata.client_message_id).toBe(id);
    expect(messages()).toMatchObject([{ key: id, delivery: 'sent' }]);
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
});
