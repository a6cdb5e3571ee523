// buildLadder keys its memo by the trace's first event and expects prefix extension. The session's trace now
// grows in place (TraceLog) and `visible` is that very array while the cursor is at the head: the ladder must
// still equal a fresh build after every step, and lists it handed out must not change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLadder, buildLadderFresh } from '../../../src-renderer/views/ladder/model.js';
import { TraceLog } from '../../../src-renderer/lib/trace-buffer.js';
import type { AnyTraceEvent } from '../../../src-renderer/views/model/trace-types.js';
import { loadFixture } from './fixture.js';

describe('buildLadder on a TraceLog growing in place', () => {
  it('equals a fresh build for random batchings of the fixture, seeks back and rewritten tails', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('append', 'seek', 'rewrite'), fc.integer({ min: 0, max: 42 }), fc.integer({ min: 1, max: 10 })), { maxLength: 20 }), (ops) => {
        const events = loadFixture().events;
        const log = new TraceLog<AnyTraceEvent>();
        const handed: Array<{ got: unknown; want: unknown }> = [];
        for (const [op, at, n] of ops) {
          let visible: readonly AnyTraceEvent[] = log.events;
          if (op === 'append') log.apply(log.length, events.slice(log.length, log.length + n));
          else if (op === 'seek') visible = log.prefix(at);
          else log.apply(Math.min(at, log.length), structuredClone(events.slice(Math.min(at, log.length), Math.min(at, log.length) + n)));
          const got = buildLadder(visible);
          const want = buildLadderFresh(visible);
          expect(got).toEqual(want);
          handed.push({ got, want: structuredClone(want) });
        }
        for (const h of handed) expect(h.got).toEqual(h.want);
      }),
      { numRuns: 100 },
    );
  });

  it('pairs the events added to the same array since the last call (the same array object, longer)', () => {
    const events = loadFixture().events;
    const log = new TraceLog<AnyTraceEvent>();
    log.apply(0, events.slice(0, 10));
    const arr = log.events;
    const first = buildLadder(arr);
    log.apply(10, events.slice(10));
    expect(log.events).toBe(arr);
    const second = buildLadder(arr);
    expect(second).not.toBe(first);
    expect(second).toEqual(buildLadderFresh(events));
    expect(first).toEqual(buildLadderFresh(events.slice(0, 10)));
  });
});
