import { render } from '@testing-library/react';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src';
import { parseMarkdown } from '../../src/components/markdown/parse';
import { everydayMarkdown, hostileMarkdown } from './arbitraries';
import { fragment, marks, shape, visibleText } from './dom';

// Fixed seeds and run counts: the same inputs on every machine, in a few seconds. The timeout
// leaves room for a machine busy with the other test projects.
const RUNS = { seed: 20240611, numRuns: 250 };
const TIMEOUT_MS = 30_000;
const ALLOWED_IMAGES = ['https://cdn.example.com'];

/** Every element and attribute our renderer may produce; anything else is a hole. */
const TAGS = new Set(['P', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'BR', 'A', 'SPAN', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'HR', 'IMG', 'DIV', 'BUTTON', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
const ATTRIBUTES = new Set(['href', 'target', 'rel', 'title', 'src', 'alt', 'loading', 'referrerpolicy', 'class', 'start', 'data-lang', 'dir', 'tabindex', 'type', 'role', 'aria-label', 'scope', 'data-align']);

/** Reasons the rendered tree is not inert; empty when it is. */
function holes(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!TAGS.has(el.tagName)) found.push(`element <${el.tagName.toLowerCase()}>`);
    for (const { name, value } of el.attributes) {
      if (!ATTRIBUTES.has(name) || name.startsWith('on')) found.push(`attribute ${name}="${value}"`);
      if (name === 'href' && !/^(https?|mailto):$/.test(new URL(value).protocol)) found.push(`href ${value}`);
      if (name === 'src' && (el.tagName !== 'IMG' || !ALLOWED_IMAGES.includes(new URL(value).origin))) found.push(`src ${value}`);
    }
  }
  return found;
}

describe('Markdown fuzzing', () => {
  it('never throws, on hostile soup and pathological input', () => {
    fc.assert(
      fc.property(hostileMarkdown, (text) => {
        expect(() => renderToStaticMarkup(<Markdown text={text} />)).not.toThrow();
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  it('renders hostile soup inert: known elements only, no handlers, safe links, images only from allowed origins', () => {
    fc.assert(
      fc.property(hostileMarkdown, (text) => {
        const { container, unmount } = render(<Markdown text={text} allowedImageOrigins={ALLOWED_IMAGES} />);
        try {
          expect(holes(container)).toEqual([]);
          expect((window as { __pwned?: number }).__pwned).toBeUndefined();
        } finally {
          unmount();
        }
      }),
      { ...RUNS, numRuns: 150 },
    );
  }, TIMEOUT_MS);

  it('finds holes: the inertness check rejects markup a broken renderer could emit', () => {
    const root = fragment('<p><a href="javascript:alert(1)" onclick="x()">x</a><iframe></iframe><img src="https://evil.example/p.png"></p>');
    const div = document.createElement('div');
    div.append(root);
    expect(holes(div)).toEqual([
      'href javascript:alert(1)',
      'attribute onclick="x()"',
      'element <iframe>',
      'src https://evil.example/p.png',
    ]);
  });

  // markdown-it is a CommonMark + GFM tables reference. On everyday Markdown (well-formed
  // emphasis, links, code, lists, quotes, fences, headings, tables) a reader must see the same
  // words, the same formatting on the same words, the same link targets and the same block
  // structure (down to the number of table cells and their alignment) from both.
  const reference = new MarkdownIt({ html: false, linkify: true, breaks: true });
  reference.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

  it('says, emphasizes and links the same as markdown-it on everyday Markdown', () => {
    fc.assert(
      fc.property(everydayMarkdown, (text) => {
        const ours = fragment(renderToStaticMarkup(<Markdown text={text} />));
        const theirs = fragment(reference.render(text));
        expect(visibleText(ours)).toBe(visibleText(theirs));
        expect(marks(ours)).toEqual(marks(theirs));
        expect(shape(ours)).toEqual(shape(theirs));
      }),
      { ...RUNS, numRuns: 100 },
    );
  }, TIMEOUT_MS);

  it('parses deep nesting without exhausting the stack', () => {
    const deep = `${'> '.repeat(10_000)}${'- '.repeat(10_000)}${'**['.repeat(10_000)}x`;
    expect(() => renderToStaticMarkup(<Markdown text={deep} plainTextOver={Infinity} />)).not.toThrow();
    expect(parseMarkdown(deep)).toHaveLength(1);
  });
});
