// A lab session: a scenario (kept verbatim, as validated), its seed, the lesson it came from, and branches
// of user interventions. Everything the trace depends on is here; nothing else (no clock, no app state).
import type { Intervention } from '../net/interventions.js';
import type { RunSpec } from '../net/spec.js';
import { parseScenario, toRunSpec, withCompare, type Scenario, type ScenarioAction } from './scenario.js';
import type { Plan } from './session-executor.js';
import type { Cursor } from './timeline.js';

export interface Branch {
  id: string;
  name: string;
  /** The branch it was forked from; null for the first one. */
  parent: string | null;
  /** Virtual time where it left its parent. */
  forkAtMs: number;
  /** How many of `actions` were copied from the parent at the fork (undo stops there). */
  inherited: number;
  /** User interventions in the order applied; atMs never decreases. */
  actions: Intervention[];
}

export interface LessonRef {
  id: string;
  compare: number | null;
}

export interface Session {
  /** The scenario JSON as opened (validated), without the compare override applied. */
  scenario: Record<string, unknown>;
  seed: number;
  lesson: LessonRef | null;
  branches: Branch[];
  current: string;
  cursor: Cursor;
}

export const ROOT_BRANCH = 'main';

/** A new session over a scenario JSON value that parseScenario accepted. */
export function newSession(scenario: Record<string, unknown>, seed: number, lesson: LessonRef | null): Session {
  return {
    scenario,
    seed,
    lesson,
    branches: [{ id: ROOT_BRANCH, name: ROOT_BRANCH, parent: null, forkAtMs: 0, inherited: 0, actions: [] }],
    current: ROOT_BRANCH,
    cursor: { tMs: 0, event: 0 },
  };
}

export interface Prepared {
  /** The scenario with the lesson's compare-run applied. */
  scenario: Scenario;
  run: RunSpec;
  scenarioActions: ScenarioAction[];
}

/** Parses the session's scenario and applies its compare-run and seed. Throws on an invalid one (load checks first). */
export function prepare(session: Session): Prepared {
  const parsed = parseScenario(session.scenario);
  if (!parsed.ok) throw new Error(`session scenario is invalid: ${parsed.errors[0]?.path ?? '$'}: ${parsed.errors[0]?.message ?? ''}`);
  let scenario = parsed.scenario;
  const compare = session.lesson?.compare;
  if (compare !== null && compare !== undefined) {
    const run = scenario.lesson?.compare?.[compare];
    if (run === undefined) throw new Error(`session lesson has no compare run ${compare}`);
    scenario = withCompare(scenario, run);
  }
  const run = { ...toRunSpec(scenario), seed: session.seed };
  // Stable by time: the executor applies them in this order (executor.ts).
  const scenarioActions = (scenario.actions ?? []).map((a, i) => ({ a, i })).sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i).map((x) => x.a);
  return { scenario, run, scenarioActions };
}

export function planFor(prepared: Prepared, actions: readonly Intervention[]): Plan {
  return { run: prepared.run, scenarioActions: prepared.scenarioActions, actions };
}

export function branchById(session: Session, id: string): Branch | undefined {
  return session.branches.find((b) => b.id === id);
}

/** An action with a fixed key order (atMs first), so saved files and comparisons are byte-stable. */
export function canonicalAction(body: object, atMs: number): Intervention {
  const rest = { ...(body as Record<string, unknown>) };
  delete rest.atMs;
  return { atMs, ...rest } as Intervention;
}

/** A deep copy (sessions handed out or saved never alias the live one). */
export function cloneSession(s: Session): Session {
  return JSON.parse(JSON.stringify(s)) as Session;
}
