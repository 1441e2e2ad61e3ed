import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ParlantChatbox, type ParlantChatboxProps } from '../src';
import { Inspector } from '../src/inspect';
import { DEFAULT_AGENT_ID, seededRandom } from '../src/testing';
import { disposeParlant, PARLANT_ORIGIN, parlantLoader, parlantOf, type ParlantParameters } from './support/emulator';
import { hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation } from './support/play';
import { seedTurns } from './support/seed';

/** The widget with inspect mode as a switch (the `inspect` prop given `Inspector`, or nothing). */
function InspectableChatbox({ inspect, ...props }: Omit<ParlantChatboxProps, 'inspect'> & { inspect: boolean }) {
  return <ParlantChatbox {...props} {...(inspect && { inspect: Inspector })} />;
}

/**
 * Inspect mode, for the people who build the agent: under each message, its trace; under an agent
 * reply, how it was written (a canned response and its draft), the turn's tool calls, and the
 * `ready` status that ended the turn with the guidelines and journeys it says matched; the
 * moderation of the customer's message. Turn it on and off with the `inspect` control. In these
 * stories the agent answers "canned" with a canned response, and customer messages are moderated.
 */
const meta = {
  title: 'Widget/Inspect',
  component: InspectableChatbox,
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
  args: { server: PARLANT_ORIGIN, agentId: DEFAULT_AGENT_ID, inspect: true },
  argTypes: {
    inspect: { control: 'boolean', description: 'Inspect mode: `inspect={Inspector}` from `parlant-chatbox/inspect`.' },
    server: { control: false },
  },
  render: (args, context) => {
    const { server, sessionId } = parlantOf(context);
    return <InspectableChatbox {...args} server={server} {...(sessionId && { sessionId })} />;
  },
} satisfies Meta<typeof InspectableChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

const REPLY = /return any item within/;

/** A turn answered with a canned response, after a tool call, a guideline and a journey matched. */
const cannedTurn: ParlantParameters = {
  startsAt: '2026-06-26T09:41:00Z',
  // Moderated customer messages; fixed ids, so the pictures change only with the widget.
  options: { moderation: 'auto', random: seededRandom(20) },
  seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Show me a canned response']) }),
};

/** The row of the conversation whose bubble shows this text (an inspector merely quoting it does not count). */
async function messageWith(canvasElement: HTMLElement, text: string | RegExp, logName = 'Conversation'): Promise<HTMLElement> {
  const bubble = await conversation(within(canvasElement), logName).findByText(text, { ignore: 'script, style, details *' }, AGENT_REPLY);
  return bubble.closest('li[data-role]') as HTMLElement;
}

/**
 * Opens a message's inspector. Its summary takes the focus (the browser opens a `<details>` on
 * Enter or Space; simulated key presses do not reach that native behaviour, so it is clicked).
 */
async function openInspector(message: HTMLElement, name: string): Promise<HTMLElement> {
  const summary = within(message).getByText(name).closest('summary') as HTMLElement;
  const details = summary.closest('details') as HTMLElement;
  summary.focus();
  await expect(summary).toHaveFocus();
  await expect(details).not.toHaveAttribute('open');
  await userEvent.click(summary);
  await waitFor(() => expect(details).toHaveAttribute('open'));
  return details;
}

/** The reply's inspector, opened: the canned response and its draft, the tool call, what matched. */
export const CannedReply: Story = {
  parameters: {
    parlant: cannedTurn,
    frame: { width: 480, height: 900, padding: 20, background: '#e9edf2' },
    screenshot: { file: 'inspect-light.png', selector: '[data-story-frame]' },
  },
  play: async ({ canvasElement }) => {
    const reply = await messageWith(canvasElement, REPLY);
    const inspector = within(await openInspector(reply, 'Inspect'));
    await expect(await inspector.findByText('Matched guidelines: gl_return_window', {}, AGENT_REPLY)).toBeVisible();
    await expect(inspector.getByText('Matched journeys: jr_returns')).toBeVisible();
    await expect(inspector.getByText('Items can be sent back within 30 days after delivery, and the label is free.')).toBeVisible();
    await expect(inspector.getByText('orders:return_policy')).toBeVisible();
    await expect(inspector.getByText('Not flagged by moderation')).toBeVisible();
    // For the picture: the reply at the top, its inspector below it.
    reply.scrollIntoView({ block: 'start' });
  },
};

/** The same, dark. */
export const CannedReplyDark: Story = {
  ...CannedReply,
  parameters: { ...CannedReply.parameters, screenshot: { file: 'inspect-dark.png', selector: '[data-story-frame]' } },
  args: { colorScheme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** The same, right to left, in Hebrew: ids and JSON stay left to right. */
export const CannedReplyRtl: Story = {
  args: { dir: 'rtl', labels: hebrewLabels },
  parameters: { parlant: cannedTurn },
  play: async ({ canvasElement }) => {
    const reply = await messageWith(canvasElement, REPLY, hebrewLabels.messages);
    const inspector = within(await openInspector(reply, 'בדיקה'));
    await expect(await inspector.findByText('הנחיות שהתאימו: gl_return_window', {}, AGENT_REPLY)).toBeVisible();
    await expect(inspector.getByText(/"window_days": 30/)).toHaveAttribute('dir', 'ltr');
  },
};

/** Moderation flagged the customer's message: its inspector says why, and the reply's summary says so too. */
export const FlaggedMessage: Story = {
  parameters: {
    parlant: { ...cannedTurn, seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Shut up and tell me my balance']) }) },
  },
  play: async ({ canvasElement }) => {
    const reply = await messageWith(canvasElement, /Your balance is/);
    await expect(within(reply).getByText(/1 tool call · Flagged by moderation: harassment/)).toBeVisible();
    const asked = await messageWith(canvasElement, 'Shut up and tell me my balance');
    const inspector = within(await openInspector(asked, 'Inspect'));
    await expect(inspector.getByText('Tags: harassment')).toBeVisible();
  },
};

/** Off (the default): nothing of the above under any message. */
export const Off: Story = {
  args: { inspect: false },
  parameters: { parlant: cannedTurn },
  play: async ({ canvasElement }) => {
    await messageWith(canvasElement, REPLY);
    await expect(conversation(within(canvasElement)).queryByText('Inspect')).toBeNull();
  },
};
