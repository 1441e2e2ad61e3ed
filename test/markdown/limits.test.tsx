import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src';
import { parseMarkdown } from '../../src/components/markdown/parse';

describe('Markdown falls back to plain text when rendering would be one long task', () => {
  it('renders a long everyday answer (19 kB) as Markdown', () => {
    const text = 'A paragraph with **bold**, *emphasis* and a [link](https://example.com).\n\n'.repeat(260);
    expect(text.length).toBeGreaterThan(19_000);
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('.parlant-md-plain')).toBeNull();
    expect(container.querySelectorAll('strong')).toHaveLength(260);
  }, 30_000);

  it('shows thousands of tiny code blocks as plain text, not thousands of copy buttons', () => {
    const text = '```\na\n```\n'.repeat(1900);
    expect(text.length).toBeLessThan(20_000);
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('.parlant-md-plain')).toHaveTextContent('``` a ```', { normalizeWhitespace: true });
    expect(screen.queryByRole('button')).toBeNull();
  }, 30_000);

  it('never pads a table to more cells than its text has characters (a wide header over one-cell rows)', () => {
    const text = `${'|a'.repeat(100)}|\n${'|-'.repeat(100)}|\n${'x\n'.repeat(9000)}`;
    const [table] = parseMarkdown(text);
    if (table?.type !== 'table') throw new Error('expected a table first');
    expect(table.head).toHaveLength(100);
    expect(table.rows.length * table.head.length).toBeLessThanOrEqual(text.length);
  });
});
