import { statusData, traceKey } from './events';
import type { ParlantEvent } from './types';

/**
 * Which customer messages the agent failed to answer. A failed turn ends with an `error` status
 * under the customer message's trace id. Asking the agent to answer again (a run the widget
 * starts itself, under a new trace id) belongs to the customer message before it: when that run
 * is acknowledged or replies, the message is no longer failed; when it fails too, it is again.
 */
export interface Failures {
  /** Trace keys of failed customer messages. */
  failed: ReadonlySet<string>;
  /** Trace key of the customer's latest message: only that one offers "Try again". */
  latest: string | null;
  /** Whether the timeline holds any `error` status (then any new message may change the result). */
  errors: boolean;
}

/** No failures. @example findFailures([]) // NO_FAILURES */
export const NO_FAILURES: Failures = { failed: new Set(), latest: null, errors: false };

const hasText = (e: ParlantEvent) => typeof (e.data as { message?: unknown } | null)?.message === 'string';
const isCustomerMessage = (e: ParlantEvent) => e.kind === 'message' && e.source === 'customer' && hasText(e);
const isAgentMessage = (e: ParlantEvent) => e.kind === 'message' && e.source !== 'customer' && hasText(e);
const statusOf = (e: ParlantEvent) => statusData(e)?.status;

/**
 * Finds the failed customer messages of a timeline (one pass).
 * @example findFailures(events).failed.has(message.traceKey)
 */
export function findFailures(events: readonly ParlantEvent[]): Failures {
  const customerTraces = new Set<string>();
  for (const event of events) if (isCustomerMessage(event)) customerTraces.add(traceKey(event));
  const failed = new Set<string>();
  let latest: string | null = null;
  let errors = false;
  for (const event of events) {
    if (isCustomerMessage(event)) {
      latest = traceKey(event);
      continue;
    }
    const status = statusOf(event);
    if (status === 'error') errors = true;
    const trace = traceKey(event);
    const owner = customerTraces.has(trace) ? trace : latest;
    if (owner === null) continue;
    if (status === 'error') failed.add(owner);
    else if (status === 'acknowledged' || isAgentMessage(event)) failed.delete(owner);
  }
  return errors ? { failed, latest, errors } : NO_FAILURES;
}

/**
 * Whether events from `from` on (in the new timeline, or the old one they replace) can change
 * the failures: an error status always can; once the timeline holds one, so can a new turn, a
 * reply or a customer message. A conversation without failures never pays for a full pass.
 * @example if (failuresMayChange(before, after, from, current)) current = findFailures(after);
 */
export function failuresMayChange(before: readonly ParlantEvent[], after: readonly ParlantEvent[], from: number, current: Failures): boolean {
  const relevant = (e: ParlantEvent) => {
    const status = statusOf(e);
    if (status === 'error') return true;
    return current.errors && (status === 'acknowledged' || e.kind === 'message');
  };
  for (let i = from; i < after.length; i += 1) if (relevant(after[i] as ParlantEvent)) return true;
  for (let i = from; i < before.length; i += 1) if (relevant(before[i] as ParlantEvent)) return true;
  return false;
}

/** Whether two results flag the same messages the same way. @example sameFailures(a, b) */
export function sameFailures(a: Failures, b: Failures): boolean {
  if (a === b) return true;
  if (a.errors !== b.errors || (a.latest !== b.latest && (a.failed.size > 0 || b.failed.size > 0))) return false;
  return a.failed.size === b.failed.size && [...a.failed].every((key) => b.failed.has(key));
}
