import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { ConnectionBanner } from '../src';
import { withPartFrame } from './support/frames';
import { frenchLabels } from './support/locales';

/** A clock standing still 40 s into the page's life, so each story shows one moment. */
const NOW = 40_000;

/**
 * Tells the customer the truth about the connection, with what they can do. Blips under 5 s show
 * nothing; the server's own error text is never shown. Times come from `now`, fixed here.
 */
const meta = {
  title: 'Parts/ConnectionBanner',
  component: ConnectionBanner,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false },
  args: { connection: { state: 'live', since: 0 }, onRetry: fn(), onStartOver: fn(), now: () => NOW },
} satisfies Meta<typeof ConnectionBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Reconnecting for 2 s: not worth a word yet. */
export const BriefBlip: Story = {
  args: { connection: { state: 'reconnecting', since: NOW - 2_000 } },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** Reconnecting for 10 s. */
export const Reconnecting: Story = {
  args: { connection: { state: 'reconnecting', since: NOW - 10_000 } },
  play: async ({ canvas }) => {
    const banner = canvas.getByRole('alert');
    await expect(banner).toHaveTextContent('Connection lost. Reconnecting…');
    await expect(within(banner).queryByRole('button')).toBeNull();
  },
};

/** Down for 40 s: a countdown to the next try, and a way to try now. */
export const ServerUnreachable: Story = {
  args: { connection: { state: 'reconnecting', since: 0, retryAt: NOW + 12_000 } },
  play: async ({ args, canvas, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Can’t reach the server.');
    // The countdown is beside the alert, not in it: it changes every second and is not read out each time.
    await expect(canvas.getByText('Retrying in 12 s.')).toBeVisible();
    await expect(canvas.getByRole('alert')).not.toHaveTextContent(/Retrying/);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** The browser is offline: said at once. */
export const Offline: Story = {
  args: { connection: { state: 'offline', since: NOW } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('You’re offline. Waiting for the network…');
  },
};

/** The conversation is gone on the server: start a new one. */
export const Ended: Story = {
  args: { connection: { state: 'ended', since: NOW } },
  play: async ({ args, canvas, userEvent }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('This conversation has ended.');
    await userEvent.click(canvas.getByRole('button', { name: 'Start a new conversation' }));
    await expect(args.onStartOver).toHaveBeenCalledOnce();
  },
};

/** The server refused the widget (401/403). */
export const Unauthorized: Story = {
  args: { connection: { state: 'unauthorized', since: NOW } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('You’re not allowed to use this chat right now.');
    await expect(canvas.getByRole('button', { name: 'Retry now' })).toBeVisible();
  },
};

/** A request the server will never accept: the chat cannot connect. */
export const Failed: Story = {
  args: { connection: { state: 'failed', since: NOW } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The chat can’t connect. Please try again later.');
  },
};

/** In French. */
export const French: Story = {
  args: { connection: { state: 'reconnecting', since: 0, retryAt: NOW + 5_000 } },
  parameters: { part: { labels: frenchLabels } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Serveur injoignable.');
    await expect(canvas.getByText('Nouvel essai dans 5 s.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Réessayer maintenant' })).toBeVisible();
  },
};

/** Dark scheme, ended. */
export const Dark: Story = {
  args: { connection: { state: 'ended', since: NOW } },
  parameters: { part: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('This conversation has ended.');
  },
};
