// kthSmallest: the quickselect behind the time index's span cap must agree with sorting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthSmallest } from '../../../src-renderer/views/ladder/time-index.js';

describe('kthSmallest', () => {
  it('picks the k-th value of a small, unsorted array with ties and Infinity', () => {
    const values = [10, Infinity, 3, 3, 7, 0, 10, 5];
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => kthSmallest(Float64Array.from(values), k))).toEqual([0, 3, 3, 5, 7, 10, 10, Infinity]);
  });

  it('agrees with a full sort for any array and any k', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)), { minLength: 1, maxLength: 300 }), fc.nat(), (xs, r) => {
        const k = r % xs.length;
        const sorted = [...xs].sort((a, b) => a - b);
        expect(kthSmallest(Float64Array.from(xs), k)).toBe(sorted[k]);
      }),
      { numRuns: 300 },
    );
  });
});
