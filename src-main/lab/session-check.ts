// The check behind "an action that cannot apply is refused with its path" (docs/SESSION.md): a session file
// can be valid field by field and still hold an action the run refuses (a packet id that never exists, a
// release of a packet that is not held). Each branch is re-run up to its last action, keeping no trace,
// as LabSession.open does; the first refused action of a branch is reported at $.branches[i].actions[j].
// `tcplab replay` checks the branch it replays during the replay itself (BranchActionError), not twice.
import { NetError } from '../net/errors.js';
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

/** The first refused action of branch `index` (re-run up to its last action), or undefined when all apply. */
export function checkBranchActions(session: Session, index: number, prepared: Prepared = prepare(session)): ScenarioError | undefined {
  const actions = session.branches[index]?.actions ?? [];
  const lastMs = actions[actions.length - 1]?.atMs;
  if (lastMs === undefined) return undefined;
  const exec = Executor.start(planFor(prepared, actions), new Tap(0, null));
  try {
    exec.runTo(lastMs);
  } catch (err) {
    if (!(err instanceof NetError)) throw err;
    return branchActionError(index, exec.appliedActions, err);
  }
  return undefined;
}

/** The first refused action of each branch, in branch order. */
export function checkSessionActions(session: Session): ScenarioError[] {
  const prepared = prepare(session);
  return session.branches.flatMap((_, i) => checkBranchActions(session, i, prepared) ?? []);
}
