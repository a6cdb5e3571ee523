// The check behind "an action that cannot apply is refused with its path" (docs/SESSION.md): a session file
// can be valid field by field and still hold an action the run refuses (a packet id that never exists, a
// release of a packet that is not held). Each branch is re-run up to its last action, keeping no trace,
// as LabSession.open does; the first refused action of a branch is reported at $.branches[i].actions[j].
import { NetError } from '../net/errors.js';
import { makeError, type ScenarioError } from './scenario-errors.js';
import { Executor, Tap } from './session-executor.js';
import { planFor, prepare, type Session } from './session-model.js';

export function checkSessionActions(session: Session): ScenarioError[] {
  const prepared = prepare(session);
  const errors: ScenarioError[] = [];
  session.branches.forEach((b, i) => {
    const lastMs = b.actions[b.actions.length - 1]?.atMs;
    if (lastMs === undefined) return;
    const exec = Executor.start(planFor(prepared, b.actions), new Tap(0, null));
    try {
      exec.runTo(lastMs);
    } catch (err) {
      if (!(err instanceof NetError)) throw err;
      const path = `$.branches[${i}].actions[${exec.appliedActions}]${err.path ? `.${err.path}` : ''}`;
      // net's messages for a field start with its path ("fields.flags: …"): the full path already says it.
      const detail = err.path !== undefined && err.message.startsWith(`${err.path}: `) ? err.message.slice(err.path.length + 2) : err.message;
      errors.push(makeError(path, 'bad-value', { detail }));
    }
  });
  return errors;
}
