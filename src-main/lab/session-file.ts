// The session file, tcplab.session/1: save and load. loadSession never throws; every problem comes back
// with its JSON path (`$.branches[0].actions[3].id`), in the same error shape as scenario files.
import type { Intervention } from '../net/interventions.js';
import { parseScenario } from './scenario.js';
import { describeValue, makeError, type ScenarioError } from './scenario-errors.js';
import { guardValue, parseJsonText } from './scenario-guard.js';
import { hintsFrom } from './key-hints.js';
import { issuesToErrors } from './scenario-issues.js';
import { canonicalAction, type Branch, type Session } from './session-model.js';
import { sessionV1Schema, SESSION_FORMAT_V1, type SessionFileV1 } from './session-schema.js';

export type LoadResult = { ok: true; session: Session } | { ok: false; errors: ScenarioError[] };

type Doc = Record<string, unknown>;

/** One entry per format version; an older one upgrades its document to the next (only /1 exists). */
const VERSIONS: ReadonlyMap<string, { upgrade?: (doc: Doc) => Doc; next?: string }> = new Map([[SESSION_FORMAT_V1, {}]]);
export const SESSION_FORMATS: readonly string[] = [...VERSIONS.keys()];

const MAX_ERRORS = 100;

export interface SaveOptions {
  /** The writing app's version (the host passes package.json's; lab/ cannot read it). */
  appVersion?: string;
  /** ISO time written as createdAt (informative; never read back into the simulation). */
  createdAt?: string;
}

/** The file text: pretty JSON with a fixed key order, byte-identical for equal sessions. */
export function saveSession(session: Session, opts: SaveOptions = {}): string {
  const doc: Record<string, unknown> = { format: SESSION_FORMAT_V1, app: { name: 'tcplab', version: opts.appVersion ?? 'dev' } };
  if (opts.createdAt !== undefined) doc.createdAt = opts.createdAt;
  doc.seed = session.seed;
  doc.lesson = session.lesson === null ? null : { id: session.lesson.id, compare: session.lesson.compare };
  doc.scenario = session.scenario;
  doc.branches = session.branches.map((b) => ({
    id: b.id, name: b.name, parent: b.parent, forkAtMs: b.forkAtMs, inherited: b.inherited,
    actions: b.actions.map((a) => canonicalAction(a, a.atMs)),
  }));
  doc.current = session.current;
  doc.cursor = { tMs: session.cursor.tMs, event: session.cursor.event };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function upgrade(doc: Doc): { ok: true; doc: Doc } | { ok: false; errors: ScenarioError[] } {
  const supported = SESSION_FORMATS.map((f) => `"${f}"`).join(', ');
  const from = doc.format;
  if (from === undefined) return { ok: false, errors: [makeError('$.format', 'missing-format', { supported })] };
  if (typeof from !== 'string' || !VERSIONS.has(from)) {
    return { ok: false, errors: [makeError('$.format', 'unknown-format', { format: typeof from === 'string' ? from.slice(0, 80) : describeValue(from), supported })] };
  }
  let cur = doc;
  let format = from;
  for (let i = 0; i < VERSIONS.size; i++) {
    const v = VERSIONS.get(format);
    if (v?.upgrade === undefined || v.next === undefined) break;
    cur = v.upgrade(cur);
    format = v.next;
  }
  return { ok: true, doc: cur };
}

/** Validates a parsed JSON value as a session file. Never throws. */
export function parseSession(json: unknown): LoadResult {
  try {
    return parseUnsafe(json);
  } catch (err) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    return { ok: false, errors: [makeError('$', 'internal', { detail: detail.slice(0, 200) })] };
  }
}

/** Parses session file text (JSON syntax errors carry line:column). Never throws. */
export function loadSession(text: string): LoadResult {
  try {
    const parsed = parseJsonText(text);
    return parsed.ok ? parseSession(parsed.value) : parsed;
  } catch (err) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
    return { ok: false, errors: [makeError('$', 'internal', { detail: detail.slice(0, 200) })] };
  }
}

function parseUnsafe(json: unknown): LoadResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [makeError('$', 'not-object', { received: describeValue(json) })] };
  }
  const guard = guardValue(json);
  if (guard.length > 0) return { ok: false, errors: guard };
  const up = upgrade(json as Doc);
  if (!up.ok) return up;
  const res = sessionV1Schema.safeParse(up.doc);
  if (!res.success) {
    // The scenario inside has its own validator: its errors (an unknown host, say) show in the same run.
    const scenario = up.doc.scenario;
    const inner = scenario !== null && typeof scenario === 'object' && !Array.isArray(scenario) ? scenarioErrors(scenario) : [];
    return { ok: false, errors: [...issuesToErrors(res.error.issues, up.doc, hintsFrom(sessionV1Schema, up.doc)), ...inner].slice(0, MAX_ERRORS) };
  }
  const errors = crossCheck(res.data);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, session: toSession(res.data) };
}

function toSession(f: SessionFileV1): Session {
  const branches: Branch[] = f.branches.map((b) => ({
    id: b.id, name: b.name, parent: b.parent, forkAtMs: b.forkAtMs, inherited: b.inherited,
    actions: b.actions.map((a) => canonicalAction(a, a.atMs)),
  }));
  return {
    scenario: f.scenario,
    seed: f.seed,
    lesson: f.lesson === null ? null : { id: f.lesson.id, compare: f.lesson.compare },
    branches,
    current: f.current,
    cursor: { tMs: f.cursor.tMs, event: f.cursor.event },
  };
}

/** The embedded scenario's errors, at their paths inside the session file. */
function scenarioErrors(scenario: unknown): ScenarioError[] {
  const parsed = parseScenario(scenario);
  return parsed.ok ? [] : atScenario(parsed.errors);
}

function atScenario(errors: readonly ScenarioError[]): ScenarioError[] {
  return errors.map((e) => ({ ...e, path: `$.scenario${e.path.slice(1)}` }));
}

/** Checks across fields: the scenario itself, references between branches, action order and hosts. */
function crossCheck(f: SessionFileV1): ScenarioError[] {
  const parsed = parseScenario(f.scenario);
  if (!parsed.ok) return atScenario(parsed.errors);
  const out: ScenarioError[] = [];
  const untilMs = parsed.scenario.untilMs;
  const compare = f.lesson?.compare;
  if (compare !== null && compare !== undefined && parsed.scenario.lesson?.compare?.[compare] === undefined) {
    out.push(makeError('$.lesson.compare', 'bad-value', { detail: `the scenario has no compare run ${compare}` }));
  }
  const hosts = parsed.scenario.hosts.map((h) => h.name);
  const seen = new Map<string, number>();
  f.branches.forEach((b, i) => {
    const first = seen.get(b.id);
    if (first !== undefined) out.push(makeError(`$.branches[${i}].id`, 'duplicate', { what: 'branch id', value: b.id, first: `$.branches[${first}].id` }));
    if (b.parent !== null && !seen.has(b.parent)) {
      out.push(makeError(`$.branches[${i}].parent`, 'bad-value', { detail: `parent "${b.parent}" must be a branch listed before this one` }));
    }
    seen.set(b.id, i);
    if (b.inherited > b.actions.length) out.push(makeError(`$.branches[${i}].inherited`, 'bad-value', { detail: `${b.inherited} is more than the ${b.actions.length} actions` }));
    checkActions(b.actions as Intervention[], `$.branches[${i}].actions`, hosts, untilMs, out);
  });
  if (!seen.has(f.current)) out.push(makeError('$.current', 'bad-value', { detail: `no branch "${f.current}"` }));
  if (f.cursor.tMs > untilMs) out.push(makeError('$.cursor.tMs', 'too-big', { what: 'the value', max: untilMs, inclusive: 1, unit: 'ms (the scenario\'s untilMs)' }));
  return out;
}

function checkActions(actions: Intervention[], base: string, hosts: string[], untilMs: number, out: ScenarioError[]): void {
  let lastMs = 0;
  actions.forEach((a, j) => {
    const path = `${base}[${j}]`;
    if (a.atMs < lastMs) out.push(makeError(`${path}.atMs`, 'bad-value', { detail: `${a.atMs} ms is before the previous action (${lastMs} ms): actions are in time order` }));
    if (a.atMs > untilMs) out.push(makeError(`${path}.atMs`, 'too-big', { what: 'the value', max: untilMs, inclusive: 1, unit: 'ms (the scenario\'s untilMs)' }));
    lastMs = Math.max(lastMs, a.atMs);
    const host = a.op === 'call' ? a.step.host : a.op === 'inject' ? a.from : undefined;
    if (host !== undefined && !hosts.includes(host)) {
      out.push(makeError(a.op === 'call' ? `${path}.step.host` : `${path}.from`, 'unknown-host', { host, hosts: hosts.join(', ') }));
    }
  });
}
