import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ParlantChatbox, useParlantSession } from '../../src';
import { frenchLabels } from '../../stories/support/locales';
import { serveEmulator, SERVER, widgetProps } from '../support/msw-emulator';

const env = serveEmulator();

/**
 * A conversation of `count` messages; message 5 (far outside the 30 rendered at first) and the
 * newest one mention a refund, one of them in Markdown across a link.
 */
function seeded(count = 400) {
  const session = env.emu.createSession();
  for (let i = 1; i <= count; i += 1) {
    const customer = i % 2 === 1;
    const text =
      i === 5 ? 'Your **refund** was [issued](https://shop.example/refunds) today.' : i === count ? `Message ${i}: the refund arrived, thanks` : `Message ${i} about shipping`;
    env.emu.appendEvent(session.id, { source: customer ? 'customer' : 'ai_agent', message: text, trace_id: `t${Math.ceil(i / 2)}` });
  }
  return session;
}

const rows = () => screen.getByRole('log').querySelectorAll('li[data-role]');
const loaded = () => waitFor(() => expect(within(screen.getByRole('log')).getByText(/the refund arrived/)).toBeInTheDocument());
const current = () => screen.getByRole('log').querySelector('[data-search-hit="current"]');

describe('search in the conversation', () => {
  it('finds text in every message, not only the rendered ones, counts them, and steps through them with Enter and Shift+Enter', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: seeded().id })} />);
    await loaded();
    expect(rows().length).toBeLessThan(100);
    expect(screen.queryByText(/Message 6 about/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Search the conversation' }));
    const field = screen.getByRole('searchbox', { name: 'Search the conversation' });
    expect(field).toHaveFocus();
    await user.type(field, 'REFUND');
    // The newest message found first, counted from the newest.
    await waitFor(() => expect(screen.getByText('1 of 2')).toBeInTheDocument());
    expect(current()).toHaveTextContent('the refund arrived');
    expect(within(current() as HTMLElement).getByText('refund', { selector: 'mark' })).toBeInTheDocument();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText('2 of 2')).toBeInTheDocument());
    // Message 5 was never rendered before: the list brought it in, marked inside its Markdown.
    await waitFor(() => expect(current()).toHaveTextContent('Your refund was issued today.'));
    const mark = within(current() as HTMLElement).getByText('refund', { selector: 'mark' });
    expect(mark.closest('strong')).not.toBeNull();
    expect(rows().length).toBeLessThanOrEqual(200);

    await user.keyboard('{Enter}'); // wraps around to the newest
    await waitFor(() => expect(screen.getByText('1 of 2')).toBeInTheDocument());
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await waitFor(() => expect(screen.getByText('2 of 2')).toBeInTheDocument());
    await waitFor(() => expect(current()).toHaveTextContent('Your refund was issued today.'));
  });

  it('searches what a message shows, not its Markdown: link addresses and markers are not found, words across formatting are', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: seeded(40).id })} />);
    await loaded();
    await user.keyboard('{Control>}f{/Control}'); // focus is on the page: not ours
    expect(screen.queryByRole('searchbox')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Search the conversation' }));
    const field = screen.getByRole('searchbox');
    await user.type(field, 'shop.example');
    await waitFor(() => expect(screen.getByText('No results')).toBeInTheDocument());
    await user.clear(field);
    await user.type(field, '**refund');
    await waitFor(() => expect(screen.getByText('No results')).toBeInTheDocument());
    await user.clear(field);
    await user.type(field, 'refund was issued');
    await waitFor(() => expect(screen.getByText('1 of 1')).toBeInTheDocument());
    await waitFor(() => expect(current()).toHaveTextContent('Your refund was issued today.'));
  });

  it('opens with Ctrl+F inside the widget, and Escape closes it and puts the focus back', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: seeded(40).id })} />);
    await loaded();
    const input = screen.getByRole('textbox', { name: 'Message' });
    await user.click(input);
    await user.keyboard('{Control>}f{/Control}');
    const field = screen.getByRole('searchbox', { name: 'Search the conversation' });
    expect(field).toHaveFocus();
    await user.type(field, 'shipping');
    await waitFor(() => expect(screen.getByText(/^1 of \d+$/)).toBeInTheDocument());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(input).toHaveFocus();
    expect(screen.getByRole('log').querySelector('mark')).toBeNull();
  });

  it('takes its texts from labels', async () => {
    const user = userEvent.setup();
    render(<ParlantChatbox {...widgetProps(env, { sessionId: seeded(40).id })} labels={frenchLabels} />);
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Rechercher dans la conversation' }));
    await user.type(screen.getByRole('searchbox', { name: 'Rechercher dans la conversation' }), 'refund');
    await waitFor(() => expect(screen.getByText('1 sur 2')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Résultat précédent' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Fermer la recherche' }));
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('offers no search while there is nothing to search', async () => {
    render(<ParlantChatbox {...widgetProps(env)} />);
    await screen.findByRole('textbox', { name: 'Message' });
    expect(screen.queryByRole('button', { name: 'Search the conversation' })).toBeNull();
  });
});

describe('useParlantSession().search', () => {
  it('finds every message that contains the text, oldest first, as written', async () => {
    const session = seeded(1000);
    const { result } = renderHook(() => useParlantSession({ server: SERVER, agentId: env.emu.defaultAgentId, sessionId: session.id, environment: null, waitForData: 2 }));
    await waitFor(() => expect(result.current.messages).toHaveLength(1000));
    let hits = result.current.search('Refund');
    expect(hits.map((hit) => hit.index)).toEqual([4, 999]);
    expect(result.current.messages[hits[0]!.index]?.text).toContain('**refund**');
    expect(result.current.search('   ')).toEqual([]);
    act(() => void result.current.send('A refund (again?)'));
    hits = result.current.search('refund (again?');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.key).toBe(result.current.messages.at(-1)?.key);
  });
});
