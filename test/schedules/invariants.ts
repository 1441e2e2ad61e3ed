import { clientMessageId, messageData } from '../../src/core/events';
import type { ParlantEvent } from '../../src/core/types';
import type { Exchange, Tab, World } from './world';

/**
 * The promises a schedule must keep, checked after every step (and, with `final`, once the
 * world has been quiet long enough for everything to settle):
 * (a) no message is posted again on its own after an ambiguous outcome (checked by the network
 *     as each request starts); at the end every typed message is on the server, once unless the
 *     customer retried it, or visible as not sent with its text;
 * (b) what is shown is the server's messages in offset order, each once;
 * (c) nothing once shown disappears unless the conversation ended;
 * (d) one request per purpose in flight (the network checks), and failed polls and refused
 *     sends are retried no sooner than the backoff and Retry-After allow;
 * (e) the connection state shown matches the last outcome.
 */

/** Server messages as a tab should show them: text messages in offset order, one per client id. */
function serverMessages(events: readonly ParlantEvent[]): ParlantEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (e.kind !== 'message' || typeof (e.data as { message?: unknown }).message !== 'string') return false;
    const id = clientMessageId(e);
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function checkShown(world: World, tab: Tab, final: boolean, problems: string[]) {
  const state = tab.chat.store.getState();
  const messages = tab.chat.views.selectMessages(state);
  const keys = messages.map((m) => m.key);
  if (new Set(keys).size !== keys.length) problems.push(`(b) tab ${tab.index} shows a message twice: ${keys.join(',')}`);
  const sessionId = state.sessionId;
  const onServer = sessionId ? world.emu.session(sessionId) !== undefined : false;
  const events = sessionId && onServer ? world.emu.events(sessionId) : [];
  const ids = new Map(events.map((e) => [e.id, e]));
  const confirmed = messages.filter((m) => m.delivery === 'sent');
  let last = -1;
  for (const message of confirmed) {
    if (onServer && !ids.has(message.eventId ?? '')) problems.push(`(b) tab ${tab.index} shows ${message.eventId}, which the server does not have`);
    if ((message.offset ?? -1) <= last) problems.push(`(b) tab ${tab.index} shows messages out of offset order`);
    last = message.offset ?? last;
  }
  if (final && onServer && state.connection.state === 'live') {
    const expected = serverMessages(events).map((e) => `${e.id}:${(messageData(e) as { message: string }).message}`);
    const actual = confirmed.map((m) => `${m.eventId}:${m.text}`);
    if (expected.join('|') !== actual.join('|')) problems.push(`(b) tab ${tab.index} shows [${actual.join(' | ')}] but the server has [${expected.join(' | ')}]`);
  }
  // (c) Shown messages stay, unless the conversation ended or is gone from the server (then what
  // it showed is no longer protected: a reload may start afresh).
  const shownGone = tab.shownSession !== null && world.emu.session(tab.shownSession) === undefined;
  if (state.connection.state === 'ended' || (sessionId !== null && !onServer) || shownGone) {
    tab.shown.clear();
    tab.shownSession = null;
    return;
  }
  const now = new Set(keys);
  const loading = sessionId !== null && !state.historyLoaded;
  for (const [key, text] of tab.shown) {
    const pending = state.outbox.some((item) => item.clientId === key);
    if (!now.has(key) && !(loading && !pending)) problems.push(`(c) tab ${tab.index} no longer shows "${text}" (${key}) though the conversation did not end`);
  }
  for (const message of messages) tab.shown.set(message.key, message.text);
  if (sessionId !== null) tab.shownSession = sessionId;
}

/** (d) The least time before attempt n+1 after n failures in a row, by the failure policy. */
function minimumGap(failure: Exchange, inARow: number): number {
  const backoff = Math.min(15_000, 500 * 2 ** (inARow - 1));
  const asked = failure.retryAfter !== undefined && (failure.status === 429 || failure.status === 503) ? failure.retryAfter * 1000 : 0;
  const floor = failure.status === 429 ? 10_000 : 0;
  return Math.min(300_000, Math.max(backoff, asked, floor));
}

function checkPacing(world: World, wakes: readonly number[], problems: string[]) {
  const woken = (from: number, to: number) => wakes.some((t) => t >= from && t <= to);
  for (const tab of world.tabs) {
    const polls = world.exchanges.filter((x) => x.instance === tab.instance && x.purpose === 'poll');
    let inARow = 0;
    for (let i = 0; i + 1 < polls.length; i += 1) {
      const [a, b] = [polls[i] as Exchange, polls[i + 1] as Exchange];
      if (a.ended === undefined) break;
      if (a.outcome !== 'failed') {
        inARow = 0;
        continue;
      }
      // A 401/403 is retried at once by the client after the host refreshed its credentials: not
      // one of the loop's failures.
      if (a.status === 401 || a.status === 403) continue;
      // A proxy cutting a long request is not a failure of the loop: it shortens its wait and asks again.
      if (a.ended - a.started >= 5000 && (a.status === undefined || a.status === 502 || a.status === 504)) continue;
      // A re-sync after a 422 is not paced; a final refusal ends the loop (a restart counts afresh).
      if (a.status === 422 || a.status === 404) {
        inARow = 0;
        continue;
      }
      inARow += 1;
      const gap = b.started - a.ended;
      if (gap + 1 < minimumGap(a, inARow) && !woken(a.ended, b.started)) {
        problems.push(`(d) tab ${tab.index} polled again ${gap} ms after ${inARow} failure(s) (status ${a.status ?? 'none'})`);
      }
    }
  }
  const sends = world.exchanges.filter((x) => x.purpose === 'send' && x.key);
  for (let i = 0; i < sends.length; i += 1) {
    const a = sends[i] as Exchange;
    if (a.status !== 429 || a.ended === undefined) continue;
    // Within one page: a reload forgets the wait, as a new page would.
    const b = sends.slice(i + 1).find((x) => x.key === a.key && x.instance === a.instance);
    const explicit = world.retries.some((r) => r.key === a.key && r.at >= (a.ended as number) && r.at <= (b?.started ?? Infinity));
    if (b && !explicit && b.started - a.ended + 1 < minimumGap(a, 1)) problems.push(`(d) message ${a.key} sent again ${b.started - a.ended} ms after a 429`);
  }
}

const QUIET = new Set(['connecting', 'live', 'reconnecting', 'offline']);

function checkConnection(world: World, tab: Tab, transport: string, problems: string[]) {
  if (world.net.away) return; // nothing runs, nothing is shown
  const state = tab.chat.store.getState();
  const shown = state.connection.state;
  // The session is also read on its own (after a handoff signal, or a message nobody acknowledged):
  // that read says nothing about the connection. Only the poll and the session creator do.
  const mine = world.exchanges.filter((x) => x.instance === tab.instance && (x.purpose === 'poll' || x.purpose === 'create') && x.outcome !== 'aborted');
  const busy = mine.some((x) => x.ended === undefined);
  if (busy) {
    if (!QUIET.has(shown)) problems.push(`(e) tab ${tab.index} is ${shown} while a request is still on its way`);
    return;
  }
  const last = mine.at(-1);
  if (!last) return;
  if (world.net.offline) {
    if (shown !== 'offline' && QUIET.has(shown) && state.sessionId !== null) problems.push(`(e) tab ${tab.index} says ${shown} while the network is down`);
    return;
  }
  const status = last.status;
  let expected: string[];
  const gone = state.sessionId !== null && world.emu.session(state.sessionId) === undefined;
  // A stream is answered 200 before it ends; Parlant ends one for a deleted session without a word,
  // and the loop then asks the session itself.
  if (last.outcome === 'ok') expected = transport === 'long-poll' ? ['live'] : gone ? ['live', 'reconnecting', 'ended'] : ['live', 'reconnecting'];
  else if (status === 404) expected = last.purpose === 'create' ? ['failed'] : state.sessionId === null ? ['idle'] : ['ended']; // idle: a remembered session found gone starts over quietly
  else if (status === 401 || status === 403) expected = ['unauthorized'];
  else if (status === 422) expected = ['failed', 'connecting', 'live'];
  else if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) expected = ['failed'];
  else expected = ['reconnecting', 'live', 'offline'];
  if (!expected.includes(shown)) problems.push(`(e) tab ${tab.index} says ${shown} after its last request ended ${last.outcome} ${status ?? ''}`.trim());
}

/** Runs every check; returns what broke. */
export function check(world: World, transport: string, wakes: readonly number[], final: boolean): string[] {
  const problems = [...world.violations];
  for (const tab of world.tabs) {
    if (!tab?.mounted) continue;
    checkShown(world, tab, final, problems);
    checkConnection(world, tab, transport, problems);
  }
  checkPacing(world, wakes, problems);
  if (final) checkDelivered(world, problems);
  return problems;
}

/** (a) At the end, every typed message is on the server (once, unless retried) or visible as not sent. */
function checkDelivered(world: World, problems: string[]) {
  const main = world.tabs[0];
  if (!main) return;
  const copies = new Map<string, number>();
  for (const session of world.sessions()) {
    for (const event of world.emu.events(session)) {
      const id = clientMessageId(event);
      if (id) copies.set(id, (copies.get(id) ?? 0) + 1);
    }
  }
  const outbox = main.chat.store.getState().outbox;
  for (const [id, text] of world.typed) {
    const count = copies.get(id) ?? 0;
    const waiting = outbox.find((item) => item.clientId === id);
    if (count > 1 && !world.retries.some((r) => r.key === id)) problems.push(`(a) "${text}" is on the server ${count} times, never retried by the customer`);
    if (count === 0 && !waiting && !world.discarded.has(id) && !world.gone.has(id)) problems.push(`(a) "${text}" (${id}) was lost: not on the server, not shown as unsent`);
    if (waiting && waiting.state !== 'failed' && main.mounted) problems.push(`(a) "${text}" is still ${waiting.state} after everything settled`);
  }
}
