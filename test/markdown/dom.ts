/**
 * Reading rendered Markdown the way a reader sees it, to compare two renderers that differ in
 * markup details (our headings are bold paragraphs, markdown-it's are `<h1>`…; our tight list
 * items wrap their text in a `<span>`) but must agree on what is said and emphasized.
 */

const BLOCKS = new Set(['P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'TH', 'TD', 'DIV']);

/** Parses static HTML into an inert fragment (a template's content runs no script and loads nothing). */
export function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** The text a reader sees, blocks and line breaks as single spaces. */
export function visibleText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    // The code block's language and copy button are the widget's, not the message's.
    if (node instanceof Element && node.classList.contains('parlant-md-code-bar')) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    const block = node instanceof Element && (BLOCKS.has(node.tagName) || node.tagName === 'BR');
    if (block) parts.push(' ');
    node.childNodes.forEach(walk);
    if (block) parts.push(' ');
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Absolute form of a link target, so `https://a.example` and `https://a.example/` compare equal. */
function canonical(href: string | null): string {
  try {
    return new URL(href ?? '').href;
  } catch {
    return `invalid:${href}`;
  }
}

/**
 * The inline formatting in document order: `strong:text`, `em:text`, `del:text`, `code:text`
 * (inline code only) and `a:text→url`. The bold wrapper of our headings is not emphasis the
 * author wrote, so it is skipped.
 */
export function marks(root: ParentNode): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('strong, b, em, i, del, s, code, a')) {
    if (el.parentElement?.classList.contains('parlant-md-heading')) continue;
    if (el.tagName === 'CODE' && el.parentElement?.tagName === 'PRE') continue;
    const tag = { B: 'strong', I: 'em', S: 'del' }[el.tagName] ?? el.tagName.toLowerCase();
    out.push(tag === 'a' ? `a:${normal(el.textContent)}→${canonical(el.getAttribute('href'))}` : `${tag}:${normal(el.textContent)}`);
  }
  return out;
}

/** A table cell's alignment, whether it is written as `data-align` (ours) or an inline style (markdown-it's). */
function alignment(cell: Element): string {
  return cell.getAttribute('data-align') ?? /text-align:\s*(\w+)/.exec(cell.getAttribute('style') ?? '')?.[1] ?? 'none';
}

/**
 * How many of each structural element there is (list items, quotes, code blocks, rules,
 * headings, tables, header and body cells), and every table cell's alignment in order.
 */
export function shape(root: ParentNode): Record<string, number | string> {
  const count = (selector: string) => root.querySelectorAll(selector).length;
  return {
    tables: count('table'),
    headerCells: count('th'),
    bodyCells: count('td'),
    alignments: [...root.querySelectorAll('th, td')].map(alignment).join(','),
    items: count('li'),
    ordered: count('ol'),
    bullets: count('ul'),
    quotes: count('blockquote'),
    codeBlocks: count('pre'),
    rules: count('hr'),
    headings: count('h1, h2, h3, h4, h5, h6, .parlant-md-heading'),
  };
}
