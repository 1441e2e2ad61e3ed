import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import { chatboxStory } from './support/chatbox';
import { parlantOf } from './support/emulator';
import { AGENT_REPLY, conversation, messagesBy, sendMessage, sessionIdOf } from './support/play';
import { seedTurns } from './support/seed';

/**
 * The widget when the agent or the server fails: the customer is told plainly (never the server's
 * error text), keeps what they wrote, and has a way on.
 */
const meta = {
  title: 'Widget/When things go wrong',
  ...chatboxStory,
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The agent's turn failed: the customer is told on their message, without the server's error
 * text, and can try again (here the agent recovers).
 */
export const AgentCouldNotReply: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await sendMessage(canvas, userEvent, 'My payment page is broken');
    const alert = await canvas.findByRole('alert', {}, AGENT_REPLY);
    await expect(alert).toHaveTextContent('The agent couldn’t reply to this message.');
    await expect(canvas.queryByText(/Traceback|exception/i)).toBeNull();
    parlantOf(context).emu.setScript('echo');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    const log = conversation(canvas);
    await expect(await log.findByText('My payment page is broken', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    // The agent answered the same message: it was not posted a second time.
    await expect(messagesBy(canvas, 'customer')).toHaveLength(1);
    await expect(canvas.queryByText('The agent couldn’t reply to this message.')).toBeNull();
  },
};

/**
 * The server fails the send (a 503): the message may have landed, so the widget never posts it
 * again on its own. It stays, marked "Not sent", and Retry (which first looks for it on the
 * server) delivers it once.
 */
export const SendFailedThenRetried: Story = {
  parameters: {
    parlant: { seed: (emu) => void emu.faults.fail('POST /sessions/:session_id/events', { status: 503, count: 1 }) },
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await sendMessage(canvas, userEvent, 'Please send me a copy of my invoice');
    await expect(conversation(canvas).getByText('Please send me a copy of my invoice')).toBeVisible();
    const failed = await canvas.findByText('Not sent', {}, AGENT_REPLY);
    const row = within(failed.closest('p') as HTMLElement);
    await expect(row.getByRole('button', { name: 'Delete' })).toBeVisible();
    await userEvent.click(row.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(canvas.queryByText('Not sent')).toBeNull(), AGENT_REPLY);
    const log = conversation(canvas);
    await expect(await log.findByText('Please send me a copy of my invoice', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await expect(log.getAllByText('Please send me a copy of my invoice', { selector: 'p' })).toHaveLength(1);
    // The server, too, got the message exactly once.
    const { emu } = parlantOf(context);
    await expect(emu.events(sessionIdOf(emu)).filter((e) => e.source === 'customer')).toHaveLength(1);
  },
};

/**
 * The server goes down mid-conversation: the header says so at once, and after a 5 s grace
 * period a banner tells the customer the widget keeps trying. The history stays.
 */
export const ServerDown: Story = {
  parameters: {
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      // Closing the emulator answers every request with 503 from now on.
      live: (emu) => emu.close(),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Reconnecting…', {}, AGENT_REPLY)).toBeVisible();
    const banner = await canvas.findByRole('alert', {}, { timeout: 12_000 });
    await expect(banner).toHaveTextContent('Connection lost. Reconnecting…');
    await expect(messagesBy(canvas, 'customer')).toHaveLength(1);
    await expect(messagesBy(canvas, 'agent')).toHaveLength(1);
  },
};

/** The session was deleted on the server: a clear state and a way to start over. */
export const ConversationEnded: Story = {
  parameters: {
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      live: (emu, sessionId) => void emu.deleteSession(sessionId),
    },
  },
  play: async ({ canvas, userEvent }) => {
    const banner = await canvas.findByRole('alert', {}, AGENT_REPLY);
    await expect(banner).toHaveTextContent('This conversation has ended.');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    await expect(canvas.getByText('The chat is unavailable.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start a new conversation' }));
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled());
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByText('Ask us anything. We usually answer right away.')).toBeVisible();
  },
};
