// Where `run` gets its scenario: a file (tcplab.scenario/1 JSON) or a lesson id; the command-line
// overrides (--profile, --until, --seed, --compare) are applied to the scenario JSON, which is then
// validated again, so an override can never produce a run the file format would refuse.
import { lessonById, LESSONS } from '../lab/lessons/index.js';
import { FileError, readTextLimited } from '../lab/io/files.js';
import { formatErrors, parseScenario, parseScenarioText, type ScenarioError } from '../lab/scenario.js';
import { checkScenarioActions } from '../lab/scenario-action-check.js';
import { newSession, type Session } from '../lab/session-model.js';
import { CliExit } from './io.js';

export interface Overrides {
  profile?: string;
  untilMs?: number;
  seed?: number;
  compare?: number;
}

type Json = Record<string, unknown>;

/**
 * The most bytes any input file may have (scenarios, sessions). One limit for run, replay and validate, so they
 * never disagree about a file: a scenario's own limit is 10 Mi characters (lab/scenario-guard.ts), which UTF-8
 * Chinese text reaches at up to 30 MiB.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** An input file's text; a missing, oversized, empty or non-text file is bad input (exit 2). */
export function readInput(file: string, maxBytes: number): string {
  let text: string;
  try {
    text = readTextLimited(file, maxBytes);
  } catch (err) {
    if (err instanceof FileError) throw new CliExit(2, err.message);
    throw err;
  }
  // Clearer than "JSON syntax error at line 1, column 1: Unexpected end of JSON input".
  if (text.trim() === '') throw new CliExit(2, `${file} is empty: expected a tcplab scenario or session (JSON)`);
  return text;
}

/** The document's "format" field, or '' when the text is not a JSON object with one. */
export function formatOf(text: string): string {
  try {
    const doc = JSON.parse(text) as unknown;
    const f = doc !== null && typeof doc === 'object' ? (doc as Json).format : undefined;
    return typeof f === 'string' ? f : '';
  } catch {
    return '';
  }
}

function looksLikeFile(arg: string): boolean {
  return arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');
}

/** The scenario JSON value named by arg (a deep copy: overrides never touch a lesson's own object), with the file's warnings. */
export function loadScenarioJson(arg: string): { json: Json; origin: string; warnings: ScenarioError[] } {
  if (!looksLikeFile(arg)) {
    const lesson = lessonById(arg);
    if (lesson === undefined) throw new CliExit(2, `"${arg}" is neither a .json file nor a lesson id (see tcplab lessons; ids: ${LESSONS.map((l) => l.id).join(', ')})`);
    return { json: JSON.parse(JSON.stringify(lesson.scenario)) as Json, origin: `lesson ${lesson.id}`, warnings: [] };
  }
  const text = readInput(arg, MAX_INPUT_BYTES);
  if (formatOf(text).startsWith('tcplab.session/')) throw new CliExit(2, `${arg} is a session file: use "tcplab replay ${arg}"`);
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new CliExit(2, `${arg} is not a valid scenario:\n${formatErrors(parsed.errors).map((l) => `  ${l}`).join('\n')}`);
  return { json: JSON.parse(text) as Json, origin: arg, warnings: parsed.warnings };
}

/** Applies the overrides; a comparison run's own profile/untilMs are overridden too, so the flag always wins. */
export function applyOverrides(json: Json, o: Overrides): Json {
  const out: Json = { ...json };
  if (o.profile !== undefined) out.profile = o.profile;
  if (o.untilMs !== undefined) out.untilMs = o.untilMs;
  if (o.seed !== undefined) out.seed = o.seed;
  const lesson = out.lesson as { compare?: Json[] } | undefined;
  if (o.compare !== undefined) {
    const runs = lesson?.compare ?? [];
    if (o.compare >= runs.length) throw new CliExit(2, `--compare ${o.compare}: this scenario has ${runs.length} comparison run(s)${runs.length > 0 ? ` (0-${runs.length - 1})` : ''}`);
    const run = { ...runs[o.compare]! };
    if (o.profile !== undefined && run.profile !== undefined) run.profile = o.profile;
    if (o.untilMs !== undefined && run.untilMs !== undefined) run.untilMs = o.untilMs;
    out.lesson = { ...lesson, compare: runs.map((r, i) => (i === o.compare ? run : r)) };
  }
  return out;
}

/**
 * A new session over the (overridden, re-validated) scenario. Warnings: the file's as written (so --until
 * does not make every later step a warning), then the scenario actions that cannot apply in this run.
 */
export function sessionFor(arg: string, o: Overrides): { session: Session; origin: string; warnings: ScenarioError[] } {
  const { json, origin, warnings } = loadScenarioJson(arg);
  const scenario = applyOverrides(json, o);
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new CliExit(2, `${origin} with the given options is not valid:\n${formatErrors(parsed.errors).map((l) => `  ${l}`).join('\n')}`);
  const lesson = parsed.scenario.lesson;
  const ref = lesson === undefined ? null : { id: lesson.id, compare: o.compare ?? null };
  const session = newSession(scenario, parsed.scenario.seed, ref);
  return { session, origin, warnings: [...warnings, ...checkScenarioActions(session)] };
}
