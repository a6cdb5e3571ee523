// From a session to the exporters' plain input: re-executes the chosen branch (scenario + seed + its
// actions, DESIGN.md "Deterministic core") to the scenario's end, keeping the whole trace and the packet
// records. Long runs report progress through onProgress; lab/ reads no clock, the caller may.
import type { BranchInfo } from '../../contract/session.js';
import type { TraceEvent } from '../../net/trace.js';
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
  /** Called after every slice of virtual time (about 1/200 of the run). */
  onProgress?: (p: RunProgress) => void;
}

const PROGRESS_SLICES = 200;

export function branchInfos(session: Session): BranchInfo[] {
  return session.branches.map((b) => ({ id: b.id, name: b.name, parent: b.parent, forkAtMs: b.forkAtMs, actionCount: b.actions.length }));
}

/** Runs the branch and collects everything the exporters need. Throws NetError if an action is refused. */
export function sessionExportInput(session: Session, opts: SessionInputOptions = {}): ExportInput {
  const branchId = opts.branch ?? session.current;
  const branch = branchById(session, branchId);
  if (branch === undefined) throw new Error(`the session has no branch "${branchId}"`);
  const prepared = prepare(session);
  const trace: TraceEvent[] = [];
  const exec = Executor.start(planFor(prepared, branch.actions), new Tap(0, trace));
  const untilMs = Math.min(opts.untilMs ?? prepared.run.untilMs, prepared.run.untilMs);
  const sliceMs = Math.max(1, untilMs / PROGRESS_SLICES);
  for (let i = 1; i <= PROGRESS_SLICES; i++) {
    exec.runTo(i === PROGRESS_SLICES ? untilMs : Math.min(untilMs, i * sliceMs));
    opts.onProgress?.({ nowMs: exec.nowMs, untilMs, events: trace.length });
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
