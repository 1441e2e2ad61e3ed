import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParlantChatbox } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();

/** A conversation with a tool call, a human operator and a name that looks like Markdown. */
function seeded() {
  const session = env.emu.createSession();
  env.emu.appendEvent(session.id, { source: 'customer', message: 'Where is order 42?', trace_id: 't1', creation_utc: '2026-06-26T10:15:00.000Z' });
  env.emu.appendEvent(session.id, {
    kind: 'tool',
    source: 'ai_agent',
    trace_id: 't1',
    data: { tool_calls: [{ tool_id: 'shop:track_order', arguments: { order: 42 }, result: { data: { status: 'in `transit`' }, metadata: {}, control: {} } }] },
  });
  env.emu.appendEvent(session.id, { source: 'ai_agent', message: 'It ships **today**.', trace_id: 't1', creation_utc: '2026-06-26T10:15:05.000Z' });
  env.emu.appendEvent(session.id, {
    source: 'human_agent',
    message: 'Dana here:\nanything else?',
    participant: { display_name: '**Dana**' },
    trace_id: 't2',
    creation_utc: '2026-06-26T10:16:00.000Z',
  });
  return session;
}

/** The text of the next file the widget hands the browser to save, and its name. */
function captureDownloads() {
  const saved: Array<{ name: string; type: string; text: Promise<string> }> = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href) as Blob;
    saved.push({ name: this.download, type: blob.type, text: blob.text() });
  });
  return saved;
}

afterEach(() => vi.restoreAllMocks());

/** Resolves once the three messages are on screen. */
const loaded = () => waitFor(() => expect(screen.getByRole('log').querySelectorAll('li[data-role]')).toHaveLength(3));

describe('transcript download', () => {
  it('saves the conversation as Markdown: every message with its author and time, tools under the reply, names kept as text', async () => {
    const saved = captureDownloads();
    const session = seeded();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} downloadTranscript="markdown" />);
    await loaded();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download the conversation' }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^conversation-\d{4}-\d{2}-\d{2}\.md$/);
    expect(saved[0]!.type).toBe('text/markdown;charset=utf-8');
    const text = await saved[0]!.text;
    const blocks = text.split('\n\n**');
    expect(blocks).toHaveLength(3);
    expect(text).toContain('· 2026-06-26T10:15:00.000Z\n\nWhere is order 42?');
    expect(text).toContain('It ships **today**.');
    // The tool result holds a backtick: the inline code around it is fenced longer, so it stays code.
    expect(text).toContain('- Tool `shop:track_order`: `{"order":42}` → `` {"status":"in `transit`"} ``');
    expect(text).toContain('**\\*\\*Dana\\*\\*** · 2026-06-26T10:16:00.000Z\n\nDana here:\nanything else?');
    expect(text.indexOf('Where is order 42?')).toBeLessThan(text.indexOf('It ships'));
  });

  it('offers no download unless asked, and the JSON keeps ids, trace ids and tool calls', async () => {
    const saved = captureDownloads();
    const session = seeded();
    const { unmount } = render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} />);
    await loaded();
    expect(screen.queryByRole('button', { name: 'Download the conversation' })).toBeNull();
    unmount();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: session.id })} downloadTranscript="json" />);
    await loaded();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download the conversation' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/\.json$/);
    const entries = JSON.parse(await saved[0]!.text) as Array<Record<string, unknown>>;
    expect(entries.map((e) => [e.role, e.author, e.traceId])).toEqual([
      ['customer', 'Guest', 't1'],
      ['agent', 'Haxon', 't1'],
      ['human_agent', '**Dana**', 't2'],
    ]);
    expect(entries[1]!.tools).toEqual([{ tool: 'shop:track_order', arguments: { order: 42 }, result: { status: 'in `transit`' } }]);
    expect(entries.every((e) => typeof e.id === 'string' && e.delivery === 'sent')).toBe(true);
  });
});
