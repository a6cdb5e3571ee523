// Things a valid scenario says that are probably not what its author meant, yet still run: reported as
// warnings (stderr, and "warnings" in `validate --json`), never as errors, so the exit code says only
// whether the file can run. A contradiction that makes a part meaningless (seqFrom above seqTo) is an
// error instead (scenario-refs.ts). Only the scenario's own lists are looked at, not comparison runs.
import { jsonPath, makeError, type ScenarioError } from './scenario-errors.js';
import type { ScenarioV1 } from './scenario-schema.js';

/** A timed thing at or after untilMs: after it, it never happens; at it, nothing it causes is recorded. */
function timing(atMs: number, untilMs: number, what: string, path: Array<string | number>, out: ScenarioError[]): void {
  if (atMs > untilMs) out.push(makeError(jsonPath(path), 'after-end', { atMs, untilMs, what }));
  else if (atMs === untilMs && untilMs > 0) out.push(makeError(jsonPath(path), 'at-end', { atMs, untilMs, what }));
}

export function scenarioWarnings(s: ScenarioV1): ScenarioError[] {
  const out: ScenarioError[] = [];
  s.rules.forEach((r, i) => {
    // A host can connect to its own address through the router, so this can fire; it rarely is what was meant.
    if (r.match.from !== undefined && r.match.from === r.match.to) out.push(makeError(jsonPath(['rules', i, 'match', 'to']), 'self-rule', { host: r.match.from }));
  });
  s.steps.forEach((step, i) => {
    if (step.atMs !== undefined) timing(step.atMs, s.untilMs, 'step', ['steps', i, 'atMs'], out);
    else if (step.afterMs !== undefined && step.afterMs > s.untilMs) out.push(makeError(jsonPath(['steps', i, 'afterMs']), 'after-end', { atMs: step.afterMs, untilMs: s.untilMs, what: 'step' }));
  });
  s.actions?.forEach((a, i) => timing(a.atMs, s.untilMs, 'action', ['actions', i, 'atMs'], out));
  s.floods?.forEach((f, i) => {
    timing(f.startMs, s.untilMs, 'flood', ['floods', i, 'startMs'], out);
    const ip = s.hosts.find((h) => h.name === f.from)?.ip;
    if (ip !== undefined && f.target.split(':')[0] === ip) out.push(makeError(jsonPath(['floods', i, 'target']), 'self-flood', { target: f.target, host: f.from }));
  });
  return out;
}
