/**
 * The grammar of a turn as the real server produces it. A turn is the list of a trace's events
 * reduced to tokens (`status:ai_agent:ready:completed`, `message:ai_agent:preamble`). Two turns
 * are the same when their tokens are equal, with one exception that depends on timing only:
 *
 * Parlant runs a turn's preamble (the `ready {}` after `acknowledged`, in canned modes also a
 * preamble message, then `processing`) as a task of its own, and cancelling the turn (the
 * customer wrote again) does not cancel that task. So a cancelled turn is its preamble
 * sequence with the block `cancelled`, `ready {stage: completed}` inserted wherever the new
 * message happened to arrive; the rest of the preamble still follows under the old trace.
 */
import type { Json } from '../../../src/core/types';

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The block a cancellation inserts into a turn. @example CANCELLATION[0] === 'status:ai_agent:cancelled'; */
export const CANCELLATION = ['status:ai_agent:cancelled', 'status:ai_agent:ready:completed'] as const;

/**
 * The token of one event: kind and source, then the status and its stage for status events,
 * `preamble` for preamble messages.
 * @example tokenOf({ kind: 'status', source: 'ai_agent', data: { status: 'processing', data: { stage: 'Interpreting' } } }); // 'status:ai_agent:processing:Interpreting'
 */
export function tokenOf(event: Json): string {
  if (!isObject(event)) return typeof event;
  const base = `${String(event.kind)}:${String(event.source)}`;
  const data = isObject(event.data) ? event.data : {};
  if (event.kind === 'status') {
    const inner = isObject(data.data) ? data.data : {};
    return [base, String(data.status), ...(typeof inner.stage === 'string' ? [inner.stage] : [])].join(':');
  }
  if (event.kind === 'message' && Array.isArray(data.tags) && data.tags.includes('__preamble__')) return `${base}:preamble`;
  return base;
}

function withoutCancellation(tokens: readonly string[]): string[] | null {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    if (tokens[i] === CANCELLATION[0] && tokens[i + 1] === CANCELLATION[1]) return [...tokens.slice(0, i), ...tokens.slice(i + 2)];
  }
  return null;
}

/**
 * True when two token lists are the same turn under the grammar above.
 * @example sameTurn(['a', ...CANCELLATION, 'b'], ['a', 'b', ...CANCELLATION]); // true
 */
export function sameTurn(real: readonly string[], replay: readonly string[]): boolean {
  if (real.length === replay.length && real.every((t, i) => t === replay[i])) return true;
  const a = withoutCancellation(real);
  const b = withoutCancellation(replay);
  return a !== null && b !== null && a.length === b.length && a.every((t, i) => t === b[i]);
}
