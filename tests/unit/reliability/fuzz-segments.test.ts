// Reduced segment fuzz for `npm test` (the full 1,000,000 run: npm run simtest -- --fuzz-segments 1000000).
import { describe, expect, it } from 'vitest';
import { fuzzSegments } from '../../../tools/simtest/fuzz-segments.js';
import { rigIn, STATE_BUILDERS } from '../../../tools/simtest/states.js';

describe('segment fuzz (tools/simtest/fuzz-segments.ts)', () => {
  it('reaches every one of the 11 starting states in every profile', () => {
    for (const profile of ['rfc', 'linux', 'classic'] as const) {
      for (let i = 0; i < STATE_BUILDERS.length; i++) expect(() => rigIn(i, profile, 1)).not.toThrow();
    }
  });

  it('50,000 random and mutated segments (seed 7): no exception, no BUG note, only RFC edges', () => {
    const r = fuzzSegments(50_000, 7);
    expect(r.failures).toEqual([]);
    expect(r.segments).toBe(50_000);
    expect(r.codecCases).toBeGreaterThan(10_000);
    expect(r.runs).toBeGreaterThan(STATE_BUILDERS.length * 3);
  });
});
