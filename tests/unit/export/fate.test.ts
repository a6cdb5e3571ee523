import { describe, expect, it } from 'vitest';
import { dropPhrase, indexPacketEvents, packetsOffRecord, packetStory, packetStoryFrom } from '../../../src-main/lab/export/fate.js';
import type { PacketRecord } from '../../../src-main/net/packets.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { FLAG } from '../../../src-main/tcp/segment.js';
import { interventionRun } from './fixture.js';

const SEG = { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 1, ack: 1, flags: FLAG.ACK, window: 502, urgent: 0, options: {}, payload: new Uint8Array(0) };
const CONN = '10.0.0.1:40000>10.0.0.2:80';

function rec(over: Partial<PacketRecord>): PacketRecord {
  return { id: 20, lineage: { type: 'original' }, seg: SEG, from: 'A', to: 'B', conn: CONN, sentMs: 100, fate: { state: 'delivered', atMs: 120 }, notes: [], ...over };
}

describe('packet stories (pcapng comments)', () => {
  it('says delivered, with the time', () => {
    expect(packetStory(rec({}), [])).toBe('delivered at 120 ms');
  });

  it('names the lineage first', () => {
    expect(packetStory(rec({ lineage: { type: 'retransmission', of: 3 } }), [])).toBe('retransmission of #3; delivered at 120 ms');
    expect(packetStory(rec({ lineage: { type: 'duplicate', of: 17 } }), [])).toBe('duplicate of #17; delivered at 120 ms');
    expect(packetStory(rec({ lineage: { type: 'replay', of: 5 } }), [])).toBe('replay of #5; delivered at 120 ms');
    expect(packetStory(rec({ lineage: { type: 'retransmission', of: null } }), [])).toBe('retransmission; delivered at 120 ms');
  });

  it('joins a hold and its release into one phrase with the parked time', () => {
    const events: TraceEvent[] = [
      { t: 110, kind: 'router.hold', host: 'router', conn: CONN, id: 20, by: 'user' },
      { t: 3110, kind: 'router.release', host: 'router', conn: CONN, id: 20, by: 'user', parkedMs: 3000 },
    ];
    expect(packetStory(rec({ fate: { state: 'delivered', atMs: 3120 } }), events)).toBe('held 3000 ms by the user; delivered at 3120 ms');
  });

  it('tells rule drops, user drops, checksum drops and full queues apart', () => {
    expect(dropPhrase('rule 2 (drop)', 'router')).toBe('dropped by rule 2 (drop)');
    expect(dropPhrase('dropped by user', 'router')).toBe('dropped by the user');
    expect(dropPhrase('bad TCP checksum (corrupted by user)', 'B')).toBe('dropped by B: bad TCP checksum (corrupted by user)');
    expect(dropPhrase('router queue full (capacity 4)', 'router')).toBe('dropped: router queue full (capacity 4)');
    expect(packetStory(rec({ fate: { state: 'dropped', atMs: 110, reason: 'rule 2 (drop)' } }), [])).toBe('dropped by rule 2 (drop) at 110 ms');
  });

  it('says a corrupted packet was corrupted on purpose', () => {
    const ev: TraceEvent = { t: 105, kind: 'router.corrupt', host: 'router', conn: CONN, id: 20, by: 'user' };
    expect(packetStory(rec({ fate: { state: 'dropped', atMs: 120, reason: 'bad TCP checksum (corrupted by user)' } }), [ev], 'B'))
      .toBe('corrupted by the user: bad checksum on purpose; dropped by B: bad TCP checksum (corrupted by user) at 120 ms');
  });

  it('tells the story of every packet of a real run with interventions', () => {
    const input = interventionRun();
    const index = indexPacketEvents(input.trace);
    const stories = input.packets.map((p) => packetStoryFrom(index, p));
    expect(stories[0]).toBe('held 3000 ms by the user; delivered at 3015 ms');
    expect(stories.filter((s) => s.startsWith('dropped by rule 1 (drop)'))).toHaveLength(1);
    expect(stories.filter((s) => s.startsWith('corrupted by the user: bad checksum on purpose; dropped by B: bad TCP checksum'))).toHaveLength(1);
    expect(stories.filter((s) => /^duplicate of #\d+; delivered/.test(s))).toHaveLength(2);
    expect(stories.filter((s) => /^replay of #\d+; delivered/.test(s))).toHaveLength(1);
    expect(stories.some((s) => /^retransmission of #\d+/.test(s))).toBe(true);
  });
});

describe('packetsOffRecord (sent packets whose records the network no longer keeps)', () => {
  const kept = (ids: number[]) => ids.map((id) => ({ id }));

  it('counts each sent id once, and the sent ids without a record', () => {
    // 3 and 9 are sent twice in the trace (a retransmission's id is new, but a replayed trace may repeat one).
    expect(packetsOffRecord([1, 2, 3, 3, 4, 9, 9, 12], kept([2, 4, 12, 50]))).toEqual({ sent: 6, missing: 3 });
    expect(packetsOffRecord([], kept([1, 2]))).toEqual({ sent: 0, missing: 0 });
    expect(packetsOffRecord([5, 6], [])).toEqual({ sent: 2, missing: 2 });
  });

  it('gives the same counts for ids past the byte-per-id table and for ids that are not whole numbers', () => {
    expect(packetsOffRecord([1, 2 ** 30, 2 ** 30, 7], kept([1, 2 ** 30]))).toEqual({ sent: 3, missing: 1 });
    expect(packetsOffRecord([1, 2.5, 2.5, 3], kept([3]))).toEqual({ sent: 3, missing: 2 });
    expect(packetsOffRecord([1, 2], kept([1, -4]))).toEqual({ sent: 2, missing: 1 });
  });

  it('agrees with counting by sets on a flood-sized mix of kept and evicted ids', () => {
    const sendIds: number[] = [], keptIds: number[] = [];
    for (let id = 1; id <= 300_000; id++) {
      sendIds.push(id);
      if (id % 7 === 0) sendIds.push(id); // repeated
      if (id % 3 !== 0 || id > 295_904) keptIds.push(id); // a ring keeps the last 4,096 and every non-flood packet
    }
    const keptSet = new Set(keptIds);
    const distinct = new Set(sendIds);
    const missing = [...distinct].filter((id) => !keptSet.has(id)).length;
    expect(packetsOffRecord(sendIds, kept(keptIds))).toEqual({ sent: distinct.size, missing });
    expect(missing).toBeGreaterThan(90_000);
  });
});
