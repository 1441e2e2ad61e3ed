import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { ChatParts, Composer, MessageList, ParlantChatbox, ParlantProvider, useParlant } from '../src';
import { DEFAULT_AGENT_ID } from '../src/testing';
import { disposeParlant, parlantLoader, parlantOf, type ParlantParameters } from './support/emulator';
import { AGENT_REPLY, conversation, messagesBy, sendMessage } from './support/play';

/**
 * The README's recipes, live: each story is the recipe's code against its own emulated Parlant
 * server, and its play function checks what the recipe promises. The docs pages under "Recipes"
 * show them with the README's code.
 */
const meta = {
  title: 'Recipes/Live',
  loaders: [parlantLoader],
  beforeEach: disposeParlant,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function Conversation() {
  const messages = useParlant((chat) => chat.messages);
  const footnotes = useParlant((chat) => chat.footnotes);
  const send = useParlant((chat) => chat.send);
  const agentName = useParlant((chat) => chat.agent?.name);
  return (
    <section className="parlant-chatbox" style={{ display: 'flex', flexDirection: 'column', height: 600 }}>
      <h2>{agentName ?? 'Support'}</h2>
      <MessageList messages={messages} footnotes={footnotes} />
      <Composer onSend={(text) => void send(text)} />
    </section>
  );
}

/** Your own layout: the provider runs the conversation, the parts are placed by hand. */
export const OwnLayout: Story = {
  render: (_args, context) => (
    <ParlantProvider server={parlantOf(context).server} agentId={DEFAULT_AGENT_ID}>
      <ChatParts labels={{ placeholder: 'Ask Haxon…' }}>
        <Conversation />
      </ChatParts>
    </ParlantProvider>
  ),
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('heading', { name: 'Haxon' })).toBeVisible();
    await expect(canvas.getByPlaceholderText('Ask Haxon…')).toBeVisible();
    await sendMessage(canvas, userEvent, 'Hello there');
    await expect(await conversation(canvas).findByText('Hello there', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
  },
};

function AuthenticatedChat({ server }: { server: string }) {
  const token = useRef('token-from-your-login');
  return (
    <ParlantChatbox
      server={server}
      agentId={DEFAULT_AGENT_ID}
      headers={() => ({ Authorization: `Bearer ${token.current}` })}
      onAuthError={async () => {
        token.current = 'refreshed-token';
      }}
    />
  );
}

/** The server refuses the first request with 401: the token is refreshed and the request sent again, unseen by the customer. */
export const AuthTokenRefresh: Story = {
  parameters: { parlant: { seed: (emu) => void emu.faults.fail('POST /sessions', { status: 401, count: 1 }) } satisfies ParlantParameters },
  render: (_args, context) => <AuthenticatedChat server={parlantOf(context).server} />,
  play: async (context) => {
    const { canvas, userEvent } = context;
    const { emu } = parlantOf(context);
    await sendMessage(canvas, userEvent, 'Hello there');
    await expect(await conversation(canvas).findByText('Hello there', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    const creations = emu.requests.filter((r) => r.route === 'POST /sessions');
    await expect(creations.map((r) => [r.status, r.headers.authorization])).toEqual([
      [401, 'Bearer token-from-your-login'],
      [201, 'Bearer refreshed-token'],
    ]);
  },
};

function RememberedChat({ server }: { server: string }) {
  const [mounts, setMounts] = useState(1);
  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', gap: 8, height: '100%' }}>
      <button type="button" onClick={() => setMounts((n) => n + 1)}>
        Reload the widget
      </button>
      <ParlantChatbox key={mounts} server={server} agentId={DEFAULT_AGENT_ID} persistSession="session" />
    </div>
  );
}

/** `persistSession`: a new widget, as after a reload, picks the same conversation up. */
export const Persistence: Story = {
  render: (_args, context) => <RememberedChat server={parlantOf(context).server} />,
  play: async (context) => {
    const { canvas, userEvent } = context;
    const { emu } = parlantOf(context);
    await sendMessage(canvas, userEvent, 'Remember me');
    await conversation(canvas).findByText('Remember me', { selector: 'strong' }, AGENT_REPLY);
    await userEvent.click(canvas.getByRole('button', { name: 'Reload the widget' }));
    await expect(await conversation(canvas).findByText('Remember me', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await waitFor(() => expect(messagesBy(canvas, 'customer')).toHaveLength(1));
    await expect(emu.countRequests('POST /sessions')).toBe(1);
  },
};

/** Under Parlant's production policy, with the session a backend made for a signed-in customer: not a single 403. */
export const SignedInCustomer: Story = {
  parameters: {
    parlant: {
      options: { authorization: 'production' },
      seed: (emu) => {
        const customer = emu.addCustomer({ id: 'cust_alice', name: 'Alice' });
        return { sessionId: emu.createSession({ customerId: customer.id }).id };
      },
    } satisfies ParlantParameters,
  },
  render: (_args, context) => {
    const { server, sessionId } = parlantOf(context);
    return <ParlantChatbox server={server} agentId={DEFAULT_AGENT_ID} sessionId={sessionId} customerId="cust_alice" />;
  },
  play: async (context) => {
    const { canvas, userEvent } = context;
    const { emu } = parlantOf(context);
    await sendMessage(canvas, userEvent, 'Hello there');
    await expect(await conversation(canvas).findByText('Hello there', { selector: 'strong' }, AGENT_REPLY)).toBeVisible();
    await expect(emu.requests.filter((r) => r.status === 403 || r.status === 429)).toEqual([]);
  },
};
