/**
 * A real HTTP server around an emulator, for e2e tests, Playwright and the demo. Converts
 * `node:http` messages to Fetch Requests and streams Fetch Responses (SSE included) back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParlantEmulator, type ParlantEmulator } from './emulator';
import { NetworkDropError } from './pipeline';

/** What the server needs of an emulator: any `ParlantEmulator`, from whichever entry it was imported. */
export type ServableEmulator = Pick<ParlantEmulator, 'handle' | 'close'>;

/** Options of {@link startEmulatorServer}. @example const o: EmulatorServerOptions = { port: 0 }; */
export interface EmulatorServerOptions<E extends ServableEmulator = ParlantEmulator> {
  /** Emulator to serve; a new default one when omitted (then `close()` closes it too). */
  emulator?: E;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
}

/** A running server. @example const { url, close } = await startEmulatorServer(); */
export interface EmulatorServer<E extends ServableEmulator = ParlantEmulator> {
  /** `http://host:port`, no trailing slash. */
  url: string;
  emulator: E;
  /** Stops listening, ends open connections (and pending long-polls) and resolves when closed. */
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headersDistinct)) {
    for (const v of value ?? []) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  let body: ArrayBuffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const parts: Uint8Array[] = [];
    for await (const part of req) parts.push(part as Uint8Array);
    const all = Buffer.concat(parts);
    body = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  }
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body: body ?? null, signal });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  // Flush each chunk as it comes, so SSE frames reach the client without buffering.
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch {
    // The body errored (e.g. an SSE read of an unknown event): abort like the server would.
    res.destroy();
  }
}

/**
 * Starts an HTTP server for an emulator on `host:port`.
 * @example
 * const server = await startEmulatorServer({ port: 0 });
 * const agents = await (await fetch(`${server.url}/agents`)).json();
 * await server.close();
 */
export async function startEmulatorServer<E extends ServableEmulator = ParlantEmulator>(options: EmulatorServerOptions<E> = {}): Promise<EmulatorServer<E>> {
  const owned = options.emulator === undefined;
  // Without one, E is the default ParlantEmulator.
  const emulator = options.emulator ?? (createParlantEmulator() as unknown as E);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    const controller = new AbortController();
    // The client went away before we answered: let the emulator stop waiting.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const origin = `http://${req.headers.host ?? host}`;
    toRequest(req, origin, controller.signal)
      .then((request) => emulator.handle(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        if (error instanceof NetworkDropError) return void req.socket.destroy();
        if (controller.signal.aborted || res.headersSent) return void res.destroy();
        res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        if (owned) emulator.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
