import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ToolFootnotes } from '../src';
import { BALANCE_FOOTNOTE, ORDER_FOOTNOTES } from './support/fixtures';
import { withPartFrame } from './support/frames';

/**
 * The tools whose results informed an agent message, under that message: collapsed to their
 * names, expanding to each call's arguments and result as plain text.
 */
const meta = {
  title: 'Parts/ToolFootnotes',
  component: ToolFootnotes,
  tags: ['autodocs'],
  decorators: [withPartFrame],
  parameters: { frame: false },
  args: { footnotes: [BALANCE_FOOTNOTE] },
} satisfies Meta<typeof ToolFootnotes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One call, opened: the arguments and the result, as indented JSON. */
export const OneTool: Story = {
  play: async ({ canvas, userEvent }) => {
    const summary = canvas.getByText('1 tool used');
    await expect(canvas.getByText('get_balance')).toBeVisible();
    await expect(canvas.queryByText('Arguments')).not.toBeVisible();
    await userEvent.click(summary);
    await expect(canvas.getByText('Arguments')).toBeVisible();
    await expect(canvas.getByText('bank:get_balance')).toBeVisible();
    await expect(canvas.getByText(/"balance": 5000\.5/)).toBeVisible();
    await expect(canvas.getByText(/"currency": "USD"/)).toBeVisible();
  },
};

/** Several calls in one turn, listed by name; opened they appear in call order. */
export const SeveralTools: Story = {
  args: { footnotes: ORDER_FOOTNOTES, open: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('2 tools used')).toBeVisible();
    await expect(canvas.getByText('find_order, track_shipment')).toBeVisible();
    const calls = within(canvas.getByRole('list')).getAllByRole('listitem');
    await expect(calls.map((call) => call.querySelector('code')?.textContent)).toEqual(['orders:find_order', 'orders:track_shipment']);
  },
};

/** A huge result is cut at 4,000 characters so it cannot flood the chat. */
export const HugeResultIsCut: Story = {
  args: {
    open: true,
    footnotes: [{ ...BALANCE_FOOTNOTE, key: 'huge', toolId: 'crm:export', name: 'export', result: { rows: 'x'.repeat(10_000) } }],
  },
  play: async ({ canvasElement }) => {
    const result = canvasElement.querySelectorAll('pre')[1] as HTMLElement;
    await expect(result.textContent?.length).toBeLessThanOrEqual(4002);
    await expect(result.textContent?.endsWith('…')).toBe(true);
  },
};

/** Tool output is data: markup in a result is shown as text, never parsed. */
export const MarkupInResultStaysText: Story = {
  args: {
    open: true,
    footnotes: [{ ...BALANCE_FOOTNOTE, key: 'markup', result: '<img src=x onerror="window.__pwned=1"><b>bold?</b>' }],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('<img src=x onerror="window.__pwned=1"><b>bold?</b>')).toBeVisible();
    await expect(canvasElement.querySelector('img, b')).toBeNull();
  },
};

/** No tool calls: nothing is rendered. */
export const NoTools: Story = {
  args: { footnotes: [] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('details')).toBeNull();
  },
};

/** Dark scheme, opened. */
export const Dark: Story = {
  args: { footnotes: ORDER_FOOTNOTES, open: true },
  parameters: { part: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText('Result')).toHaveLength(2);
  },
};
