import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventHeap } from '../../../src-main/net/heap.js';
import { KLASS_COMMAND, KLASS_SIM, Scheduler } from '../../../src-main/net/scheduler.js';

describe('EventHeap', () => {
  it('pops in (time, klass, insertion seq) order for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 })), { maxLength: 200 }), (items) => {
        const heap = new EventHeap<number>();
        items.forEach(([atMs, klass], seq) => heap.push({ atMs, klass, seq, item: seq, tag: seq * 3 + 1 }));
        const popped: number[] = [];
        for (let e = heap.pop(); e !== undefined; e = heap.pop()) {
          expect(e.tag).toBe(e.item * 3 + 1); // each tag moves with its item through every sift
          popped.push(e.item);
        }
        const expected = items
          .map(([atMs, klass], seq) => ({ atMs, klass, seq }))
          .sort((a, b) => a.atMs - b.atMs || a.klass - b.klass || a.seq - b.seq)
          .map((e) => e.seq);
        expect(popped).toEqual(expected);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('Scheduler', () => {
  it('runs same-time events in insertion order and commands after simulation events', () => {
    const s = new Scheduler<string>();
    s.at(5, 'cmd', KLASS_COMMAND);
    s.at(5, 'a');
    s.at(3, 'early');
    s.at(5, 'b', KLASS_SIM);
    const order: string[] = [];
    for (let ev = s.popLive(10, () => true); ev !== undefined; ev = s.popLive(10, () => true)) {
      order.push(`${ev}@${s.nowMs}`);
      if (ev === 'a') s.at(5, 'spawned-by-a'); // scheduled during time 5: still before the command
    }
    expect(order).toEqual(['early@3', 'a@5', 'b@5', 'spawned-by-a@5', 'cmd@5']);
  });

  it('skips stale events and refuses events in the past', () => {
    const s = new Scheduler<{ n: number }>();
    s.at(1, { n: 1 });
    s.at(2, { n: 2 });
    expect(s.popLive(10, (e) => e.n !== 1)).toEqual({ n: 2 });
    expect(s.nowMs).toBe(2);
    expect(() => s.at(1, { n: 3 })).toThrow(/before now/);
    expect(s.popLive(10, () => true)).toBeUndefined();
  });

  it('does not pop past the limit', () => {
    const s = new Scheduler<string>();
    s.at(7, 'x');
    expect(s.popLive(6, () => true)).toBeUndefined();
    expect(s.nowMs).toBe(0);
    expect(s.popLive(7, () => true)).toBe('x');
  });
});
