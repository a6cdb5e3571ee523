// From a session to the exporters' plain input: re-executes the chosen branch (scenario + seed + its
// actions, DESIGN.md "Deterministic core") to the scenario's end, keeping the whole trace and the packet
// records. Long runs report progress through onProgress; lab/ reads no clock, the caller may. The whole trace
// is held in memory, so a caller can bound it (maxEvents): a run that would exceed it is refused before it
// starts when its floods alone would, and stopped when it gets there otherwise (TraceLimitError).
import type { BranchInfo } from '../../contract/session.js';
import type { SynFloodSpec } from '../../net/spec.js';
import { NetError } from '../../net/errors.js';
import type { TraceEvent } from '../../net/trace.js';
import { actionWarnings } from '../scenario-action-check.js';
import type { ScenarioError } from '../scenario-errors.js';
import { BranchActionError } from '../session-check.js';
import { Executor, Tap } from '../session-executor.js';
import { branchById, planFor, prepare, type Session } from '../session-model.js';
import type { ExportInput } from './types.js';

export interface RunProgress {
  nowMs: number;
  untilMs: number;
  events: number;
}

export interface SessionInputOptions {
  /** Branch to export; the session's current branch by default. */
  branch?: string;
  /** Stop here instead of at the scenario's untilMs. */
  untilMs?: number;
  /**
   * Called after every slice of virtual time (about 1/200 of the run) and every PROGRESS_EVENTS events, so a
   * caller timing the run hears from it even when a burst (a flood) fills one slice.
   */
  onProgress?: (p: RunProgress) => void;
  /** The most trace events to keep; more throws TraceLimitError (before the run when its floods alone would). */
  maxEvents?: number;
  /**
   * Called as the run reaches each of the scenario's own actions that cannot apply, with the warning
   * `tcplab validate` gives it (scenario-action-check.ts): the run itself is the check, so nothing runs twice.
   */
  onActionWarning?: (warning: ScenarioError) => void;
}

const PROGRESS_SLICES = 200;
const PROGRESS_EVENTS = 8192;
/**
 * Trace events one spoofed SYN makes in a flood: its send and its arrival, the SYN-ACK's (or RST's) send and
 * its fate at the spoofed address (a 1,000,000-SYN flood with SYN cookies makes 4,003,296 events).
 */
export const EVENTS_PER_FLOOD_SYN = 4;

/** A run that would keep more trace events than the caller allows. path: the scenario field to blame, if any. */
export class TraceLimitError extends Error {
  constructor(
    message: string,
    readonly maxEvents: number,
    readonly path: string | null,
    /** The same in Simplified Chinese (the CLI prints the one in its language). */
    readonly messageZh: string = message,
  ) {
    super(message);
    this.name = 'TraceLimitError';
  }
}

/** SYNs a flood sends before untilMs (floodTick sends SYN i at startMs + i/ratePerSec). */
export function floodSynsBefore(f: SynFloodSpec, untilMs: number): number {
  if (f.startMs > untilMs) return 0;
  return Math.min(f.count, Math.floor(((untilMs - f.startMs) * f.ratePerSec) / 1000) + 1);
}

function checkFloods(floods: readonly SynFloodSpec[], untilMs: number, maxEvents: number): void {
  const syns = floods.reduce((n, f) => n + floodSynsBefore(f, untilMs), 0);
  if (syns * EVENTS_PER_FLOOD_SYN <= maxEvents) return;
  const n = (x: number) => x.toLocaleString('en-US');
  throw new TraceLimitError(
    `the floods send ${n(syns)} SYNs before ${n(untilMs)} ms, about ${n(syns * EVENTS_PER_FLOOD_SYN)} trace events (${EVENTS_PER_FLOOD_SYN} per SYN); `
      + `at most ${n(maxEvents)} events can be kept in memory: lower count or ratePerSec, or end the run sooner (untilMs)`,
    maxEvents, '$.floods',
    `SYN 洪水在 ${n(untilMs)} 毫秒之前发出 ${n(syns)} 个 SYN，约 ${n(syns * EVENTS_PER_FLOOD_SYN)} 个 trace 事件（每个 SYN ${EVENTS_PER_FLOOD_SYN} 个）；`
      + `内存中最多只能保留 ${n(maxEvents)} 个事件：请调低 count 或 ratePerSec，或让运行早些结束（untilMs）`,
  );
}

export function branchInfos(session: Session): BranchInfo[] {
  return session.branches.map((b) => ({ id: b.id, name: b.name, parent: b.parent, forkAtMs: b.forkAtMs, actionCount: b.actions.length }));
}

/**
 * Runs the branch and collects everything the exporters need. Throws BranchActionError (a NetError naming
 * the action's index) if one of the branch's user actions is refused.
 */
export function sessionExportInput(session: Session, opts: SessionInputOptions = {}): ExportInput {
  const branchId = opts.branch ?? session.current;
  const branch = branchById(session, branchId);
  if (branch === undefined) throw new Error(`the session has no branch "${branchId}"`);
  const prepared = prepare(session);
  const untilMs = Math.min(opts.untilMs ?? prepared.run.untilMs, prepared.run.untilMs);
  const maxEvents = opts.maxEvents ?? Infinity;
  if (opts.maxEvents !== undefined) checkFloods(prepared.run.floods ?? [], untilMs, opts.maxEvents);
  const trace: TraceEvent[] = [];
  const onProgress = opts.onProgress;
  const out = {
    push(ev: TraceEvent): void {
      trace.push(ev);
      if ((trace.length & (PROGRESS_EVENTS - 1)) !== 0) return;
      if (trace.length > maxEvents) {
        const max = maxEvents.toLocaleString('en-US');
        throw new TraceLimitError(`the run made more than ${max} trace events by ${ev.t} ms, the most that can be kept in memory: end it sooner (untilMs) or make it smaller`, maxEvents, null,
          `运行到 ${ev.t} 毫秒时已产生超过 ${max} 个 trace 事件，这是内存中能保留的上限：请让运行早些结束（untilMs）或把场景改小`);
      }
      onProgress?.({ nowMs: ev.t, untilMs, events: trace.length });
    },
  };
  const exec = Executor.start(planFor(prepared, branch.actions), new Tap(0, out));
  const onActionWarning = opts.onActionWarning;
  if (onActionWarning !== undefined) {
    const warning = actionWarnings(session, prepared);
    exec.onScenarioActionRefused = (action, ev) => onActionWarning(warning(action, ev));
  }
  const sliceMs = Math.max(1, untilMs / PROGRESS_SLICES);
  try {
    for (let i = 1; i <= PROGRESS_SLICES; i++) {
      exec.runTo(i === PROGRESS_SLICES ? untilMs : Math.min(untilMs, i * sliceMs));
      opts.onProgress?.({ nowMs: exec.nowMs, untilMs, events: trace.length });
    }
  } catch (err) {
    // A refused user action throws NetError (a refused scenario action is traced instead); the executor has
    // not applied it, so appliedActions is its index.
    if (err instanceof NetError && exec.appliedActions < branch.actions.length) throw new BranchActionError(err, exec.appliedActions);
    throw err;
  }
  const net = exec.network;
  const lessonBlock = prepared.scenario.lesson;
  const input: ExportInput = {
    title: { en: prepared.scenario.title.en, 'zh-CN': prepared.scenario.title['zh-CN'] },
    hosts: net.hosts().map((h) => ({ name: h.name, ip: h.ip })),
    trace,
    packets: net.packets(),
    actions: branch.actions,
    branches: branchInfos(session),
    meta: {
      seed: session.seed, profile: prepared.run.profile, untilMs, lessonId: session.lesson?.id ?? lessonBlock?.id ?? null,
      compare: session.lesson?.compare ?? null, branch: branch.name,
    },
  };
  if (lessonBlock !== undefined) input.lesson = { id: lessonBlock.id, narrative: lessonBlock.narrative };
  return input;
}
