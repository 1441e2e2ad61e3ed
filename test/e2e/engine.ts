/**
 * The one seam between the end-to-end scenarios and a browser engine. Chromium and Firefox are
 * driven by puppeteer-core (CDP and WebDriver BiDi), WebKit by classic WebDriver through
 * WebKitGTK's driver. Everything a scenario reads comes from the page itself (see app/probe.ts)
 * and everything it sees on the network from the gate (see gate.ts), so the three mean the same.
 */

/** The engines the README promises. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** One tab. @example await page.goto(url); await page.press('Shift+Tab'); */
export interface EnginePage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page; argument and result travel as JSON (undefined comes back as null). */
  evaluate<R, A = null>(fn: (arg: A) => R, arg?: A): Promise<R>;
  /** A real pointer click on the element the selector names. */
  click(selector: string): Promise<void>;
  /** A key, or modifiers and a key joined by `+` (`Shift+Tab`), pressed and released. */
  press(key: string): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** A PNG of the visible page, or of one element (in an iframe, when `frame` names one; WebKit captures the whole page). */
  screenshot(file: string, element?: { selector: string; frame?: string }): Promise<void>;
  /** Console errors and uncaught errors only the driver sees (none in WebKit). */
  readonly driverProblems: readonly string[];
  close(): Promise<void>;
}

/** A fresh profile (storage, cookies) for one test; its tabs share it. */
export interface EngineContext {
  newPage(): Promise<EnginePage>;
  /** Turns the engine's own offline emulation on or off, where it has one. @returns whether it has */
  setOffline(offline: boolean): Promise<boolean>;
  close(): Promise<void>;
}

/** A launched engine. @example const engine = await launchEngine('firefox'); */
export interface Engine {
  readonly name: EngineName;
  newContext(): Promise<EngineContext>;
  close(): Promise<void>;
}

/** How to launch an engine. @example const o: EngineOptions = { viewport: { width: 1280, height: 1000 } }; */
export interface EngineOptions {
  /** Size of a tab's viewport; 1280 × 800 by default. */
  viewport?: Viewport;
}

/** A viewport size in CSS pixels. @example const v: Viewport = { width: 1280, height: 800 }; */
export interface Viewport {
  width: number;
  height: number;
}

/** The engine `E2E_ENGINE` names; Chromium by default. @example const name = engineFromEnv(); */
export function engineFromEnv(): EngineName {
  const name = process.env.E2E_ENGINE ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox' && name !== 'webkit') throw new Error(`E2E_ENGINE must be chromium, firefox or webkit, not ${name}`);
  return name;
}

/**
 * Launches an engine from the system's packages (never a downloaded browser build).
 * @example const engine = await launchEngine(engineFromEnv(), { viewport: { width: 1280, height: 1000 } });
 */
export async function launchEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  if (name === 'webkit') return (await import('./engine-webdriver.ts')).launchWebKit(viewport);
  return (await import('./engine-puppeteer.ts')).launchPuppeteer(name, viewport);
}
