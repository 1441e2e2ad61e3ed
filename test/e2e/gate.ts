/**
 * A switchable HTTP gate between the browser and the Parlant server. It records every request the
 * widget makes (as the server sees it, across reloads and tabs, in any engine: classic WebDriver
 * has no network events) and can go down, which resets open connections and refuses new ones: an
 * outage, or a network gone offline, staged on the server side where no engine can emulate it.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request through the gate; `status` is null while it is unanswered. */
export interface GateEntry {
  method: string;
  /** Path and query, as sent. */
  url: string;
  status: number | null;
}

/** A gate in front of one server. @example const gate = await openGate(backend.url); gate.down(); */
export interface Gate {
  /** What the widget is given as `server`. */
  readonly url: string;
  readonly log: readonly GateEntry[];
  /** Resets every open connection (long-polls, streams) and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

/**
 * Opens a gate on a free local port in front of `target`. Responses are streamed through chunk by
 * chunk, so long-polls and server-sent events behave as they would without it.
 * @example const gate = await openGate('http://127.0.0.1:8800');
 */
export async function openGate(target: string): Promise<Gate> {
  const upstream = new URL(target);
  const base = upstream.pathname.replace(/\/+$/, '');
  const log: GateEntry[] = [];
  const sockets = new Set<Socket>();
  let open = true;

  const pass = (req: IncomingMessage, res: ServerResponse) => {
    if (!open) return void req.socket.destroy();
    const entry: GateEntry = { method: req.method ?? 'GET', url: req.url ?? '/', status: null };
    log.push(entry);
    const out = forward(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: `${base}${req.url ?? '/'}`, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.flushHeaders();
        answer.pipe(res);
      },
    );
    // A browser that gives up (abort, reload, closed tab) ends the upstream request too.
    res.on('close', () => out.destroy());
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  };

  const server = createServer(pass);
  server.on('connection', (socket) => {
    if (!open) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    down() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
