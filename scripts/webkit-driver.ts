/**
 * Starts WebKitGTK's WebDriver (which launches its MiniBrowser per session) with a display to
 * draw into: a private Xvfb server unless one is given in WEBKIT_DISPLAY. Both run in process
 * groups of their own and are ended, with the browsers they started, by `stop()` or when this
 * process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { webkitDriverPath, xvfbPath } from './engines.mjs';

/** A running driver. @example const driver = await startWebKitDriver(); driver.port; */
export interface WebKitDriver {
  readonly port: number;
  stop(): void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Xvfb picks a free display itself and writes its number to the descriptor -displayfd names. */
function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  const child = spawn(xvfbPath(), ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve({ display: `:${text.trim()}`, child });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
  });
}

async function ready(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100 && child.exitCode === null; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not start on port ${port}`);
}

const end = (child: ChildProcess | undefined) => {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

/**
 * Starts the driver on a free port.
 * @example const driver = await startWebKitDriver(); ... driver.stop();
 */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  const given = process.env.WEBKIT_DISPLAY;
  const xvfb = given ? undefined : await startXvfb();
  const port = await freePort();
  // Without a GPU, WebKitGTK's hardware compositing draws blank screenshots under Xvfb.
  const env = { ...process.env, DISPLAY: given ?? xvfb?.display, LIBGL_ALWAYS_SOFTWARE: '1' };
  // A session a failed test could not end must not block the next one.
  const driver = spawn(webkitDriverPath(), [`--port=${port}`, '--replace-on-new-session'], { stdio: 'ignore', detached: true, env });
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => {
    end(driver);
    end(xvfb?.child);
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  // Its own process groups outlive this process unless ended here.
  process.on('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await ready(port, driver);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, stop };
}
