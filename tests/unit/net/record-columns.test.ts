// RecordColumns packs a packet's record into typed arrays once the packet has left the network, and builds a
// fresh copy when read: the copy must be the record, field for field and in the same key order (exports
// print records as JSON), for every fate, and a record the columns cannot hold exactly must stay the object.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_PAYLOAD, type KeptRecord } from '../../../src-main/net/packets.js';
import { RecordColumns } from '../../../src-main/net/record-columns.js';
import { RefTable } from '../../../src-main/net/ref-table.js';
import { ORIGINAL } from '../../../src-main/net/trace.js';
import { NO_OPTIONS } from '../../../src-main/tcp/output.js';

function record(id: number, over: Partial<KeptRecord> = {}): KeptRecord {
  return {
    id, lineage: ORIGINAL,
    seg: {
      srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 2 ** 32 - 1, ack: 7, flags: 0x18, window: 65535,
      urgent: 3, options: { sack: [[1, 2]] }, payload: new Uint8Array([1, 2, 3]),
    },
    from: 'A', to: 'B', conn: '10.0.0.1:40000>10.0.0.2:80', sentMs: 12.5, fate: { state: 'delivered', atMs: 17.25 }, notes: [],
    ...over,
  };
}

/** JSON with byte arrays spelled out (JSON.stringify prints a Uint8Array as an object of indices, which is fine). */
const json = (r: KeptRecord | undefined): string => JSON.stringify(r);

function settled(rec: KeptRecord, slot = rec.id): RecordColumns {
  const cols = new RecordColumns();
  expect(cols.claim(slot, rec.id)).toBe(false);
  expect(cols.has(slot, rec.id)).toBe('in-flight');
  cols.settle(slot, rec);
  return cols;
}

describe('RecordColumns', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the common values (no options, an original packet, no payload, no rare field) without a table lookup, and reads them back', () => {
    // Most packets of a transfer are like this: their codes are fixed in every chunk's table (RefTable constants),
    // so settle() writes them after an identity test instead of comparing each with the table's remembered values.
    const plain = record(11, { seg: { ...record(11).seg, options: NO_OPTIONS, payload: EMPTY_PAYLOAD } });
    const set = vi.spyOn(RefTable.prototype, 'set');
    const cols = settled(plain);
    expect(set).not.toHaveBeenCalled();
    const read = cols.read(11, 11);
    expect(json(read)).toBe(json(plain));
    expect(read.seg.options).toBe(NO_OPTIONS);
    expect(read.lineage).toBe(ORIGINAL);
    expect(read.seg.payload.length).toBe(0);
    expect(read.seg.payload.buffer).toBe(EMPTY_PAYLOAD.buffer);
    // Any other value still goes through the table, and reads back as itself.
    const sack = { sack: [[5, 9]] as Array<[number, number]> };
    const other = record(12, { seg: { ...record(12).seg, options: sack }, lineage: { type: 'retransmission', of: 11 } });
    const cols2 = settled(other);
    expect(set.mock.calls.map((c) => c[1])).toEqual([5, 6, 7]); // options, payload buffer, lineage (the rare field is null)
    expect(cols2.read(12, 12).seg.options).toBe(sack);
    expect(json(cols2.read(12, 12))).toBe(json(other));
  });

  it('gives back a delivered, a dropped and a replaced record exactly, as a fresh copy each time', () => {
    const cases: KeptRecord[] = [
      record(1),
      record(2, { fate: { state: 'dropped', atMs: 20, reason: 'rule 1 (drop)' }, notes: ['held by user at 3 ms'], lineage: { type: 'retransmission', of: 1 } }),
      record(3, { fate: { state: 'replaced', atMs: 21, by: 9 }, notes: ['replaced by its edit #9'], to: null, conn: null }),
      record(4, { corrupt: { bytes: new Uint8Array([9, 9]), by: 'user' }, notes: ['corrupted by user'] }),
    ];
    for (const rec of cases) {
      const cols = settled(rec);
      expect(cols.has(rec.id, rec.id)).toBe('final');
      const a = cols.read(rec.id, rec.id);
      expect(json(a)).toBe(json(rec));
      expect(Object.keys(a)).toEqual(Object.keys(rec));
      expect(Object.keys(a.seg)).toEqual(Object.keys(rec.seg));
      const b = cols.read(rec.id, rec.id);
      expect(b).not.toBe(a);
      expect(b.fate).not.toBe(a.fate);
      expect(json(b)).toBe(json(rec));
    }
  });

  it('keeps a record whose segment does not fit the columns as the object itself', () => {
    const base = record(5).seg;
    for (const seg of [{ ...base, srcPort: 70_000 }, { ...base, seq: 1.5 }, { ...base, ack: -1 }, { ...base, flags: 0x100 }, { ...base, window: 2 ** 32 }]) {
      const rec = record(5, { seg });
      expect(settled(rec).read(5, 5)).toBe(rec);
    }
    // The largest values that do fit are packed, not kept.
    const edge = record(6, { seg: { ...base, srcPort: 65535, dstPort: 0, seq: 0, ack: 2 ** 32 - 1, flags: 0xff, window: 2 ** 32 - 1, urgent: 2 ** 32 - 1 } });
    const read = settled(edge).read(6, 6);
    expect(read).not.toBe(edge);
    expect(json(read)).toBe(json(edge));
  });

  it('keeps a payload view as its buffer, offset and length, and any other byte array as it is', () => {
    const buffer = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const view = buffer.subarray(2, 6);
    const read = settled(record(7, { seg: { ...record(7).seg, payload: view } })).read(7, 7).seg.payload;
    expect(read).not.toBe(view);
    expect(read.buffer).toBe(buffer.buffer);
    expect([read.byteOffset, read.length]).toEqual([2, 4]);
    expect(Object.getPrototypeOf(read) === Uint8Array.prototype).toBe(true);
    expect([...read]).toEqual([2, 3, 4, 5]);
    const nodeBuffer = Buffer.from([9, 8]);
    expect(settled(record(8, { seg: { ...record(8).seg, payload: nodeBuffer } })).read(8, 8).seg.payload).toBe(nodeBuffer);
  });

  it('counts an eviction when a newer id claims a slot, and a record that lost its slot is not kept', () => {
    const cols = new RecordColumns();
    expect(cols.claim(3, 3)).toBe(false);
    expect(cols.claim(3, 1027)).toBe(true);
    cols.settle(3, record(3));
    expect(cols.has(3, 3)).toBe('none');
    expect(cols.has(3, 1027)).toBe('in-flight');
    // A record that never claimed a slot (a bulk packet) is not kept either.
    cols.settle(4, record(4));
    expect(cols.has(4, 4)).toBe('none');
    // Settling twice changes nothing: the first fate stands.
    const twice = settled(record(8));
    twice.settle(8, record(8, { fate: { state: 'dropped', atMs: 99, reason: 'late' } }));
    expect(twice.read(8, 8).fate).toEqual({ state: 'delivered', atMs: 17.25 });
  });

  it('shares chunks with a snapshot copy-on-write: neither side sees the other\'s later writes', () => {
    const original = new RecordColumns();
    for (let id = 1; id <= 5; id++) {
      original.claim(id, id);
      original.settle(id, record(id));
    }
    original.claim(6, 6); // still travelling when the snapshot is taken
    const copy = original.cloneSharing();
    // The original settles #6 and evicts #2 (same chunk); the copy settles its #6 differently.
    original.settle(6, record(6, { fate: { state: 'dropped', atMs: 30, reason: 'original' } }));
    original.claim(2, 1026);
    copy.settle(6, record(6, { fate: { state: 'dropped', atMs: 31, reason: 'copy' } }));
    expect(original.read(6, 6).fate).toEqual({ state: 'dropped', atMs: 30, reason: 'original' });
    expect(copy.read(6, 6).fate).toEqual({ state: 'dropped', atMs: 31, reason: 'copy' });
    expect(original.has(2, 2)).toBe('none');
    expect(json(copy.read(2, 2))).toBe(json(record(2)));
    // A second snapshot of the copy, and writes on both, still stay apart.
    const second = copy.cloneSharing();
    copy.claim(1, 1025);
    expect(json(second.read(1, 1))).toBe(json(record(1)));
    expect(copy.has(1, 1)).toBe('none');
  });

  it('reads slots in later chunks, leaving the chunks before them unused', () => {
    const cols = new RecordColumns();
    cols.claim(5000, 5000);
    cols.settle(5000, record(5000));
    expect(json(cols.read(5000, 5000))).toBe(json(record(5000)));
    expect(cols.has(10, 10)).toBe('none');
    expect(cols.has(999_999, 999_999)).toBe('none');
  });
});
