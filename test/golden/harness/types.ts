/**
 * The shape of a golden transcript: what a scenario asked a Parlant server and what it answered,
 * normalized so two servers can be compared (ids become `<session#1>`, times `<time>`).
 */
import type { Json } from '../../../src/core/types';

/**
 * How an exchange is compared with its replay.
 * - `exact`: equal after normalization; only the agent's words may differ (compared by type).
 * - `timeline`: an event list whose interleaving depends on timing: events are grouped by trace,
 *   each trace's kinds and statuses must follow the turn grammar, offsets only have to grow.
 * @example const c: Compare = 'timeline';
 */
export type Compare = 'exact' | 'timeline';

/** A request as sent. @example const r: RecordedRequest = { method: 'GET', path: '/agents' }; */
export interface RecordedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSON bodies as values; anything else (malformed JSON on purpose) as text. */
  body?: Json;
  text?: string;
}

/** A response as received. @example const r: RecordedResponse = { status: 204, headers: {} }; */
export interface RecordedResponse {
  status: number;
  /** Only the headers a browser acts on (content type, CORS, caching, redirects, Retry-After). */
  headers: Record<string, string>;
  /** Parsed JSON body. */
  body?: Json;
  /** Any other body, as text (`Internal Server Error`, an HTML page...). */
  text?: string;
  /** Server-Sent Events: the JSON of each `data:` frame, in order. */
  frames?: Json[];
  /** Server-Sent Events: the stream with every frame's JSON replaced by `{}`, to compare framing. */
  framing?: string;
}

/** One request and its answer. @example const e: Exchange = { step: 'read agent', compare: 'exact', request, response }; */
export interface Exchange {
  step: string;
  compare: Compare;
  request: RecordedRequest;
  response: RecordedResponse;
}

/**
 * A known difference between the real server (run with the offline fake NLP service) and the
 * emulator, explained. `at` is a difference path or its prefix (`turn-fluid/exchanges[3]`).
 * @example const a: Artefact = { at: 'exchanges[4].response.frames', reason: 'the fake NLP service cannot stream' };
 */
export interface Artefact {
  at: string;
  reason: string;
}

/** Under which configuration a scenario runs. @example const p: ServerPolicy = 'production'; */
export type ServerPolicy = 'development' | 'production';

/** A committed golden transcript. @example const f: Fixture = JSON.parse(text); */
export interface Fixture {
  scenario: string;
  description: string;
  recorded: { parlant: string; policy: ServerPolicy; nlp: string };
  /** Differences classified as artefacts of the fake NLP service; everything else must match. */
  artefacts: Artefact[];
  exchanges: Exchange[];
}
