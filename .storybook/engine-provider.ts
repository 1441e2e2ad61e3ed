import { defineBrowserProvider } from '@vitest/browser';
import type { BrowserProvider, BrowserProviderOption } from 'vitest/node';
import { launchEngine, type Engine, type EngineContext, type EnginePage } from '../test/e2e/engine.ts';

type OtherEngine = 'firefox' | 'webkit';

/**
 * Runs the story tests in Firefox or WebKit through the end-to-end suite's engine adapter (the
 * system's Firefox over WebDriver BiDi, WebKitGTK over classic WebDriver). Vitest's own providers
 * cannot here: Playwright needs its patched browser builds, and WebdriverIO's provider has no
 * release matching the Vitest in use and would need a geckodriver binary for Firefox. Stories
 * only need a page that loads Vitest's tester: their interactions run inside the page (Testing
 * Library's user-event), so this provider offers no pointer or keyboard commands of its own.
 */
class EngineProvider implements BrowserProvider {
  readonly name = 'engine-adapter';
  readonly supportsParallelism = false;
  /** The tab the tests run in, once open; read by commands such as saveScreenshot. */
  page: EnginePage | null = null;
  private opened: Promise<{ engine: Engine; context: EngineContext; page: EnginePage }> | null = null;

  constructor(readonly engine: OtherEngine) {}

  getCommandsContext(): { enginePage: EnginePage | null } {
    return { enginePage: this.page };
  }

  async openPage(_sessionId: string, url: string): Promise<void> {
    this.opened ??= (async () => {
      // Larger than any story viewport, as in Chromium, so Vitest never scales the story down
      // (a scaled story would be captured at the wrong size).
      const engine = await launchEngine(this.engine, { viewport: { width: 1280, height: 1000 } });
      const context = await engine.newContext();
      return { engine, context, page: await context.newPage() };
    })();
    const { page } = await this.opened;
    this.page = page;
    await page.goto(url);
  }

  async close(): Promise<void> {
    const opened = await this.opened;
    this.opened = null;
    this.page = null;
    await opened?.context.close().catch(() => {});
    await opened?.engine.close();
  }
}

/**
 * The provider option of a Vitest browser project in Firefox or WebKit.
 * @example browser: { provider: engineProvider('webkit'), instances: [{ browser: 'webkit' }] }
 */
export function engineProvider(engine: OtherEngine): BrowserProviderOption {
  return defineBrowserProvider({
    name: 'engine-adapter',
    supportedBrowser: [engine],
    options: {},
    providerFactory: () => new EngineProvider(engine),
  });
}
