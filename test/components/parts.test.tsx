import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionBanner, MessageList, type ChatMessage, type Connection } from '../../src';

describe('ConnectionBanner', () => {
  const at = (state: Connection['state'], since: number, retryAt?: number): Connection => ({ state, since, ...(retryAt !== undefined && { retryAt }) });
  const show = (connection: Connection, now: number) => render(<ConnectionBanner connection={connection} onRetry={() => {}} onStartOver={() => {}} now={() => now} />);

  it('stays quiet for blips under 5 s', () => {
    show(at('reconnecting', 1000), 5999);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says "Reconnecting…" after 5 s and "can\'t reach" with a countdown and Retry now after 30 s', async () => {
    const { unmount } = show(at('reconnecting', 0), 5000);
    expect(screen.getByRole('alert')).toHaveTextContent('Connection lost. Reconnecting…');
    unmount();
    const onRetry = vi.fn();
    render(<ConnectionBanner connection={at('reconnecting', 0, 42_000)} onRetry={onRetry} onStartOver={() => {}} now={() => 30_000} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Can’t reach the server.');
    expect(screen.getByText('Retrying in 12 s.')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('keeps the countdown out of the alert, so it is not read out again every second', () => {
    const { rerender } = render(<ConnectionBanner connection={at('reconnecting', 0, 42_000)} onRetry={() => {}} onStartOver={() => {}} now={() => 30_000} />);
    const alert = screen.getByRole('alert');
    rerender(<ConnectionBanner connection={at('reconnecting', 0, 42_000)} onRetry={() => {}} onStartOver={() => {}} now={() => 31_000} />);
    expect(screen.getByText('Retrying in 11 s.')).toBeInTheDocument();
    expect(alert).not.toHaveTextContent(/Retrying/);
    expect(screen.getByText('Retrying in 11 s.').closest('[role="alert"], [aria-live]')).toBeNull();
  });

  it('gives no countdown when the time of the next attempt is unknown (another tab polls)', () => {
    render(<ConnectionBanner connection={at('reconnecting', 0)} onRetry={() => {}} onStartOver={() => {}} now={() => 30_000} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Can’t reach the server.');
    expect(screen.queryByText(/Retrying in/)).toBeNull();
  });

  it('says offline at once', () => {
    show(at('offline', 0), 0);
    expect(screen.getByRole('alert')).toHaveTextContent('You’re offline. Waiting for the network…');
  });
});

describe('MessageList scrolling', () => {
  const message = (i: number): ChatMessage => ({
    key: `m${i}`,
    eventId: `m${i}`,
    offset: i,
    traceKey: 't',
    source: 'ai_agent',
    role: 'agent',
    text: `message ${i}`,
    author: 'Haxon',
    createdAt: '2026-06-26T10:15:30Z',
    delivery: 'sent',
    agentFailed: false,
    canRetryReply: false,
    streaming: false,
    preamble: false,
  });

  /** jsdom has no layout: give the scroller a fixed viewport and a content height. */
  function layout(el: HTMLElement, contentHeight: number) {
    Object.defineProperty(el, 'clientHeight', { configurable: true, value: 200 });
    Object.defineProperty(el, 'scrollHeight', { configurable: true, value: contentHeight });
  }

  it('sticks to the bottom as messages arrive, unless the reader scrolled up; then offers a jump back', async () => {
    const list = [message(0), message(1)];
    const { container, rerender } = render(<MessageList messages={list} footnotes={new Map()} />);
    const scroller = container.querySelector('.parlant-scroller') as HTMLElement;
    layout(scroller, 1000);
    rerender(<MessageList messages={[...list, message(2)]} footnotes={new Map()} />);
    expect(scroller.scrollTop).toBe(1000);

    act(() => {
      scroller.scrollTop = 100;
      fireEvent.scroll(scroller);
    });
    layout(scroller, 1200);
    rerender(<MessageList messages={[...list, message(2), message(3), message(4)]} footnotes={new Map()} />);
    expect(scroller.scrollTop).toBe(100);
    const jump = screen.getByRole('button', { name: 'New messages (2)' });
    await userEvent.setup().click(jump);
    expect(scroller.scrollTop).toBe(1200);
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull();
  });

  it('keeps only the latest messages of a long history in the DOM, and brings earlier ones back in order', async () => {
    const history = Array.from({ length: 500 }, (_, i) => message(i));
    const { container } = render(<MessageList messages={history} footnotes={new Map()} />);
    const rows = () => container.querySelectorAll('li.parlant-message');
    expect(rows()).toHaveLength(30);
    expect(rows()[29]).toHaveTextContent('message 499');
    const scroller = container.querySelector('.parlant-scroller') as HTMLElement;
    // Each rendered row is 100 px tall.
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 200 });
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => rows().length * 100 });
    scroller.scrollTop = 3000;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show earlier messages (470 more)' }));
    expect(rows()).toHaveLength(130);
    expect(rows()[0]).toHaveTextContent('message 370');
    // (That the reader's place holds needs real layout: the MessageList stories check it in Chromium.)
    const texts = [...rows()].map((li) => li.textContent);
    expect(texts).toEqual([...texts].sort((a, b) => Number(a?.match(/message (\d+)/)?.[1]) - Number(b?.match(/message (\d+)/)?.[1])));
  });

  it('slides the window while the reader follows the live end, so the DOM stays bounded', () => {
    let list = Array.from({ length: 100 }, (_, i) => message(i));
    const { container, rerender } = render(<MessageList messages={list} footnotes={new Map()} />);
    // Two messages per render: 150 renders in jsdom stay well inside the timeout on a busy machine.
    for (let i = 100; i < 400; i += 2) {
      list = [...list, message(i), message(i + 1)];
      rerender(<MessageList messages={list} footnotes={new Map()} />);
    }
    expect(container.querySelectorAll('li.parlant-message').length).toBeLessThanOrEqual(150);
    expect(container.querySelector('li.parlant-message:last-child')).toHaveTextContent('message 399');
  }, 20_000);

  it('reads out new messages, and only them: not the history, not pages coming back, not a catch-up', async () => {
    const history = Array.from({ length: 300 }, (_, i) => message(i));
    const { container, rerender } = render(<MessageList messages={history} footnotes={new Map()} />);
    const spoken = () => [...(container.querySelector('[aria-live="polite"]')?.children ?? [])].map((p) => p.textContent);
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveAttribute('aria-live', 'off');
    await userEvent.setup().click(screen.getByRole('button', { name: /^Show earlier messages/ }));
    expect(spoken()).toEqual([]);

    const answer = { ...message(300), text: 'Your balance is **$5** ([details](https://bank.example/x))' };
    let list = [...history, answer];
    rerender(<MessageList messages={list} footnotes={new Map()} />);
    expect(spoken()).toEqual(['Haxon: Your balance is $5 (details)']);

    // Your own message is not read back; a streamed answer is read once complete.
    const mine = { ...message(301), role: 'customer' as const, source: 'customer', author: 'You', text: 'thanks' };
    const streaming = { ...message(302), text: 'Anything', streaming: true };
    list = [...list, mine, streaming];
    rerender(<MessageList messages={list} footnotes={new Map()} />);
    expect(spoken()).toHaveLength(1);
    list = [...list.slice(0, -1), { ...streaming, text: 'Anything else?', streaming: false }];
    rerender(<MessageList messages={list} footnotes={new Map()} />);
    expect(spoken()).toEqual(['Haxon: Your balance is $5 (details)', 'Haxon: Anything else?']);

    // Twenty at once is a catch-up after a reconnect, not conversation.
    list = [...list, ...Array.from({ length: 20 }, (_, i) => message(400 + i))];
    rerender(<MessageList messages={list} footnotes={new Map()} />);
    expect(spoken()).toHaveLength(2);
  });

  it('reads out a streamed answer once complete, even when the customer wrote meanwhile', () => {
    const history = [message(0)];
    const { container, rerender } = render(<MessageList messages={history} footnotes={new Map()} />);
    const spoken = () => [...(container.querySelector('[aria-live="polite"]')?.children ?? [])].map((p) => p.textContent);
    const streaming = { ...message(1), text: 'Let me', streaming: true };
    rerender(<MessageList messages={[...history, streaming]} footnotes={new Map()} />);
    const mine = { ...message(2), role: 'customer' as const, source: 'customer', author: 'You', text: 'hurry' };
    rerender(<MessageList messages={[...history, streaming, mine]} footnotes={new Map()} />);
    rerender(<MessageList messages={[...history, { ...streaming, text: 'Let me check that.', streaming: false }, mine]} footnotes={new Map()} />);
    expect(spoken()).toEqual(['Haxon: Let me check that.']);
  });
});
