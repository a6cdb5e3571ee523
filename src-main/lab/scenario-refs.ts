// Cross-field rules zod cannot express per field: unique host names and addresses, host references in
// rules/steps/floods/expectations, and which step fields each call needs. Each error has a precise path.
// They read a RefView, so they also run on the schema-valid parts of a file that has schema errors
// (scenario-partial.ts): a user sees an unknown host and a typo in one run, not one after the other.
import { KNOB_BY_NAME, knobOrderIssues } from '../tcp/profile-table.js';
import type { ProfileName } from '../tcp/api.js';
import { jsonPath, makeError, type ScenarioError } from './scenario-errors.js';
import { checkDownHosts } from './scenario-crash.js';
import { closeEnough } from './scenario-issues.js';
import type { Expectation } from './scenario-expect.js';
import type { ScenarioAction } from './scenario-actions.js';
import type { FloodV1, HostV1, LessonBlock, RuleV1, ScenarioV1, StepV1 } from './scenario-schema.js';

type Path = Array<string | number>;

/**
 * What the reference checks read. For a valid scenario, its lists; for an invalid one, only the items that
 * are schema-valid, with `undefined` in place of the others so every path keeps its index.
 */
export interface RefView {
  profile: ScenarioV1['profile'];
  /** Every host name the file defines; null when `hosts` itself is unusable (then no reference is judged). */
  hostNames: readonly string[] | null;
  hosts: ReadonlyArray<HostV1 | undefined>;
  rules: ReadonlyArray<RuleV1 | undefined>;
  steps: ReadonlyArray<StepV1 | undefined>;
  floods?: ReadonlyArray<FloodV1 | undefined> | undefined;
  actions?: ReadonlyArray<ScenarioAction | undefined> | undefined;
  lesson?: LessonBlock | undefined;
}

class HostSet {
  private readonly names = new Set<string>();
  private readonly unknown: boolean;
  constructor(names: Iterable<string> | null) {
    this.unknown = names === null;
    for (const n of names ?? []) this.names.add(n);
  }
  check(name: string | undefined, path: Path, out: ScenarioError[]): void {
    if (name === undefined || this.unknown || this.names.has(name)) return;
    out.push(makeError(jsonPath(path), 'unknown-host', { host: name, hosts: [...this.names].join(', ') }));
  }
}

function checkUnique(values: ReadonlyArray<string | undefined>, what: string, field: string, out: ScenarioError[]): void {
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    const seen = first.get(v);
    if (seen === undefined) first.set(v, i);
    else out.push(makeError(jsonPath(['hosts', i, field]), 'duplicate', { what, value: v, first: jsonPath(['hosts', seen, field]) }));
  });
}

/** Fields each call may carry beyond host/port/peer and the timing fields. */
const CALL_FIELDS: Record<StepV1['call'], { need: Array<keyof StepV1>; allow: Array<keyof StepV1>; label: string }> = {
  listen: { need: [], allow: ['backlog'], label: 'for a listen step' },
  connect: { need: ['to'], allow: ['to'], label: 'for a connect step' },
  send: { need: [], allow: ['data', 'bytes', 'peer'], label: 'for a send step' },
  close: { need: [], allow: ['peer'], label: 'for this call' },
  shutdown: { need: [], allow: ['peer'], label: 'for this call' },
  abort: { need: [], allow: ['peer'], label: 'for this call' },
  accept: { need: [], allow: [], label: 'for this call' },
  autoaccept: { need: ['value'], allow: ['value'], label: 'for an autoaccept step' },
  read: { need: ['value'], allow: ['value', 'peer'], label: 'for a read step' },
  autoread: { need: ['value'], allow: ['value', 'peer'], label: 'for an autoread step' },
  crash: { need: [], allow: ['downMs'], label: 'for a crash step' },
};
const CALL_SPECIFIC: Array<keyof StepV1> = ['to', 'backlog', 'data', 'bytes', 'value', 'peer', 'downMs'];

/** `port` names a socket: every call has one but a crash, which takes one only to name the socket whose event (`on`) triggers it. */
function checkPort(step: StepV1, here: string, at: (f: string) => string, out: ScenarioError[]): void {
  if (step.call !== 'crash') {
    if (step.port === undefined) out.push(makeError(here, 'missing-field', { field: 'port', when: 'for every call but a crash' }));
  } else if (step.on === undefined && step.port !== undefined) {
    out.push(makeError(at('port'), 'forbidden-field', { field: 'port', when: 'for a crash at "atMs" (it is the whole host\'s)' }));
  } else if (step.on !== undefined && step.port === undefined) {
    out.push(makeError(here, 'missing-field', { field: 'port', when: 'for a crash on an application event (the socket whose event triggers it)' }));
  }
}

function checkStep(step: StepV1, i: number, hosts: HostSet, out: ScenarioError[], base: Path = ['steps']): void {
  const at = (f: string): string => jsonPath([...base, i, f]);
  const here = jsonPath([...base, i]);
  hosts.check(step.host, [...base, i, 'host'], out);
  if (step.atMs !== undefined && step.on !== undefined) out.push(makeError(at('on'), 'conflict', { a: 'atMs', b: 'on' }));
  if (step.atMs === undefined && step.on === undefined) out.push(makeError(here, 'missing-field', { field: 'atMs" or "on', when: 'for every step' }));
  if (step.afterMs !== undefined && step.on === undefined) out.push(makeError(at('afterMs'), 'forbidden-field', { field: 'afterMs', when: 'without "on"' }));
  checkPort(step, here, at, out);
  const rule = CALL_FIELDS[step.call];
  for (const f of rule.need) if (step[f] === undefined) out.push(makeError(here, 'missing-field', { field: f, when: rule.label }));
  for (const f of CALL_SPECIFIC) {
    if (step[f] !== undefined && !rule.allow.includes(f)) out.push(makeError(at(f), 'forbidden-field', { field: f, when: rule.label }));
  }
  if (step.call === 'send') {
    if (step.data !== undefined && step.bytes !== undefined) out.push(makeError(at('bytes'), 'conflict', { a: 'data', b: 'bytes' }));
    if (step.data === undefined && step.bytes === undefined) out.push(makeError(here, 'missing-field', { field: 'data" or "bytes', when: rule.label }));
  }
  if ((step.call === 'autoread' || step.call === 'autoaccept') && step.value !== undefined && step.value > 1) {
    out.push(makeError(at('value'), 'too-big', { what: 'the value', max: 1, inclusive: 1, unit: '' }));
  }
}

function checkActions(actions: ReadonlyArray<ScenarioAction | undefined> | undefined, base: Path, hosts: HostSet, out: ScenarioError[]): void {
  actions?.forEach((a, i) => {
    if (a === undefined) return;
    if (a.op === 'inject') hosts.check(a.from, [...base, i, 'from'], out);
    if (a.op !== 'replay') return;
    const p = jsonPath([...base, i]);
    if (a.id !== undefined && a.cached !== undefined) out.push(makeError(`${p}.cached`, 'conflict', { a: 'id', b: 'cached' }));
    if (a.id === undefined && a.cached === undefined) out.push(makeError(p, 'missing-field', { field: 'id" or "cached', when: 'for a replay' }));
  });
}

/** seqFrom above seqTo fits no sequence number: the rule could never fire, which is never what was meant. */
function checkSeqRange(r: RuleV1, base: Path, out: ScenarioError[]): void {
  const { seqFrom, seqTo } = r.match;
  if (seqFrom === undefined || seqTo === undefined || seqFrom <= seqTo) return;
  out.push(makeError(jsonPath([...base, 'seqFrom']), 'inverted-range', { low: 'seqFrom', lowValue: seqFrom, high: 'seqTo', highValue: seqTo }));
}

/** Host sysctl keys must be knobs the engine knows (tcp/profile-table.ts), within their ranges. */
function checkSysctl(sysctl: Record<string, number> | undefined, base: Path, out: ScenarioError[]): void {
  for (const [name, value] of Object.entries(sysctl ?? {})) {
    const path = jsonPath([...base, name]);
    const knob = KNOB_BY_NAME.get(name);
    if (!knob) {
      const hint = [...KNOB_BY_NAME.keys()].find((k) => closeEnough(k, name, 3)) ?? '';
      out.push(makeError(path, 'unknown-key', { key: name, hint }));
    } else if (value < knob.min) {
      out.push(makeError(path, 'too-small', { what: 'the value', min: knob.min, inclusive: 1, unit: knob.unit === 'count' || knob.unit === 'bool' || knob.unit === 'mode' ? '' : knob.unit }));
    } else if (value > knob.max) {
      out.push(makeError(path, 'too-big', { what: 'the value', max: knob.max, inclusive: 1, unit: knob.unit === 'count' || knob.unit === 'bool' || knob.unit === 'mode' ? '' : knob.unit }));
    } else if (!Number.isInteger(value)) {
      out.push(makeError(path, 'not-integer'));
    }
  }
}

/**
 * Knobs that bound each other (tcp/profile-table.ts KNOB_ORDER), with the profile's defaults filled in.
 * `only`: the overrides this place sets (a compare-run's), so a pair the scenario's host already broke is
 * reported once, at the host.
 */
function checkKnobOrder(profile: ProfileName, sysctl: Record<string, number> | undefined, base: Path, out: ScenarioError[], only = sysctl): void {
  for (const bad of knobOrderIssues(profile, sysctl)) {
    if (only?.[bad.low] === undefined && only?.[bad.high] === undefined) continue; // reported where it was set
    const { low, high, lowValue, highValue } = bad;
    out.push(makeError(jsonPath([...base, bad.culprit]), 'knob-order', { low, high, lowValue, highValue }));
  }
}

function filterHosts(e: Expectation, path: Path, hosts: HostSet, out: ScenarioError[]): void {
  if ('host' in e) hosts.check(e.host, [...path, 'host'], out);
  if (e.kind === 'never' || e.kind === 'count') hosts.check(e.match.host, [...path, 'match', 'host'], out);
  if (e.kind === 'order') {
    hosts.check(e.first.host, [...path, 'first', 'host'], out);
    hosts.check(e.then.host, [...path, 'then', 'host'], out);
  }
  if (e.kind === 'seq') {
    hosts.check(e.a.match.host, [...path, 'a', 'match', 'host'], out);
    hosts.check(e.b.match.host, [...path, 'b', 'match', 'host'], out);
  }
}

function checkLesson(s: RefView, hosts: HostSet, out: ScenarioError[]): void {
  const lesson = s.lesson;
  if (!lesson) return;
  // Trace events at the router carry host "router" (net/trace.ts ROUTER), so expectations may name it.
  const traceHosts = new HostSet(s.hostNames === null ? null : [...s.hostNames, 'router']);
  lesson.expect.forEach((e, i) => filterHosts(e, ['lesson', 'expect', i], traceHosts, out));
  lesson.compare?.forEach((c, ci) => {
    for (const [name, o] of Object.entries(c.hosts ?? {})) {
      hosts.check(name, ['lesson', 'compare', ci, 'hosts', name], out);
      checkSysctl(o.sysctl, ['lesson', 'compare', ci, 'hosts', name, 'sysctl'], out);
      const host = s.hosts.find((h) => h?.name === name);
      if (host && o.sysctl) checkKnobOrder(host.profile ?? c.profile ?? s.profile, { ...host.sysctl, ...o.sysctl }, ['lesson', 'compare', ci, 'hosts', name, 'sysctl'], out, o.sysctl);
    }
    c.rules?.forEach((r, ri) => {
      hosts.check(r.match.from, ['lesson', 'compare', ci, 'rules', ri, 'match', 'from'], out);
      hosts.check(r.match.to, ['lesson', 'compare', ci, 'rules', ri, 'match', 'to'], out);
      checkSeqRange(r, ['lesson', 'compare', ci, 'rules', ri, 'match'], out);
    });
    checkActions(c.actions, ['lesson', 'compare', ci, 'actions'], hosts, out);
    c.steps?.forEach((step, i) => checkStep(step, i, hosts, out, ['lesson', 'compare', ci, 'steps']));
    if (c.steps) checkDownHosts(c.steps, ['lesson', 'compare', ci, 'steps'], out);
    c.expect.forEach((e, i) => filterHosts(e, ['lesson', 'compare', ci, 'expect', i], traceHosts, out));
  });
  const table = lesson.table;
  table?.rows.forEach((row, ri) => {
    if (row.knownAtStep.length !== table.columns.length) {
      out.push(makeError(jsonPath(['lesson', 'table', 'rows', ri, 'knownAtStep']), 'bad-value', {
        detail: `has ${row.knownAtStep.length} cells but the table has ${table.columns.length} columns`,
      }));
    }
  });
}

/** The view of a validated scenario. */
export function refViewOf(s: ScenarioV1): RefView {
  return { ...s, hostNames: s.hosts.map((h) => h.name) };
}

export function checkReferences(s: RefView): ScenarioError[] {
  const out: ScenarioError[] = [];
  checkUnique(s.hosts.map((h) => h?.name), 'host name', 'name', out);
  checkUnique(s.hosts.map((h) => h?.ip), 'IP address', 'ip', out);
  const hosts = new HostSet(s.hostNames);
  s.hosts.forEach((h, i) => {
    if (h === undefined) return;
    checkSysctl(h.sysctl, ['hosts', i, 'sysctl'], out);
    checkKnobOrder(h.profile ?? s.profile, h.sysctl, ['hosts', i, 'sysctl'], out);
  });
  s.rules.forEach((r, i) => {
    if (r === undefined) return;
    hosts.check(r.match.from, ['rules', i, 'match', 'from'], out);
    hosts.check(r.match.to, ['rules', i, 'match', 'to'], out);
    checkSeqRange(r, ['rules', i, 'match'], out);
  });
  s.steps.forEach((step, i) => { if (step !== undefined) checkStep(step, i, hosts, out); });
  checkDownHosts(s.steps, ['steps'], out);
  s.floods?.forEach((f, i) => { if (f !== undefined) hosts.check(f.from, ['floods', i, 'from'], out); });
  checkActions(s.actions, ['actions'], hosts, out);
  checkLesson(s, hosts, out);
  return out;
}
