import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import type { ParlantEmulator } from '../src/testing';
import { parlantOf, type ParlantParameters } from './support/emulator';
import { HostPage } from './support/frames';
import { hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation } from './support/play';
import { seedTurns } from './support/seed';
import { chatboxStory, floatingLayout } from './support/chatbox';

/** Where the customer stopped reading: right after the agent's first answer. */
const readOffsetOf = (emu: ParlantEmulator, sessionId: string) => emu.events(sessionId).filter((e) => e.kind === 'message' && e.source === 'ai_agent')[0]?.offset ?? -1;

/**
 * Unread messages, local first: the launcher counts what arrived since the customer last looked
 * (`readOffset` brings back a position `onReadChange` reported on an earlier visit), and opening
 * the panel puts a "New messages" line above the first of them. Here the customer read the first
 * answer and left; two messages came after.
 */
const meta = {
  title: 'Widget/Unread',
  ...chatboxStory,
  args: { ...chatboxStory.args, variant: 'floating' },
  parameters: floatingLayout,
  render: (args, context) => {
    const { server, sessionId, emu } = parlantOf(context);
    return (
      <HostPage>
        <ParlantChatbox {...args} server={server} {...(sessionId && { sessionId, readOffset: readOffsetOf(emu, sessionId) })} />
      </HostPage>
    );
  },
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

const cameBack: ParlantParameters = {
  startsAt: '2026-06-26T09:41:00Z',
  seed: async (emu) => {
    const sessionId = await seedTurns(emu, ['Where is my order?']);
    emu.agentSay(sessionId, 'Are you still there?');
    emu.agentSay(sessionId, 'Your order **A-1042** has shipped.');
    return { sessionId };
  },
};

/** Closed: the launcher counts the two messages the customer has not seen. */
export const CountOnTheLauncher: Story = {
  parameters: { parlant: cameBack },
  play: async ({ canvas }) => {
    const launcher = await canvas.findByRole('button', { name: 'Chat, 2 unread messages' }, AGENT_REPLY);
    await expect(within(launcher).getByText('2')).toBeVisible();
  },
};

/** Opened: a line above the first new message; the count is gone. */
export const NewMessagesLine: Story = {
  parameters: { parlant: cameBack },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Chat, 2 unread messages' }, AGENT_REPLY));
    const rows = conversation(canvas).getAllByRole('listitem');
    const line = rows.findIndex((row) => row.textContent === 'New messages');
    await expect(rows[line]).toBeVisible();
    await expect(rows[line + 1]).toHaveTextContent('Are you still there?');
    await expect(rows[line - 1]).not.toHaveAttribute('data-role', 'customer');
  },
};

/** The same, dark. */
export const NewMessagesLineDark: Story = {
  ...NewMessagesLine,
  args: { colorScheme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** The same, right to left, in Hebrew. */
export const NewMessagesLineRtl: Story = {
  args: { dir: 'rtl', labels: hebrewLabels },
  parameters: { parlant: cameBack },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: /2/ }, AGENT_REPLY));
    await expect(await canvas.findByText('הודעות חדשות')).toBeVisible();
  },
};
