import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ParlantChatboxProps } from '../../src';
import { createParlantEmulator, type ParlantEmulator } from '../../src/testing';
import { createEmulatorHandlers } from '../../src/testing/msw';

export const SERVER = 'http://parlant.test';

/**
 * Serves a fresh emulator behind MSW for each test of the calling file: the app under test uses
 * plain `fetch` to `SERVER`, exactly as it would against Parlant.
 */
export function serveEmulator(options: Parameters<typeof createParlantEmulator>[0] = {}): { readonly emu: ParlantEmulator } {
  const holder = { emu: createParlantEmulator({ timing: { stepMs: 5, handoffMs: 30, slowMs: 50 }, ...options }) };
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup(); // unmount before the server goes away, so no component sees it die
    holder.emu.close();
    holder.emu = createParlantEmulator({ timing: { stepMs: 5, handoffMs: 30, slowMs: 50 }, ...options });
    server.resetHandlers(...createEmulatorHandlers(holder.emu, { baseUrl: SERVER }));
  });
  afterAll(() => {
    holder.emu.close();
    server.close();
  });
  server.use(...createEmulatorHandlers(holder.emu, { baseUrl: SERVER }));
  return {
    get emu() {
      return holder.emu;
    },
  };
}

/**
 * Props of a widget talking to the served emulator: no window events (tests drive them) and a
 * short long-poll wait, so idle polls turn over quickly.
 */
export function widgetProps(env: { readonly emu: ParlantEmulator }, extra: Partial<ParlantChatboxProps> = {}): ParlantChatboxProps {
  return { server: SERVER, agentId: env.emu.defaultAgentId, environment: null, waitForData: 2, ...extra };
}
