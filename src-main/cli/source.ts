// Where `run` gets its scenario: a file (tcplab.scenario/1 JSON) or a lesson id; the command-line
// overrides (--profile, --until, --seed, --compare) are applied to the scenario JSON, which is then
// validated again, so an override can never produce a run the file format would refuse.
import { lessonById, LESSONS } from '../lab/lessons/index.js';
import { FileError, readTextLimited } from '../lab/io/files.js';
import { formatErrors, parseScenario, parseScenarioText } from '../lab/scenario.js';
import { newSession, type Session } from '../lab/session-model.js';
import type { ScenarioError } from '../lab/scenario.js';
import { fileErrorText } from './file-errors.js';
import { CliExit } from './io.js';
import { join, msg, perLang, text, type Msg } from './messages.js';

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
  let content: string;
  try {
    content = readTextLimited(file, maxBytes);
  } catch (err) {
    if (err instanceof FileError) throw new CliExit(2, fileErrorText(err));
    throw err;
  }
  // Clearer than "JSON syntax error at line 1, column 1: Unexpected end of JSON input".
  if (content.trim() === '') throw new CliExit(2, msg('emptyInput', file));
  return content;
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

/** One indented `path: message` line per error, in both languages. */
export function errorLines(errors: readonly ScenarioError[]): Msg {
  const lines = (lang: 'en' | 'zh-CN') => formatErrors(errors, lang).map((l) => `  ${l}`).join('\n');
  return { en: lines('en'), 'zh-CN': lines('zh-CN') };
}

/**
 * The scenario JSON value named by arg (a deep copy: overrides never touch a lesson's own object); origin
 * names it in messages and the summary; file is set when it came from a file; warnings are the file's.
 */
export function loadScenarioJson(arg: string): { json: Json; origin: Msg; file?: string; warnings: ScenarioError[] } {
  if (!looksLikeFile(arg)) {
    const lesson = lessonById(arg);
    if (lesson === undefined) throw new CliExit(2, msg('unknownLesson', arg, LESSONS.map((l) => l.id).join(', ')));
    return { json: JSON.parse(JSON.stringify(lesson.scenario)) as Json, origin: msg('originLesson', lesson.id), warnings: [] };
  }
  const doc = readInput(arg, MAX_INPUT_BYTES);
  if (formatOf(doc).startsWith('tcplab.session/')) throw new CliExit(2, msg('sessionNotScenario', arg));
  const parsed = parseScenarioText(doc);
  if (!parsed.ok) throw new CliExit(2, join([msg('invalidScenario', arg), errorLines(parsed.errors)], '\n'));
  return { json: JSON.parse(doc) as Json, origin: text(arg, arg), file: arg, warnings: parsed.warnings };
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
    if (o.compare >= runs.length) throw new CliExit(2, msg('compareRange', o.compare, runs.length));
    const run = { ...runs[o.compare]! };
    if (o.profile !== undefined && run.profile !== undefined) run.profile = o.profile;
    if (o.untilMs !== undefined && run.untilMs !== undefined) run.untilMs = o.untilMs;
    out.lesson = { ...lesson, compare: runs.map((r, i) => (i === o.compare ? run : r)) };
  }
  return out;
}

/**
 * A new session over the (overridden, re-validated) scenario. Warnings: the file's as written (so --until
 * does not make every later step a warning); the scenario actions that cannot apply in this run are found
 * by the run itself (run.ts), so a big flood is not simulated twice.
 */
export function sessionFor(arg: string, o: Overrides): { session: Session; origin: Msg; file?: string; warnings: ScenarioError[] } {
  const { json, origin, file, warnings } = loadScenarioJson(arg);
  const scenario = applyOverrides(json, o);
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new CliExit(2, join([perLang((lang) => msg('invalidWithOptions', origin[lang])[lang]), errorLines(parsed.errors)], '\n'));
  const lesson = parsed.scenario.lesson;
  const ref = lesson === undefined ? null : { id: lesson.id, compare: o.compare ?? null };
  const session = newSession(scenario, parsed.scenario.seed, ref);
  return { session, origin, ...(file === undefined ? {} : { file }), warnings };
}
