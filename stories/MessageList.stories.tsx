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
  args: { messages: [], footnotes: new Map(), onRetry: fn(), onDiscard: fn(), onResend: fn() },
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
      customerMessage('Why was I charged twice?', { agentFailed: true }),
      pendingMessage('Hello? Anyone there?', 'failed'),
      pendingMessage('I will wait.', 'sending'),
    ],
  },
  play: async ({ args, canvas, userEvent }) => {
    const [agentFailed, notSent] = canvas.getAllByRole('alert');
    await userEvent.click(within(agentFailed as HTMLElement).getByRole('button', { name: 'Try again' }));
    await expect(args.onResend).toHaveBeenCalledWith('Why was I charged twice?');
    await userEvent.click(within(notSent as HTMLElement).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledWith(args.messages[1]?.clientId);
    await expect(canvas.getByText('Sending…')).toBeVisible();
  },
};

/** 300 messages: the list opens at the latest one. */
/**
 * A long history keeps only the latest 60 messages in the DOM, pinned to the bottom; earlier ones
 * come back a page at a time, without moving what the reader is looking at.
 */
export const LongHistory: Story = {
  args: { messages: longHistory(300) },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const log = within(canvas.getByRole('log', { name: 'Conversation' }));
    await expect(log.getAllByRole('listitem')).toHaveLength(60);
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
    // Reading back to the top brings the previous page in, and what the reader saw stays put.
    const firstShown = log.getAllByRole('listitem')[0] as HTMLElement;
    scroller.scrollTop = 0;
    const top = firstShown.getBoundingClientRect().top;
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(160));
    await expect(Math.abs(firstShown.getBoundingClientRect().top - top)).toBeLessThan(2);
    // The button does the same for keyboard and screen-reader users.
    await userEvent.click(canvas.getByRole('button', { name: /^Show earlier messages/ }));
    await waitFor(() => expect(log.getAllByRole('listitem').length).toBeGreaterThanOrEqual(260));
  },
};

/** A list that receives messages on demand, to show what happens while the reader scrolled up. */
function GrowingConversation(props: Omit<MessageListProps, 'messages'>) {
  const [messages, setMessages] = useState<ChatMessage[]>(() => longHistory(40));
  const receive = () => setMessages((list) => [...list, agentMessage(`New answer ${list.length - 39}`)]);
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
