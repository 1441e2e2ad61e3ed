/**
 * Seeds for story emulators: conversations that already happened before the widget mounts.
 */
import { formatMicros, type ParlantEmulator, type SessionSeed } from '../../src/testing';

/**
 * Creates a session and plays real turns of the scripted agent (tool calls, several messages,
 * handoffs… chosen by the words, see `chooseScript`), waiting for each turn to finish.
 * @example const sessionId = await seedTurns(emu, ['Hi!', 'What is my balance?']);
 */
export async function seedTurns(emu: ParlantEmulator, customerTexts: readonly string[], session: SessionSeed = {}): Promise<string> {
  const { id } = emu.createSession(session);
  for (const text of customerTexts) {
    emu.customerSay(id, text);
    await emu.whenIdle(id);
  }
  return id;
}

const CUSTOMER_LINES = [
  'Hi, I have a question about my subscription.',
  'Can I move to the yearly plan?',
  'And what happens to the months I already paid for?',
  'Thanks, that makes sense.',
];
const AGENT_LINES = [
  'Of course! What would you like to know?',
  'Yes: open **Settings → Billing** and pick *Yearly*.',
  'They are credited pro rata to the new plan, so nothing is lost.',
  'Glad I could help. Anything else?',
];

/**
 * Appends `count` messages, customer and agent taking turns, one minute apart and ending now,
 * without running the agent: a long conversation loads instantly.
 * @example seedHistory(emu, emu.createSession().id, 300);
 */
export function seedHistory(emu: ParlantEmulator, sessionId: string, count: number): void {
  const start = Date.now() - count * 60_000;
  for (let i = 0; i < count; i += 1) {
    const fromCustomer = i % 2 === 0;
    const lines = fromCustomer ? CUSTOMER_LINES : AGENT_LINES;
    const text = `${lines[Math.floor(i / 2) % lines.length] ?? ''} (#${i + 1})`;
    // Parlant writes microseconds; so does the emulator.
    const creation_utc = formatMicros((start + i * 60_000) * 1000);
    if (fromCustomer) emu.appendEvent(sessionId, { source: 'customer', message: text, creation_utc });
    else emu.appendEvent(sessionId, { source: 'ai_agent', message: text, creation_utc });
  }
}
