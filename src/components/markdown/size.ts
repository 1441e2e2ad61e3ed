/**
 * How many DOM nodes a parsed message will make, counted only as far as a limit. Parsing is
 * linear, but rendering costs per node: thousands of tiny code blocks or line breaks in one
 * message would make a long main-thread task however fast they were parsed.
 */
import type { Block, Inline } from './ast';

/** DOM nodes per block besides its children (a code block is a bar, a button, a status, …). */
const OWN: Record<Block['type'], number> = { paragraph: 1, heading: 2, code: 8, quote: 1, list: 1, table: 4, rule: 1 };

/**
 * Whether rendering `blocks` would make more than `limit` DOM nodes. Stops counting at the
 * limit, so the check costs no more than the render it guards.
 * @example exceedsNodes(parseMarkdown('a\nb'), 2) // true (p, "a", br, "b")
 */
export function exceedsNodes(blocks: readonly Block[], limit: number): boolean {
  let left = limit;
  const inlines = (nodes: readonly Inline[]): boolean => {
    for (const node of nodes) {
      left -= 1;
      if (left < 0) return true;
      if ('children' in node && inlines(node.children)) return true;
    }
    return false;
  };
  const cells = (row: readonly Inline[][]): boolean => {
    left -= row.length + 1;
    return left < 0 || row.some(inlines);
  };
  const walk = (list: readonly Block[]): boolean => {
    for (const block of list) {
      left -= OWN[block.type];
      if (left < 0) return true;
      if (block.type === 'paragraph' || block.type === 'heading') {
        if (inlines(block.children)) return true;
      } else if (block.type === 'quote') {
        if (walk(block.children)) return true;
      } else if (block.type === 'list') {
        left -= block.items.length;
        if (left < 0 || block.items.some(walk)) return true;
      } else if (block.type === 'table') {
        if (cells(block.head) || block.rows.some(cells)) return true;
      }
    }
    return false;
  };
  return walk(blocks);
}
