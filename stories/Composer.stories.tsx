import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Composer } from '../src';
import { withPartFrame } from './support/frames';
import { hebrewLabels } from './support/locales';

/**
 * Where the customer writes. Enter sends, Shift+Enter starts a new line, the box empties at once
 * on send; over the length limit it says so and does not send.
 */
const meta = {
  title: 'Parts/Composer',
  component: Composer,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false },
  args: { onSend: fn() },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ready to write; Send stays disabled until there is text. */
export const Empty: Story = {
  play: async ({ canvas, userEvent }) => {
    const send = canvas.getByRole('button', { name: 'Send' });
    await expect(send).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), '   ');
    await expect(send).toBeDisabled();
  },
};

/** Enter sends the text and empties the box. */
export const SendWithEnter: Story = {
  play: async ({ args, canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Where is my order?{Enter}');
    await expect(args.onSend).toHaveBeenCalledOnce();
    await expect(args.onSend).toHaveBeenCalledWith('Where is my order?');
    await expect(input).toHaveValue('');
  },
};

/** Shift+Enter adds a line; the Send button sends both lines. */
export const ShiftEnterAddsALine: Story = {
  play: async ({ args, canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'line one{Shift>}{Enter}{/Shift}line two');
    await expect(input).toHaveValue('line one\nline two');
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(args.onSend).toHaveBeenCalledWith('line one\nline two');
  },
};

/** Close to the limit, the remaining characters are counted down. */
export const NearTheLimit: Story = {
  parameters: { part: { maxMessageLength: 20 } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'seventeen letters');
    await expect(canvas.getByText('3 characters left')).toBeVisible();
  },
};

/** Over the limit: an error hint, the box marked invalid, and Enter does nothing. */
export const TooLong: Story = {
  parameters: { part: { maxMessageLength: 20 } },
  play: async ({ args, canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'twenty-one characters{Enter}');
    await expect(canvas.getByText('Message too long: 21 of 20 characters.')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Message too long: 21 of 20 characters.');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(args.onSend).not.toHaveBeenCalled();
    await expect(input).toHaveValue('twenty-one characters');
  },
};

/** When the chat cannot be used, the composer says why and takes no input. */
export const Disabled: Story = {
  args: { disabledReason: 'The chat is unavailable.' },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await expect(input).toBeDisabled();
    await expect(input).toHaveAccessibleDescription('The chat is unavailable.');
  },
};

/** `onSend` returning false keeps the text in the box (the host refused it). */
export const KeptWhenRefused: Story = {
  args: { onSend: fn(() => false) },
  play: async ({ args, canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Try to send me{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('Try to send me');
    await expect(input).toHaveValue('Try to send me');
  },
};

/** Right to left, in Hebrew: the send arrow is mirrored. */
export const RightToLeft: Story = {
  parameters: { part: { dir: 'rtl', labels: hebrewLabels } },
  play: async ({ args, canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'הודעה' });
    await expect(input).toHaveAttribute('placeholder', 'כתבו הודעה…');
    await userEvent.type(input, 'שלום{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('שלום');
    await expect(canvas.getByRole('button', { name: 'שליחה' })).toBeInTheDocument();
  },
};

/** Dark scheme, with a message being written. */
export const Dark: Story = {
  parameters: { part: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};
