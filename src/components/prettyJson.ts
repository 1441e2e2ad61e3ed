import type { Json } from '../core/types';

/**
 * Server data as indented JSON text, never markup; cut after `max` characters (tool results and
 * trace data can be huge). A string is shown as it is.
 * @example prettyJson({ balance: 5 }, 4000) // '{\n  "balance": 5\n}'
 */
export function prettyJson(value: Json | readonly unknown[] | Record<string, Json>, max: number): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}\n…` : text;
}
