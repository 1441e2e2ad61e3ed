/**
 * Compares a replayed transcript with a golden one and lists every difference of shape: status
 * codes, headers, field names, types and values. Ids and times are already placeholders; the
 * agent's words (AI message text, drafts, chunks, tracebacks) are compared by type only.
 */
import type { Json } from '../../../src/core/types';
import { compareTimeline } from './timeline';
import type { Exchange, RecordedRequest } from './types';

/** One difference, located by step and path. @example const d: Difference = { at: 'read agent.response.status', message: '200 ≠ 404' }; */
export interface Difference {
  at: string;
  message: string;
}

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Paths inside an event whose values are the agent's words. */
const WORDS = /^data\.(message|draft|chunks\[\d+\]|canned_responses\[\d+\]\[1\]|exception)$|^data\.data\.exception$/;

/** Options of {@link diffValue}. @example const o: DiffOptions = { ignore: ['offset'] }; */
export interface DiffOptions {
  /** Top-level keys of events compared by type only. */
  ignore?: readonly string[];
}

/**
 * Deep difference of two JSON values. Inside AI events the agent's words are compared by type.
 * @example diffValue({ a: 1 }, { a: '1' }, 'x'); // [{ at: 'x.a', message: 'number 1 ≠ string "1"' }]
 */
export function diffValue(real: Json | undefined, replay: Json | undefined, at: string, options: DiffOptions = {}, event: { words: boolean; path: string } | null = null): Difference[] {
  const wordy = event?.words === true && WORDS.test(event.path);
  if (typeOf(real) !== typeOf(replay)) return [{ at, message: `${typeOf(real)} ${show(real)} ≠ ${typeOf(replay)} ${show(replay)}` }];
  if (Array.isArray(real) && Array.isArray(replay)) {
    if (real.length !== replay.length) return [{ at, message: `${real.length} items ≠ ${replay.length} items` }];
    return real.flatMap((item, i) => diffValue(item, replay[i], `${at}[${i}]`, options, event && { ...event, path: `${event.path}[${i}]` }));
  }
  if (isObject(real) && isObject(replay)) {
    const isEvent = 'kind' in real && 'source' in real && 'offset' in real;
    const scope = isEvent ? { words: real.source === 'ai_agent' || real.kind === 'status', path: '' } : event;
    const keys = new Set([...Object.keys(real), ...Object.keys(replay)]);
    return [...keys].flatMap((key) => {
      const where = `${at}.${key}`;
      if (!(key in replay)) return [{ at: where, message: `missing (real: ${show(real[key])})` }];
      if (!(key in real)) return [{ at: where, message: `unexpected ${show(replay[key])}` }];
      if (isEvent && options.ignore?.includes(key)) return typeOf(real[key]) === typeOf(replay[key]) ? [] : [{ at: where, message: `${typeOf(real[key])} ≠ ${typeOf(replay[key])}` }];
      return diffValue(real[key], replay[key], where, options, scope && { ...scope, path: scope.path ? `${scope.path}.${key}` : key });
    });
  }
  if (wordy || real === replay) return [];
  return [{ at, message: `${show(real)} ≠ ${show(replay)}` }];
}

function diffRequest(real: RecordedRequest, replay: RecordedRequest, at: string): Difference[] {
  return diffValue(real as unknown as Json, replay as unknown as Json, `${at}.request`);
}

/**
 * Every difference between a golden transcript and its replay.
 * @example const diffs = compareTranscripts(fixture.exchanges, normalizeExchanges(http.exchanges, { baseUrl }));
 */
export function compareTranscripts(real: readonly Exchange[], replay: readonly Exchange[]): Difference[] {
  const out: Difference[] = [];
  const steps = new Set<string>();
  for (let i = 0; i < Math.max(real.length, replay.length); i += 1) {
    const r = real[i];
    const e = replay[i];
    if (!r || !e) {
      out.push({ at: `exchanges[${i}]`, message: r ? `step "${r.step}" was not replayed` : `extra step "${e?.step}"` });
      continue;
    }
    const at = r.step;
    if (steps.has(at)) out.push({ at, message: 'step name used twice in the scenario' });
    steps.add(at);
    if (r.step !== e.step) out.push({ at, message: `replayed as step "${e.step}"` });
    out.push(...diffRequest(r.request, e.request, at));
    const res = `${at}.response`;
    if (r.response.status !== e.response.status) out.push({ at: `${res}.status`, message: `${r.response.status} ≠ ${e.response.status}` });
    out.push(...diffValue(r.response.headers, e.response.headers, `${res}.headers`));
    out.push(...diffValue(r.response.text, e.response.text, `${res}.text`));
    out.push(...diffValue(r.response.framing, e.response.framing, `${res}.framing`));
    if (r.compare === 'timeline') {
      out.push(...compareTimeline(r.response.body ?? r.response.frames, e.response.body ?? e.response.frames, `${res}.${r.response.frames ? 'frames' : 'body'}`));
    } else {
      out.push(...diffValue(r.response.body, e.response.body, `${res}.body`));
      out.push(...diffValue(r.response.frames, e.response.frames, `${res}.frames`));
    }
  }
  return out;
}
