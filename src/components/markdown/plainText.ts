import { parseMarkdown, type Block, type Inline } from './parse';

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'code') return node.value;
      if (node.type === 'break') return ' ';
      if (node.type === 'image') return node.alt;
      return inlineText(node.children);
    })
    .join('');
}

function blockText(block: Block): string {
  if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.children);
  if (block.type === 'code') return block.value;
  if (block.type === 'quote') return block.children.map(blockText).join(' ');
  if (block.type === 'list') return block.items.map((item) => item.map(blockText).join(' ')).join('; ');
  return '';
}

/**
 * A message's Markdown as the words a screen reader should say: no asterisks, link text without
 * its address, cut at `max` characters (a live region is not the place for a whole essay).
 * @example plainText('Your balance is **$5** ([details](https://bank.example))') // 'Your balance is $5 (details)'
 */
export function plainText(source: string, max = 500): string {
  const text = parseMarkdown(source.length > max * 4 ? source.slice(0, max * 4) : source)
    .map(blockText)
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
