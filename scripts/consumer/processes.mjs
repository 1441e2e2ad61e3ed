/* global fetch, AbortSignal -- Node 20 globals */
/**
 * Child processes for the consumer check, with bounded waits and guaranteed cleanup: each child
 * leads its own process group (so a server's own children die with it), its output goes to a
 * log file, and the tail of that output explains a failure.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const started = Date.now();
const children = new Set();
/** Functions run, last first, when the check ends. */
export const cleanups = [];

export const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
export const note = (text) => console.log(`[${secs(Date.now() - started).padStart(6)}] ${text}`);
export const elapsed = () => Date.now() - started;

/** The environment for tools: no NODE_ENV of ours (next build sets its own), no telemetry. */
export function toolEnv(extra = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.NODE_ENV;
  return env;
}

function killTree(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

export async function stopChild(child) {
  killTree(child, 'SIGTERM');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const gone = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
  if (!gone) killTree(child, 'SIGKILL');
  children.delete(child);
}

/** Stops every child still running (after the cleanups). */
export async function stopAll() {
  for (const fn of cleanups.reverse()) await fn();
  for (const child of children) await stopChild(child);
}

/** Spawns a command in its own process group, its output going to `logFile`; keeps a tail. */
export function launch(cmd, args, { cwd, env, logFile }) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const log = createWriteStream(logFile);
  let tail = '';
  let stdout = '';
  const keep = (chunk) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-6000);
  };
  child.stdout.on('data', (chunk) => {
    keep(chunk);
    stdout += chunk.toString();
  });
  child.stderr.on('data', keep);
  child.once('exit', () => log.end());
  return { child, tail: () => tail, stdout: () => stdout };
}

/** The last lines of a command's output, as a suffix for an error message ('' when silent). */
export const tailLines = (text, n = 25) => (text.trim() ? `\n${text.trimEnd().split('\n').slice(-n).join('\n')}` : '');

/** Runs a command to completion within `timeoutMs`; resolves with its stdout, rejects with its output's tail. */
export async function run(cmd, args, { cwd, env = toolEnv(), timeoutMs, logFile }) {
  const { child, tail, stdout } = launch(cmd, args, { cwd, env, logFile });
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    await stopChild(child);
    throw new Error(`${cmd} ${args.join(' ')} timed out after ${secs(timeoutMs)}${tailLines(tail())}`);
  }
  children.delete(child);
  if (result.error) throw new Error(`${cmd} could not start: ${result.error.message}`);
  if (result.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.code ?? result.signal}${tailLines(tail())}`);
  return stdout();
}

/**
 * Starts a long-running process and waits until `ready(stdout)` returns a value (or, with `url`,
 * until that URL answers below 500); resolves with that value. It is stopped at cleanup.
 */
export async function serve(cmd, args, { cwd, url, ready, logFile, env = toolEnv(), timeoutMs = 45_000 }) {
  const { child, tail, stdout } = launch(cmd, args, { cwd, env, logFile });
  cleanups.push(() => stopChild(child));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited early${tailLines(tail())}`);
    if (ready) {
      const value = ready(stdout());
      if (value) return value;
    } else {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        if (response.status < 500) return url;
      } catch {
        // not listening yet
      }
    }
    await sleep(250);
  }
  throw new Error(`${cmd} ${args.join(' ')} was not ready within ${secs(timeoutMs)}${tailLines(tail())}`);
}

/** A free TCP port on 127.0.0.1 (released just before the server that will use it binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms`, so an await on something outside our control stays bounded. */
export async function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${secs(ms)}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
