/**
 * `parlant-chatbox/testing/msw`: serves an emulator under a base URL through MSW 2, in Vitest or
 * Jest (`setupServer`) or in the browser (`setupWorker`, Storybook). The only entry that needs the
 * optional peer dependency `msw`. Browser-safe.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ParlantEmulator } from './emulator';

/** Options of {@link createEmulatorHandlers}. @example const o: EmulatorHandlersOptions = { baseUrl: 'http://localhost:8800' }; */
export interface EmulatorHandlersOptions {
  /** Where the app thinks Parlant is: absolute (`http://localhost:8800`) or a path (`/parlant`). */
  baseUrl: string;
}

/**
 * MSW handlers forwarding every request under `baseUrl` to the emulator. Dropped connections
 * (and aborted requests) become `HttpResponse.error()`, i.e. a `TypeError` in `fetch`. Only the
 * emulator's `handle` is used, so its type is that alone: each entry point's declarations carry
 * their own copy of the emulator's types, and an emulator from `parlant-chatbox/testing` must
 * fit here.
 * @example
 * const emu = createParlantEmulator({ timing: { stepMs: 0 } });
 * const server = setupServer(...createEmulatorHandlers(emu, { baseUrl: 'http://parlant.test' }));
 * server.listen();
 */
export function createEmulatorHandlers(emulator: Pick<ParlantEmulator, 'handle'>, options: EmulatorHandlersOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const basePath = /^[a-z][a-z0-9+.-]*:/i.test(base) ? new URL(base).pathname.replace(/\/+$/, '') : base;
  const resolve = async ({ request }: { request: Request }) => {
    try {
      return await emulator.handle(request, { basePath });
    } catch {
      return HttpResponse.error();
    }
  };
  return [http.all(base, resolve), http.all(`${base}/*`, resolve)];
}
