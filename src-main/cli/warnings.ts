// Warnings: what a valid file says that will not do what it seems to (lab/scenario-warnings.ts) and its
// scenario actions that cannot apply (lab/scenario-action-check.ts). They go to stderr as
// `tcplab <command>: warning: <path>: <message>` in the CLI's language and never change the exit code.
// validate, run and replay print the same lines; a session's are at $.scenario… (its scenario's paths).
import type { Lang } from '../contract/commands.js';
import { formatErrors, parseScenario, type ScenarioError } from '../lab/scenario.js';
import type { Session } from '../lab/session-model.js';
import type { CliIo } from './io.js';
import { msg } from './messages.js';

export function printWarnings(io: CliIo, command: string, lang: Lang, warnings: readonly ScenarioError[]): void {
  for (const line of formatErrors(warnings, lang)) io.err(msg('warning', command, line)[lang]);
}

/** A warning about a session's scenario, at its path inside the session file. */
export function atScenario(w: ScenarioError): ScenarioError {
  return { ...w, path: `$.scenario${w.path.slice(1)}` };
}

/** The warnings of a session's scenario as written (the actions that cannot apply come from a run), at $.scenario…. */
export function sessionScenarioWarnings(session: Session): ScenarioError[] {
  const parsed = parseScenario(session.scenario);
  return (parsed.ok ? parsed.warnings : []).map(atScenario);
}
