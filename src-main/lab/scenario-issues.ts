// Turns zod issues into ScenarioErrors: JSON paths, stable codes and readable English messages.
import type { z } from 'zod';
import { describeValue, jsonPath, makeError, type ScenarioError } from './scenario-errors.js';
import { FORMAT_NAMES } from './scenario-fields.js';

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;
/** "Did you mean" for an unknown key, given the path of the object that holds it (key-hints.ts). */
export type KeyHint = (key: string, parts: readonly PathPart[]) => string;

/** The input value at a path, read defensively (the guard already ran, so plain data is expected). */
function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}

function describeExpected(expected: string): string {
  if (expected === 'int') return 'integer';
  if (expected === 'record') return 'object';
  return expected;
}

const WHAT: Record<string, string> = { number: 'the value', string: 'the text', array: 'the list' };
const UNIT: Record<string, string> = { string: 'characters', array: 'items' };

function sizeIssue(issue: Issue & { code: 'too_big' | 'too_small' }, path: string): ScenarioError {
  const origin = String(issue.origin);
  const what = WHAT[origin] ?? 'the value';
  const unit = UNIT[origin] ?? '';
  const inclusive = issue.inclusive === false ? 0 : 1;
  if (issue.code === 'too_big') return makeError(path, 'too-big', { what, max: Number(issue.maximum), inclusive, unit });
  return makeError(path, 'too-small', { what, min: Number(issue.minimum), inclusive, unit });
}

/** Picks the union branch with the fewest issues: its errors are the most likely intended ones. */
function bestBranch(errors: Issue[][]): Issue[] {
  let best: Issue[] | undefined;
  for (const branch of errors) if (best === undefined || branch.length < best.length) best = branch;
  return best ?? [];
}

function convertOne(issue: Issue, base: readonly PathPart[], input: unknown, out: ScenarioError[], hint: KeyHint): void {
  const parts = [...base, ...issue.path];
  const path = jsonPath(parts);
  const value = valueAt(input, parts);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(String(issue.expected));
      if (value === undefined) out.push(makeError(path, 'required', { expected }));
      else if (expected === 'integer' && typeof value === 'number' && Number.isFinite(value)) out.push(makeError(path, 'not-integer'));
      else out.push(makeError(path, 'type', { expected, received: describeValue(value) }));
      return;
    }
    case 'unrecognized_keys':
      for (const key of issue.keys) out.push(makeError(jsonPath([...parts, key]), 'unknown-key', { key, hint: hint(key, parts) }));
      return;
    case 'too_big':
    case 'too_small':
      out.push(sizeIssue(issue, path));
      return;
    case 'invalid_value':
      out.push(makeError(path, 'enum', { values: issue.values.map((v) => JSON.stringify(v)).join(', '), received: describeValue(value) }));
      return;
    case 'invalid_format': {
      const key = issue.message.startsWith('fmt:') ? issue.message.slice(4) : String(issue.format);
      out.push(makeError(path, 'format', { format: FORMAT_NAMES[key] ?? key, received: describeValue(value) }));
      return;
    }
    case 'invalid_key': {
      const first = issue.issues[0];
      const fmt = first?.code === 'invalid_format' && first.message.startsWith('fmt:') ? first.message.slice(4) : '';
      const key = String(issue.path[issue.path.length - 1] ?? '');
      out.push(makeError(path, 'bad-key', { key, detail: FORMAT_NAMES[fmt] ?? 'not allowed here' }));
      return;
    }
    case 'invalid_union': {
      const note = (issue as { note?: string }).note;
      const options = (issue as { options?: unknown[] }).options;
      if (note === 'No matching discriminator' && options) {
        out.push(makeError(path, 'enum', { values: options.map((v) => JSON.stringify(v)).join(', '), received: describeValue(value) }));
        return;
      }
      for (const sub of bestBranch(issue.errors)) convertOne(sub, parts, input, out, hint);
      return;
    }
    case 'not_multiple_of':
      out.push(makeError(path, 'bad-value', { detail: `must be a multiple of ${String(issue.divisor)}` }));
      return;
    default:
      out.push(makeError(path, 'bad-value', { detail: issue.message }));
  }
}

/**
 * One bound per field and side: `z.number().int().max(4294967295)` reports both the integer check's
 * safe-integer limit and its own for a huge value ("at most 9007199254740991" and "at most 4294967295"),
 * which read as a contradiction. Only the tighter one is kept (the smallest max, the largest min).
 */
export function tightestBounds(errors: readonly ScenarioError[]): ScenarioError[] {
  const tightest = new Map<string, ScenarioError>();
  for (const e of errors) {
    if (e.code !== 'too-big' && e.code !== 'too-small') continue;
    const key = `${e.code} ${e.path}`;
    const seen = tightest.get(key);
    const tighter = !seen || (e.code === 'too-big' ? Number(e.params.max) < Number(seen.params.max) : Number(e.params.min) > Number(seen.params.min));
    if (tighter) tightest.set(key, e);
  }
  return errors.filter((e) => (e.code !== 'too-big' && e.code !== 'too-small') || tightest.get(`${e.code} ${e.path}`) === e);
}

/** Converts zod issues into errors; `base` prefixes every path (for nested validation). */
export function issuesToErrors(issues: readonly Issue[], input: unknown, hint: KeyHint = () => ''): ScenarioError[] {
  const out: ScenarioError[] = [];
  for (const issue of issues) convertOne(issue, [], input, out, hint);
  return tightestBounds(out);
}

/** Edit distance with a cutoff, for "did you mean" hints on unknown keys. */
export function closeEnough(a: string, b: string, maxDistance = 2): boolean {
  if (Math.abs(a.length - b.length) > maxDistance || a.length > 64 || b.length > 64) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return (prev[b.length] ?? Infinity) <= maxDistance;
}
