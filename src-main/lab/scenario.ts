// Scenario files (tcplab.scenario/1): parse, guard, upgrade, validate, and convert to net's RunSpec.
// parseScenario never throws, whatever it is given (see tests/unit/lab/scenario.test.ts).
import type { RunSpec } from '../net/spec.js';
import { formatErrors, makeError, describeValue, type ScenarioError } from './scenario-errors.js';
import { guardValue, parseJsonText } from './scenario-guard.js';
import { hintsFrom } from './key-hints.js';
import { issuesToErrors } from './scenario-issues.js';
import { partialView } from './scenario-partial.js';
import { checkReferences, refViewOf } from './scenario-refs.js';
import { toRunSpec } from './scenario-run.js';
import { scenarioWarnings } from './scenario-warnings.js';
import { scenarioV1Schema, type ScenarioV1 } from './scenario-schema.js';
import { upgradeToCurrent } from './scenario-versions.js';

export { formatErrors, type ScenarioError };
export { CURRENT_FORMAT, SUPPORTED_FORMATS } from './scenario-versions.js';
export { toRunSpec, withCompare } from './scenario-run.js';
export type { CompareRun, LessonBlock } from './scenario-schema.js';
export type { Expectation, EventFilter } from './scenario-expect.js';
export type { ScenarioAction } from './scenario-actions.js';

/** A validated scenario with defaults filled in. */
export type Scenario = ScenarioV1;

export type ParseResult =
  | { ok: true; scenario: Scenario; run: RunSpec; warnings: ScenarioError[] }
  | { ok: false; errors: ScenarioError[] };

/** Errors beyond this many are summarised; a mutated file can otherwise produce thousands. */
const MAX_ERRORS = 100;

function capped(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const rest = errors.length - MAX_ERRORS;
  return [...errors.slice(0, MAX_ERRORS), makeError('$', 'bad-value', { detail: `${rest} more errors not shown` })];
}

function parseUnsafe(json: unknown): ParseResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [makeError('$', 'not-object', { received: describeValue(json) })] };
  }
  const guardErrors = guardValue(json);
  if (guardErrors.length > 0) return { ok: false, errors: guardErrors };
  const upgraded = upgradeToCurrent(json as Record<string, unknown>);
  if (!upgraded.ok) return upgraded;
  const result = scenarioV1Schema.safeParse(upgraded.doc);
  if (!result.success) {
    // The reference checks still run on the items that parsed, so both kinds of error show in one run.
    const schemaErrors = issuesToErrors(result.error.issues, upgraded.doc, hintsFrom(scenarioV1Schema, upgraded.doc));
    return { ok: false, errors: capped([...schemaErrors, ...checkReferences(partialView(upgraded.doc))]) };
  }
  const refErrors = checkReferences(refViewOf(result.data));
  if (refErrors.length > 0) return { ok: false, errors: capped(refErrors) };
  return { ok: true, scenario: result.data, run: toRunSpec(result.data), warnings: capped(scenarioWarnings(result.data)) };
}

/** Validates a parsed JSON value. Never throws. */
export function parseScenario(json: unknown): ParseResult {
  try {
    return parseUnsafe(json);
  } catch (err) {
    // Only exotic inputs get here (proxies, throwing getters, exhausted stack); say so instead of crashing.
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    return { ok: false, errors: [makeError('$', 'internal', { detail: detail.slice(0, 200) })] };
  }
}

/** Parses JSON text (syntax errors carry line:column) and validates it. Never throws. */
export function parseScenarioText(text: string): ParseResult {
  try {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return parsed;
    return parseScenario(parsed.value);
  } catch (err) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    return { ok: false, errors: [makeError('$', 'internal', { detail: detail.slice(0, 200) })] };
  }
}
