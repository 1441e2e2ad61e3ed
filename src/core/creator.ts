import type { CreateSessionParams } from './client';
import { interruptibleSleep, type Clock } from './clock';
import type { ConnectionInput } from './connection';
import { ParlantError } from './errors';
import { finalState, retryDelay } from './policy';
import type { Session } from './types';
import type { ConversationParts } from './parts';

/** Creates the session of a conversation when it is first needed. @example const id = await creator.ensure(); */
export interface SessionCreator {
  /** The session id, creating the session if there is none; callers meanwhile share one attempt. `signal` only stops the waiting caller. */
  ensure(signal?: AbortSignal): Promise<string>;
  /** While paused (the widget unmounted), a failed attempt waits for `resume` instead of retrying. */
  pause(): void;
  resume(): void;
  /** Skips the wait before the next attempt ("Retry now"). */
  wake(): void;
}

/**
 * The session creator: one request at a time, retried through the failure policy (backoff, or a
 * final state for a refusal no retry fixes), with the connection state telling the customer.
 * A request already sent is never aborted (a StrictMode remount must not create a second
 * session); only the waits between attempts stop with the widget.
 * @example
 * const creator = createSessionCreator({ client, store, clock, params: { agentId: 'a1' }, onCreated: (s) => save(s.id) });
 * const sessionId = await creator.ensure();
 */
export function createSessionCreator(options: ConversationParts & {
  clock: Clock;
  params: CreateSessionParams;
  onCreated: (session: Session) => void;
}): SessionCreator {
  const { client, store, clock, params, onCreated, onError } = options;
  let creating: Promise<string> | null = null;
  let active = true;
  let nap: { wake(): void } | null = null;
  const resumed: Array<() => void> = [];
  const report = (input: ConnectionInput, extra?: { error?: ParlantError; retryAt?: number }) => store.getState().reportConnection(input, clock.now(), extra);

  async function create(): Promise<string> {
    report('start');
    for (let attempt = 1; ; attempt += 1) {
      try {
        const session = await client.createSession(params);
        store.getState().setSession(session.id);
        store.getState().setSessionInfo(session);
        // New sessions start empty: nothing to load, and our first message will come back by poll.
        store.getState().setHistoryLoaded();
        report('ok');
        onCreated(session);
        return session.id;
      } catch (caught) {
        const error = caught instanceof ParlantError ? caught : new ParlantError({ kind: 'network', message: String(caught), cause: caught });
        onError?.(error);
        const final = finalState(error, 'create');
        if (final) {
          report(final, { error });
          throw error;
        }
        const delay = retryDelay(error, attempt, clock.random);
        report('retry', { error, retryAt: clock.now() + delay });
        const sleep = interruptibleSleep(clock, delay);
        nap = sleep;
        await sleep.done;
        nap = null;
        while (!active) await new Promise<void>((resolve) => resumed.push(resolve));
      }
    }
  }

  return {
    ensure(signal) {
      const existing = store.getState().sessionId;
      if (existing) return Promise.resolve(existing);
      creating ??= create().finally(() => (creating = null));
      return signal ? untilAborted(creating, signal) : creating;
    },
    pause() {
      active = false;
    },
    resume() {
      active = true;
      for (const resolve of resumed.splice(0)) resolve();
    },
    wake() {
      nap?.wake();
    },
  };
}

/** `promise`, or a rejection as soon as `signal` aborts (the work behind the promise goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = () => new ParlantError({ kind: 'aborted', message: 'Stopped waiting', cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
