import type { ParlantEvent } from '../../src/core/types';

/** One answer of the fake server: a Response, a network failure, or a request that hangs until aborted. */
export type Answer = Response | 'network-error' | 'hang' | ((request: Request) => Response | Promise<Response>);

/**
 * A fetch that answers from a queue and records every request: the HTTP seam for core tests
 * where time is virtual. When the queue is empty, requests hang (like an idle long-poll) until
 * aborted.
 */
export function createScriptedFetch() {
  const queue: Answer[] = [];
  const requests: Request[] = [];
  let fallback: Answer = 'hang';
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request.clone());
    const answer = queue.shift() ?? fallback;
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'hang') {
      return new Promise((_, reject) => {
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        if (init?.signal?.aborted) abort();
        init?.signal?.addEventListener('abort', abort);
      });
    }
    if (typeof answer === 'function') return answer(request);
    return answer.clone();
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Queues answers for the next requests, in order. */
    answer(...answers: Answer[]) {
      queue.push(...answers);
    },
    /** What to answer once the queue is empty. */
    otherwise(answer: Answer) {
      fallback = answer;
    },
    /** Query parameters of request `i`. */
    query(i: number) {
      return new URL((requests[i] as Request).url).searchParams;
    },
  };
}

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** Parlant's own long-poll timeout answer. */
export const parlant504 = () => json({ detail: 'Request timed out' }, 504);

let offsetSeq = 0;
/** A well-formed event; pass what matters to the test. */
export function ev(
  partial: Partial<{ id: string; offset: number; kind: string; source: string; trace_id: string | undefined; data: unknown; metadata: Record<string, unknown>; deleted: boolean; correlation_id: string }>,
): ParlantEvent {
  const offset = partial.offset ?? offsetSeq++;
  const event = {
    id: partial.id ?? `e${offset}`,
    source: 'ai_agent',
    kind: 'status',
    offset,
    creation_utc: '2026-06-26T10:15:30.123456Z',
    trace_id: 't1',
    correlation_id: partial.trace_id ?? 't1',
    data: { status: 'ready', data: {} },
    metadata: {},
    deleted: false,
    ...partial,
  };
  if (event.trace_id === undefined) delete (event as { trace_id?: string }).trace_id;
  return event as ParlantEvent;
}
