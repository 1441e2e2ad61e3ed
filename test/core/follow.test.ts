import { describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import { followStreamingMessages } from '../../src/core/follow';
import { createIngest } from '../../src/core/ingest';
import { createTimelineStore } from '../../src/core/timeline';
import { createScriptedFetch, ev } from '../support/scripted-fetch';
import { createVirtualClock } from '../support/virtual-clock';

const writing = (chunks: Array<string | null>) =>
  ev({ id: 'm1', offset: 3, kind: 'message', source: 'ai_agent', data: { message: chunks.filter(Boolean).join(''), participant: { display_name: 'Haxon' }, chunks } });

describe('following a message being written', () => {
  it('leaves nothing behind when stopped during a backoff: no timer, no request', async () => {
    const server = createScriptedFetch();
    const clock = createVirtualClock();
    const store = createTimelineStore('s1');
    const client = createParlantClient({ server: 'http://parlant.test', fetch: server.fetch, clock });
    server.otherwise('network-error');
    store.getState().merge([writing(['Hel'])]);
    const stop = followStreamingMessages({ client, store, ingest: createIngest({ store }), sessionId: 's1', clock });
    await clock.advance(0);
    expect(server.requests).toHaveLength(1);
    expect(clock.pending().length).toBeGreaterThan(0);
    stop();
    expect(clock.pending()).toEqual([]);
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
  });
});
