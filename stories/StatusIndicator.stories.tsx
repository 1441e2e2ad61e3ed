import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusIndicator } from '../src';
import { withPartFrame } from './support/frames';

/**
 * What the agent is doing, under the last message, announced politely to screen readers (a
 * `status` live region that is always present, so announcements are not lost).
 */
const meta = {
  title: 'Parts/StatusIndicator',
  component: StatusIndicator,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false },
  args: { activity: { state: 'idle' }, agentName: 'Haxon' },
} satisfies Meta<typeof StatusIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing going on: the live region is there, and empty. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};

/** The customer's message is posted but the agent has not picked it up yet. */
export const Waiting: Story = {
  args: { activity: { state: 'waiting' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Waiting for a reply…');
  },
};

/** Thinking, without a stage. */
export const Thinking: Story = {
  args: { activity: { state: 'thinking' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Thinking…');
  },
};

/** Thinking, with the stage Parlant reports. */
export const ThinkingWithStage: Story = {
  args: { activity: { state: 'thinking', stage: 'Fetching data' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Thinking (fetching data)…');
  },
};

/** Typing, with the agent's name. */
export const Typing: Story = {
  args: { activity: { state: 'typing' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Haxon is typing…');
  },
};

/** An error is shown on the message it belongs to, never here. */
export const ErrorShowsNothing: Story = {
  args: { activity: { state: 'error' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};

/** Labels in German. */
export const German: Story = {
  args: { activity: { state: 'typing' }, agentName: 'Hanna' },
  parameters: {
    part: {
      labels: {
        typing: (name: string) => `${name} schreibt…`,
        thinking: (stage: string | undefined) => (stage ? `Denkt nach (${stage})…` : 'Denkt nach…'),
        waiting: 'Warte auf eine Antwort…',
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Hanna schreibt…');
  },
};

/** Dark scheme. */
export const Dark: Story = {
  args: { activity: { state: 'thinking', stage: 'Interpreting' } },
  parameters: { part: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Thinking (interpreting)…');
  },
};
