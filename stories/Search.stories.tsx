import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import { DEFAULT_AGENT_ID, type ParlantEmulator } from '../src/testing';
import { disposeParlant, PARLANT_ORIGIN, parlantLoader, parlantOf, type ParlantParameters } from './support/emulator';
import { hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation } from './support/play';
import { seedHistory } from './support/seed';

/**
 * Search in the conversation: the header's search button (or Ctrl/Cmd+F in the widget) finds text
 * in every message, not only the rendered ones, says "n of m", and brings each message found into
 * view with the text marked. Enter steps back in time, Shift+Enter forward, Escape closes.
 */
const meta = {
  title: 'Widget/Search',
  component: ParlantChatbox,
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
  args: { server: PARLANT_ORIGIN, agentId: DEFAULT_AGENT_ID },
  render: (args, context) => {
    const { server, sessionId } = parlantOf(context);
    return <ParlantChatbox {...args} server={server} {...(sessionId && { sessionId })} />;
  },
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 1,000 messages; the first one, far from the 30 rendered, holds an order number in bold. */
const longConversation: ParlantParameters = {
  startsAt: '2026-06-26T09:41:00Z',
  seed: (emu: ParlantEmulator) => {
    const { id } = emu.createSession();
    emu.appendEvent(id, { source: 'ai_agent', message: 'Your order **A-1234** left the warehouse.', creation_utc: '2026-06-25T09:00:00.000000Z' });
    seedHistory(emu, id, 1000);
    return { sessionId: id };
  },
};

/** Inside the conversation's visible area, not merely in the DOM. */
function inView(canvasElement: HTMLElement, element: HTMLElement): boolean {
  const view = (canvasElement.querySelector('.parlant-scroller') as HTMLElement).getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

const current = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-search-hit="current"]');

/** Finds the very first message of 1,000, outside the rendered window, and shows it marked. */
export const FindsAnyMessage: Story = {
  parameters: { parlant: longConversation },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await conversation(canvas).findByText(/\(#1000\)$/, {}, AGENT_REPLY);
    await expect(conversation(canvas).queryByText(/A-1234/)).toBeNull();
    const open = canvas.getByRole('button', { name: 'Search the conversation' });
    await userEvent.click(open);
    const field = canvas.getByRole('searchbox', { name: 'Search the conversation' });
    await expect(field).toHaveFocus();
    await userEvent.type(field, 'a-1234');
    await waitFor(() => expect(canvas.getByText('1 of 1')).toBeVisible(), AGENT_REPLY);
    const mark = await within(canvasElement).findByText('A-1234', { selector: 'mark' });
    await waitFor(() => expect(mark).toBeVisible());
    await expect(current(canvasElement)).toContainElement(mark);
    await expect(inView(canvasElement, mark)).toBe(true);

    // A message rendered already, but out of view: scrolled to.
    await userEvent.clear(field);
    await userEvent.paste('(#25)');
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('(#25)'));
    await waitFor(() => expect(inView(canvasElement, current(canvasElement) as HTMLElement)).toBe(true));

    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('searchbox')).toBeNull();
    await expect(open).toHaveFocus();
  },
};

/** Many messages found: Enter steps to earlier ones, Shift+Enter back, each outlined in turn. */
export const StepsThroughResults: Story = {
  parameters: { parlant: longConversation },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await conversation(canvas).findByText(/\(#1000\)$/, {}, AGENT_REPLY);
    await userEvent.click(canvas.getByRole('button', { name: 'Search the conversation' }));
    await userEvent.type(canvas.getByRole('searchbox'), 'yearly plan');
    await waitFor(() => expect(canvas.getByText('1 of 125')).toBeVisible(), AGENT_REPLY);
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('(#995)'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.getByText('2 of 125')).toBeVisible());
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('(#987)'));
    // Rendered already but above the view: scrolled to.
    await waitFor(() => expect(inView(canvasElement, current(canvasElement) as HTMLElement)).toBe(true));
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(canvas.getByText('1 of 125')).toBeVisible());
    await userEvent.click(canvas.getByRole('button', { name: 'Earlier result' }));
    await waitFor(() => expect(canvas.getByText('2 of 125')).toBeVisible());
  },
};

/** In Hebrew, right to left: every text of the search comes from the labels. */
export const RightToLeft: Story = {
  args: { labels: hebrewLabels, dir: 'rtl', locale: 'he-IL' },
  parameters: { parlant: longConversation },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await within(canvasElement).findByText(/\(#1000\)$/, {}, AGENT_REPLY);
    await userEvent.click(canvas.getByRole('button', { name: 'חיפוש בשיחה' }));
    await userEvent.type(canvas.getByRole('searchbox', { name: 'חיפוש בשיחה' }), 'A-1234');
    await waitFor(() => expect(canvas.getByText('1 מתוך 1')).toBeVisible(), AGENT_REPLY);
    await expect(canvas.getByRole('button', { name: 'סגירת החיפוש' })).toBeVisible();
  },
};
