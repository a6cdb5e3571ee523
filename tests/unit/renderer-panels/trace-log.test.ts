// TraceLog: the session's trace grows in place (no copy per batch), but the events of an array once handed
// out never change, and a prefix below the head is sliced once and then handed out again.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TraceLog, applyTraceBatch } from '../../../src-renderer/lib/trace-buffer.js';

describe('TraceLog', () => {
  it('appends a batch at the end in place, to the same array', () => {
    const log = new TraceLog<string>();
    expect(log.apply(0, ['a', 'b'])).toBeNull();
    const arr = log.events;
    expect(log.apply(2, ['c'])).toBeNull();
    expect(log.events).toBe(arr);
    expect(arr).toEqual(['a', 'b', 'c']);
    expect(log.version).toBe(2);
  });

  it('rewrites a tail into a new array and leaves the old one as it was', () => {
    const log = new TraceLog<string>();
    log.apply(0, ['a', 'b', 'c']);
    const old = log.events;
    expect(log.apply(1, ['B', 'C', 'D'])).toBeNull();
    expect(log.events).toEqual(['a', 'B', 'C', 'D']);
    expect(old).toEqual(['a', 'b', 'c']);
    expect(log.events).not.toBe(old);
  });

  it('reports a gap and keeps everything when a batch starts past the end; an empty batch changes nothing', () => {
    const log = new TraceLog<string>();
    log.apply(0, ['a']);
    expect(log.apply(3, ['d'])).toBe(1);
    expect(log.apply(1, [])).toBeNull();
    expect(log.events).toEqual(['a']);
    expect(log.version).toBe(1);
  });

  it('truncates and resets into new arrays', () => {
    const log = new TraceLog<string>();
    log.apply(0, ['a', 'b', 'c']);
    const old = log.events;
    log.truncate(5);
    expect(log.version).toBe(1);
    log.truncate(1);
    expect(log.events).toEqual(['a']);
    expect(old).toEqual(['a', 'b', 'c']);
    log.reset();
    expect(log.events).toEqual([]);
    expect(log.version).toBe(3);
  });

  it('prefix: the live array at the head, else one slice handed out again until the count or array changes', () => {
    const log = new TraceLog<string>();
    log.apply(0, ['a', 'b', 'c']);
    expect(log.prefix(3)).toBe(log.events);
    expect(log.prefix(9)).toBe(log.events);
    const p2 = log.prefix(2);
    expect(p2).toEqual(['a', 'b']);
    expect(log.prefix(2)).toBe(p2);
    log.apply(3, ['d']); // growing in place keeps the prefix valid
    expect(log.prefix(2)).toBe(p2);
    expect(log.prefix(1)).toEqual(['a']);
    log.apply(1, ['X']);
    expect(log.prefix(2)).toEqual(['a', 'X']);
    expect(p2).toEqual(['a', 'b']);
    expect(log.prefix(0)).toEqual([]);
  });

  it('holds what applyTraceBatch would, for any sequence of batches', () => {
    const batch = fc.record({ from: fc.integer({ min: 0, max: 30 }), events: fc.array(fc.integer(), { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), (batches) => {
        const log = new TraceLog<number>();
        let ref: number[] = [];
        for (const b of batches) {
          const r = applyTraceBatch(ref, b.from, b.events);
          ref = r.trace;
          expect(log.apply(b.from, b.events)).toBe(r.gapFrom);
          expect(log.events).toEqual(ref);
        }
      }),
      { numRuns: 200 },
    );
  });
});
