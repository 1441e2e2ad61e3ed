/**
 * The demo page's hints, against the emulator they describe: each suggested phrase must make the
 * emulated agent do what the hint says.
 */
import { describe, expect, it } from 'vitest';
import type { ParlantEvent } from '../../src/core/types';
import { createParlantEmulator } from '../../src/testing';
import { HINTS } from '../../demo/hints';

/** What a turn of each script leaves on the timeline. */
const LEAVES: Record<string, (events: ParlantEvent[]) => boolean> = {
  tool: (events) => events.some((e) => e.kind === 'tool'),
  canned: (events) =>
    events.some((e) => e.kind === 'message' && typeof (e.data as { draft?: unknown }).draft === 'string') &&
    events.some((e) => e.kind === 'status' && JSON.stringify(e.data).includes('"matched_guidelines":[{"id"')),
  multi: (events) => events.filter((e) => e.kind === 'message' && e.source === 'ai_agent').length >= 2,
  stream: (events) => events.some((e) => e.kind === 'message' && Array.isArray((e.data as { chunks?: unknown }).chunks)),
  handoff: (events) => events.some((e) => e.kind === 'message' && e.source === 'human_agent'),
  error: (events) => events.some((e) => e.kind === 'status' && (e.data as { status?: string }).status === 'error'),
};

describe('the demo hints', () => {
  it('suggest phrases that each start a different scripted behaviour', () => {
    const scripts = HINTS.map((hint) => hint.script);
    expect(scripts).not.toContain('echo');
    expect(new Set(scripts).size).toBe(scripts.length);
  });

  for (const hint of HINTS) {
    it(`"${hint.text}" shows ${hint.shows}`, async () => {
      const emu = createParlantEmulator({ timing: { stepMs: 0, handoffMs: 0, slowMs: 0 } });
      const session = emu.createSession();
      emu.customerSay(session.id, hint.text);
      await emu.whenIdle(session.id);
      const leaves = LEAVES[hint.script];
      expect(leaves, `no check for the ${hint.script} script`).toBeDefined();
      expect(leaves?.(emu.events(session.id))).toBe(true);
      emu.close();
    });
  }
});
