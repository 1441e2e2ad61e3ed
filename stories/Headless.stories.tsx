import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { useParlantSession } from '../src';
import { DEFAULT_AGENT_ID } from '../src/testing';
import { disposeParlant, parlantLoader, parlantOf } from './support/emulator';
import { AGENT_REPLY } from './support/play';

/**
 * A fully custom chat UI on the headless hook: no widget components, no widget CSS. It shows
 * what `useParlantSession` gives a host: messages with delivery state, the agent's activity,
 * tool footnotes by trace, custom events, and `send` / `retry` / `sendCustomEvent`.
 */
function PlainChat({ server }: { server: string }) {
  const chat = useParlantSession({ server, agentId: DEFAULT_AGENT_ID, waitForData: 5 });
  const [text, setText] = useState('');
  return (
    <section aria-label="Custom chat" style={{ fontFamily: 'Georgia, serif', maxWidth: 520 }}>
      <p>
        Agent: {chat.agent?.name ?? '…'} · connection: {chat.connection.state} · activity: {chat.activity.state}
      </p>
      <ul aria-label="Custom transcript">
        {chat.messages.map((m) => (
          <li key={m.key}>
            <strong>{m.role === 'customer' ? 'Me' : m.author}:</strong> {m.text}
            {m.delivery === 'failed' && <button onClick={() => chat.retry(m.clientId as string)}>retry</button>}
            {(chat.footnotes.get(m.traceKey) ?? []).length > 0 && m.role !== 'customer' && (
              <em> (via {(chat.footnotes.get(m.traceKey) ?? []).map((f) => f.name).join(', ')})</em>
            )}
          </li>
        ))}
      </ul>
      <p>Custom events sent: {chat.customEvents.length}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chat.send(text)) setText('');
        }}
      >
        <input aria-label="Say something" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Send</button>
        <button type="button" onClick={() => void chat.sendCustomEvent({ page: '/pricing' })}>
          Share the page I am on
        </button>
      </form>
    </section>
  );
}

const meta = {
  title: 'Headless/Custom UI',
  component: PlainChat,
  tags: ['autodocs'],
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
  render: (_args, context) => <PlainChat server={parlantOf(context).server} />,
} satisfies Meta<typeof PlainChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ask about a balance: the reply names the tool it used; sharing the page posts a custom event. */
export const Conversation: Story = {
  args: { server: '' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Say something' }), 'What is my balance?{Enter}');
    await waitFor(() => expect(canvas.getByText(/\(via get_balance\)/)).toBeVisible(), AGENT_REPLY);
    await userEvent.click(canvas.getByRole('button', { name: 'Share the page I am on' }));
    await waitFor(() => expect(canvas.getByText('Custom events sent: 1')).toBeVisible(), AGENT_REPLY);
    await waitFor(() => expect(canvas.getByText(/activity: idle/)).toBeVisible(), AGENT_REPLY);
  },
};
