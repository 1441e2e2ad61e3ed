import { ParlantError } from './errors';
import { parseEvent } from './parse';
import { httpError, readBody, send, type RequestOptions, type Transport } from './request';
import type { ParlantEvent } from './types';

/**
 * Server-sent events over `fetch` (the browser's EventSource cannot send auth headers and hides
 * status codes). Parlant's frames are `data: <event JSON>` separated by blank lines, with no ids,
 * so a reconnect always starts again from our own cursor.
 */

/** How a stream ended. `fallback` holds a JSON list answered by a server that ignores `sse=true`. @example const { received, fallback } = await client.streamEvents('s1', { minOffset: 0, waitForData: 30 }, onEvent); */
export interface StreamOutcome {
  received: number;
  fallback?: ParlantEvent[];
}

/**
 * Splits an event stream into the `data` payloads of its frames.
 * @example for await (const data of sseData(response.body)) JSON.parse(data);
 */
export async function* sseData(body: ReadableStream<Uint8Array>, onChunk: () => void = () => {}): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onChunk();
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.search(/\r\n|\r|\n/);
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
        newline = buffer.search(/\r\n|\r|\n/);
      }
    }
    // A frame cut off by the end of the stream is incomplete and, as the SSE spec says, dropped.
  } finally {
    reader.releaseLock();
  }
}

/**
 * Opens an event stream at `path` and calls `onEvent` for every well-formed event until the
 * server closes it. Rejects with ParlantError (HTTP status, network, idle timeout, abort).
 * @example await streamEvents(transport, `/sessions/${id}/events?sse=true&min_offset=4`, (e) => store.merge([e]), { timeoutMs: 65_000 });
 */
export function streamEvents(
  transport: Transport,
  path: string,
  onEvent: (event: ParlantEvent) => void,
  options: RequestOptions,
  onMalformed: () => void = () => {},
): Promise<StreamOutcome> {
  return send(transport, 'GET', path, undefined, { ...options, accept: 'text/event-stream' }, async (response, touch) => {
    const type = response.headers.get('Content-Type') ?? '';
    if (!response.ok || !type.includes('text/event-stream')) {
      const raw = { status: response.status, headers: response.headers, ...readBody(await response.text()) };
      if (response.ok && raw.json && Array.isArray(raw.body)) {
        return { received: 0, fallback: raw.body.map(parseEvent).filter((e): e is ParlantEvent => e !== null) };
      }
      if (!response.ok) throw httpError('GET', path, raw);
      throw new ParlantError({ kind: 'invalid-response', status: response.status, message: `GET ${path}: not an event stream` });
    }
    let received = 0;
    if (!response.body) return { received };
    for await (const data of sseData(response.body, touch)) {
      let event: ParlantEvent | null = null;
      try {
        event = parseEvent(JSON.parse(data));
      } catch {
        event = null;
      }
      if (!event) {
        onMalformed();
        continue;
      }
      received += 1;
      onEvent(event);
    }
    return { received };
  });
}
