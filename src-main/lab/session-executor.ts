// Runs one branch: the network, the scenario's own timed actions and the branch's user interventions.
//
// Every action is applied AT its time by this loop (never scheduled ahead in the network), in one fixed
// order: at time T, first every simulation event due at T (net's rule: a command at T comes after all
// events at T, scheduler.ts), then the scenario's actions at T, then the user's actions at T in the order
// they were recorded. A live intervention (run to T, apply) and a replay from scratch therefore take the
// same path, which is what makes a saved session re-run byte for byte.
import { NetError } from '../net/errors.js';
import type { Intervention } from '../net/interventions.js';
import { Network } from '../net/network.js';
import type { RunSpec } from '../net/spec.js';
import { connOf, segmentEvent, type Lineage, type SegmentEventKind, type TraceEvent, type TraceSink } from '../net/trace.js';
import type { Segment, TcpOptions } from '../tcp/segment.js';
import { appEvent, timerEvent, type AppEventName, type TimerName, type TimerOp } from '../tcp/trace.js';
import type { ScenarioAction } from './scenario.js';

/** What a branch runs: the runnable scenario, its own actions, and the branch's user actions (sorted by atMs). */
export interface Plan {
  run: RunSpec;
  scenarioActions: readonly ScenarioAction[];
  actions: readonly Intervention[];
}

/** Where a Tap keeps events: a TraceStore (which takes segment events as fields), or an array in tests. */
export interface TapOut {
  push(ev: TraceEvent): void;
  pushSegment?(kind: SegmentEventKind, t: number, host: string, conn: string, id: number, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void;
  pushTimer?(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void;
  pushApp?(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void;
}

/**
 * Counts every event the network emits and, for a branch's head, keeps them. Segment, timer and app events
 * arrive through segment(), timer() and app(), not emit(): a subclass that overrides emit() sees every other
 * event only.
 */
export class Tap implements TraceSink {
  /**
   * A tap that keeps nothing (a re-run to a seek point, a TCB history, an export's re-run) never reads a
   * packet's key, so the engine need not build the keys of a flood's packets for it (TraceSink.lazyConn).
   */
  readonly lazyConn: boolean;
  constructor(
    public count: number,
    public readonly out: TapOut | null,
  ) {
    this.lazyConn = out === null;
  }
  emit(ev: TraceEvent): void {
    this.count++;
    if (this.out !== null) this.out.push(ev);
  }
  segment(kind: SegmentEventKind, t: number, host: string, conn: string | null, id: number, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void {
    this.count++;
    const out = this.out;
    if (out === null) return;
    const key = conn ?? connOf(seg); // (never null here: a tap with an output is not lazy)
    if (out.pushSegment !== undefined) out.pushSegment(kind, t, host, key, id, seg, options, text, lineage);
    else out.push(segmentEvent(kind, t, host, key, id, seg, options, text, lineage));
  }
  timer(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void {
    this.count++;
    const out = this.out;
    if (out === null) return;
    if (out.pushTimer !== undefined) out.pushTimer(t, host, conn, timer, op, dueMs);
    else out.push(timerEvent(t, host, conn, timer, op, dueMs));
  }
  app(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void {
    this.count++;
    const out = this.out;
    if (out === null) return;
    if (out.pushApp !== undefined) out.pushApp(t, host, conn, event, bytes, detail);
    else out.push(appEvent(t, host, conn, event, bytes, detail));
  }
}

const NULL_SINK: TraceSink = { emit() {} };

/** A frozen copy of an executor. Never run: restore() clones it again. */
export interface Snapshot {
  readonly net: Network;
  readonly events: number;
  readonly nowMs: number;
  readonly userIdx: number;
  readonly scenIdx: number;
}

/** Guard against an engine loop that never lets time advance (each unit is one event or one action). */
const MAX_UNITS_PER_CALL = 50_000_000;

/** The event that says a scenario action could not apply. */
export type CommandErrorEvent = Extract<TraceEvent, { kind: 'command.error' }>;

export class Executor {
  /**
   * Told of each scenario action that cannot apply, right after its command.error is traced: a caller that
   * runs the branch anyway (an export) learns which action it was without a second run (scenario-action-check.ts).
   */
  onScenarioActionRefused: ((action: ScenarioAction, ev: CommandErrorEvent) => void) | undefined = undefined;

  private constructor(
    readonly plan: Plan,
    private readonly net: Network,
    readonly tap: Tap,
    private userIdx: number,
    private scenIdx: number,
  ) {}

  static start(plan: Plan, tap: Tap): Executor {
    return new Executor(plan, new Network(plan.run, tap), tap, 0, 0);
  }

  /** Continues from a snapshot with `plan` (which must share the snapshot's applied actions). */
  static restore(plan: Plan, snap: Snapshot, tap: Tap): Executor {
    tap.count = snap.events;
    return new Executor(plan, snap.net.clone(tap), tap, snap.userIdx, snap.scenIdx);
  }

  snapshot(): Snapshot {
    return { net: this.net.clone(NULL_SINK), events: this.tap.count, nowMs: this.net.nowMs, userIdx: this.userIdx, scenIdx: this.scenIdx };
  }

  /** An independent copy emitting to `tap` (for a failure-safe edit of the head). */
  fork(plan: Plan, tap: Tap): Executor {
    tap.count = this.tap.count;
    return new Executor(plan, this.net.clone(tap), tap, this.userIdx, this.scenIdx);
  }

  get nowMs(): number {
    return this.net.nowMs;
  }

  get appliedActions(): number {
    return this.userIdx;
  }

  /** How many of the plan's scenario actions have been applied (or refused and traced). */
  get appliedScenarioActions(): number {
    return this.scenIdx;
  }

  /** Read-only access for views (router, connections, packets). Do not drive it. */
  get network(): Network {
    return this.net;
  }

  private nextActionMs(): number {
    const s = this.plan.scenarioActions[this.scenIdx]?.atMs ?? Infinity;
    const u = this.plan.actions[this.userIdx]?.atMs ?? Infinity;
    return Math.min(s, u);
  }

  /** True when nothing is left to do before the scenario's end (untilMs). */
  get finished(): boolean {
    const untilMs = this.plan.run.untilMs;
    return this.nextActionMs() > untilMs && this.net.nextEventMs() > untilMs;
  }

  /**
   * Does one unit of work due at or before limitMs (capped at untilMs): one simulation event, or one
   * action once no event is due at or before its time. False when nothing is due.
   * Throws NetError when a user action is refused (nothing was applied then).
   */
  advance(limitMs: number): boolean {
    const limit = Math.min(limitMs, this.plan.run.untilMs);
    const actionMs = this.nextActionMs();
    const eventMs = this.net.nextEventMs();
    if (actionMs <= limit && actionMs < eventMs) {
      if (actionMs > this.net.nowMs) this.net.runUntil(actionMs);
      this.applyNextAction();
      return true;
    }
    if (eventMs <= limit) return this.net.step();
    return false;
  }

  private applyNextAction(): void {
    const scen = this.plan.scenarioActions[this.scenIdx];
    const user = this.plan.actions[this.userIdx];
    if (scen !== undefined && (user === undefined || scen.atMs <= user.atMs)) {
      this.scenIdx++;
      this.applyScenarioAction(scen);
      return;
    }
    if (user === undefined) return;
    this.net.apply(user); // throws NetError (and changes nothing) when refused
    this.userIdx++;
  }

  /** A scenario action that turns out impossible is traced like net's scheduled commands, not thrown. */
  private applyScenarioAction(a: ScenarioAction): void {
    const now = this.net.nowMs;
    try {
      this.net.apply(scenarioIntervention(a, this.net, now));
    } catch (err) {
      if (!(err instanceof NetError)) throw err;
      const ev: CommandErrorEvent = { t: now, kind: 'command.error', host: 'router', op: a.op, code: err.code, message: err.message };
      this.tap.emit(ev);
      this.onScenarioActionRefused?.(a, ev);
    }
  }

  /** Runs everything due at or before tMs (events and actions), then sets the clock to tMs. */
  runTo(tMs: number): void {
    const target = Math.min(tMs, this.plan.run.untilMs);
    for (let i = 0; this.advance(target); i++) {
      if (i > MAX_UNITS_PER_CALL) throw new Error(`more than ${MAX_UNITS_PER_CALL} steps before ${target} ms`);
    }
    if (target > this.net.nowMs) this.net.runUntil(target);
  }
}

/** Maps a scenario's recorded action (lab/scenario-actions.ts) onto net's Intervention, at `nowMs`. */
export function scenarioIntervention(a: ScenarioAction, net: Network, nowMs: number): Intervention {
  switch (a.op) {
    case 'replay':
      return { atMs: nowMs, op: 'replay', id: a.id ?? nthCached(net, a.cached ?? 1) };
    case 'delay':
      return { atMs: nowMs, op: 'delay', id: a.id, delayMs: a.delayMs };
    case 'duplicate':
      return a.count === undefined ? { atMs: nowMs, op: 'duplicate', id: a.id } : { atMs: nowMs, op: 'duplicate', id: a.id, count: a.count };
    case 'inject':
      return { atMs: nowMs, op: 'inject', from: a.from, seg: a.seg };
    default:
      return { atMs: nowMs, op: a.op, id: a.id };
  }
}

/**
 * The packet id of the nth packet (from 1) the router cache has kept. NetError naming `cached` and what the
 * cache holds when there is no such packet (it used to fall back to id 0: "packet id 0 is not an integer").
 */
function nthCached(net: Network, nth: number): number {
  const view = net.routerView();
  const entry = view.cached[nth - 1 - view.cacheEvicted];
  if (entry !== undefined) return entry.id;
  const kept = view.cacheEvicted + view.cached.length;
  if (nth <= view.cacheEvicted) throw new NetError('not-cached', `cached packet ${nth} has already left the router cache (${view.cacheEvicted} evicted)`, 'cached');
  const ids = view.cached.map((c) => `#${c.id}`).join(', ');
  throw new NetError('not-cached', `no cached packet ${nth}: the router has cached ${kept} packet${kept === 1 ? '' : 's'} so far${kept === 0 ? '' : ` (${ids})`}`, 'cached');
}
