/**
 * Contract test: the official TypeScript SDK (parlant-client 3.3.1) against the emulator over
 * real HTTP. The SDK validates every response against its own schemas, so a field of the wrong
 * type or a missing required field fails here.
 */
import { Parlant, ParlantClient, ParlantError } from 'parlant-client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_ID } from '../../src/testing/emulator';
import { serverFactory } from './helpers';

const serve = serverFactory();

async function pollUntil(client: ParlantClient, sessionId: string, done: (events: Parlant.Event[]) => boolean): Promise<Parlant.Event[]> {
  const events: Parlant.Event[] = [];
  let minOffset = 0;
  for (let round = 0; round < 50 && !done(events); round += 1) {
    try {
      const batch = await client.sessions.listEvents(sessionId, { minOffset, waitForData: 1 }, { maxRetries: 0, timeoutInSeconds: 5 });
      events.push(...batch);
      minOffset = Math.max(minOffset, ...batch.map((e) => e.offset + 1));
    } catch (error) {
      // 504 is the normal "nothing new yet" answer of a long-poll.
      if (!(error instanceof Parlant.GatewayTimeoutError)) throw error;
    }
  }
  return events;
}

describe('parlant-client 3.3.1 against the emulator', () => {
  it('reads agents and customers', async () => {
    const s = await serve();
    const client = new ParlantClient({ environment: s.url });
    const agents = await client.agents.list();
    expect(agents.map((a) => a.id)).toEqual([DEFAULT_AGENT_ID]);
    const agent = await client.agents.retrieve(DEFAULT_AGENT_ID);
    expect(agent).toMatchObject({ name: 'Haxon', compositionMode: 'fluid', messageOutputMode: 'block', maxEngineIterations: 3 });
    const guest = await client.customers.retrieve('guest');
    expect(guest.name).toBe('Guest');
    expect(guest.creationUtc).toBeInstanceOf(Date);
    const alice = await client.customers.create({ name: 'Alice', metadata: { tier: 'gold' } });
    expect((await client.customers.retrieve(alice.id)).metadata).toEqual({ tier: 'gold' });
  });

  it('creates a session, posts a customer message, long-polls the reply, reads it back', async () => {
    const s = await serve();
    const client = new ParlantClient({ environment: s.url });
    const session = await client.sessions.create({ agentId: DEFAULT_AGENT_ID, title: 'Contract' });
    expect(session).toMatchObject({ agentId: DEFAULT_AGENT_ID, customerId: 'guest', mode: 'auto', title: 'Contract', consumptionOffsets: { client: 0 } });
    expect(session.creationUtc).toBeInstanceOf(Date);

    const posted = await client.sessions.createEvent(session.id, { kind: 'message', source: 'customer', message: 'What is my balance?', metadata: { client_message_id: 'c-1' } });
    expect(posted).toMatchObject({ kind: 'message', source: 'customer', offset: 0, deleted: false, metadata: { client_message_id: 'c-1' } });
    expect(posted.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(posted.correlationId).toBe(posted.traceId);

    const events = await pollUntil(client, session.id, (list) => list.some((e) => e.kind === 'message' && e.source === 'ai_agent'));
    const reply = events.find((e) => e.kind === 'message' && e.source === 'ai_agent');
    expect(reply).toBeDefined();
    expect(reply?.traceId).toBe(posted.traceId);
    expect((reply?.data as { message: string }).message).toContain('5,000.50');
    expect(events.some((e) => e.kind === 'tool' && e.traceId === posted.traceId)).toBe(true);

    const again = await client.sessions.readEvent(session.id, reply?.id as string);
    expect(again.id).toBe(reply?.id);
    expect(again.offset).toBe(reply?.offset);
    const messages = await client.sessions.listEvents(session.id, { kinds: 'message', waitForData: 0 }, { maxRetries: 0 });
    expect(messages.map((e) => e.source)).toEqual(['customer', 'ai_agent']);
  });

  it('surfaces 504, 404 and 422 the way the SDK maps them', async () => {
    const s = await serve();
    const client = new ParlantClient({ environment: s.url });
    const session = await client.sessions.create({ agentId: DEFAULT_AGENT_ID });
    await expect(client.sessions.listEvents(session.id, { minOffset: 0, waitForData: 1 }, { maxRetries: 0 })).rejects.toBeInstanceOf(Parlant.GatewayTimeoutError);
    const gone = await client.sessions.retrieve('nope', { maxRetries: 0 }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ParlantError);
    expect((gone as ParlantError).statusCode).toBe(404);
    const bad = await client.sessions.createEvent(session.id, { kind: 'message', source: 'customer' }).catch((e: unknown) => e);
    expect((bad as ParlantError).statusCode).toBe(422);
    expect((bad as ParlantError).body).toEqual({ detail: "Missing 'message' field for event" });
    const noAgent = await client.sessions.create({ agentId: 'ghost' }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect((noAgent as ParlantError).statusCode).toBe(404);
  });

  it('updates and deletes a session', async () => {
    const s = await serve({ agents: [{ id: DEFAULT_AGENT_ID, name: 'Haxon', greeting: 'Welcome!' }] });
    const client = new ParlantClient({ environment: s.url });
    const session = await client.sessions.create({ agentId: DEFAULT_AGENT_ID, allowGreeting: true });
    const updated = await client.sessions.update(session.id, { mode: 'manual', consumptionOffsets: { client: 3 }, labels: { upsert: ['vip'] } });
    expect(updated).toMatchObject({ mode: 'manual', consumptionOffsets: { client: 3 }, labels: ['vip'] });
    await s.emu.whenIdle(session.id);
    const greeting = await client.sessions.listEvents(session.id, { waitForData: 0, source: 'ai_agent', kinds: 'message' }, { maxRetries: 0 });
    expect(greeting).toHaveLength(1);
    await client.sessions.delete(session.id);
    await expect(client.sessions.retrieve(session.id, { maxRetries: 0 })).rejects.toMatchObject({ statusCode: 404 });
  });
});
