import fc from 'fast-check';
import type { World } from './world';

/**
 * The steps of a schedule: what the customer does and what the server does, each a plain object
 * so a failing schedule prints as something a person can read and replay.
 */
export type Step =
  // the customer
  | { do: 'type'; text: string }
  | { do: 'retry'; which: number; twice: boolean }
  | { do: 'retryReply' }
  | { do: 'delete'; which: number }
  | { do: 'reload' }
  | { do: 'offline' }
  | { do: 'online' }
  | { do: 'hide' }
  | { do: 'show' }
  | { do: 'away' }
  | { do: 'back' }
  | { do: 'secondTab' }
  | { do: 'unmount' }
  | { do: 'remount' }
  | { do: 'retryNow' }
  // the server
  | { server: 'fail'; route: 'poll' | 'send' | 'create'; status: 500 | 502 | 503 | 429 | 401 | 422; count: number; retryAfter?: number }
  | { server: 'drop'; route: 'poll' | 'send' | 'create'; after: boolean }
  | { server: 'slowStore'; ms: number }
  | { server: 'slowAnswer'; ms: number }
  | { server: 'proxyCut'; seconds: number | null }
  | { server: 'duplicate' }
  | { server: 'reorder' }
  | { server: 'redeliver' }
  | { server: 'deleteSession' }
  | { server: 'agentSays'; human: boolean }
  // time
  | { wait: number };

const ROUTES = { poll: 'GET /sessions/:id/events', send: 'POST /sessions/:id/events', create: 'POST /sessions' } as const;

/** Customer words that pick the emulated agent's behaviour (see the emulator's scripts). */
const TEXTS = ['hello', 'what is my balance', 'explain several things', 'stream it please', 'this will error', 'a human please', 'be silent'];

export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ do: fc.constant('type' as const), text: fc.constantFrom(...TEXTS) }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('retry' as const), which: fc.nat(3), twice: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ do: 'retryReply' as const }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('delete' as const), which: fc.nat(3) }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom<Step>(
      { do: 'reload' },
      { do: 'offline' },
      { do: 'online' },
      { do: 'hide' },
      { do: 'show' },
      { do: 'away' },
      { do: 'back' },
      { do: 'secondTab' },
      { do: 'unmount' },
      { do: 'remount' },
      { do: 'retryNow' },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        server: fc.constant('fail' as const),
        route: fc.constantFrom('poll' as const, 'send' as const, 'create' as const),
        status: fc.constantFrom(500 as const, 502 as const, 503 as const, 429 as const, 401 as const, 422 as const),
        count: fc.integer({ min: 1, max: 4 }),
        retryAfter: fc.constantFrom(0, 3, 30, 3600),
      },
      { requiredKeys: ['server', 'route', 'status', 'count'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ server: fc.constant('drop' as const), route: fc.constantFrom('poll' as const, 'send' as const, 'create' as const), after: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ server: fc.constant('slowStore' as const), ms: fc.constantFrom(3_000, 25_000) }) },
  { weight: 1, arbitrary: fc.record({ server: fc.constant('slowAnswer' as const), ms: fc.constantFrom(3_000, 25_000) }) },
  { weight: 1, arbitrary: fc.record({ server: fc.constant('proxyCut' as const), seconds: fc.constantFrom(2, 6, null) }) },
  { weight: 2, arbitrary: fc.constantFrom<Step>({ server: 'duplicate' }, { server: 'reorder' }, { server: 'redeliver' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ server: 'deleteSession' }) },
  { weight: 2, arbitrary: fc.record({ server: fc.constant('agentSays' as const), human: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ wait: fc.constantFrom(0, 50, 300, 1_000, 4_000, 12_000, 45_000, 180_000) }) },
);

/** A whole schedule: the seed of the world and its steps. */
export const scheduleArbitrary = fc.record({
  seed: fc.nat(1_000_000),
  transport: fc.constantFrom('long-poll' as const, 'long-poll' as const, 'sse' as const, 'auto' as const),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 24 }),
});

/** The customer's failed messages in tab 0, oldest first. */
const failedIds = (world: World) =>
  world.tabs[0]?.chat.store
    .getState()
    .outbox.filter((item) => item.state === 'failed')
    .map((item) => item.clientId) ?? [];

/** Carries out one step. */
export function apply(world: World, step: Step): void {
  const { emu, clock } = world;
  const main = world.tabs[0];
  if ('wait' in step) return;
  const wake = () => world.wakes.push(clock.now());
  if ('server' in step) {
    const sessionId = world.sessionId;
    switch (step.server) {
      case 'fail':
        emu.faults.fail(ROUTES[step.route], {
          status: step.status,
          count: step.count,
          ...(step.retryAfter !== undefined && (step.status === 429 || step.status === 503) && { headers: { 'Retry-After': String(step.retryAfter) } }),
        });
        return;
      case 'drop':
        emu.faults.drop(ROUTES[step.route], { process: step.after });
        return;
      case 'slowStore':
        emu.faults.latency(ROUTES.send, step.ms, { count: 1 });
        return;
      case 'slowAnswer':
        world.net.slowAnswerMs = step.ms;
        return;
      case 'proxyCut':
        emu.faults.capWait(step.seconds);
        return;
      case 'duplicate':
        emu.faults.duplicate(ROUTES.poll, { count: 3 });
        return;
      case 'reorder':
        emu.faults.reorder(ROUTES.poll, { count: 3 });
        return;
      case 'redeliver':
        world.net.redeliver += 2;
        return;
      case 'deleteSession':
        if (!sessionId) return;
        // Whatever was typed into it goes with the conversation.
        for (const id of world.typed.keys()) world.gone.add(id);
        emu.deleteSession(sessionId);
        return;
      case 'agentSays':
        if (sessionId && emu.session(sessionId)) {
          emu.agentSay(sessionId, step.human ? 'Dana here' : 'A note from the agent', step.human ? { source: 'human_agent', participant: { display_name: 'Dana' } } : {});
        }
        return;
    }
  }
  if (!main) return;
  // A page in the back/forward cache (or frozen) runs nothing: only coming back does anything.
  if (world.net.away && step.do !== 'back') return;
  switch (step.do) {
    case 'type': {
      const id = main.mounted ? main.chat.send(step.text) : null;
      if (id) world.typed.set(id, step.text);
      return;
    }
    case 'retry': {
      const id = failedIds(world)[step.which];
      if (!id || !main.mounted) return;
      world.ambiguous.delete(id);
      world.retries.push({ key: id, at: clock.now() });
      main.chat.retry(id);
      if (step.twice) main.chat.retry(id);
      return;
    }
    case 'retryReply': {
      const message = main.chat.views.selectMessages(main.chat.store.getState()).find((m) => m.canRetryReply);
      if (message && main.mounted) main.chat.retryReply(message.key);
      return;
    }
    case 'delete': {
      const id = failedIds(world)[step.which];
      if (id && main.mounted) {
        main.chat.deleteMessage(id);
        main.shown.delete(id);
        world.discarded.add(id);
      }
      return;
    }
    case 'reload':
      // An ended conversation is not resumed, and its unsent messages go with it.
      if (main.chat.store.getState().connection.state === 'ended') for (const item of main.chat.store.getState().outbox) world.gone.add(item.clientId);
      main.chat.stop();
      world.openTab(0, main.storage);
      wake();
      return;
    case 'offline':
    case 'online':
      world.signal(step.do);
      if (step.do === 'online') wake();
      return;
    case 'hide':
    case 'show':
      world.page.document.visibilityState = step.do === 'hide' ? 'hidden' : 'visible';
      world.signal('visibilitychange');
      if (step.do === 'show') wake();
      return;
    case 'away':
      world.net.away = true;
      world.signal('pagehide');
      return;
    case 'back':
      world.net.away = false;
      world.signal('pageshow');
      wake();
      return;
    case 'secondTab':
      if (!world.tabs[1] && world.sessionId && main.chat.store.getState().sessionId === world.sessionId) world.openTab(1, world.newStorage(), world.sessionId);
      return;
    case 'unmount':
      if (main.mounted) main.chat.stop();
      main.mounted = false;
      return;
    case 'remount':
      if (!main.mounted) main.chat.start();
      main.mounted = true;
      wake();
      return;
    case 'retryNow':
      if (main.mounted) main.chat.reconnect();
      wake();
      return;
  }
}
