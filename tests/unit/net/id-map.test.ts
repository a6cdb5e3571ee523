// IdMap (net/id-map.ts) must behave exactly like a Map<number, V> for any mix of set, delete, get and has,
// including deletes inside probe chains that wrap around the table's end, growth, and snapshot clones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepClone } from '../../../src-main/net/clone.js';
import { IdMap } from '../../../src-main/net/id-map.js';

type Op = { op: 'set' | 'delete' | 'get'; id: number };

function sorted<T>(xs: Iterable<T>, by: (x: T) => number): T[] {
  return [...xs].sort((a, b) => by(a) - by(b));
}

describe('IdMap', () => {
  it('agrees with a Map for any sequence of operations (ids that collide and wrap included)', () => {
    // Ids 0-40 modulo a 16-slot table collide constantly; 1000+ ids make it grow.
    const id = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3000 }));
    const op = fc.record({ op: fc.constantFrom('set', 'delete', 'get') as fc.Arbitrary<Op['op']>, id });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const m = new IdMap<{ v: number }>(4), ref = new Map<number, { v: number }>();
        ops.forEach((o, n) => {
          if (o.op === 'set') {
            const v = { v: n };
            m.set(o.id, v);
            ref.set(o.id, v);
          } else if (o.op === 'delete') {
            expect(m.delete(o.id)).toBe(ref.delete(o.id));
          }
          expect(m.get(o.id)).toBe(ref.get(o.id));
          expect(m.has(o.id)).toBe(ref.has(o.id));
          expect(m.size).toBe(ref.size);
        });
        for (const k of ref.keys()) expect(m.get(k)).toBe(ref.get(k));
        expect(sorted(m.keys(), (k) => k)).toEqual(sorted(ref.keys(), (k) => k));
        expect(sorted(m.values(), (v) => v.v)).toEqual(sorted(ref.values(), (v) => v.v));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('a sliding window of ids (packets in flight) never grows the table past twice the window', () => {
    const m = new IdMap<number>();
    for (let id = 1; id <= 100_000; id++) {
      m.set(id, id);
      if (id > 500) expect(m.delete(id - 500)).toBe(true);
    }
    expect(m.size).toBe(500);
    expect((m as unknown as { keysBySlot: number[] }).keysBySlot.length).toBeLessThanOrEqual(2048);
    expect(m.get(99_999)).toBe(99_999);
    expect(m.get(99_500)).toBeUndefined();
  });

  it('a snapshot clone holds clones of the values and is independent of the original', () => {
    const m = new IdMap<{ id: number }>();
    const a = { id: 1 }, b = { id: 2 };
    m.set(1, a);
    m.set(2, b);
    const copy = deepClone({ m, a }, new Map(), { snapshot: true });
    expect(copy.m.get(1)).toBe(copy.a); // shared references stay shared within the clone
    expect(copy.m.get(1)).not.toBe(a);
    expect(copy.m.get(2)).toEqual(b);
    copy.m.delete(1);
    expect(m.get(1)).toBe(a);
    m.set(3, { id: 3 });
    expect(copy.m.has(3)).toBe(false);
  });
});
