// buildLadder: pairing send/recv/drop and the router's actions by packet id.
import { describe, expect, it } from 'vitest';
import { buildLadder, type LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import type { AnyTraceEvent, SegSummary } from '../../../src-renderer/views/model/trace-types.js';
import type { TraceEvent } from '../../../src-main/contract/index.js';
import { loadFixture } from './fixture.js';

const C = '10.0.0.1:40000>10.0.0.2:80';
const seg = (flags: string, seq: number, ack = 0, len = 0): SegSummary => ({ flags, seq, ack, len, win: 1000, options: {} });

function byId(packets: LadderPacket[], id: number): LadderPacket {
  const p = packets.find((q) => q.id === id);
  if (!p) throw new Error(`no packet #${id}`);
  return p;
}

describe('buildLadder on the handshake fixture', () => {
  const packets = buildLadder(loadFixture().events);

  it('makes one packet per id, sorted by start time', () => {
    expect(packets.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(packets.map((p) => p.startMs)).toEqual([0, 10, 1010, 1020, 1040, 1550, 1555, 1600, 1810, 1830, 1840, 1900, 1905]);
  });

  it('pairs a send with its recv', () => {
    expect(byId(packets, 1)).toMatchObject({ from: 'A', to: 'B', startMs: 0, endMs: 10, fate: 'delivered', lineage: 'original', of: null });
  });

  it('ends a packet dropped by a rule at the router, with the reason', () => {
    expect(byId(packets, 2)).toMatchObject({ from: 'B', to: null, endMs: 15, fate: 'dropped', dropAt: 'router', reason: 'rule 1 (drop)' });
  });

  it('marks a retransmission and what it re-sends', () => {
    expect(byId(packets, 3)).toMatchObject({ lineage: 'retransmission', of: 2, fate: 'delivered', endMs: 1020 });
  });

  it('records the hold and release of a parked packet', () => {
    expect(byId(packets, 5)).toMatchObject({ holdMs: 1045, releaseMs: 1545, endMs: 1550, fate: 'delivered' });
  });

  it('starts router copies (duplicates, replays) at the router', () => {
    expect(byId(packets, 7)).toMatchObject({ from: 'router', to: 'A', startMs: 1555, endMs: 1560, lineage: 'duplicate', of: 6 });
    expect(byId(packets, 12)).toMatchObject({ from: 'router', to: 'B', startMs: 1900, lineage: 'replay', of: 5 });
    expect(byId(packets, 12).seg.len).toBe(5);
  });

  it('adds the router delay', () => {
    expect(byId(packets, 8)).toMatchObject({ delayMs: 200, endMs: 1810 });
  });
});

describe('buildLadder edge cases', () => {
  it('takes the contract trace type as it is (compile-time check) and the real lineage spelling', () => {
    const events: TraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('S', 7), lineage: { type: 'retransmission', of: null }, cause: 'rto' },
      { t: 2, kind: 'router.hold', host: 'router', conn: C, id: 1, by: 'user' },
      { t: 9, kind: 'router.release', host: 'router', conn: C, id: 1, by: 'user', parkedMs: 7 },
    ];
    expect(buildLadder(events)).toMatchObject([{ lineage: 'retransmission', of: null, holdMs: 2, releaseMs: 9, fate: 'in-flight', endMs: Infinity }]);
  });

  it('leaves a held packet parked (no end) while it is not released', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('S', 7) },
      { t: 5, kind: 'router.hold', host: 'router', id: 1 },
    ];
    const [p] = buildLadder(events);
    expect(p).toMatchObject({ fate: 'held', holdMs: 5, releaseMs: null, endMs: Infinity });
  });

  it('drops at the receiver (bad checksum) end at the receiver column', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 4, seg: seg('A', 7, 9) },
      { t: 3, kind: 'router.corrupt', host: 'router', id: 4 },
      { t: 10, kind: 'segment.drop', host: 'B', conn: C, id: 4, reason: 'checksum' },
    ];
    const [p] = buildLadder(events);
    expect(p).toMatchObject({ fate: 'dropped', dropAt: 'receiver', to: 'B', endMs: 10, corrupted: true, reason: 'checksum' });
  });

  it('reads lineage spelled with `kind` as well as `type`', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('S', 7) },
      { t: 9, kind: 'segment.send', host: 'A', conn: C, id: 2, seg: seg('S', 7), lineage: { kind: 'retransmission', of: 1 } },
    ];
    expect(buildLadder(events).map((p) => [p.lineage, p.of])).toEqual([['original', null], ['retransmission', 1]]);
  });

  it('ends a packet the user edited at the router, and starts the edited copy there', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('PA', 7, 1, 5) },
      { t: 4, kind: 'router.hold', host: 'router', id: 1 },
      { t: 30, kind: 'router.edit', host: 'router', conn: C, id: 2, of: 1, seg: seg('PA', 8, 1, 5) },
      { t: 35, kind: 'segment.recv', host: 'B', conn: C, id: 2, seg: seg('PA', 8, 1, 5) },
    ];
    const [orig, copy] = buildLadder(events);
    expect(orig).toMatchObject({ id: 1, fate: 'replaced', endMs: 30, holdMs: 4, releaseMs: 30 });
    expect(copy).toMatchObject({ id: 2, from: 'router', startMs: 30, endMs: 35, lineage: 'edited', of: 1, fate: 'delivered' });
  });

  it('marks a segment the receiving engine discarded, and ignores events for unknown ids', () => {
    const events: AnyTraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: C, id: 1, seg: seg('A', 7, 1) },
      { t: 10, kind: 'segment.recv', host: 'B', conn: C, id: 1, seg: seg('A', 7, 1) },
      { t: 10, kind: 'tcp.drop', host: 'B', conn: C, id: 1, reason: 'out of window' },
      { t: 11, kind: 'segment.recv', host: 'B', conn: C, id: 99, seg: seg('A', 7, 1) },
    ];
    const packets = buildLadder(events);
    expect(packets).toHaveLength(1);
    expect(packets[0]).toMatchObject({ fate: 'delivered', discarded: 'out of window' });
  });
});
