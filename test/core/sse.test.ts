import { describe, expect, it } from 'vitest';
import { sseData } from '../../src/core/sse';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const data of sseData(stream)) out.push(data);
  return out;
}

describe('server-sent events reader', () => {
  it('yields each frame once, however the bytes are split', async () => {
    expect(await collect(streamOf('data: {"a"', ':1}\n', '\ndata: {"b":2}\n\n'))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('accepts CRLF and CR line ends, joins multi-line data, skips comments and other fields', async () => {
    expect(await collect(streamOf(': keep-alive\r\nevent: x\r\nid: 7\r\ndata: one\r\ndata:two\r\n\r\ndata: three\r\r'))).toEqual(['one\ntwo', 'three']);
  });

  it('drops a frame cut off by the end of the stream', async () => {
    expect(await collect(streamOf('data: whole\n\ndata: {"half":'))).toEqual(['whole']);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: שלום 👋\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual(['שלום 👋']);
  });
});
