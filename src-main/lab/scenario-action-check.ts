// A scenario's own timed actions (`actions`) that cannot apply when their time comes (a replay of a packet
// the router never cached, a release of a packet that is not held). A run traces them as `command.error`
// and goes on, as the app does; `tcplab validate` and `run` report them as warnings at their JSON path
// ($.actions[i].cached), by running the scenario up to its last action and keeping no trace.
import type { TraceEvent } from '../net/trace.js';
import { makeError, type ScenarioError } from './scenario-errors.js';
import type { ScenarioAction } from './scenario-actions.js';
import { Executor, Tap } from './session-executor.js';
import { planFor, prepare, type Session } from './session-model.js';

/** Captures each refused scenario action with the action itself (the executor has just applied it). */
class RefusalTap extends Tap {
  executor: Executor | undefined;
  readonly refused: Array<{ action: ScenarioAction; ev: Extract<TraceEvent, { kind: 'command.error' }> }> = [];
  override emit(ev: TraceEvent): void {
    super.emit(ev);
    const exec = this.executor;
    if (ev.kind !== 'command.error' || exec === undefined) return;
    const action = exec.plan.scenarioActions[exec.appliedScenarioActions - 1];
    if (action !== undefined) this.refused.push({ action, ev });
  }
}

/** Warnings for the scenario actions of `session` (its scenario, seed and compare run) that cannot apply. */
export function checkScenarioActions(session: Session): ScenarioError[] {
  const prepared = prepare(session);
  const actions = prepared.scenario.actions ?? [];
  const lastMs = prepared.scenarioActions[prepared.scenarioActions.length - 1]?.atMs;
  if (lastMs === undefined) return [];
  const tap = new RefusalTap(0, null);
  const exec = Executor.start(planFor(prepared, []), tap);
  tap.executor = exec;
  exec.runTo(lastMs);
  // A comparison run's actions live in the lesson block; the scenario's own are at $.actions.
  const compare = session.lesson?.compare;
  const base = compare === null || compare === undefined || prepared.scenario.lesson?.compare?.[compare]?.actions === undefined ? '$.actions' : `$.lesson.compare[${compare}].actions`;
  return tap.refused.map(({ action, ev }) => {
    const i = actions.indexOf(action); // prepare() sorts the same objects by time
    const field = ev.code === 'not-cached' && action.op === 'replay' ? (action.cached !== undefined && action.id === undefined ? 'cached' : 'id') : undefined;
    const path = `${base}[${i}]${field === undefined ? '' : `.${field}`}`;
    return makeError(path, 'action-failed', { op: ev.op, atMs: ev.t, detail: ev.message });
  });
}
