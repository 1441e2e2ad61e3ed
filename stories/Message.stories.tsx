import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { Message } from '../src';
import { agentMessage, BALANCE_FOOTNOTE, customerMessage, humanMessage, ORDER_FOOTNOTES, pendingMessage } from './support/fixtures';
import { withPartFrame } from './support/frames';
import { hebrewLabels } from './support/locales';

/**
 * One message: author, time, safe Markdown, delivery state with Retry for the customer's own
 * messages, and tool footnotes for the agent's. Rendered inside the conversation's list.
 */
const meta = {
  title: 'Parts/Message',
  component: Message,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false, part: { list: true, locale: 'en-US' } },
  args: {
    message: agentMessage('Your balance is **$5,000.50**.'),
    footnotes: [],
    showAuthor: true,
    onRetry: fn(),
    onDelete: fn(),
    onRetryReply: fn(),
  },
} satisfies Meta<typeof Message>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The customer's own message, delivered. */
export const FromCustomer: Story = {
  args: { message: customerMessage('What is my balance?') },
  play: async ({ args, canvas }) => {
    const item = canvas.getByRole('listitem');
    await expect(item).toHaveAttribute('data-role', 'customer');
    await expect(within(item).getByText('You')).toBeVisible();
    await expect(item.querySelector('time')).toHaveAttribute('datetime', args.message.createdAt);
  },
};

/** The AI agent, with Markdown. */
export const FromAgent: Story = {
  args: { message: agentMessage('Sure! Here is how:\n\n1. Open **Settings**\n2. Choose *Billing*\n\nSee [the guide](https://docs.example.com/billing).') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Haxon')).toBeVisible();
    await expect(canvas.getByText('Settings')).toHaveProperty('tagName', 'STRONG');
    await expect(canvas.getByRole('link', { name: 'the guide' })).toHaveAttribute('title', 'docs.example.com');
  },
};

/** A human operator: their name and a "Support team" badge. */
export const FromHumanAgent: Story = {
  args: { message: humanMessage("Hi, I'm Dana. I've read the conversation, how can I help?") },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Dana (support)')).toBeVisible();
    await expect(canvas.getByText('Support team')).toBeVisible();
  },
};

/** Not confirmed by the server yet. */
export const Sending: Story = {
  args: { message: pendingMessage('On its way…', 'sending') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Sending…')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Could not be sent: the text stays, with Retry and Delete. */
export const NotSent: Story = {
  args: { message: pendingMessage('Please cancel my subscription', 'failed') },
  play: async ({ args, canvas, userEvent }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Not sent');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledWith(args.message.clientId);
    await userEvent.click(within(alert).getByRole('button', { name: 'Delete' }));
    await expect(args.onDelete).toHaveBeenCalledWith(args.message.clientId);
  },
};

/** Delivered, but the agent's turn failed: Try again asks the agent to answer it again. */
export const AgentCouldNotReply: Story = {
  args: { message: customerMessage('Why was I charged twice?', { agentFailed: true, canRetryReply: true }) },
  play: async ({ args, canvas, userEvent }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('The agent couldn’t reply to this message.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetryReply).toHaveBeenCalledWith(args.message.key);
  },
};

/** An earlier message the agent failed to answer, after the customer moved on: no Try again there. */
export const AgentCouldNotReplyEarlier: Story = {
  args: { message: customerMessage('Why was I charged twice?', { agentFailed: true, canRetryReply: false }) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The agent couldn’t reply to this message.');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** An answer informed by tools: the footnotes sit under it. */
export const WithToolFootnotes: Story = {
  args: { message: agentMessage('Your order **A-1042** has shipped with DHL.'), footnotes: ORDER_FOOTNOTES },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('2 tools used'));
    await expect(canvas.getByText('orders:track_shipment')).toBeVisible();
  },
};

/** Footnotes belong to the agent's messages only; on a customer message they are ignored. */
export const CustomerMessagesHaveNoFootnotes: Story = {
  args: { message: customerMessage('What is my balance?'), footnotes: [BALANCE_FOOTNOTE] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText('1 tool used')).toBeNull();
  },
};

/** Next message of the same author: no name repeated. */
export const Continuation: Story = {
  args: { showAuthor: false, message: agentMessage('Anything else I can help with?') },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText('Haxon')).toBeNull();
  },
};

/** Text in another script follows its own direction (the bubble is `dir="auto"`). */
export const RightToLeftText: Story = {
  args: { message: agentMessage('שלום! ההזמנה שלך **A-1042** נשלחה.') },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.parlant-bubble')).toHaveAttribute('dir', 'auto');
  },
};

/** Dark scheme: a human operator's message and a failed send. */
export const Dark: Story = {
  args: { message: pendingMessage('This one failed', 'failed') },
  parameters: { part: { colorScheme: 'dark', list: true } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Not sent');
  },
};

const feedbackSpy = fn();

/** Under an agent reply: copy it, and (when the host takes feedback) thumbs up or down with an optional reason. */
export const ActionsAndFeedback: Story = {
  args: { message: agentMessage('Your order **A-1042** has shipped.') },
  parameters: { part: { list: true, onFeedback: feedbackSpy } },
  play: async ({ args, canvas, userEvent }) => {
    const actions = canvas.getByRole('group', { name: 'Message actions' });
    await expect(within(actions).getByRole('button', { name: 'Copy message' })).toBeVisible();
    await userEvent.click(within(actions).getByRole('button', { name: 'Helpful' }));
    await expect(feedbackSpy).toHaveBeenLastCalledWith({ messageId: args.message.eventId, traceId: args.message.traceKey, value: 'up' });
    await expect(within(actions).getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Anything to add? (optional)' })).toHaveFocus();
  },
};

/** The same, dark. */
export const ActionsAndFeedbackDark: Story = {
  ...ActionsAndFeedback,
  parameters: { part: { list: true, colorScheme: 'dark', onFeedback: feedbackSpy } },
  globals: { backgrounds: { value: 'dark' } },
};

/** The same, right to left, in Hebrew: the reason form, open. */
export const ActionsAndFeedbackRtl: Story = {
  args: { message: agentMessage('ההזמנה שלך **A-1042** נשלחה.') },
  parameters: { part: { list: true, dir: 'rtl', labels: hebrewLabels, onFeedback: feedbackSpy } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'לא מועיל' }));
    await expect(canvas.getByRole('textbox', { name: 'משהו להוסיף? (לא חובה)' })).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'שליחה' })).toBeVisible();
  },
};

/** Without `onFeedback`: only the copy button. */
export const ActionsWithoutFeedback: Story = {
  args: { message: agentMessage('Here is what I found.') },
  parameters: { part: { list: true } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Copy message' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Helpful' })).toBeNull();
  },
};
