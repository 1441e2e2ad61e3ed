/**
 * One Parlant emulator per rendered story, reachable over plain `fetch` through MSW.
 *
 * Why a dispatcher instead of per-story `parameters.msw` handlers: msw-storybook-addon resets the
 * worker's handlers before every story, and a docs page renders all stories of a component at
 * once, so handlers added for one story would be wiped by the next. Instead the worker gets one
 * permanent handler (`emulatorRoutes`) that forwards `https://parlant.example/<key>/…` to the
 * emulator registered under `<key>`, and every story render gets its own key and emulator. Nothing
 * is shared between stories, and a story can be rendered many times (docs page, re-mount) without
 * one copy seeing another's conversation.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { StoryContext } from '@storybook/react-vite';
import { createParlantEmulator, type EmulatorOptions, type ParlantEmulator } from '../../src/testing';

/** Origin every story's Parlant server lives under (never reaches the network). */
export const PARLANT_ORIGIN = 'https://parlant.example';

/**
 * Timing of the scripted agent in stories: fast enough that tests finish quickly, slow enough that
 * a person watching the story still sees "thinking" and "typing" go by.
 */
export const STORY_TIMING = { stepMs: 60, handoffMs: 700, slowMs: 1500 } as const;

/** What a story's seed function may hand back. */
export interface SeedResult {
  /** A session the widget should resume (passed as `sessionId`). */
  sessionId?: string;
}

/** `parameters.parlant` of a story: how to build and seed its emulator. */
export interface ParlantParameters {
  /** Emulator options (agents, timing, …); timing defaults to {@link STORY_TIMING}. */
  options?: EmulatorOptions;
  /**
   * Moment (ISO) the emulator's wall clock starts at, running at real speed from there; events
   * then show the same times on every run. Default: the real time.
   */
  startsAt?: string;
  /** Prepares the server before the widget mounts: sessions, history, faults. */
  seed?: (emu: ParlantEmulator) => SeedResult | void | Promise<SeedResult | void>;
  /**
   * Runs once the widget has loaded the seeded session's history: things that should happen
   * while the customer is watching (new messages while the panel is closed, the server going
   * down). Needs a seeded `sessionId`.
   */
  live?: (emu: ParlantEmulator, sessionId: string) => void | Promise<void>;
}

/** The emulator of one story render, as loaders put it in `context.loaded.parlant`. */
export interface StoryParlant {
  emu: ParlantEmulator;
  /** Base URL for the widget's `server` prop. */
  server: string;
  agentId: string;
  sessionId?: string;
  /** Closes the emulator and unregisters it; requests to its URL then fail like a dead host. */
  dispose(): void;
}

const registry = new Map<string, ParlantEmulator>();

function clockStartingAt(iso: string): () => number {
  const base = Date.parse(iso);
  const start = performance.now();
  return () => base + (performance.now() - start);
}

let renders = 0;

/**
 * The worker's permanent MSW handler, routing each story's requests to that story's emulator.
 * Pass it to `setupWorker()` so it survives the addon's handler reset between stories.
 * @example const worker = setupWorker(...emulatorRoutes());
 */
export function emulatorRoutes(): HttpHandler[] {
  return [
    http.all(`${PARLANT_ORIGIN}/:key/*`, async ({ request, params }) => {
      const key = String(params.key);
      const emu = registry.get(key);
      // The story that owned this server is gone; answer like an unreachable host.
      if (!emu) return HttpResponse.error();
      try {
        return await emu.handle(request, { basePath: `/${key}` });
      } catch {
        // Dropped connections (fault injection) reject; fetch must see a network error.
        return HttpResponse.error();
      }
    }),
  ];
}

/**
 * Creates, registers and seeds a fresh emulator. Used by {@link parlantLoader}; call it directly
 * when a story needs a server outside the loader.
 * @example const parlant = await startStoryEmulator('chat--empty', {});
 */
export async function startStoryEmulator(storyId: string, spec: ParlantParameters): Promise<StoryParlant> {
  renders += 1;
  const key = `${storyId.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}-${renders}`;
  const emu = createParlantEmulator({
    ...spec.options,
    timing: { ...STORY_TIMING, ...spec.options?.timing },
    ...(spec.startsAt !== undefined && { now: clockStartingAt(spec.startsAt) }),
  });
  registry.set(key, emu);
  let disposed = false;
  let seeded: SeedResult;
  try {
    seeded = (await spec.seed?.(emu)) ?? {};
  } catch (error) {
    // A broken seed fails the story; its emulator must not stay registered.
    registry.delete(key);
    emu.close();
    throw error;
  }
  const parlant: StoryParlant = {
    emu,
    server: `${PARLANT_ORIGIN}/${key}`,
    agentId: emu.defaultAgentId,
    dispose() {
      if (disposed) return;
      disposed = true;
      registry.delete(key);
      emu.close();
    },
  };
  if (seeded.sessionId) parlant.sessionId = seeded.sessionId;
  const { live } = spec;
  const sessionId = seeded.sessionId;
  if (live && sessionId) {
    // Not awaited: the story must render first, these things happen afterwards.
    void whenHistoryServed(emu, sessionId, () => disposed).then((served) => (served ? live(emu, sessionId) : undefined));
  }
  return parlant;
}

/**
 * Resolves true once the emulator has answered the widget's first read of a session's events
 * (its history), false if the story was torn down before that.
 */
async function whenHistoryServed(emu: ParlantEmulator, sessionId: string, gone: () => boolean): Promise<boolean> {
  const path = `/sessions/${sessionId}/events`;
  while (!gone()) {
    if (emu.requests.some((r) => r.method === 'GET' && r.path === path && r.status === 200)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/**
 * Loader giving each story render its own emulator, built from `parameters.parlant`; the result
 * is `context.loaded.parlant` (read it with {@link parlantOf}). Pair with {@link disposeParlant}.
 * @example const meta = { loaders: [parlantLoader], beforeEach: disposeParlant } satisfies Meta;
 */
export async function parlantLoader(context: Pick<StoryContext, 'id' | 'parameters'>): Promise<{ parlant: StoryParlant }> {
  const spec = (context.parameters.parlant ?? {}) as ParlantParameters;
  return { parlant: await startStoryEmulator(context.id, spec) };
}

/**
 * `beforeEach` hook whose cleanup closes the story's emulator when Storybook leaves the story
 * (or, in Vitest, before the next story renders), so no timer or long-poll outlives it.
 * @example const meta = { loaders: [parlantLoader], beforeEach: disposeParlant } satisfies Meta;
 */
export function disposeParlant(context: Pick<StoryContext, 'loaded'>): () => void {
  const parlant = findParlant(context);
  return () => parlant?.dispose();
}

function findParlant(context: Pick<StoryContext, 'loaded'>): StoryParlant | undefined {
  const value: unknown = context.loaded?.parlant;
  return value && typeof value === 'object' && 'emu' in value ? (value as StoryParlant) : undefined;
}

/**
 * The story's emulator, for render and play functions.
 * @example
 * play: async (context) => {
 *   parlantOf(context).emu.faults.fail('POST /sessions/:id/events', { status: 503 });
 * }
 */
export function parlantOf(context: Pick<StoryContext, 'loaded'>): StoryParlant {
  const parlant = findParlant(context);
  if (!parlant) throw new Error('This story has no Parlant emulator: add `loaders: [parlantLoader]` to its meta.');
  return parlant;
}
