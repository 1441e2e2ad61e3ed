import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ParlantChatbox, type ChatHeaderProps, type StatusIndicatorProps, type ToolFootnotesProps } from '../src';
import { DEFAULT_AGENT_ID, steps, type ScriptFn } from '../src/testing';
import { chatboxStory, withToolConversation } from './support/chatbox';
import { frenchLabels, hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation, messagesBy, sendMessage } from './support/play';
import { seedTurns } from './support/seed';

/**
 * How the widget looks: color schemes, the `theme` prop, replaced parts, right-to-left text and
 * translated labels.
 */
const meta = {
  title: 'Widget/Appearance',
  ...chatboxStory,
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dark color scheme (`colorScheme="auto"` follows the system setting). */
export const Dark: Story = {
  args: { colorScheme: 'dark' },
  parameters: {
    parlant: withToolConversation,
    frame: { width: 440, height: 680, padding: 20, background: '#0b0d10' },
    screenshot: { file: 'widget-dark.png', selector: '[data-story-frame]' },
  },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvas, canvasElement }) => {
    await expect(await conversation(canvas).findByText('$5,000.50', {}, AGENT_REPLY)).toBeVisible();
    await expect(canvasElement.querySelector('.parlant-chatbox')).toHaveAttribute('data-color-scheme', 'dark');
  },
};

/** The `theme` prop sets `--parlant-*` tokens: here a teal brand, square corners and a serif face. */
export const CustomTheme: Story = {
  args: {
    theme: {
      accent: '#0f766e',
      accentText: '#ffffff',
      surface: '#effaf8',
      border: '#b5e4dc',
      focusRing: '#0f766e',
      radius: '6px',
      bubbleRadius: '6px',
      fontFamily: 'Georgia, "Times New Roman", serif',
      fontSize: '16px',
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const root = canvasElement.querySelector('.parlant-chatbox') as HTMLElement;
    await expect(root.style.getPropertyValue('--parlant-accent')).toBe('#0f766e');
    await sendMessage(canvas, userEvent, 'Hello there');
    const [mine] = messagesBy(canvas, 'customer');
    const bubble = (mine as HTMLElement).querySelector('.parlant-bubble') as HTMLElement;
    await expect(getComputedStyle(bubble).backgroundColor).toBe('rgb(15, 118, 110)');
    await expect(getComputedStyle(bubble).borderRadius).toBe('6px');
    await expect(await conversation(canvas).findByText('Hello there', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
  },
};

function BrandHeader({ title, connection, subtitle: _subtitle, onClose: _onClose, ...rest }: ChatHeaderProps) {
  return (
    <header {...rest} className="parlant-header" style={{ background: '#1e1b4b', color: '#ffffff' }}>
      <div className="parlant-header-text">
        <h2 className="parlant-title">{title} · Acme help</h2>
        <p style={{ margin: 0, fontSize: '0.8em', color: '#e0e7ff' }}>{connection === 'live' ? 'Typically replies in minutes' : 'Connecting…'}</p>
      </div>
    </header>
  );
}

function PlainStatus({ activity, agentName, ...rest }: StatusIndicatorProps) {
  return (
    <div {...rest} role="status" className="parlant-status" data-state={activity.state}>
      {activity.state === 'idle' ? '' : `${agentName}: ${activity.state}${activity.stage ? ` (${activity.stage})` : ''}`}
    </div>
  );
}

function SourceChips({ footnotes }: ToolFootnotesProps) {
  return (
    <ul aria-label="Sources" style={{ display: 'flex', gap: 6, margin: '4px 6px 0', padding: 0, listStyle: 'none', fontSize: 12 }}>
      {footnotes.map((footnote) => (
        <li key={footnote.key} style={{ padding: '2px 8px', borderRadius: 999, background: '#e0e7ff', color: '#1e1b4b' }}>
          {footnote.name}
        </li>
      ))}
    </ul>
  );
}

/** `components` replaces parts: a branded header, a plain status line, tool calls as chips. */
export const CustomComponents: Story = {
  args: { components: { Header: BrandHeader, StatusIndicator: PlainStatus, ToolFootnotes: SourceChips } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(await canvas.findByRole('heading', { name: 'Haxon · Acme help' })).toBeVisible();
    await sendMessage(canvas, userEvent, 'What is my balance?');
    const sources = await canvas.findByRole('list', { name: 'Sources' }, AGENT_REPLY);
    await expect(within(sources).getByText('get_balance')).toBeVisible();
    await expect(canvas.queryByText('1 tool used')).toBeNull();
    await waitFor(() => expect(canvasElement.querySelector('.parlant-status')).toHaveAttribute('data-state', 'idle'), AGENT_REPLY);
  },
};

const hebrewAgent: ScriptFn = (turn) =>
  turn.reason === 'greeting' ? [steps.say('שלום! איך אפשר לעזור?')] : [steps.say(`קיבלתי: **${turn.text}**. נחזור אליך עם תשובה בהקדם.`)];

/** Right to left: Hebrew labels, `dir="rtl"`, and a Hebrew-speaking agent. */
export const RightToLeft: Story = {
  args: { dir: 'rtl', labels: hebrewLabels, locale: 'he-IL', title: 'תמיכה' },
  parameters: {
    parlant: {
      options: { agents: [{ id: DEFAULT_AGENT_ID, name: 'נועה', script: hebrewAgent }] },
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['שלום, מתי החבילה שלי תגיע?']) }),
    },
  },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvasElement.querySelector('.parlant-chatbox')).toHaveAttribute('dir', 'rtl');
    await expect(canvas.getByRole('heading', { name: 'תמיכה' })).toBeVisible();
    const log = conversation(canvas, 'שיחה');
    await expect(await log.findByText('שלום, מתי החבילה שלי תגיע?', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await sendMessage(canvas, userEvent, 'תודה רבה', 'הודעה');
    await expect(await log.findByText('תודה רבה', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'שליחה' })).toBeInTheDocument();
    await expect(log.getAllByText('את/ה')).toHaveLength(2);
  },
};

const frenchAgent: ScriptFn = (turn) =>
  /solde/i.test(turn.text)
    ? [steps.tool('banque:consulter_solde', { compte: 'principal' }, { solde: 5000.5, devise: 'EUR' }), steps.say('Votre solde est de **5 000,50 €**.')]
    : [steps.say(`Vous avez écrit : **${turn.text}**`)];

/** Every text comes from `labels`: here all of them in French, with a French-speaking agent. */
export const FrenchLabels: Story = {
  args: { labels: frenchLabels, locale: 'fr-FR', title: 'Assistance' },
  parameters: { parlant: { options: { agents: [{ id: DEFAULT_AGENT_ID, name: 'Camille', script: frenchAgent }] } } },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('Posez-nous vos questions, nous répondons tout de suite.')).toBeVisible();
    await expect(canvas.getByPlaceholderText('Écrivez un message…')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Envoyer' })).toBeDisabled();
    await sendMessage(canvas, userEvent, 'Quel est mon solde ?');
    const log = conversation(canvas);
    await expect(await log.findByText('5 000,50 €', {}, AGENT_REPLY)).toBeVisible();
    await expect(log.getByText('1 outil utilisé')).toBeVisible();
    await expect(log.getByText('Vous')).toBeVisible();
    await expect(await canvas.findByText('En ligne')).toBeVisible();
  },
};
