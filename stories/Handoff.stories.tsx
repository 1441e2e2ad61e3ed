import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import type { ParlantEmulator } from '../src/testing';
import type { ParlantParameters } from './support/emulator';
import { hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation } from './support/play';
import { seedTurns } from './support/seed';
import { chatboxStory } from './support/chatbox';

/**
 * A human operator takes the conversation over, and gives it back: the header says who the
 * customer is talking to (and tells screen readers when that changes), the operator's typing shows
 * under their name, and the agent's own statuses never show while a human has the conversation.
 */
const meta = {
  title: 'Widget/Handoff',
  ...chatboxStory,
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

const OPERATOR = { source: 'human_agent' as const, participant: { display_name: 'Dana (support)' } };

/** A conversation the agent handed to Dana, who has answered once. */
const handedOver: ParlantParameters = {
  startsAt: '2026-06-26T09:41:00Z',
  seed: async (emu) => ({ sessionId: await seedTurns(emu, ['I would like to talk to a human, please']) }),
};

const header = (canvasElement: HTMLElement) => within(canvasElement.querySelector('header') as HTMLElement);
const activity = (canvasElement: HTMLElement) => canvasElement.querySelector('.parlant-status') as HTMLElement;

/** Dana has the conversation: the header says so, the list marks the moment. */
export const HumanTookOver: Story = {
  parameters: { parlant: handedOver },
  play: async ({ canvasElement }) => {
    await expect(await header(canvasElement).findByText('You’re now chatting with Dana (support)', {}, AGENT_REPLY)).toBeVisible();
    await expect(conversation(within(canvasElement)).getByText('Dana (support) joined the conversation')).toBeVisible();
  },
};

/** The same, dark. */
export const HumanTookOverDark: Story = {
  ...HumanTookOver,
  args: { colorScheme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** The same, right to left, in Hebrew. */
export const HumanTookOverRtl: Story = {
  args: { dir: 'rtl', labels: hebrewLabels },
  parameters: { parlant: handedOver },
  play: async ({ canvasElement }) => {
    await expect(await header(canvasElement).findByText('את/ה משוחח/ת כעת עם Dana (support)', {}, AGENT_REPLY)).toBeVisible();
  },
};

/** Dana's console says she is typing; a late status of the agent's changes nothing. */
export const OperatorTyping: Story = {
  parameters: {
    parlant: {
      ...handedOver,
      live: (emu: ParlantEmulator, sessionId: string) => {
        emu.appendEvent(sessionId, { kind: 'status', source: 'ai_agent', status: 'processing', statusData: { stage: 'Interpreting' } });
        emu.appendEvent(sessionId, { kind: 'status', source: 'human_agent', status: 'typing' });
      },
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(activity(canvasElement)).toHaveTextContent('Dana (support) is typing…'), AGENT_REPLY);
    await expect(activity(canvasElement)).not.toHaveTextContent(/Thinking/);
  },
};

/** Dana hands back; the agent answers the next message, and the list says it is back. */
export const BackToTheAgent: Story = {
  parameters: {
    parlant: {
      startsAt: '2026-06-26T09:41:00Z',
      seed: async (emu) => {
        const sessionId = await seedTurns(emu, ['I would like to talk to a human, please']);
        emu.agentSay(sessionId, 'Done on my side, handing you back to Haxon.', OPERATOR);
        emu.setMode(sessionId, 'auto');
        emu.customerSay(sessionId, 'Thanks!');
        await emu.whenIdle(sessionId);
        return { sessionId };
      },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await conversation(within(canvasElement)).findByText('Haxon is back in the conversation', {}, AGENT_REPLY)).toBeVisible();
    await expect(header(canvasElement).queryByText(/now chatting with/)).toBeNull();
  },
};
