// Cheap checks that run before zod, so absurd inputs (10 MB strings, 100,000-deep nesting, cyclic objects,
// keys that reach object prototypes) are refused with a clear error instead of exhausting the stack or
// polluting prototypes. Everything here is iterative: no recursion depth depends on the input.
import { MAX_FILE_TEXT_CHARS } from '../contract/wire.js';
import { jsonErrorOffset } from './json-error-at.js';
import { jsonPath, makeError, type ScenarioError } from './scenario-errors.js';

export const MAX_TEXT_CHARS = MAX_FILE_TEXT_CHARS;
export const MAX_DEPTH = 64;
/** Values (objects, arrays, scalars) in one document; a full lesson has a few thousand. */
export const MAX_NODES = 1_000_000;

/** Keys that can reach Object.prototype through assignment or merging. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Line and column (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Bracket depth scan over JSON text, skipping strings; returns the offset where MAX_DEPTH is exceeded. */
export function textDepthViolation(text: string, maxDepth: number = MAX_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > maxDepth) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

export type TextParse = { ok: true; value: unknown } | { ok: false; errors: ScenarioError[] };

/** JSON.parse with the size and depth guards, reporting syntax errors with line:column. */
export function parseJsonText(text: string): TextParse {
  if (typeof text !== 'string') return { ok: false, errors: [makeError('$', 'not-object', { received: typeof text })] };
  if (text.length > MAX_TEXT_CHARS) {
    return { ok: false, errors: [makeError('$', 'too-large', { size: text.length, max: MAX_TEXT_CHARS })] };
  }
  const deepAt = textDepthViolation(text);
  if (deepAt !== undefined) {
    const { line, column } = lineColumn(text, deepAt);
    return { ok: false, errors: [makeError('$', 'too-deep', { max: MAX_DEPTH, line, column })] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // V8 says "… in JSON at position N" for some errors only; for an unexpected character it quotes the
    // text instead ("Unexpected token 'x', "…" is not valid JSON"), so the scanner finds the place itself.
    const m = /position (\d+)/.exec(detail);
    const offset = jsonErrorOffset(text) ?? (m?.[1] !== undefined ? Number(m[1]) : text.length);
    const { line, column } = lineColumn(text, offset);
    const clean = detail.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/, (\.\.\.)?".*is not valid JSON$/s, '');
    return { ok: false, errors: [makeError('$', 'json-syntax', { line, column, detail: clean })] };
  }
}

/**
 * Walks a parsed value breadth-first: depth, node count and forbidden keys. Reports at most `maxErrors`.
 * Only own enumerable string keys are visited (what JSON can produce); getters are never invoked twice.
 */
export function guardValue(root: unknown, maxErrors = 20): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const queue: Array<{ value: unknown; path: Array<string | number>; depth: number }> = [{ value: root, path: [], depth: 0 }];
  let nodes = 0;
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    if (item === undefined) break;
    queue[head] = undefined as never; // let visited entries be collected
    if (++nodes > MAX_NODES) return [...errors, makeError('$', 'too-many-nodes', { max: MAX_NODES })];
    const { value, path, depth } = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      errors.push(makeError(jsonPath(path), 'too-deep', { max: MAX_DEPTH }));
      if (errors.length >= maxErrors) break;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) queue.push({ value: value[i] as unknown, path: [...path, i], depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push(makeError(jsonPath([...path, key]), 'forbidden-key', { key }));
        if (errors.length >= maxErrors) return errors;
        continue;
      }
      queue.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
    }
  }
  return errors;
}
