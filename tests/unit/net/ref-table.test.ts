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

  it('set5 writes five fields as set() would, whether the group is new, remembered, or evicted from memory', () => {
    const t = new RefTable(7, 8);
    const ab = ['10.0.0.1', '10.0.0.2', 'A', 'B', 'k'] as const, ba = ['10.0.0.2', '10.0.0.1', 'B', 'A', 'k'] as const;
    const third = ['10.0.0.9', '10.0.0.2', 'X', 'B', 'k2'] as const;
    // Two directions alternating (both remembered), then a third group that pushes the older one out, then
    // a group that differs from a remembered one in its last field only.
    const groups = [ab, ba, ab, ba, third, ab, ba, ['10.0.0.1', '10.0.0.2', 'A', 'B', 'other'] as const];
    groups.forEach((g, slot) => {
      t.set(slot, 0, `before ${slot}`);
      t.set5(slot, 1, g[0], g[1], g[2], g[3], g[4]);
      t.set(slot, 6, slot);
    });
    groups.forEach((g, slot) => {
      expect([1, 2, 3, 4, 5].map((f) => t.get(slot, f))).toEqual([...g]);
      expect([t.get(slot, 0), t.get(slot, 6)]).toEqual([`before ${slot}`, slot]);
    });
  });

  it('set5 stays right across a rebuild: one that coding its own values causes, and one between two calls', () => {
    const row = (t: RefTable, slot: number) => [0, 1, 2, 3, 4].map((f) => t.get(slot, f));
    // Fill the table to just below its rebuild point with values that slots 1-3 stop naming.
    const t = new RefTable(5, 4);
    for (let n = 1; n < RefTable.COMPACT_AT - 2; n++) t.set(1 + (n % 3), n % 5, `old${n}`);
    t.set5(0, 0, 'a', 'b', 'c', 'd', 'e'); // its third new value rebuilds the table
    expect(t.size).toBeLessThan(100);
    expect(row(t, 0)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // The group set5 remembers, then a rebuild by set() that renumbers every code, then the same group again.
    for (let n = 0; n < RefTable.COMPACT_AT; n++) t.set(1 + (n % 3), n % 5, `new${n}`);
    expect(t.size).toBeLessThan(RefTable.COMPACT_AT / 2);
    t.set5(1, 0, 'a', 'b', 'c', 'd', 'e');
    t.set5(2, 0, 'e', 'd', 'c', 'b', 'a');
    expect(row(t, 1)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(row(t, 2)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(row(t, 0)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('gives its constants the codes 1, 2 … for good: setCode writes them, copies and rebuilds keep them', () => {
    const one = { one: 1 }, two = new ArrayBuffer(0);
    const t = new RefTable(2, 8, undefined, [one, two]);
    t.setCode(0, 0, 1);
    t.setCode(0, 1, 2);
    expect([t.get(0, 0), t.get(0, 1)]).toEqual([one, two]);
    t.set(1, 0, two); // set() of a constant finds its fixed code, as setCode would write it
    expect(t.codes[1 * 2 + 0]).toBe(2);
    expect(t.size).toBe(3); // null and the two constants
    const copy = t.copy(t.codes.slice());
    copy.setCode(2, 0, 1);
    expect(copy.get(2, 0)).toBe(one);
    // A rebuild keeps the constants at their codes even when no slot names them any more.
    t.set(0, 0, 'x');
    t.set(0, 1, 'y');
    t.set(1, 0, 'z');
    for (let n = 0; n < 100_000; n++) t.set(2 + (n % 6), n % 2, `v${n}`);
    t.setCode(7, 0, 1);
    t.setCode(7, 1, 2);
    expect([t.get(7, 0), t.get(7, 1)]).toEqual([one, two]);
    expect([t.get(0, 0), t.get(0, 1), t.get(1, 0)]).toEqual(['x', 'y', 'z']);
  });
});
