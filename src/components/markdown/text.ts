/**
 * Parsed Markdown as the words it says: what a screen reader announces and what names a table.
 */
import type { Block, Inline } from './ast';

/** The text of inline nodes: code as written, images by their description, breaks as spaces. @example inlineText(parseInline('**$5** now')) // '$5 now' */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text' || node.type === 'code') return node.value;
      if (node.type === 'break') return ' ';
      if (node.type === 'image') return node.alt;
      return inlineText(node.children);
    })
    .join('');
}

const rowText = (row: Inline[][]) => row.map(inlineText).join(', ');

/** The text of a block; list items and table rows are separated by semicolons. @example blockText({ type: 'rule' }) // '' */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'code':
      return block.value;
    case 'quote':
      return block.children.map(blockText).join(' ');
    case 'list':
      return block.items.map((item) => item.map(blockText).join(' ')).join('; ');
    case 'table':
      return [block.head, ...block.rows].map(rowText).join('; ');
    case 'rule':
      return '';
  }
}
