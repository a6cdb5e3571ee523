// jsonErrorOffset finds where JSON text goes wrong, for the errors Node's JSON.parse gives no position for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src-main/lab/json-error-at.js';
import { parseJsonText } from '../../../src-main/lab/scenario-guard.js';

function v8Verdict(text: string): { ok: boolean; position?: number } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    return m ? { ok: false, position: Number(m[1]) } : { ok: false };
  }
}

/** JSON-like text: valid documents, then a few characters inserted, deleted or replaced. */
const jsonish = fc
  .tuple(
    fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.boolean()).map(([v, indent]) => JSON.stringify(v, null, indent ? 2 : undefined)),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '-', '.', 'e', ' ', '\n', 't', 'n', '\u0001')), { maxLength: 3 }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, ch] of edits) {
      const i = t.length === 0 ? 0 : at % (t.length + 1);
      t = at % 3 === 0 ? t.slice(0, i) + ch + t.slice(i) : t.slice(0, i) + ch + t.slice(i + 1);
    }
    return t;
  });

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on every text: valid exactly when it parses, and at V8\'s position when V8 gives one', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        const v8 = v8Verdict(text);
        const at = jsonErrorOffset(text);
        expect(at === undefined).toBe(v8.ok);
        if (v8.position !== undefined) expect(at).toBe(v8.position);
        if (at !== undefined) expect(at).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('points at the unexpected character that V8 only quotes', () => {
    expect(jsonErrorOffset('{"a":1,\n "b": x}\n')).toBe(14);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('rootx')).toBe(0);
    // Ending early is the end of the text.
    expect(jsonErrorOffset('{"a":')).toBe(5);
    expect(jsonErrorOffset('')).toBe(0);
    // Deep nesting does not recurse.
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeUndefined();
  });

  it('gives file errors the line and column of the mistake, without V8\'s quote of the text', () => {
    const bad = parseJsonText('{\n  "format": "tcplab.scenario/1",\n  "seed": x\n}');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]?.message).toBe("JSON syntax error at line 3, column 11: Unexpected token 'x'");
    const after = parseJsonText('{}\n}');
    expect(!after.ok && after.errors[0]?.message).toBe('JSON syntax error at line 2, column 1: Unexpected non-whitespace character after JSON');
  });
});
