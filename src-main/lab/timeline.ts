// The timeline of one branch: the trace computed so far (the "head"), periodic snapshots, and the network
// state at any point of it on demand.
//
// Seeking inside the computed trace is a binary search over event times; only views that need the network
// at the cursor (router, connections, packets) restore the nearest snapshot and re-execute from it, and
// that state is cached for the cursor. Forward past the head computes further. A timeline is never edited
// in place when its actions change: derive() builds a new one that shares the still-valid prefix (events
// and snapshots), so a refused edit leaves the old timeline exactly as it was.
import type { Intervention } from '../net/interventions.js';
import { traceLine } from '../net/trace.js';
import { PacketNumberIndex } from './packet-number-index.js';
import { Executor, Tap, type Plan, type Snapshot } from './session-executor.js';
import { TraceStore } from './trace-store.js';

/** Events between snapshots: restoring costs one clone plus at most this many events (see docs/SESSION.md). */
export const DEFAULT_SNAPSHOT_EVERY = 2000;

export interface Cursor {
  tMs: number;
  /** How many events are visible: events[0 .. event-1]. */
  event: number;
}

/**
 * Snapshot spacing in events per packet record held by the network (see maybeSnapshot). A quarter: a
 * snapshot no longer copies the records (net/record-columns.ts shares final ones), so spacing only has to keep
 * the snapshots' memory (engine arrays that grow with a connection's life) sub-linear in the run.
 */
const RECORDS_PER_EVENT = 0.25;

/** Minimum spacing as a fraction of the events computed so far (see maybeSnapshot). */
const EVENTS_FRACTION = 1 / 16;

/** Spacing after the initial snapshot; it doubles up to `every` (see maybeSnapshot). */
const FIRST_SPACING = 64;

/** Bound on events computed by one stepToPacket search. */
const MAX_PACKET_SEARCH = 1_000_000;

export class Timeline {
  /** The computed trace (columns: trace-store.ts); get(i) / slice() give copies of events. */
  readonly events: TraceStore;
  private readonly lines: Array<string | undefined> = [];
  private readonly snaps: Snapshot[];
  private head: Executor;
  private viewKey = '';
  private viewExec: Executor | undefined;
  private numbers: PacketNumberIndex | undefined;

  private constructor(readonly plan: Plan, events: TraceStore, snaps: Snapshot[], base: Snapshot | Executor, readonly every: number) {
    this.events = events;
    this.snaps = snaps;
    const tap = new Tap(events.length, events);
    this.head = base instanceof Executor ? base.fork(plan, tap) : Executor.restore(plan, base, tap);
  }

  static start(plan: Plan, every = DEFAULT_SNAPSHOT_EVERY): Timeline {
    const first = Executor.start(plan, new Tap(0, null)).snapshot();
    return new Timeline(plan, new TraceStore(), [first], first, every);
  }

  get actions(): readonly Intervention[] {
    return this.plan.actions;
  }

  get headMs(): number {
    return this.head.nowMs;
  }

  get headEvent(): number {
    return this.events.length;
  }

  get untilMs(): number {
    return this.plan.run.untilMs;
  }

  get finished(): boolean {
    return this.head.finished;
  }

  get snapshotCount(): number {
    return this.snaps.length;
  }

  /**
   * Every packet's relative Seq/Ack as Wireshark numbers them, for the router list and the inspector. Built on
   * first use and extended as they ask (a packet's numbers never depend on the cursor, only on earlier packets).
   */
  get packetNumbers(): PacketNumberIndex {
    return (this.numbers ??= new PacketNumberIndex(this.events));
  }

  /** traceLine of event i, computed once. */
  line(i: number): string {
    const cached = this.lines[i];
    if (cached !== undefined) return cached;
    if (!(i >= 0 && i < this.events.length)) throw new RangeError(`no event ${i}`);
    const text = traceLine(this.events.get(i));
    this.lines[i] = text;
    return text;
  }

  /**
   * Snapshot spacing grows with the run: at least `every` events, at least a quarter as many events as packet
   * records held, and at least 1/16 of the events so far. A clone shares final packet records, frozen
   * objects and byte arrays (net/clone.ts snapshot mode), so it costs little next to re-running events
   * (a 20,000-packet bulk network: ~1-5 ms per clone, ~3 µs per event, docs/PERFORMANCE.md). What a snapshot
   * does copy (live packets, per-connection arrays, a flood's record ring) adds up over hundreds of them, so
   * the spacing grows geometrically: the number of snapshots stays logarithmic in the run's length (about
   * 100 for a million events), and a seek re-runs at most ~1/16 of the trace.
   */
  private maybeSnapshot(): void {
    const last = this.snaps[this.snaps.length - 1]!;
    const count = this.head.tap.count;
    const since = count - last.events;
    // The first snapshots come sooner (64, 128, 256 … events): a scenario's opening steps (a 30 MB send
    // fills and copies its buffers) must not be re-run by every seek into the first `every` events.
    if (since < Math.min(this.every, Math.max(FIRST_SPACING, last.events))) return;
    if (since < count * EVENTS_FRACTION) return;
    const stats = this.head.network.packetStats();
    if (since < (stats.lastId - stats.evicted) * RECORDS_PER_EVENT) return;
    this.snaps.push(this.head.snapshot());
  }

  /** Computes everything due at or before tMs (capped at untilMs). */
  computeToMs(tMs: number): void {
    const target = Math.min(tMs, this.untilMs);
    if (target < this.head.nowMs) return;
    while (this.head.advance(target)) this.maybeSnapshot();
    this.head.runTo(target);
  }

  /** Computes until at least n events exist (or the run ends). */
  computeToEvent(n: number): void {
    while (this.events.length < n && this.head.advance(this.untilMs)) this.maybeSnapshot();
  }

  /** Index of the first packet event (segment.* / router.*) at or after index `from`, computing as needed; -1 if none. */
  findPacketEvent(from: number): number {
    for (let i = from, budget = MAX_PACKET_SEARCH; budget > 0; i++, budget--) {
      if (i >= this.events.length) {
        this.computeToEvent(i + 1);
        if (i >= this.events.length) return -1;
      }
      const kind = this.events.kindAt(i);
      if (kind.startsWith('segment.') || kind.startsWith('router.')) return i;
    }
    return -1;
  }

  /** Number of computed events with t <= tMs (binary search; events are in time order). */
  countAtOrBefore(tMs: number): number {
    let lo = 0, hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events.tAt(mid) <= tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of computed events with t < tMs. */
  countBefore(tMs: number): number {
    let lo = 0, hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events.tAt(mid) < tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** User actions the head has applied so far (names the culprit when one is refused). */
  get appliedActions(): number {
    return this.head.appliedActions;
  }

  /** A cursor at time tMs (computing up to it): every event at or before tMs is visible. */
  cursorAtMs(tMs: number): Cursor {
    const t = Math.max(0, Math.min(tMs, this.untilMs));
    this.computeToMs(t);
    return { tMs: t, event: this.countAtOrBefore(t) };
  }

  /** A cursor after event n (computing up to it; capped at the end of the run). */
  cursorAtEvent(n: number): Cursor {
    this.computeToEvent(n);
    const event = Math.min(n, this.events.length);
    return { tMs: event === 0 ? 0 : this.events.tAt(event - 1), event };
  }

  /**
   * The network at the cursor (read-only; valid until the next call). At the end of an instant it is the
   * state after everything at cursor.tMs; in the middle of an instant, the state after the step that
   * emitted event cursor.event - 1 (one step can emit several events).
   */
  stateAt(c: Cursor): Executor {
    const key = `${c.tMs}|${c.event}`;
    if (this.viewExec !== undefined && this.viewKey === key) return this.viewExec;
    const endOfInstant = c.event >= this.countAtOrBefore(c.tMs);
    // The head itself when it stands exactly at the cursor (live play): no copy, and not cached, as it moves on.
    if (endOfInstant && this.head.nowMs === c.tMs && this.head.tap.count === c.event) return this.head;
    const snap = this.bestSnapshot((s) => s.events <= c.event && s.nowMs <= c.tMs);
    // Moving forward from the last view state (stepping through the past) continues it without a clone.
    const prev = this.viewExec;
    const reusable = prev !== undefined && prev.tap.count >= snap.events && prev.tap.count <= c.event && prev.nowMs <= c.tMs;
    const exec = reusable ? prev : Executor.restore(this.plan, snap, new Tap(0, null));
    if (endOfInstant) exec.runTo(c.tMs);
    else while (exec.tap.count < c.event && exec.advance(c.tMs));
    this.viewKey = key;
    this.viewExec = exec;
    return exec;
  }

  /**
   * A fresh executor (never the view state nor the head) restored from the last snapshot at or before
   * fromMs that is also before cursor c, but no more than maxEvents events before c: the caller runs it
   * forward to read the network at earlier times (tcb-history.ts). Starting no further back than maxEvents
   * bounds what such a read costs the host in a long session; the executor's nowMs says where it starts.
   */
  executorBefore(c: Cursor, fromMs: number, maxEvents: number): Executor {
    const near = this.bestSnapshot((s) => s.events <= c.event && s.nowMs <= Math.min(fromMs, c.tMs));
    const snap = c.event - near.events <= maxEvents ? near : this.earliestSnapshot((s) => s.events <= c.event && s.nowMs <= c.tMs && c.event - s.events <= maxEvents) ?? near;
    return Executor.restore(this.plan, snap, new Tap(0, null));
  }

  private earliestSnapshot(ok: (s: Snapshot) => boolean): Snapshot | undefined {
    return this.snaps.find(ok);
  }

  private bestSnapshot(ok: (s: Snapshot) => boolean): Snapshot {
    for (let i = this.snaps.length - 1; i > 0; i--) if (ok(this.snaps[i]!)) return this.snaps[i]!;
    return this.snaps[0]!;
  }

  /**
   * A timeline for the same scenario with other user actions, sharing everything computed before the
   * first point where the two action lists differ. Nothing here is mutated.
   */
  derive(actions: readonly Intervention[]): Timeline {
    const old = this.plan.actions;
    let d = 0;
    while (d < old.length && d < actions.length && sameAction(old[d]!, actions[d]!)) d++;
    const divergeMs = Math.min(old[d]?.atMs ?? Infinity, actions[d]?.atMs ?? Infinity);
    const valid = (p: { nowMs: number; userIdx: number }) => p.userIdx <= d && p.nowMs <= divergeMs;
    const plan: Plan = { ...this.plan, actions: [...actions] };
    const snaps = this.snaps.filter((s, i) => i === 0 || valid({ nowMs: s.nowMs, userIdx: s.userIdx }));
    if (valid({ nowMs: this.head.nowMs, userIdx: this.head.appliedActions })) {
      return new Timeline(plan, this.events.copy(), snaps, this.head, this.every);
    }
    const base = snaps[snaps.length - 1]!;
    return new Timeline(plan, this.events.copy(base.events), snaps, base, this.every);
  }
}

export function sameAction(a: Intervention, b: Intervention): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
