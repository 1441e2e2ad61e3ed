import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../src';

const CODE = '  const markup = "<b>stays text</b>";\n\nconsole.log(`${markup}`);';
const MESSAGE = `Try this:\n\n\`\`\`ts\n${CODE}\n\`\`\`\n\nThen run it.`;

/** Replaces the browser clipboard for one test; `undefined` removes it (an insecure page has none). */
function stubClipboard(clipboard: Partial<Clipboard> | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

describe('Markdown code blocks', () => {
  afterEach(() => {
    stubClipboard(undefined);
    vi.useRealTimers();
  });

  it('shows the code as text in <pre><code>, with its language', () => {
    const { container } = render(<Markdown text={MESSAGE} />);
    const pre = container.querySelector('pre');
    expect(pre).toHaveAttribute('data-lang', 'ts');
    expect(pre?.querySelector('code')?.textContent).toBe(CODE);
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByText('ts')).toBeVisible();
  });

  it('copies the exact code with the "Copy code" button and says "Copied" politely', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard({ writeText });
    render(<Markdown text={MESSAGE} />);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(CODE);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('goes back to "Copy code" after two seconds', async () => {
    vi.useFakeTimers();
    stubClipboard({ writeText: async () => {} });
    render(<Markdown text={MESSAGE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await act(async () => {});
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('selects the code for the reader to copy when the page has no clipboard access', async () => {
    const user = userEvent.setup();
    stubClipboard(undefined);
    render(<Markdown text={MESSAGE} />);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(window.getSelection()?.toString()).toBe(CODE);
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('selects the code instead when the clipboard refuses', async () => {
    stubClipboard({ writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) });
    render(<Markdown text={MESSAGE} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await act(async () => {});
    expect(window.getSelection()?.toString()).toBe(CODE);
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
  });

  it('takes its texts from the labels', async () => {
    stubClipboard({ writeText: async () => {} });
    render(<Markdown text={MESSAGE} labels={{ copyCode: 'Copier le code', copied: 'Copié' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copier le code' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Copié');
  });

  it('keeps hostile code inert and copies it verbatim', async () => {
    const hostile = '<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n[x](javascript:alert(1))';
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard({ writeText });
    const { container } = render(<Markdown text={`\`\`\`html\n${hostile}\n\`\`\``} />);
    expect(container.querySelector('script, img, a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith(hostile);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
