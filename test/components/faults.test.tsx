import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ParlantChatbox, type ParlantChatboxProps } from '../../src';
import { serveEmulator, widgetProps } from '../support/msw-emulator';

/**
 * Fault-matrix rows that a user sees, against the emulator's fault injection. Each test states
 * what the customer sees, what went over the wire, and that the transcript ends whole: every
 * message exactly once, in the server's order.
 */
const env = serveEmulator();
const props = (extra: Partial<ParlantChatboxProps> = {}) => widgetProps(env, extra);
const bubbles = () =>
  within(screen.getByRole('log', { name: 'Conversation' }))
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('parlant-message'))
    .map((li) => li.querySelector('.parlant-bubble')?.textContent ?? '');
const serverTexts = (sessionId: string) =>
  env.emu.events(sessionId).flatMap((e) => (e.kind === 'message' ? [(e.data as { message: string }).message] : []));

describe('fault matrix, as the customer sees it', () => {
  it('shows duplicated and reordered poll answers once each, in offset order', async () => {
    const session = env.emu.createSession();
    env.emu.faults.duplicate('GET /sessions/:id/events', { count: Infinity });
    env.emu.faults.reorder('GET /sessions/:id/events', { count: Infinity });
    for (const text of ['one', 'two', 'three', 'four']) env.emu.agentSay(session.id, text);
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    await waitFor(() => expect(bubbles()).toEqual(['one', 'two', 'three', 'four']));
    env.emu.agentSay(session.id, 'five');
    await waitFor(() => expect(bubbles()).toEqual(serverTexts(session.id)));
  });

  it('keeps working through malformed JSON and events of unknown kinds, reporting them to onError', async () => {
    const session = env.emu.createSession();
    const onError = vi.fn();
    env.emu.appendEvent(session.id, { kind: 'hologram' as never, source: 'martian' as never, data: { beam: true } });
    env.emu.agentSay(session.id, 'before');
    env.emu.faults.malformed('GET /sessions/:id/events', { count: 1, body: '[{"id": "x", "offset":' });
    render(<ParlantChatbox {...props({ sessionId: session.id, onError })} />);
    await waitFor(() => expect(bubbles()).toEqual(['before']), { timeout: 4000 });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-response' }));
    env.emu.agentSay(session.id, 'after');
    await waitFor(() => expect(bubbles()).toEqual(['before', 'after']));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('rides out a burst of 503s and shows what arrived meanwhile, once', async () => {
    const session = env.emu.createSession();
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    await waitFor(() => expect(screen.getByText('Online')).toBeInTheDocument());
    env.emu.faults.fail('GET /sessions/:id/events', { status: 503, count: 2 });
    env.emu.agentSay(session.id, 'just before'); // answers the poll in flight; the next two fail
    await waitFor(() => expect(env.emu.requests.filter((r) => r.status === 503)).toHaveLength(1));
    env.emu.agentSay(session.id, 'during the outage');
    await waitFor(() => expect(bubbles()).toEqual(['just before', 'during the outage']), { timeout: 8000 });
    expect(env.emu.requests.filter((r) => r.status === 503)).toHaveLength(2);
  }, 15_000);

  it('marks a message the server rejects (422) as not sent, keeps its text, and does not retry on its own', async () => {
    const session = env.emu.createSession();
    env.emu.faults.fail('POST /sessions/:id/events', { status: 422, body: { detail: [{ type: 'string_too_long', loc: ['body', 'message'], msg: 'too long' }] } });
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Message' }), 'Please check order 42{Enter}');
    expect(await screen.findByText('Not sent')).toBeInTheDocument();
    expect(screen.getByText('The server didn’t accept this message.')).toBeInTheDocument();
    expect(bubbles()).toEqual(['Please check order 42']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(env.emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'))).toHaveLength(1);
    expect(serverTexts(session.id)).toEqual([]);
  });

  it('delivers a message whose first POST got lost after reaching the server exactly once', async () => {
    const session = env.emu.createSession();
    env.emu.faults.drop('POST /sessions/:id/events', { process: true, count: 1 });
    render(<ParlantChatbox {...props({ sessionId: session.id })} />);
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Message' }), 'Only once{Enter}');
    await waitFor(() => expect(bubbles().filter((t) => t === 'Only once')).toHaveLength(1));
    await env.emu.whenIdle(session.id);
    // The agent's reply is Markdown, so compare how many messages, and ours by text.
    await waitFor(() => expect(bubbles()).toHaveLength(serverTexts(session.id).length), { timeout: 5000 });
    expect(bubbles()[0]).toBe('Only once');
    expect(serverTexts(session.id).filter((t) => t === 'Only once')).toHaveLength(1);
    expect(screen.queryByText('Not sent')).not.toBeInTheDocument();
  }, 15_000);

  it('shows no empty bubble for a message event without text, and reports it', async () => {
    const session = env.emu.createSession();
    const onError = vi.fn();
    env.emu.agentSay(session.id, 'before');
    env.emu.appendEvent(session.id, { kind: 'message', source: 'ai_agent', data: { message: { html: '<b>x</b>' }, participant: { display_name: 'Haxon' } } });
    env.emu.appendEvent(session.id, { kind: 'message', source: 'ai_agent', data: { message: 42, participant: { display_name: 'Haxon' } } });
    env.emu.agentSay(session.id, 'after');
    render(<ParlantChatbox {...props({ sessionId: session.id, onError })} />);
    await waitFor(() => expect(bubbles()).toEqual(['before', 'after']));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-response', message: expect.stringMatching(/no text/) }));
  });
});
