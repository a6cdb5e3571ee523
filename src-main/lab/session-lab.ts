// An open lab session: the session data plus one timeline per branch, the cursor, and undo/redo.
// Every operation is failure-safe: the new state is built aside (Timeline.derive) and committed only when
// it succeeded, so a refused command (LabError) leaves the session, its branches and the cursor as they were.
import { LabError } from '../contract/errors.js';
import type { InterventionBody } from '../contract/intervention-schema.js';
import { NetError } from '../net/errors.js';
import type { Intervention } from '../net/interventions.js';
import type { TraceEvent } from '../net/trace.js';
import type { Executor } from './session-executor.js';
import { branchById, canonicalAction, cloneSession, planFor, prepare, type Branch, type Prepared, type Session } from './session-model.js';
import { listenerHistory, type ListenerHistoryPoint } from './listener-history.js';
import { tcbHistory, type History, type TcbHistory } from './tcb-history.js';
import { DEFAULT_SNAPSHOT_EVERY, Timeline, type Cursor } from './timeline.js';

export interface LabSessionOptions {
  snapshotEvery?: number;
}

/**
 * The step.error of the socket call just executed at `tMs` (the branch's last action there), or null when the
 * call went through. Looks back over the events at tMs only, stopping at the last step.call: that is this one.
 */
function refusedCall(tl: Timeline, tMs: number, host: string, call: string): Extract<TraceEvent, { kind: 'step.error' }> | null {
  for (let i = tl.headEvent - 1; i >= 0; i--) {
    const ev = tl.events.get(i);
    if (ev.t < tMs || ev.kind === 'step.call') return null;
    if (ev.kind === 'step.error' && ev.host === host && ev.call === call) return ev;
  }
  return null;
}

/** A refused network command as the contract's error, with the same code, message and path. */
export function labErrorOf(err: unknown): unknown {
  return err instanceof NetError ? new LabError(err.code, err.message, err.path) : err;
}

export class LabSession {
  private readonly timelines = new Map<string, Timeline>();
  private readonly redoStacks = new Map<string, Intervention[]>();
  readonly prepared: Prepared;
  private readonly every: number;

  private constructor(private readonly s: Session, opts: LabSessionOptions) {
    this.prepared = prepare(s);
    this.every = opts.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
  }

  /**
   * Opens a validated session (loadSession/newSession). Every branch is re-run up to its last action, so a
   * tampered file whose action cannot apply is refused here, naming it: $.branches[i].actions[j].
   */
  static open(session: Session, opts: LabSessionOptions = {}): LabSession {
    const lab = new LabSession(cloneSession(session), opts);
    lab.s.branches.forEach((b, i) => {
      const tl = lab.timelineFor(b.id);
      const lastMs = b.actions[b.actions.length - 1]?.atMs;
      if (lastMs === undefined) return;
      try {
        tl.computeToMs(lastMs);
      } catch (err) {
        if (!(err instanceof NetError)) throw err;
        const j = tl.appliedActions;
        const where = `$.branches[${i}].actions[${j}]${err.path ? `.${err.path}` : ''}`;
        throw new LabError('invalid-file', `${where}: ${err.message}`, where);
      }
    });
    lab.restoreCursor(session.cursor);
    return lab;
  }

  private restoreCursor(c: Cursor): void {
    const tl = this.timeline;
    const atEnd = tl.cursorAtMs(c.tMs);
    const first = tl.countBefore(atEnd.tMs);
    this.s.cursor = c.event >= first && c.event <= atEnd.event ? { tMs: atEnd.tMs, event: c.event } : atEnd;
  }

  /** A copy of the session data (for saveSession and exports). */
  get session(): Session {
    return cloneSession(this.s);
  }

  get cursor(): Cursor {
    return { ...this.s.cursor };
  }

  get branches(): readonly Branch[] {
    return this.s.branches;
  }

  get currentBranch(): Branch {
    return branchById(this.s, this.s.current)!;
  }

  get timeline(): Timeline {
    return this.timelineFor(this.s.current);
  }

  /** The branch's timeline, built on first use (from its parent's when that one is open, to share work). */
  timelineFor(id: string): Timeline {
    const open = this.timelines.get(id);
    if (open !== undefined) return open;
    const b = branchById(this.s, id);
    if (b === undefined) throw new LabError('unknown-branch', `no branch "${id}" (branches: ${this.s.branches.map((x) => x.id).join(', ')})`, '$.branch');
    const parent = b.parent === null ? undefined : this.timelines.get(b.parent);
    const tl = parent !== undefined ? parent.derive(b.actions) : Timeline.start(planFor(this.prepared, b.actions), this.every);
    this.timelines.set(id, tl);
    return tl;
  }

  get canUndo(): boolean {
    const b = this.currentBranch;
    return b.actions.length > b.inherited;
  }

  get canRedo(): boolean {
    return (this.redoStacks.get(this.s.current)?.length ?? 0) > 0;
  }

  // ---------------------------------------------------------------- cursor

  seekMs(tMs: number): void {
    this.s.cursor = this.timeline.cursorAtMs(tMs);
  }

  seekEvent(n: number): void {
    this.s.cursor = this.timeline.cursorAtEvent(n);
  }

  /** One event forward, or to just after the next packet event. False (nothing moved) at the end. */
  step(unit: 'event' | 'packet'): boolean {
    const tl = this.timeline, c = this.s.cursor;
    const target = unit === 'event' ? c.event + 1 : tl.findPacketEvent(c.event) + 1;
    if (target <= 0) return false;
    const next = tl.cursorAtEvent(target);
    if (next.event === c.event) return false;
    this.s.cursor = next;
    return true;
  }

  /** The network at the cursor, for views (read-only). */
  stateAtCursor(): Executor {
    return this.timeline.stateAt(this.s.cursor);
  }

  /**
   * `host`'s connection `conn` read at `count` times from fromMs to the cursor (tcb-history.ts). An unknown
   * host, or a connection the host never had in that span, is an error naming it; nothing else changes.
   */
  tcbHistory(host: string, conn: string, fromMs: number, count: number): TcbHistory {
    this.checkHost(host);
    const out = tcbHistory(this.timeline, this.s.cursor, host, conn, fromMs, count);
    if (out.points.length === 0 && this.stateAtCursor().network.stack(host).status(conn) === undefined) {
      throw new LabError('connection-does-not-exist', `host ${host} has no connection ${conn} between ${out.fromMs} ms and the cursor (${this.s.cursor.tMs} ms)`, '$.conn');
    }
    return out;
  }

  /**
   * `host`'s listener ("ip:port>*:*") read at `count` times from fromMs to the cursor (listener-history.ts).
   * An unknown host, or a listener the host did not have in that span, is an error naming it.
   */
  listenerHistory(host: string, listener: string, fromMs: number, count: number): History<ListenerHistoryPoint> {
    this.checkHost(host);
    const out = listenerHistory(this.timeline, this.s.cursor, host, listener, fromMs, count);
    if (out.points.length === 0 && this.stateAtCursor().network.stack(host).listenerStatus?.(listener) === undefined) {
      throw new LabError('connection-does-not-exist', `host ${host} has no listener ${listener} between ${out.fromMs} ms and the cursor (${this.s.cursor.tMs} ms)`, '$.listener');
    }
    return out;
  }

  private checkHost(host: string): void {
    const hosts = this.prepared.run.hosts.map((h) => h.name);
    if (!hosts.includes(host)) throw new LabError('unknown-host', `no host "${host}" (hosts: ${hosts.join(', ')})`, '$.host');
  }

  /** Events [from, from + count) of a branch; another branch is computed up to the cursor's time. */
  traceSlice(from: number, count: number, branch?: string): { from: number; events: TraceEvent[] } {
    const id = branch ?? this.s.current;
    const tl = this.timelineFor(id);
    if (id !== this.s.current) tl.computeToMs(this.s.cursor.tMs);
    return { from, events: tl.events.slice(from, from + count) };
  }

  // ---------------------------------------------------------------- branches and interventions

  private newBranchId(): { id: string; n: number } {
    for (let n = this.s.branches.length + 1; ; n++) {
      if (branchById(this.s, `b${n}`) === undefined) return { id: `b${n}`, n };
    }
  }

  private addBranch(name: string | undefined, actions: Intervention[], inherited: number, tl: Timeline): void {
    const { id, n } = this.newBranchId();
    const parent = this.s.current;
    this.s.branches.push({ id, name: name ?? `branch ${n}`, parent, forkAtMs: this.s.cursor.tMs, inherited, actions });
    this.timelines.set(id, tl);
    this.s.current = id;
  }

  /** A new branch at the cursor keeping the actions up to it; it becomes the current branch. */
  branch(name?: string): void {
    const T = this.s.cursor.tMs;
    const prefix = this.timeline.actions.filter((a) => a.atMs <= T);
    const tl = this.timeline.derive(prefix);
    tl.computeToMs(T);
    this.addBranch(name, prefix, prefix.length, tl);
    this.s.cursor = { ...this.s.cursor };
  }

  switchTo(id: string): void {
    const tl = this.timelineFor(id);
    const c = tl.cursorAtMs(this.s.cursor.tMs);
    this.s.current = id;
    this.s.cursor = c;
  }

  /**
   * Applies an intervention at the cursor. If the branch has a future beyond the cursor (computed events or
   * later actions), a new branch "branch N" takes it and the old future stays on the old branch.
   */
  intervene(body: InterventionBody): void {
    const tl = this.timeline, T = this.s.cursor.tMs;
    // Nothing is simulated after untilMs, so an action there could never show its effect (an injected packet
    // would stay "in flight" for ever). Refused rather than extending the run: untilMs is the scenario's, and
    // a session must replay the same from its scenario and actions.
    if (T >= tl.untilMs) {
      throw new LabError('after-the-end', `the run ends at ${tl.untilMs} ms (the scenario's untilMs): nothing after it is simulated, so an action at ${T} ms would never show its effect; go back in time to act`);
    }
    const prefix = tl.actions.filter((a) => a.atMs <= T);
    const hasFuture = tl.headMs > T || prefix.length < tl.actions.length;
    const actions = [...prefix, canonicalAction(body, T)];
    const next = tl.derive(actions);
    try {
      next.computeToMs(T);
    } catch (err) {
      throw labErrorOf(err);
    }
    // A socket call the stack refuses at once (send on a closing connection, listen on a port in use) only
    // leaves a step.error in the trace, which no panel shows: refuse it like any other bad command instead,
    // so the student reads why and the session does not keep an action that did nothing.
    const failed = body.op === 'call' ? refusedCall(next, T, body.step.host, body.step.call) : null;
    if (failed !== null) throw new LabError(failed.code, failed.message); // the stack's words: the window translates them
    if (hasFuture) {
      this.addBranch(undefined, actions, prefix.length, next);
    } else {
      this.commit(actions, next);
      this.redoStacks.delete(this.s.current);
    }
    this.s.cursor = { tMs: T, event: next.headEvent };
  }

  private commit(actions: Intervention[], tl: Timeline): void {
    this.currentBranch.actions = actions;
    this.timelines.set(this.s.current, tl);
  }

  /** Removes the branch's last intervention and re-executes from the nearest snapshot before it. */
  undo(): void {
    if (!this.canUndo) throw new LabError('nothing-to-undo', 'no intervention to undo on this branch');
    const b = this.currentBranch;
    const last = b.actions[b.actions.length - 1]!;
    const actions = b.actions.slice(0, -1);
    const tl = this.timeline.derive(actions);
    const c = tl.cursorAtMs(this.s.cursor.tMs);
    this.commit(actions, tl);
    const stack = this.redoStacks.get(b.id) ?? [];
    stack.push(last);
    this.redoStacks.set(b.id, stack);
    this.s.cursor = c;
  }

  /** Re-applies the last undone intervention at its own time. */
  redo(): void {
    const stack = this.redoStacks.get(this.s.current);
    const action = stack?.[stack.length - 1];
    if (stack === undefined || action === undefined) throw new LabError('nothing-to-redo', 'no undone intervention to redo on this branch');
    const actions = [...this.currentBranch.actions, action];
    const tl = this.timeline.derive(actions);
    let c: Cursor;
    try {
      tl.computeToMs(action.atMs);
      c = tl.cursorAtMs(Math.max(this.s.cursor.tMs, action.atMs));
    } catch (err) {
      throw labErrorOf(err);
    }
    stack.pop();
    this.commit(actions, tl);
    this.s.cursor = c;
  }
}
