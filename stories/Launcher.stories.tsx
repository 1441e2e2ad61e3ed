import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { Launcher } from '../src';
import { withPartFrame } from './support/frames';

/**
 * The round button of the floating widget. One name ("Chat") whether open or closed;
 * `aria-expanded` tells which. While closed it counts agent messages that arrived.
 */
const meta = {
  title: 'Parts/Launcher',
  component: Launcher,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false },
  args: { open: false, unread: 0, panelId: 'chat-panel', onClick: fn() },
  // A stand-in for the panel the launcher controls, so `aria-controls` points at something.
  render: (args) => (
    <>
      <section id="chat-panel" aria-label="Chat" hidden={!args.open}>
        <p style={{ margin: '0 0 12px' }}>The chat panel</p>
      </section>
      <Launcher {...args} />
    </>
  ),
} satisfies Meta<typeof Launcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Closed, nothing new. */
export const Closed: Story = {
  play: async ({ args, canvas, userEvent }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat' });
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(launcher).toHaveAttribute('aria-controls', 'chat-panel');
    await userEvent.click(launcher);
    await expect(args.onClick).toHaveBeenCalledOnce();
  },
};

/**
 * Closed, with three unread messages: the badge shows the count and the name says it.
 */
export const ClosedWithUnread: Story = {
  args: { unread: 3 },
  play: async ({ canvas }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat, 3 unread messages' });
    await expect(within(launcher).getByText('3')).toBeVisible();
  },
};

/** Many unread: the badge and the name show the same number (so the visible label is part of the name). */
export const ManyUnread: Story = {
  args: { unread: 120 },
  play: async ({ canvas }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat, 120 unread messages' });
    await expect(within(launcher).getByText('120')).toBeVisible();
  },
};

/** Open: the icon turns into a close cross and no badge shows. */
export const Open: Story = {
  args: { open: true, unread: 4 },
  play: async ({ canvas }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat' });
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(within(launcher).queryByText('4')).toBeNull();
  },
};

/** Dark scheme, with unread messages. */
export const Dark: Story = {
  args: { unread: 1 },
  parameters: { part: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Chat, 1 unread message' })).toBeVisible();
  },
};
