import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src';

const PLANS = ['Compare:', '| Plan | Price | Limits | Notes |', '|:-----|------:|:------:|-------|', '| **Pro** | $5 | `10/s` | [docs](https://docs.example.com) |', '| Free |', '| Team | $9 | 50/s | a \\| b | extra |'].join('\n');

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));

describe('Markdown tables', () => {
  it('renders column headers and cells a screen reader can navigate', () => {
    render(<Markdown text={PLANS} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Plan', 'Price', 'Limits', 'Notes']);
    for (const th of within(table).getAllByRole('columnheader')) expect(th).toHaveAttribute('scope', 'col');
    expect(screen.getByText('Compare:').tagName).toBe('P');
  });

  it('pads short rows, drops cells past the header, and keeps escaped pipes inside a cell', () => {
    render(<Markdown text={PLANS} />);
    expect(rowsOf(screen.getByRole('table')).slice(1)).toEqual([
      ['Pro', '$5', '10/s', 'docs'],
      ['Free', '', '', ''],
      ['Team', '$9', '50/s', 'a | b'],
    ]);
  });

  it('aligns each column as its delimiter row says', () => {
    render(<Markdown text={PLANS} />);
    const aligns = (cells: HTMLElement[]) => cells.map((cell) => cell.getAttribute('data-align'));
    const [, first] = screen.getAllByRole('row');
    expect(aligns(screen.getAllByRole('columnheader'))).toEqual(['left', 'right', 'center', null]);
    expect(aligns(within(first as HTMLElement).getAllByRole('cell'))).toEqual(['left', 'right', 'center', null]);
  });

  it('renders inline Markdown inside cells', () => {
    render(<Markdown text={PLANS} />);
    const [, pro] = screen.getAllByRole('row');
    const cells = within(pro as HTMLElement).getAllByRole('cell');
    expect(cells[0]?.querySelector('strong')).toHaveTextContent('Pro');
    expect(cells[2]?.querySelector('code')).toHaveTextContent('10/s');
    expect(within(cells[3] as HTMLElement).getByRole('link', { name: 'docs' })).toHaveAttribute('href', 'https://docs.example.com/');
  });

  it('sits in a focusable region named after its columns, so a keyboard can scroll a wide table', () => {
    render(<Markdown text={PLANS} labels={{ table: (headers) => `Tableau : ${headers.join(' / ')}` }} />);
    const region = screen.getByRole('region', { name: 'Tableau : Plan / Price / Limits / Notes' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(screen.getByRole('table'));
  });

  it('ends at a blank line or another block, and is not a table without a matching delimiter row', () => {
    render(<Markdown text={'| a | b |\n| - | - |\n| 1 | 2 |\n> quote\n\nx | y\n--- | --- | ---\n\n| only |\n|---|---|'} />);
    expect(screen.getAllByRole('table')).toHaveLength(1);
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('quote').closest('blockquote')).not.toBeNull();
    expect(screen.getByText(/x \| y/)).toBeInTheDocument();
  });

  it('keeps hostile content inside cells inert', () => {
    const text = '| a | b | c |\n|---|---|---|\n| <script>window.__pwned=1</script> | [x](javascript:alert(1)) | ![t](https://evil.example/p.png?q=secret) |';
    const { container } = render(<Markdown text={text} />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.getByRole('cell', { name: '<script>window.__pwned=1</script>' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'x' })).toBeNull();
    expect(screen.getByRole('link', { name: 't (Image from evil.example)' })).toHaveAttribute('href', 'https://evil.example/p.png?q=secret');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
