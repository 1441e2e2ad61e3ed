/**
 * WebKit through WebKitGTK's WebDriver in classic mode (it speaks no BiDi): a MiniBrowser per
 * context, so each test starts with a fresh profile. Classic WebDriver drives one window at a
 * time, so every command of a tab first makes that tab the current window, one tab at a time.
 */
import { Key, remote } from 'webdriverio';
import { startWebKitDriver, type WebKitDriver } from '../../scripts/webkit-driver.ts';
import type { Engine, EngineContext, EnginePage, Viewport } from './engine';

type Session = WebdriverIO.Browser;

const KEYS: Record<string, string> = { Shift: Key.Shift, Control: Key.Control, Alt: Key.Alt, Meta: Key.Command, Enter: Key.Enter, Tab: Key.Tab, Escape: Key.Escape, Home: Key.Home, End: Key.End, PageUp: Key.PageUp, PageDown: Key.PageDown, ArrowUp: Key.ArrowUp, ArrowDown: Key.ArrowDown, Backspace: Key.Backspace, Space: ' ' };

function context(session: Session): EngineContext {
  let current: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `work` with `handle` as the current window, after whatever another tab is doing. */
  const inWindow = <T>(handle: string, work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      if (current !== handle) await session.switchToWindow(handle);
      current = handle;
      return work();
    });
    queue = run.catch(() => {});
    return run;
  };

  const execute = session.execute.bind(session) as unknown as <R>(fn: (arg: unknown) => R, arg: unknown) => Promise<R>;
  let first = true;
  const page = (handle: string): EnginePage => {
    const act = <T>(work: () => Promise<T>) => inWindow(handle, work);
    return {
      driverProblems: [],
      goto: (url) => act(() => session.url(url)).then(() => {}),
      reload: () => act(() => session.refresh()),
      evaluate: <R, A>(fn: (arg: A) => R, arg?: A) => act(async () => ((await execute(fn as (arg: unknown) => R, arg ?? null)) ?? null) as R),
      click: (selector) => act(() => session.$(selector).click()),
      press: (chord) =>
        act(async () => {
          const keys = chord.split('+').map((key) => KEYS[key] ?? key);
          const action = session.action('key');
          for (const key of keys) action.down(key);
          for (const key of keys.reverse()) action.up(key);
          await action.perform();
        }),
      // Element Send Keys takes any text (the actions API only single code units, so no emoji).
      type: (text) =>
        act(async () => {
          const active = await session.getActiveElement();
          await session.elementSendKeys(Object.values(active)[0] as string, text);
        }),
      screenshot: (file) =>
        act(async () => {
          // WebKitGTK's element screenshots come out shifted (a black band over the element's
          // top) under Xvfb, so WebKit always captures the whole viewport.
          await session.saveScreenshot(file);
        }),
      close: () =>
        act(async () => {
          await session.closeWindow();
          current = null;
        }),
    };
  };

  return {
    newPage: async () => {
      if (first) {
        first = false;
        return page(await session.getWindowHandle());
      }
      const { handle } = await inWindow(current ?? (await session.getWindowHandle()), () => session.createWindow('tab'));
      return page(handle);
    },
    setOffline: async () => false,
    close: () => session.deleteSession(),
  };
}

/**
 * Starts WebKitGTK's driver (under a private Xvfb) and opens sessions on it.
 * @example const engine = await launchWebKit({ width: 1280, height: 800 });
 */
export async function launchWebKit(viewport: Viewport): Promise<Engine> {
  const driver: WebKitDriver = await startWebKitDriver();
  return {
    name: 'webkit',
    newContext: async () => {
      const session = await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'error',
        // A command WebKit never answers fails the test in a minute instead of hanging the run.
        connectionRetryTimeout: 60_000,
        connectionRetryCount: 0,
        capabilities: { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true, 'webkitgtk:browserOptions': { args: ['--automation'] } } as WebdriverIO.Capabilities,
      });
      // The window's size includes its frame: grow it until the viewport has the size asked for.
      await session.setWindowSize(viewport.width, viewport.height);
      const inner = await session.execute(() => [window.innerWidth, window.innerHeight]);
      await session.setWindowSize(2 * viewport.width - (inner[0] ?? 0), 2 * viewport.height - (inner[1] ?? 0));
      return context(session);
    },
    close: async () => driver.stop(),
  };
}
