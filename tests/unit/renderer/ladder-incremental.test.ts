// buildLadder on a growing trace: only the new events are paired, and the result must equal a fresh build
// of the same events (the live-play path: the session's cursor prefix grows every frame).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLadder, buildLadderFresh, LadderBuilder } from '../../../src-renderer/views/ladder/model.js';
import type { AnyTraceEvent, SegSummary } from '../../../src-renderer/views/model/trace-types.js';
import { loadFixture } from './fixture.js';

const C = '10.0.0.1:40000>10.0.0.2:80';
const R = '10.0.0.2:80>10.0.0.1:40000';
const seg = (flags: string, seq: number, ack = 0, len = 0): SegSummary => ({ flags, seq, ack, len, win: 1000, options: {} });

/** Growing the same event objects batch by batch, as SessionStore.visible does during play. */
function grow(events: readonly AnyTraceEvent[], cuts: readonly number[]): ReturnType<typeof buildLadder>[] {
  return [...cuts, events.length].map((k) => buildLadder(events.slice(0, k)));
}

describe('buildLadder on a growing trace', () => {
  it('equals a fresh build after every single event of the handshake fixture', () => {
    const events = loadFixture().events;
    for (let k = 1; k <= events.length; k++) expect(buildLadder(events.slice(0, k))).toEqual(buildLadderFresh(events.slice(0, k)));
  });

  it('equals a fresh build for any way of cutting the fixture into batches', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }), (raw) => {
        const events = loadFixture().events; // new objects each run: no cache from an earlier run applies
        const cuts = raw.filter((k) => k < events.length).sort((a, b) => a - b);
        const results = grow(events, cuts);
        expect(results.at(-1)).toEqual(buildLadderFresh(events));
      }),
      { numRuns: 60 },
    );
  });

  it('never changes a list it already returned: a later recv replaces the packet with an edited copy', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('S', 7) },
      { t: 10, kind: 'segment.recv', host: 'B', conn: C, id: 1, seg: seg('S', 7) },
    ];
    const before = buildLadder(events.slice(0, 1));
    const after = buildLadder(events);
    expect(before[0]).toMatchObject({ id: 1, fate: 'in-flight', endMs: Infinity, to: null });
    expect(after[0]).toMatchObject({ id: 1, fate: 'delivered', endMs: 10, to: 'B' });
    expect(after[0]).not.toBe(before[0]);
  });

  it('returns the very same list when nothing was added (so derived values downstream do not rerun)', () => {
    const events = loadFixture().events;
    const a = buildLadder(events.slice(0, 20));
    expect(buildLadder(events.slice(0, 20))).toBe(a);
    expect(buildLadder(events.slice(0, 21))).not.toBe(a);
  });

  it('rebuilds when the prefix shrank (seek back) or its tail was replaced (an intervention)', () => {
    const events = loadFixture().events;
    buildLadder(events);
    expect(buildLadder(events.slice(0, 12))).toEqual(buildLadderFresh(events.slice(0, 12)));
    const rewritten = [...events.slice(0, 12), ...structuredClone(events.slice(12, 30))];
    expect(buildLadder(rewritten)).toEqual(buildLadderFresh(rewritten));
  });

  it('continues relative sequence numbers across batches (the ISN came in an earlier batch)', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('S', 1000) },
      { t: 5, kind: 'segment.send', host: 'B', conn: R, id: 2, seg: seg('SA', 9000, 1001) },
      { t: 10, kind: 'segment.send', host: 'A', conn: C, id: 3, seg: seg('PA', 1001, 9001, 100) },
    ];
    buildLadder(events.slice(0, 2));
    const [, , data] = buildLadder(events);
    expect(data).toMatchObject({ id: 3, relSeq: 1, relAck: 1 });
  });

  it('starts over when a new packet sorts before one already handed out', () => {
    const events: AnyTraceEvent[] = [
      { t: 5, kind: 'segment.send', host: 'A', conn: C, id: 2, seg: seg('A', 7) },
      { t: 5, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('A', 6) },
    ];
    const b = new LadderBuilder();
    expect(b.append(events.slice(0, 1), 0)).toBe(true);
    b.packets();
    expect(b.append(events, 1)).toBe(false);
    buildLadder(events.slice(0, 1));
    expect(buildLadder(events).map((p) => p.id)).toEqual([1, 2]);
  });
});
