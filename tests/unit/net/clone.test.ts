import { describe, expect, it } from 'vitest';
import { deepClone } from '../../../src-main/net/clone.js';
import { Prng } from '../../../src-main/tcp/prng.js';

class Counter {
  n = 0;
  inc(): number {
    return ++this.n;
  }
}

describe('deepClone', () => {
  it('keeps prototypes, Maps, Sets, typed arrays and cycles, and shares functions', () => {
    const fn = () => 1;
    const buf = new Uint8Array([1, 2, 3, 4]);
    const a: Record<string, unknown> = { c: new Counter(), m: new Map([[1, { x: 1 }]]), set: new Set(['a']), buf, view: buf.subarray(2), fn };
    a.self = a;
    const b = deepClone(a);
    expect(b.c).toBeInstanceOf(Counter);
    (b.c as Counter).inc();
    expect((a.c as Counter).n).toBe(0);
    expect((b.m as Map<number, { x: number }>).get(1)).toEqual({ x: 1 });
    expect((b.m as Map<number, unknown>).get(1)).not.toBe((a.m as Map<number, unknown>).get(1));
    expect(b.set).toEqual(new Set(['a']));
    expect(b.self).toBe(b);
    expect(b.fn).toBe(fn);
    (b.buf as Uint8Array)[3] = 99;
    expect(buf[3]).toBe(4);
    expect((b.view as Uint8Array)[1]).toBe(99); // the view still shares the cloned buffer
  });

  it('continues a PRNG stream independently', () => {
    const p = new Prng(5);
    p.nextU32();
    const q = deepClone(p);
    expect(q.nextU32()).toBe(p.nextU32());
    q.nextU32();
    expect(q.nextU32()).not.toBe(p.nextU32());
  });

  it('substitutes pre-seeded objects', () => {
    const sink = { name: 'old' };
    const replacement = { name: 'new' };
    const out = deepClone({ sink }, new Map<unknown, unknown>([[sink, replacement]]));
    expect(out.sink).toBe(replacement);
  });
});
