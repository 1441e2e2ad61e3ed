/**
 * Runs scripted agent turns the way Parlant's engine does: `acknowledged`, the preamble task
 * (see `preamble.ts`), then the script's steps and `ready {stage: completed}`. A new customer
 * message cancels the running turn (`cancelled`, then the completed `ready`), but not its
 * preamble task, which finishes under the old trace as it does on the real server.
 */
import type { Json, ParlantEvent, Session } from '../core/types';
import type { IdSource } from './ids';
import { preambleDue, runPreamble } from './preamble';
import type { ScriptFn, ScriptStep, ScriptTurn } from './scripts';
import { SessionGoneError, type EmulatorStore } from './state';
import { CancelledError, type Timers } from './timers';
import { buildTurn, completedReady, describe, emitMessage, traceback, type MatchedIds, type TurnIO } from './turn-events';
import type { ResolvedTiming } from './types';

/** What the runner needs from the emulator. @example new TurnRunner({ store, timers, ids, timing, scriptFor }); */
export interface RunnerDeps {
  store: EmulatorStore;
  timers: Timers;
  ids: IdSource;
  timing: ResolvedTiming;
  scriptFor(session: Session): ScriptFn;
}

interface Activity {
  sessionId: string;
  traceId: string;
  /** Aborted when the turn is cancelled or the session stops. */
  turn: AbortController;
  /** Aborted only when the session stops: the preamble task outlives a cancelled turn. */
  session: AbortController;
  /** True until the turn's `ready {stage: completed}`; steps after it are a detached tail. */
  inTurn: boolean;
  /** AI messages sent in this turn so far. */
  messages: number;
  /** What the script says the engine matched (`match` steps), listed by the completed `ready`. */
  matched: MatchedIds;
}

/**
 * One runner per emulator; at most one turn per session is "in turn" at a time.
 * @example const ack = runner.start(sessionId, 'message', traceId, customerEvent);
 */
export class TurnRunner {
  private readonly turns = new Map<string, Activity>();
  private readonly running = new Map<string, Set<Activity>>();
  private readonly tasks = new Map<string, number>();
  private readonly idle = new Set<{ sessionId: string | undefined; resolve: () => void }>();

  constructor(private readonly deps: RunnerDeps) {}

  /** Starts a turn (cancelling the session's current one) and returns its `acknowledged` event. */
  start(sessionId: string, reason: ScriptTurn['reason'], traceId: string, trigger: ParlantEvent | null): ParlantEvent | undefined {
    const { store, timing } = this.deps;
    this.interrupt(sessionId);
    const rec = store.record(sessionId);
    // Parlant fails a run silently when the session's customer cannot be read.
    if (!store.customer(rec.session.customer_id)) return undefined;
    const act: Activity = { sessionId, traceId, turn: new AbortController(), session: new AbortController(), inTurn: true, messages: 0, matched: {} };
    this.turns.set(sessionId, act);
    this.running.set(sessionId, (this.running.get(sessionId) ?? new Set()).add(act));
    const due = preambleDue(store.findEvents(sessionId));
    const ack = this.emit(act, 'status', { status: 'acknowledged', data: {} });
    const agent = store.agents.get(rec.session.agent_id)?.agent ?? { id: rec.session.agent_id, name: 'Agent', description: null };
    const preamble = this.track(
      act,
      runPreamble(
        {
          emit: (kind, data) => void this.append(act, kind, data),
          pause: (ms) => this.deps.timers.sleep(ms, act.session.signal),
          timing,
          random: this.deps.ids.random,
        },
        agent,
        due,
      ),
    );
    void this.track(act, this.execute(act, reason, trigger, preamble));
    return ack;
  }

  /** Cancels the session's running turn the way Parlant does: `cancelled {}` then completed `ready`. */
  interrupt(sessionId: string): void {
    const act = this.turns.get(sessionId);
    if (!act) return;
    this.turns.delete(sessionId);
    act.inTurn = false;
    act.turn.abort();
    this.append(act, 'status', { status: 'cancelled', data: {} });
    this.append(act, 'status', { status: 'ready', data: completedReady() });
  }

  /** Stops everything of a session silently (it is being deleted). */
  stopSession(sessionId: string): void {
    this.turns.delete(sessionId);
    for (const act of this.running.get(sessionId) ?? []) {
      act.turn.abort();
      act.session.abort();
    }
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stopSession(id);
  }

  busy(sessionId?: string): boolean {
    if (sessionId !== undefined) return (this.tasks.get(sessionId) ?? 0) > 0;
    for (const n of this.tasks.values()) if (n > 0) return true;
    return false;
  }

  whenIdle(sessionId?: string): Promise<void> {
    if (!this.busy(sessionId)) return Promise.resolve();
    return new Promise((resolve) => this.idle.add({ sessionId, resolve }));
  }

  /** Counts a task of the session until it settles; its rejection is the task's own business. */
  private track(act: Activity, task: Promise<void>): Promise<void> {
    this.tasks.set(act.sessionId, (this.tasks.get(act.sessionId) ?? 0) + 1);
    const settled = task.catch((error: unknown) => {
      if (!(error instanceof CancelledError || error instanceof SessionGoneError)) throw error;
    });
    void settled.finally(() => this.settle(act)).catch(() => {});
    return settled;
  }

  private settle(act: Activity): void {
    const left = (this.tasks.get(act.sessionId) ?? 1) - 1;
    if (left > 0) {
      this.tasks.set(act.sessionId, left);
    } else {
      this.tasks.delete(act.sessionId);
      this.running.delete(act.sessionId);
    }
    if (this.turns.get(act.sessionId) === act && !act.inTurn) this.turns.delete(act.sessionId);
    for (const waiter of [...this.idle]) {
      if (this.busy(waiter.sessionId)) continue;
      this.idle.delete(waiter);
      waiter.resolve();
    }
  }

  private async execute(act: Activity, reason: ScriptTurn['reason'], trigger: ParlantEvent | null, preamble: Promise<void>): Promise<void> {
    const { store, timing } = this.deps;
    try {
      await preamble;
      this.check(act);
      const session = store.record(act.sessionId).session;
      let list: ScriptStep[];
      try {
        list = await this.deps.scriptFor(session)(buildTurn(this.deps, act.sessionId, act.traceId, reason, trigger));
      } catch (error) {
        list = [{ type: 'fail', exception: traceback(describe(error)) }];
      }
      this.check(act);
      for (const step of list) await this.run(act, step);
      if (act.inTurn) {
        await this.pause(act, timing.stepMs);
        this.complete(act);
      }
    } catch (error) {
      if (error instanceof CancelledError || error instanceof SessionGoneError) return;
      // A bug in the runner itself: end the turn visibly instead of leaving a widget waiting.
      if (act.inTurn && !act.turn.signal.aborted && this.deps.store.sessions.has(act.sessionId)) {
        this.fail(act, traceback(describe(error)));
      }
    }
  }

  private async run(act: Activity, step: ScriptStep): Promise<void> {
    const { timing } = this.deps;
    if (step.type === 'wait') return this.pause(act, step.ms);
    if (step.type === 'mode') return this.setMode(act, step.mode);
    if (step.type === 'message') return emitMessage(this.io(act), step);
    if (step.type === 'match') {
      const { guidelines, journeys, journeyStates } = act.matched;
      act.matched = {
        guidelines: [...(guidelines ?? []), ...(step.guidelines ?? [])],
        journeys: [...(journeys ?? []), ...(step.journeys ?? [])],
        journeyStates: [...(journeyStates ?? []), ...(step.journeyStates ?? [])],
      };
      return;
    }
    if ((step.type === 'end' || step.type === 'fail') && !act.inTurn) return;
    await this.pause(act, timing.stepMs);
    if (step.type === 'end') return this.complete(act);
    if (step.type === 'fail') return this.fail(act, step.exception ?? traceback('RuntimeError: emulated engine failure'));
    if (step.type === 'status') {
      this.emit(act, 'status', { status: step.status, data: step.data ?? {} });
    } else if (step.type === 'custom') {
      this.emit(act, 'custom', step.data);
    } else {
      const result = { data: step.result, metadata: step.metadata ?? {}, control: step.control ?? {}, canned_responses: [], canned_response_fields: {}, guidelines: [] };
      this.emit(act, 'tool', { tool_calls: [{ tool_id: step.toolId, arguments: step.arguments ?? {}, result }] });
      if (step.control?.mode) this.setMode(act, step.control.mode);
    }
  }

  private io(act: Activity): TurnIO {
    const { store, ids, timing } = this.deps;
    return {
      sessionId: act.sessionId,
      store,
      ids,
      timing,
      messagesSent: () => act.messages,
      emit: (kind, data, metadata) => {
        if (kind === 'message') act.messages += 1;
        return this.emit(act, kind, data, metadata);
      },
      pause: (ms) => this.pause(act, ms),
      check: () => this.check(act),
    };
  }

  private complete(act: Activity): void {
    this.emit(act, 'status', { status: 'ready', data: completedReady(act.matched) });
    act.inTurn = false;
    if (this.turns.get(act.sessionId) === act) this.turns.delete(act.sessionId);
  }

  private fail(act: Activity, exception: string): void {
    this.complete(act);
    this.emit(act, 'status', { status: 'error', data: { exception } });
  }

  private setMode(act: Activity, mode: 'auto' | 'manual'): void {
    this.check(act);
    this.deps.store.record(act.sessionId).session.mode = mode;
  }

  /** Appends an event of the turn's task (throws once the turn is cancelled). */
  private emit(act: Activity, kind: ParlantEvent['kind'], data: Json, metadata?: Record<string, Json>): ParlantEvent {
    this.check(act);
    return this.append(act, kind, data, metadata);
  }

  /** Appends an event under the turn's trace, whatever became of the turn. */
  private append(act: Activity, kind: ParlantEvent['kind'], data: Json, metadata?: Record<string, Json>): ParlantEvent {
    return this.deps.store.append(act.sessionId, { kind, source: 'ai_agent', data, trace_id: act.traceId, metadata: metadata ?? null });
  }

  private check(act: Activity): void {
    if (act.turn.signal.aborted) throw new CancelledError();
  }

  private async pause(act: Activity, ms: number): Promise<void> {
    await this.deps.timers.sleep(ms, act.turn.signal);
    this.check(act);
  }
}
