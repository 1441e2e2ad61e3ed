import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src';
import { plainText } from '../../src/components/markdown/plainText';

const renderMd = (text: string) => render(<Markdown text={text} />).container;

describe('Markdown syntax details that agents hit', () => {
  it('keeps a heading’s own trailing # (C#) and drops a closing run after a space', () => {
    const c = renderMd('# Learn C#\n\n## Setup ##');
    const headings = [...c.querySelectorAll('.parlant-md-heading')].map((h) => h.textContent);
    expect(headings).toEqual(['Learn C#', 'Setup']);
  });

  it('gives code spans precedence over emphasis, so `**kwargs` inside bold stays code', () => {
    const c = renderMd('**Pass `**kwargs` here**');
    expect(c.querySelector('strong')).toHaveTextContent('Pass **kwargs here');
    expect(c.querySelector('strong code')).toHaveTextContent('**kwargs');
  });

  it('closes a code span only with a backtick run of the same length', () => {
    const c = renderMd('`` a`b `` and `c``d`');
    expect([...c.querySelectorAll('code')].map((el) => el.textContent)).toEqual(['a`b', 'c``d']);
  });

  it('leaves underscores inside words alone (snake_case) but emphasizes _words_', () => {
    const c = renderMd('set max_tokens and _really_ top_p');
    expect(c.querySelectorAll('em')).toHaveLength(1);
    expect(c.querySelector('em')).toHaveTextContent('really');
    expect(c).toHaveTextContent('set max_tokens and really top_p');
  });

  it('treats an escaped delimiter as text, not as a closer', () => {
    const c = renderMd('*a\\* b');
    expect(c.querySelector('em')).toBeNull();
    expect(c).toHaveTextContent('*a* b');
  });

  it('reads ```inline``` on one line as code, not as a fence that swallows the message', () => {
    const c = renderMd('Run ```npm test``` first.\n\nThen relax.');
    expect(c.querySelector('pre')).toBeNull();
    expect(c.querySelector('p code')).toHaveTextContent('npm test');
    expect(screen.getByText('Then relax.')).toBeInTheDocument();
  });

  it('links a destination with balanced parentheses and a title', () => {
    renderMd('[Rust](https://en.example.org/wiki/Rust_(language) "the language").');
    expect(screen.getByRole('link', { name: 'Rust' })).toHaveAttribute('href', 'https://en.example.org/wiki/Rust_(language)');
  });
});

describe('plainText, what the announcer reads', () => {
  it('reads words without Markdown, and cuts long text with an ellipsis', () => {
    expect(plainText('Your balance is **$5** ([details](https://bank.example))')).toBe('Your balance is $5 (details)');
    expect(plainText(`${'word '.repeat(200)}`)).toHaveLength(500);
    expect(plainText(`${'word '.repeat(200)}`).endsWith('…')).toBe(true);
  });

  it('reads a table row by row and a code block as its text', () => {
    expect(plainText('| Plan | Price |\n|---|--:|\n| **Pro** | $5 |\n\n```sh\nnpm test\n```')).toBe('Plan, Price; Pro, $5 npm test');
  });

  it('never cuts an emoji in half', () => {
    const text = plainText(`${'a'.repeat(498)}😀 tail`);
    expect(text).toBe(`${'a'.repeat(498)}…`);
  });
});
