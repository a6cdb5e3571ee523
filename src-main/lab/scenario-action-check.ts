// A scenario's own timed actions (`actions`) that cannot apply when their time comes (a replay of a packet
// the router never cached, a release of a packet that is not held). A run traces them as `command.error`
// and goes on, as the app does; `tcplab validate`, `run` and `replay` report them as warnings at their JSON
// path ($.actions[i].cached). validate runs a scenario up to its last action, keeping no trace, to find
// them (for a session, the run that checks its current branch finds them: session-check.ts); run and replay
// learn them from the run they do anyway (sessionExportInput's onActionWarning), so a big flood is not
// simulated twice.
import { makeError, type ScenarioError } from './scenario-errors.js';
import type { ScenarioAction } from './scenario-actions.js';
import { Executor, Tap, type CommandErrorEvent } from './session-executor.js';
import { planFor, prepare, type Prepared, type Session } from './session-model.js';

/** Turns a refusal of one of the session's scenario actions (Executor.onScenarioActionRefused) into its warning. */
export type ActionWarning = (action: ScenarioAction, ev: CommandErrorEvent) => ScenarioError;

export function actionWarnings(session: Session, prepared: Prepared = prepare(session)): ActionWarning {
  const actions = prepared.scenario.actions ?? [];
  // A comparison run's actions live in the lesson block; the scenario's own are at $.actions.
  const compare = session.lesson?.compare;
  const base = compare === null || compare === undefined || prepared.scenario.lesson?.compare?.[compare]?.actions === undefined ? '$.actions' : `$.lesson.compare[${compare}].actions`;
  return (action, ev) => {
    const i = actions.indexOf(action); // prepare() sorts the same objects by time
    const field = ev.code === 'not-cached' && action.op === 'replay' ? (action.cached !== undefined && action.id === undefined ? 'cached' : 'id') : undefined;
    const path = `${base}[${i}]${field === undefined ? '' : `.${field}`}`;
    return makeError(path, 'action-failed', { op: ev.op, atMs: ev.t, detail: ev.message });
  };
}

/** Warnings for the scenario actions of `session` (its scenario, seed and compare run) that cannot apply. */
export function checkScenarioActions(session: Session): ScenarioError[] {
  const prepared = prepare(session);
  const lastMs = prepared.scenarioActions[prepared.scenarioActions.length - 1]?.atMs;
  if (lastMs === undefined) return [];
  const warning = actionWarnings(session, prepared);
  const found: ScenarioError[] = [];
  const exec = Executor.start(planFor(prepared, []), new Tap(0, null));
  exec.onScenarioActionRefused = (action, ev) => found.push(warning(action, ev));
  exec.runTo(lastMs);
  return found;
}
