/**
 * Comparison of event lists whose interleaving depends on timing (a session's history after
 * overlapping turns, an SSE stream): events are grouped by trace, each trace must be the same
 * turn under the grammar in `grammar.ts`, paired events must have the same fields, and offsets
 * only have to grow (offsets and event ids, numbered by first appearance, follow the interleaving).
 */
import type { Json } from '../../../src/core/types';
import { diffValue, type Difference } from './compare';
import { sameTurn, tokenOf } from './grammar';

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function byTrace(events: readonly Json[]): Map<string, JsonObject[]> {
  const traces = new Map<string, JsonObject[]>();
  for (const e of events) {
    if (!isObject(e)) continue;
    const key = String(e.trace_id);
    traces.set(key, [...(traces.get(key) ?? []), e]);
  }
  return traces;
}

function offsetsGrow(events: readonly Json[], at: string, side: string): Difference[] {
  const offsets = events.map((e) => (isObject(e) ? e.offset : null));
  const bad = offsets.findIndex((o, i) => typeof o !== 'number' || (i > 0 && o <= (offsets[i - 1] as number)));
  return bad < 0 ? [] : [{ at: `${at}[${bad}].offset`, message: `${side} offsets do not grow: ${offsets.join(', ')}` }];
}

/** Pairs each event with the one of the same token and occurrence in the other turn. */
function pairs(real: JsonObject[], replay: JsonObject[]): Array<[string, JsonObject, JsonObject]> {
  const seen = new Map<string, number>();
  const keyed = (e: JsonObject) => {
    const token = tokenOf(e);
    const n = (seen.get(token) ?? 0) + 1;
    seen.set(token, n);
    return `${token}#${n}`;
  };
  const index = new Map(replay.map((e) => [keyed(e), e]));
  seen.clear();
  return real.flatMap((e) => {
    const key = keyed(e);
    const other = index.get(key);
    return other ? [[key, e, other] as [string, JsonObject, JsonObject]] : [];
  });
}

/**
 * Differences between two timelines.
 * @example const diffs = compareTimeline(realEvents, replayedEvents, 'history.response.body');
 */
export function compareTimeline(real: Json | undefined, replay: Json | undefined, at: string): Difference[] {
  if (!Array.isArray(real) || !Array.isArray(replay)) return diffValue(real, replay, at);
  const out = [...offsetsGrow(real, at, 'real'), ...offsetsGrow(replay, at, 'replayed')];
  const a = byTrace(real);
  const b = byTrace(replay);
  for (const trace of new Set([...a.keys(), ...b.keys()])) {
    const where = `${at}{${trace}}`;
    const r = a.get(trace) ?? [];
    const e = b.get(trace) ?? [];
    const rt = r.map(tokenOf);
    const et = e.map(tokenOf);
    if (!sameTurn(rt, et)) {
      out.push({ at: `${where}.turn`, message: `real [${rt.join(', ')}] ≠ replayed [${et.join(', ')}]` });
      continue;
    }
    for (const [key, x, y] of pairs(r, e)) out.push(...diffValue(x, y, `${where}.${key}`, { ignore: ['offset', 'id'] }));
  }
  return out;
}
