import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import { chatboxStory, floatingLayout as floating, withToolConversation } from './support/chatbox';
import { HostPage } from './support/frames';
import { AGENT_REPLY, conversation, sendMessage } from './support/play';
import { seedTurns } from './support/seed';

/**
 * The floating variant: a launcher in a corner of the page and a panel above it, opened and
 * closed from the keyboard as well as the mouse.
 */
const meta = {
  title: 'Widget/Floating',
  ...chatboxStory,
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The floating launcher, closed, counting agent messages that arrived meanwhile. */
export const FloatingClosedWithUnread: Story = {
  args: { variant: 'floating' },
  parameters: {
    ...floating,
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      live: async (emu, sessionId) => {
        // Arrive after the history: these are news, the history is not.
        await new Promise((resolve) => setTimeout(resolve, 300));
        emu.agentSay(sessionId, 'Are you still there?');
        emu.agentSay(sessionId, 'Your order **A-1042** has shipped.');
      },
    },
  },
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas }) => {
    const launcher = await canvas.findByRole('button', { name: 'Chat, 2 unread messages' }, AGENT_REPLY);
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(within(launcher).getByText('2')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
  },
};

/** The floating panel, open over the page, in the middle of a conversation. */
export const FloatingOpen: Story = {
  args: { variant: 'floating', defaultOpen: true },
  parameters: {
    ...floating,
    parlant: withToolConversation,
    screenshot: { file: 'widget-floating.png', selector: '[data-host-page]', viewport: { width: 960, height: 780 } },
  },
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'Haxon' }, AGENT_REPLY)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Close chat' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Chat' })).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(conversation(canvas).getByText('A-1042')).toBeVisible(), AGENT_REPLY);
  },
};

/**
 * Keyboard use of the floating widget: opening puts focus in the message box, Escape closes and
 * returns focus to the launcher, Enter opens it again.
 */
export const FloatingKeyboard: Story = {
  args: { variant: 'floating' },
  parameters: floating,
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas, userEvent }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat' });
    await userEvent.click(launcher);
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await sendMessage(canvas, userEvent, 'Hi!');
    await expect(await conversation(canvas).findByText('Hi!', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(launcher).toHaveFocus();
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  },
};
