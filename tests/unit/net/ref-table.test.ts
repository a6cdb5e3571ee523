// RefTable keeps a chunk's references as 16-bit codes into a table of distinct values: every read must give
// back the value last written, a copy must not see the original's later writes, and a ring that keeps
// overwriting slots with new values must not grow the table without bound.
import { describe, expect, it } from 'vitest';
import { RefTable } from '../../../src-main/net/ref-table.js';

describe('RefTable', () => {
  it('gives back what each slot and field last held, null before any write, and shares repeated values', () => {
    const t = new RefTable(3, 4);
    const a = { a: 1 }, b = new ArrayBuffer(8);
    expect(t.get(2, 1)).toBeNull();
    for (let slot = 0; slot < 4; slot++) {
      t.set(slot, 0, slot % 2 === 0 ? 'A' : 'B'); // alternating, as a connection's two directions do
      t.set(slot, 1, a);
      t.set(slot, 2, slot === 3 ? b : null);
    }
    expect([0, 1, 2, 3].map((s) => t.get(s, 0))).toEqual(['A', 'B', 'A', 'B']);
    expect(t.get(3, 1)).toBe(a);
    expect(t.get(3, 2)).toBe(b);
    expect(t.get(0, 2)).toBeNull();
    expect(t.size).toBe(5); // null, 'A', a, 'B', b
    t.set(0, 0, 'C');
    expect(t.get(0, 0)).toBe('C');
    expect(t.get(2, 0)).toBe('A');
  });

  it('a copy and its original write apart', () => {
    const t = new RefTable(1, 2);
    t.set(0, 0, 'x');
    const copy = t.copy(t.codes.slice());
    copy.set(1, 0, 'only in the copy');
    t.set(1, 0, 'only in the original');
    expect([copy.get(0, 0), copy.get(1, 0)]).toEqual(['x', 'only in the copy']);
    expect([t.get(0, 0), t.get(1, 0)]).toEqual(['x', 'only in the original']);
  });

  it('drops the values no slot names any more when it fills, and reads stay right across the rebuild', () => {
    const t = new RefTable(2, 8);
    const keep = { kept: true };
    t.set(7, 1, keep);
    // A ring overwriting slots 0-6 with a new value each time: 100,000 distinct values through 16 slots.
    for (let n = 0; n < 100_000; n++) t.set(n % 7, n % 2, `v${n}`);
    expect(t.size).toBeLessThanOrEqual(RefTable.COMPACT_AT);
    expect(t.get(7, 1)).toBe(keep);
    for (let n = 100_000 - 7; n < 100_000; n++) expect(t.get(n % 7, n % 2)).toBe(`v${n}`);
    expect(t.get(7, 0)).toBeNull();
  });
});
