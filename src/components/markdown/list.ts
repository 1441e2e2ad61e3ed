import { indentOf, isBlank, listItem } from './lines';

/** The lines of one list, grouped by item (marker removed, continuation lines de-indented). */
export interface ListLines {
  ordered: boolean;
  start: number;
  items: string[][];
  /** Index of the first line after the list. */
  next: number;
}

/**
 * Groups the lines of the list that starts at `lines[from]` (which must be a list item) into
 * items. Lines indented past the marker continue the current item (nested lists, wrapped text);
 * a blank line ends the list unless the list or the item goes on after it. Each line is looked at
 * a bounded number of times.
 * @example collectList(['- a', '  - b', '- c'], 0).items // [['a', '- b'], ['c']]
 */
export function collectList(lines: readonly string[], from: number): ListLines {
  const first = listItem(lines[from] as string) as NonNullable<ReturnType<typeof listItem>>;
  const { ordered, indent } = first;
  const continues = indent + 2;
  const sameKind = (line: string) => listItem(line)?.ordered === ordered;
  const items: string[][] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i] as string;
    const lead = indentOf(line);
    const item = lead <= indent + 1 ? listItem(line) : null;
    if (item && item.ordered === ordered) {
      items.push([item.content]);
      i += 1;
      continue;
    }
    if (lead < line.length && lead >= continues && items.length > 0) {
      items.at(-1)?.push(line.slice(continues));
      i += 1;
      continue;
    }
    const following = lines[i + 1];
    if (isBlank(line) && following !== undefined && !isBlank(following) && (sameKind(following) || indentOf(following) >= continues)) {
      i += 1;
      continue;
    }
    break;
  }
  return { ordered, start: first.start, items, next: i };
}
