import { describe, expect, it } from 'vitest';
import { createParlantClient } from '../../src/core/client';
import { createChatSession } from '../../src/core/session';
import { createParlantEmulator, type EmulatorOptions } from '../../src/testing';
import { createVirtualClock } from '../support/virtual-clock';

/** A conversation on the core alone, against the emulator, all on one virtual clock. */
function conversation(options: EmulatorOptions = {}) {
  const clock = createVirtualClock();
  const emu = createParlantEmulator({ timers: clock, now: clock.now, ...options });
  const client = createParlantClient({ server: emu.baseUrl, fetch: emu.fetch, clock });
  const session = emu.createSession();
  const chat = createChatSession({ client, agentId: emu.defaultAgentId, sessionId: session.id, clock, environment: null, waitForData: 10 });
  chat.start();
  const activity = () => chat.views.selectAgentActivity(chat.store.getState()).state;
  return { clock, emu, chat, session, activity, close: () => (chat.stop(), emu.close()) };
}

describe('a conversation, as the real server shapes it', () => {
  it('stops waiting when an operator switched the session to manual, though no event says so', async () => {
    const { clock, chat, emu, session, activity, close } = conversation();
    await clock.advance(100);
    emu.setMode(session.id, 'manual');
    chat.send('is anyone there?');
    await clock.advance(1_000);
    expect(activity()).toBe('waiting');
    await clock.advance(10_000);
    expect(chat.store.getState().session?.mode).toBe('manual');
    expect(activity()).toBe('idle');
    close();
  });

  it('stops waiting once anyone answers for the agent in manual mode', async () => {
    const { clock, chat, emu, session, activity, close } = conversation();
    emu.setMode(session.id, 'manual');
    chat.send('hello?');
    await clock.advance(500);
    emu.agentSay(session.id, 'Hi, this is the agent speaking through Dana', { source: 'human_agent_on_behalf_of_ai_agent' });
    await clock.advance(500);
    expect(activity()).toBe('idle');
    close();
  });
});
