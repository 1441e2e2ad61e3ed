import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { MessageList, StatusIndicator, type ChatMessage, type MessageListProps } from '../src';
import { agentMessage, BALANCE_FOOTNOTE, customerMessage, humanMessage, longHistory, pendingMessage } from './support/fixtures';
import { withPartFrame } from './support/frames';

const question = customerMessage('What is my balance?');
const answer = agentMessage('Your balance is **$5,000.50**.', { traceKey: 'trace-balance' });
const followUp = agentMessage('Anything else I can help with?', { traceKey: 'trace-balance' });
const wantsHuman = customerMessage('Can I talk to a person?');
const handover = agentMessage("I'm handing you over to a colleague.", { traceKey: 'trace-handoff' });
const dana = humanMessage("Hi, I'm Dana from support. How can I help?");

/**
 * The conversation as an ARIA log. It sticks to the bottom as messages arrive unless the reader
 * scrolled up; then a "New messages" button takes them down. It marks the moment a human joins.
 */
const meta = {
  title: 'Parts/MessageList',
  component: MessageList,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false, part: { height: 520 } },
  args: { messages: [], footnotes: new Map(), onRetry: fn(), onDelete: fn(), onRetryReply: fn() },
} satisfies Meta<typeof MessageList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages: the `empty` content shows. */
export const Empty: Story = {
  args: { empty: <p>Ask us anything. We usually answer right away.</p> },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Ask us anything. We usually answer right away.')).toBeVisible();
    await expect(within(canvas.getByRole('log', { name: 'Conversation' })).queryAllByRole('listitem')).toHaveLength(0);
  },
};

/**
 * A whole exchange: a tool-informed answer in two messages (the name once), then a handoff,
 * marked where the operator joins.
 */
export const Conversation: Story = {
  args: {
    messages: [question, answer, followUp, wantsHuman, handover, dana],
    footnotes: new Map([['trace-balance', [BALANCE_FOOTNOTE]]]),
  },
  play: async ({ canvas }) => {
    const log = within(canvas.getByRole('log', { name: 'Conversation' }));
    await expect(log.getAllByText('Haxon')).toHaveLength(2);
    await expect(log.getAllByText('1 tool used')).toHaveLength(2);
    await expect(log.getByText('Dana (support) joined the conversation')).toBeVisible();
  },
};

/** The status line is the list's footer, under the last message. */
export const WithStatusLine: Story = {
  args: { messages: [question], footer: <StatusIndicator activity={{ state: 'typing' }} agentName="Haxon" /> },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Haxon is typing…');
  },
};

/** The customer's messages in every delivery state, with their actions. */
export const DeliveryStates: Story = {
  args: {
    messages: [
      customerMessage('Why was I charged twice?', { agentFailed: true, canRetryReply: true }),
      pendingMessage('Hello? Anyone there?', 'failed'),
      pendingMessage('I will wait.', 'sending'),
    ],
  },
  play: async ({ args, canvas, userEvent }) => {
    const [agentFailed, notSent] = canvas.getAllByRole('alert');
    await userEvent.click(within(agentFailed as HTMLElement).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetryReply).toHaveBeenCalledWith(args.messages[0]?.key);
    await userEvent.click(within(notSent as HTMLElement).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledWith(args.messages[1]?.clientId);
    await expect(canvas.getByText('Sending…')).toBeVisible();
  },
};

/**
 * A long history keeps only the latest 30 messages in the DOM, pinned to the bottom; earlier ones
 * come back a page at a time, without moving what the reader is looking at. At most 200 are in the
 * DOM at once: reading further back lets the newest ones go, and a button brings them back.
 */
export const LongHistory: Story = {
  args: { messages: longHistory(300) },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const log = within(canvas.getByRole('log', { name: 'Conversation' }));
    await expect(log.getAllByRole('listitem')).toHaveLength(30);
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    // Reading back to the first rendered message brings the previous page in, and what the
    // reader saw stays put.
    const firstShown = log.getAllByRole('listitem')[0] as HTMLElement;
    scroller.scrollTop += firstShown.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const top = firstShown.getBoundingClientRect().top;
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(130));
    await expect(Math.abs(firstShown.getBoundingClientRect().top - top)).toBeLessThan(2);
    // The button does the same for keyboard and screen-reader users; the newest messages go.
    await userEvent.click(canvas.getByRole('button', { name: /^Show earlier messages/ }));
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(200));
    await expect(within(log.getAllByRole('listitem')[0] as HTMLElement).getByText('Question number 36')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show later messages (30 more)' })).toBeVisible();
    // "Latest messages" takes the reader back to the end of the conversation.
    await userEvent.click(canvas.getByRole('button', { name: 'Latest messages' }));
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(30));
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    await expect(canvas.getByText(/^Answer number 150,/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Latest messages|Show later/ })).toBeNull();
  },
};

/** A row's place in the conversation: question k is 2k - 2, answer k is 2k - 1. */
const place = (item: HTMLElement) => {
  const [, kind, n] = /(Question|Answer) number (\d+)/.exec(item.querySelector('.parlant-bubble')?.textContent ?? '') ?? [];
  return kind === 'Question' ? 2 * Number(n) - 2 : 2 * Number(n) - 1;
};

/** The rendered rows in DOM order: always one unbroken, chronological run of the conversation. */
function expectChronological(rows: HTMLElement[]) {
  const places = rows.map(place);
  places.forEach((p, i) => i > 0 && expect(p - (places[i - 1] as number)).toBe(1));
}

const home = (el: HTMLElement) => el.scrollTo({ top: 0 });
const end = (el: HTMLElement) => el.scrollTo({ top: el.scrollHeight });
const pageUp = (el: HTMLElement) => el.scrollBy({ top: -0.875 * el.clientHeight });
const pageDown = (el: HTMLElement) => el.scrollBy({ top: 0.875 * el.clientHeight });

/** Lets the page paint `n` frames (scroll events and resize observers have run by then). */
const frames = async (n = 2) => {
  for (let i = 0; i < n; i += 1) await new Promise(requestAnimationFrame);
};

/** The message rows (fast: no role computation per step; the last check of a walk uses roles). */
const rowsOf = (scroller: HTMLElement) => [...scroller.querySelectorAll<HTMLElement>('.parlant-log > li')];

/**
 * Scrolls the list step by step until `done()`, checking the window after every step. `scroll`
 * moves the scroll position as a key would (PageUp, Home, …): the browser scrolls, the widget only
 * reacts to the scroll position, so that is what is exercised.
 */
async function walk(
  scroller: HTMLElement,
  scroll: (el: HTMLElement) => void,
  done: () => boolean,
  moved: (delta: number) => void,
): Promise<number> {
  let most = 0;
  for (let i = 0; i < 1000 && !done(); i += 1) {
    const rows = rowsOf(scroller);
    most = Math.max(most, rows.length);
    const top = scroller.getBoundingClientRect().top;
    const seen = rows.find((row) => row.getBoundingClientRect().bottom > top + 1);
    const before = seen?.getBoundingClientRect().top ?? 0;
    scroll(scroller);
    await frames();
    // A jump (the view went past the rendered messages) replaces the rows: nothing to compare.
    if (seen?.isConnected) moved(seen.getBoundingClientRect().top - before);
  }
  const rows = within(scroller).getAllByRole('listitem');
  if (!done()) throw new Error(`stuck at scrollTop ${scroller.scrollTop} of ${scroller.scrollHeight} (view ${scroller.clientHeight}), ${rows.length} rows from "${rows[0]?.textContent}" to "${rows.at(-1)?.textContent}"; buttons: ${within(scroller).queryAllByRole("button").map((b) => b.textContent).join(", ")}`);
  expectChronological(rows);
  return Math.max(most, rows.length);
}

/**
 * 3,000 messages read from the last to the first and back the fastest way (Home, End): the
 * scrollbar spans the whole conversation, so each is one gesture; the DOM never holds more than
 * 200 rows, and they are always one chronological run (what a screen reader reads).
 */
export const ThousandsOfMessages: Story = {
  args: { messages: longHistory(3_000) },
  play: async ({ canvas, canvasElement }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    const atTop = () => canvas.queryByText(/^Question number 1$/) !== null && scroller.scrollTop === 0;
    const atEnd = () => canvas.queryAllByRole('button', { name: /Show later|Latest/ }).length === 0;
    // One gesture each way: a single move of the scroll position to the top shows the first
    // message, a single one to the end the last (the jump is waited for, never helped by another).
    home(scroller);
    await waitFor(() => expect(atTop()).toBe(true));
    expectChronological(rowsOf(scroller));
    end(scroller);
    await waitFor(() => expect(atEnd()).toBe(true));
    expectChronological(rowsOf(scroller));
    // And walked again, step by step: never more than 200 rows, always one run.
    const most = Math.max(await walk(scroller, home, atTop, () => {}), await walk(scroller, end, atEnd, () => {}));
    await expect(most).toBeLessThanOrEqual(200);
    await expect(atEnd()).toBe(true);
    await waitFor(() => expect(canvas.getByText(/^Answer number 1500,/)).toBeVisible());
  },
};

/** The first row at least partly in view, and its distance from the top of the view. */
function firstInView(scroller: HTMLElement): { row: HTMLElement; offset: number } {
  const top = scroller.getBoundingClientRect().top;
  const row = rowsOf(scroller).find((r) => r.getBoundingClientRect().bottom > top + 1) as HTMLElement;
  return { row, offset: row.getBoundingClientRect().top - top };
}

/**
 * The scrollbar spans all of 10,000 messages: moving the scroll position where dragging the
 * thumb puts it (the top, the middle) shows the messages there in one step, with at most a
 * screenful of rows in the DOM, in order.
 */
export const ScrollbarSpansEverything: Story = {
  args: { messages: longHistory(10_000) },
  play: async ({ canvas, canvasElement }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    // Thousands of rows' worth of scrollbar, not the 30 rendered.
    await expect(scroller.scrollHeight).toBeGreaterThan(100 * scroller.clientHeight);
    scroller.scrollTop = 0;
    await waitFor(() => expect(canvas.getByText(/^Question number 1$/)).toBeVisible());
    expectChronological(rowsOf(scroller));
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
    await waitFor(() => expect(Math.abs(place(firstInView(scroller).row) - 5_000)).toBeLessThan(300));
    const rows = rowsOf(scroller);
    expectChronological(rows);
    await expect(rows.length).toBeLessThanOrEqual(60);
  },
};

/**
 * While the pointer holds the thumb the list corrects nothing (an earlier row grows and the
 * content moves, the scroll position does not); once it lets go, the reader's row is kept in
 * place again when rows above change.
 */
export const NoCorrectionWhileHeld: Story = {
  args: { messages: longHistory(3_000) },
  play: async ({ canvasElement }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    scroller.scrollTop = scroller.scrollHeight * 0.4;
    await waitFor(() => expect(firstInView(scroller).row).toBeTruthy());
    await frames();
    // The thumb is the scroll container itself under the pointer.
    scroller.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse', buttons: 1 }));
    const held = scroller.scrollTop;
    (rowsOf(scroller)[0] as HTMLElement).style.paddingTop = '240px';
    await frames(3);
    await expect(scroller.scrollTop).toBe(held);
    window.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerType: 'mouse' }));
    await new Promise((done) => setTimeout(done, 400));
    const before = firstInView(scroller);
    (rowsOf(scroller)[1] as HTMLElement).style.paddingTop = '300px';
    await frames(3);
    const after = firstInView(scroller);
    await expect(after.row).toBe(before.row);
    await expect(Math.abs(after.offset - before.offset)).toBeLessThan(2);
  },
};

/**
 * Reading back a view at a time (PageUp) through 400 messages and down again (PageDown): when a
 * page of messages comes in or goes, the row on screen moves only as far as the reader scrolled
 * (at most one view), never by the height of the page that was added or removed.
 */
export const KeyboardThroughPages: Story = {
  args: { messages: longHistory(400) },
  play: async ({ canvas, canvasElement }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    const view = scroller.clientHeight + 1;
    const up = await walk(scroller, pageUp, () => scroller.scrollTop === 0 && canvas.queryByText(/^Question number 1$/) !== null, (delta) => {
      expect(delta).toBeGreaterThanOrEqual(-1);
      expect(delta).toBeLessThanOrEqual(view);
    });
    await expect(canvas.getByText(/^Question number 1$/)).toBeVisible();
    const down = await walk(scroller, pageDown, () => canvas.queryAllByRole('button', { name: /Show later|Latest/ }).length === 0, (delta) => {
      expect(delta).toBeLessThanOrEqual(1);
      expect(delta).toBeGreaterThanOrEqual(-view);
    });
    await expect(Math.max(up, down)).toBeLessThanOrEqual(200);
  },
};

/**
 * Content above the reader changes size (an earlier answer is edited to something much longer):
 * the message they are reading stays where it is.
 */
export const EarlierMessageGrows: Story = {
  render: (args) => <GrowingEarlierMessage {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(0));
    const reading = canvas.getByText(/^Answer number 35,/);
    reading.scrollIntoView({ block: 'center' });
    await frames(); // the scroll event: the list notes where the reader is
    const top = reading.getBoundingClientRect().top;
    await userEvent.click(canvas.getByRole('button', { name: 'Make an earlier answer longer' }));
    await expect(await canvas.findByText(/A much longer answer/)).toBeInTheDocument();
    await frames(); // what the reader sees: a painted frame
    await expect(Math.abs(reading.getBoundingClientRect().top - top)).toBeLessThan(2);
  },
};

function GrowingEarlierMessage(props: Omit<MessageListProps, 'messages'>) {
  const [messages, setMessages] = useState<ChatMessage[]>(() => longHistory(80));
  const grow = () =>
    setMessages((list) => list.map((m, i) => (i === 53 ? { ...m, text: `A much longer answer.\n\n${'More text to read. '.repeat(80)}` } : m)));
  return (
    <>
      <button type="button" onClick={grow} style={{ alignSelf: 'flex-start', marginBottom: 8 }}>
        Make an earlier answer longer
      </button>
      <MessageList {...props} messages={messages} />
    </>
  );
}

/** A list that receives messages on demand, to show what happens while the reader scrolled up. */
function GrowingConversation(props: Omit<MessageListProps, 'messages'>) {
  const [messages, setMessages] = useState<ChatMessage[]>(() => longHistory(20));
  const receive = () => setMessages((list) => [...list, agentMessage(`New answer ${list.length - 19}`)]);
  return (
    <>
      <button type="button" onClick={receive} style={{ alignSelf: 'flex-start', marginBottom: 8 }}>
        Receive a message
      </button>
      <MessageList {...props} messages={messages} />
    </>
  );
}

/**
 * Reading older messages while new ones arrive: the list does not jump; a "New messages" button
 * counts them and takes the reader down.
 */
export const NewMessagesWhileScrolledUp: Story = {
  render: ({ messages: _messages, ...args }) => <GrowingConversation {...args} />,
  play: async ({ canvas, canvasElement, userEvent }) => {
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(0));
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event('scroll'));
    await userEvent.click(canvas.getByRole('button', { name: 'Receive a message' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Receive a message' }));
    await expect(scroller.scrollTop).toBe(0);
    await userEvent.click(await canvas.findByRole('button', { name: 'New messages (2)' }));
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    await expect(canvas.queryByRole('button', { name: /New messages/ })).toBeNull();
    await expect(canvas.getByText('New answer 2')).toBeVisible();
  },
};

/** Dark scheme. */
export const Dark: Story = {
  args: {
    messages: [question, answer, wantsHuman, handover, dana],
    footnotes: new Map([['trace-balance', [BALANCE_FOOTNOTE]]]),
    footer: <StatusIndicator activity={{ state: 'thinking', stage: 'Interpreting' }} agentName="Haxon" />,
  },
  parameters: { part: { colorScheme: 'dark', height: 520 } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Dana (support) joined the conversation')).toBeVisible();
  },
};
