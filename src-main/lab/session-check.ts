// The check behind "an action that cannot apply is refused with its path" (docs/SESSION.md): a session file
// can be valid field by field and still hold an action the run refuses (a packet id that never exists, a
// release of a packet that is not held). Each branch is re-run up to its last action, keeping no trace,
// as LabSession.open does; the first refused action of a branch is reported at $.branches[i].actions[j].
// `tcplab replay` checks the branch it replays during the replay itself (BranchActionError), not twice, and
// `tcplab validate` takes the scenario's warnings from the run of the current branch (checkSession).
import { NetError } from '../net/errors.js';
import { actionWarnings } from './scenario-action-check.js';
import { makeError, type ScenarioError } from './scenario-errors.js';
import { Executor, Tap } from './session-executor.js';
import { planFor, prepare, type Prepared, type Session } from './session-model.js';

/**
 * A user action of a branch that the run refused (the NetError's code, message and path), with its index in
 * the branch's actions: thrown by sessionExportInput, so a caller can name it at its JSON path.
 */
export class BranchActionError extends NetError {
  constructor(readonly refusal: NetError, readonly actionIndex: number) {
    super(refusal.code, refusal.message, refusal.path);
    this.name = 'NetError';
  }
}

/** The error at $.branches[branchIndex].actions[actionIndex] for a refused user action. */
export function branchActionError(branchIndex: number, actionIndex: number, err: NetError): ScenarioError {
  const path = `$.branches[${branchIndex}].actions[${actionIndex}]${err.path ? `.${err.path}` : ''}`;
  // net's messages for a field start with its path ("fields.flags: …"): the full path already says it.
  const detail = err.path !== undefined && err.message.startsWith(`${err.path}: `) ? err.message.slice(err.path.length + 2) : err.message;
  return makeError(path, 'bad-value', { detail });
}

/**
 * The first refused action of branch `index` (re-run up to its last action), or undefined when all apply.
 * With `onScenarioWarning`, the same run goes on to the scenario's last own action and reports each of those
 * that cannot apply (scenario-action-check.ts), so a caller wanting both simulates the branch once.
 */
export function checkBranchActions(
  session: Session, index: number, prepared: Prepared = prepare(session), onScenarioWarning?: (w: ScenarioError) => void,
): ScenarioError | undefined {
  const actions = session.branches[index]?.actions ?? [];
  const lastUserMs = actions[actions.length - 1]?.atMs;
  const lastScenarioMs = onScenarioWarning === undefined ? undefined : prepared.scenarioActions[prepared.scenarioActions.length - 1]?.atMs;
  if (lastUserMs === undefined && lastScenarioMs === undefined) return undefined;
  const exec = Executor.start(planFor(prepared, actions), new Tap(0, null));
  if (onScenarioWarning !== undefined) {
    const warning = actionWarnings(session, prepared);
    exec.onScenarioActionRefused = (action, ev) => onScenarioWarning(warning(action, ev));
  }
  try {
    exec.runTo(Math.max(lastUserMs ?? 0, lastScenarioMs ?? 0));
  } catch (err) {
    // Only a user action throws (a scenario action's refusal is traced and the run goes on), as in sessionExportInput.
    if (!(err instanceof NetError) || exec.appliedActions >= actions.length) throw err;
    return branchActionError(index, exec.appliedActions, err);
  }
  return undefined;
}

/** The first refused action of each branch, in branch order. */
export function checkSessionActions(session: Session): ScenarioError[] {
  return checkSession(session).errors;
}

/**
 * What `tcplab validate` checks by running a session: the first refused user action of each branch (errors) and
 * the scenario's own actions that cannot apply (warnings, at their path in the scenario). One run per branch:
 * the current one, which the app opens and `tcplab replay` replays, also finds the warnings, as replay does.
 */
export function checkSession(session: Session): { errors: ScenarioError[]; scenarioWarnings: ScenarioError[] } {
  const prepared = prepare(session);
  const current = session.branches.findIndex((b) => b.id === session.current);
  const scenarioWarnings: ScenarioError[] = [];
  const errors = session.branches.flatMap((_, i) => checkBranchActions(session, i, prepared, i === current ? (w) => scenarioWarnings.push(w) : undefined) ?? []);
  return { errors, scenarioWarnings };
}
