// The ring of packet records, in columns: a record is packed into typed arrays once its packet has left
// the network (delivered, dropped or replaced), and a fresh object is built when someone reads it.
//
// Why: a bulk run keeps a record of every packet (200,000 by default). As objects, each one was a record
// (96 B), its segment (112 B) and its fate (40 B), all surviving the young-generation collector, which copied
// them into the old generation, whose fresh pages then had to be faulted in: on the 2-core benchmark VM that
// was about a third of a 100 MB transfer's time (docs/PERFORMANCE.md "Engine, session 15"). Here a final record
// costs ~76 bytes in typed arrays, and its references are codes into a small table per chunk.
//
// A record still travelling stays an object (its LivePacket's `record`, which the router and the user
// change); its slot is only claimed, so that ids evict each other exactly as before. Final records are never
// written again (interventions only touch live packets), so a snapshot shares every chunk, copy-on-write:
// whichever store writes to a shared chunk next copies it first.
import { NO_OPTIONS } from '../tcp/output.js';
import type { Segment, TcpOptions } from '../tcp/segment.js';
import { EMPTY_PAYLOAD, type Fate, type KeptRecord } from './packets.js';
import { RefTable } from './ref-table.js';
import { ORIGINAL, type Lineage } from './trace.js';

const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** What a slot holds. OBJECT: a record whose fields do not fit the columns, kept as the object itself. */
const EMPTY = 0, IN_FLIGHT = 1, DELIVERED = 2, DROPPED = 3, REPLACED = 4, OBJECT = 5;
/** A bit on a final state: the payload is kept as its buffer with offset and length (a plain Uint8Array's view). */
const PAYLOAD_VIEW = 0x80;

/**
 * References per slot, in `refs` (codes into the chunk's table, ref-table.ts): srcIp, dstIp, from, to, conn
 * (consecutive, written together by RefTable.set5), options, payload, lineage, rare (numbered as the F_
 * constants). The payload
 * of a plain Uint8Array is kept as its buffer (with its offset and length in the numeric columns), not as the
 * view: a bulk sender's segments are views on its send buffer, and a view object per record (~96 bytes)
 * was most of what such a record kept besides the columns.
 */
const REFS = 9;
const F_SRC_IP = 0, F_DST_IP = 1, F_FROM = 2, F_TO = 3, F_CONN = 4, F_OPTIONS = 5, F_PAYLOAD = 6, F_LINEAGE = 7, F_RARE = 8;

/**
 * What nearly every record holds, with fixed codes in every chunk's reference table (RefTable constants): no
 * options, an original packet, no payload. settle() writes their codes after an identity test with the known
 * object instead of comparing the value with the table's remembered ones.
 */
let constants: readonly unknown[] | null = null; // (made on first use: packets.ts, which has EMPTY_PAYLOAD, imports this module)
const K_NO_OPTIONS = 1, K_ORIGINAL = 2, K_EMPTY_BUFFER = 3;

/** The fields few records have: a drop's reason, the replacing packet, notes, corrupted bytes (else null). */
interface Rare {
  reason?: string;
  by?: number;
  notes?: string[];
  corrupt?: KeptRecord['corrupt'];
}

/** Frozen empty notes handed out for a record that has none (read-only, as every record read is a copy). */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

class Chunk {
  /** One buffer for the numeric columns: a copy-on-write copy is one slice. */
  readonly buf: ArrayBuffer;
  /** The packet id in each slot (0: never used). */
  readonly id: Float64Array;
  /** sentMs, fate atMs, payload byteOffset: three per slot. */
  readonly ms: Float64Array;
  /** seq, ack, window, urgent, payload length: five per slot. */
  readonly u32: Uint32Array;
  /** srcPort, dstPort: two per slot. */
  readonly ports: Uint16Array;
  readonly state: Uint8Array;
  readonly flags: Uint8Array;
  readonly refs: RefTable;

  constructor(buf?: ArrayBuffer, refs?: RefTable) {
    this.buf = buf ?? new ArrayBuffer(CHUNK * (8 + 24 + 20 + 2 * REFS + 4 + 1 + 1));
    let at = 0;
    const next = <T>(make: (b: ArrayBuffer, off: number, n: number) => T, bytes: number, n: number): T => {
      const v = make(this.buf, at, n);
      at += bytes * n;
      return v;
    };
    this.id = next((b, o, n) => new Float64Array(b, o, n), 8, CHUNK);
    this.ms = next((b, o, n) => new Float64Array(b, o, n), 8, 3 * CHUNK);
    this.u32 = next((b, o, n) => new Uint32Array(b, o, n), 4, 5 * CHUNK);
    this.ports = next((b, o, n) => new Uint16Array(b, o, n), 2, 2 * CHUNK);
    const codes = next((b, o, n) => new Uint16Array(b, o, n), 2, REFS * CHUNK);
    this.state = next((b, o, n) => new Uint8Array(b, o, n), 1, CHUNK);
    this.flags = next((b, o, n) => new Uint8Array(b, o, n), 1, CHUNK);
    this.refs = refs?.copy(codes) ?? new RefTable(REFS, CHUNK, codes, (constants ??= [NO_OPTIONS, ORIGINAL, EMPTY_PAYLOAD.buffer]));
  }

  copy(): Chunk {
    return new Chunk(this.buf.slice(0), this.refs);
  }
}

/** A uint32 header field that fits a Uint32Array slot exactly. */
function isU32(x: number): boolean {
  return x >>> 0 === x;
}

function isU16(x: number): boolean {
  return (x & 0xffff) === x;
}

/** Whether the record's segment fits the columns exactly (a user's edit could, in principle, hold anything). */
function packable(seg: Segment): boolean {
  return isU32(seg.seq) && isU32(seg.ack) && isU32(seg.window) && isU32(seg.urgent)
    && isU16(seg.srcPort) && isU16(seg.dstPort) && (seg.flags & 0xff) === seg.flags;
}

export class RecordColumns {
  private chunks: Array<Chunk | undefined> = [];
  /** owned[c]: chunks[c] is this store's alone and may be written in place. */
  private owned: boolean[] = [];

  /** Claims `slot` for packet `id`, still travelling; true when it evicted another record. */
  claim(slot: number, id: number): boolean {
    const chunk = this.writable(slot >> CHUNK_BITS);
    const i = slot & CHUNK_MASK;
    const evicted = chunk.state[i] !== EMPTY;
    chunk.id[i] = id;
    chunk.state[i] = IN_FLIGHT; // (its references are the evicted record's until settle() writes them all)
    return evicted;
  }

  /**
   * Whether `slot` holds packet `id` still in flight (its record is the live packet's object), holds it as a
   * final record, or no longer holds it.
   */
  has(slot: number, id: number): 'in-flight' | 'final' | 'none' {
    const chunk = this.chunks[slot >> CHUNK_BITS];
    const i = slot & CHUNK_MASK;
    if (chunk === undefined || chunk.id[i] !== id || chunk.state[i] === EMPTY) return 'none';
    return chunk.state[i] === IN_FLIGHT ? 'in-flight' : 'final';
  }

  /**
   * Packs rec, whose packet has just left the network, into its slot (nothing when the slot is no longer
   * its: a newer packet evicted it while it travelled, or it was a bulk packet that never claimed one).
   */
  settle(slot: number, rec: KeptRecord): void {
    const c = slot >> CHUNK_BITS;
    const i = slot & CHUNK_MASK;
    const current = this.chunks[c];
    if (current === undefined || current.id[i] !== rec.id || current.state[i] !== IN_FLIGHT) return;
    const chunk = this.writable(c);
    const fate = rec.fate;
    if (fate.state === 'in-flight' || !packable(rec.seg)) {
      chunk.state[i] = OBJECT;
      for (let f = 0; f < F_RARE; f++) chunk.refs.set(i, f, null);
      chunk.refs.set(i, F_RARE, rec);
      return;
    }
    const seg = rec.seg;
    chunk.state[i] = fate.state === 'delivered' ? DELIVERED : fate.state === 'dropped' ? DROPPED : REPLACED;
    chunk.flags[i] = seg.flags;
    chunk.ms[3 * i] = rec.sentMs;
    chunk.ms[3 * i + 1] = fate.atMs;
    chunk.u32[5 * i] = seg.seq;
    chunk.u32[5 * i + 1] = seg.ack;
    chunk.u32[5 * i + 2] = seg.window;
    chunk.u32[5 * i + 3] = seg.urgent;
    chunk.ports[2 * i] = seg.srcPort;
    chunk.ports[2 * i + 1] = seg.dstPort;
    const refs = chunk.refs;
    refs.set5(i, F_SRC_IP, seg.srcIp, seg.dstIp, rec.from, rec.to, rec.conn);
    if (seg.options === NO_OPTIONS) refs.setCode(i, F_OPTIONS, K_NO_OPTIONS);
    else refs.set(i, F_OPTIONS, seg.options);
    const payload = seg.payload;
    if (payload === EMPTY_PAYLOAD) { // (every empty payload on the wire is this one: net/hooks.ts onTransmit)
      chunk.state[i] |= PAYLOAD_VIEW;
      refs.setCode(i, F_PAYLOAD, K_EMPTY_BUFFER);
      chunk.ms[3 * i + 2] = 0;
      chunk.u32[5 * i + 4] = 0;
    } else if (payload.constructor === Uint8Array) { // (constructor, not Object.getPrototypeOf: a runtime call, ~70 instructions)
      chunk.state[i] |= PAYLOAD_VIEW;
      refs.set(i, F_PAYLOAD, payload.buffer);
      chunk.ms[3 * i + 2] = payload.byteOffset;
      chunk.u32[5 * i + 4] = payload.length;
    } else {
      refs.set(i, F_PAYLOAD, payload); // a Buffer, say: kept as it is, so it reads back as the same kind of array
    }
    if (rec.lineage === ORIGINAL) refs.setCode(i, F_LINEAGE, K_ORIGINAL);
    else refs.set(i, F_LINEAGE, rec.lineage);
    if (fate.state === 'delivered' && rec.notes.length === 0 && rec.corrupt === undefined) refs.setCode(i, F_RARE, 0); // (rareOf's null)
    else refs.set(i, F_RARE, rareOf(rec));
  }

  /** A fresh copy of the final record of packet `id` at `slot` (call has() first: it must be 'final'). */
  read(slot: number, id: number): KeptRecord {
    const chunk = this.chunks[slot >> CHUNK_BITS]!;
    const i = slot & CHUNK_MASK;
    const refs = chunk.refs;
    const bits = chunk.state[i]!;
    const state = bits & ~PAYLOAD_VIEW;
    if (state === OBJECT) return refs.get(i, F_RARE) as KeptRecord;
    const rare = refs.get(i, F_RARE) as Rare | null;
    const seg: Segment = {
      srcIp: refs.get(i, F_SRC_IP) as string, srcPort: chunk.ports[2 * i]!, dstIp: refs.get(i, F_DST_IP) as string, dstPort: chunk.ports[2 * i + 1]!,
      seq: chunk.u32[5 * i]!, ack: chunk.u32[5 * i + 1]!, flags: chunk.flags[i]!, window: chunk.u32[5 * i + 2]!,
      urgent: chunk.u32[5 * i + 3]!, options: refs.get(i, F_OPTIONS) as TcpOptions,
      payload: bits & PAYLOAD_VIEW ? new Uint8Array(refs.get(i, F_PAYLOAD) as ArrayBufferLike, chunk.ms[3 * i + 2]!, chunk.u32[5 * i + 4]!) : refs.get(i, F_PAYLOAD) as Uint8Array,
    };
    const atMs = chunk.ms[3 * i + 1]!;
    const fate: Fate = state === DELIVERED ? { state: 'delivered', atMs }
      : state === DROPPED ? { state: 'dropped', atMs, reason: rare!.reason! }
        : { state: 'replaced', atMs, by: rare!.by! };
    const rec: KeptRecord = {
      id, lineage: refs.get(i, F_LINEAGE) as Lineage, seg, from: refs.get(i, F_FROM) as string, to: refs.get(i, F_TO) as string | null,
      conn: refs.get(i, F_CONN) as string | null, sentMs: chunk.ms[3 * i]!, fate, notes: rare?.notes ?? NO_NOTES,
    };
    if (rare?.corrupt !== undefined) rec.corrupt = rare.corrupt;
    return rec;
  }

  /** A copy for a snapshot: it shares every chunk (copy-on-write on both sides). */
  cloneSharing(): RecordColumns {
    const out = new RecordColumns();
    out.chunks = this.chunks.slice();
    out.owned = new Array<boolean>(this.chunks.length).fill(false);
    this.owned.fill(false);
    return out;
  }

  private writable(c: number): Chunk {
    let chunk = this.chunks[c];
    if (chunk === undefined) {
      while (this.chunks.length < c) {
        this.chunks.push(undefined);
        this.owned.push(true);
      }
      chunk = new Chunk();
      this.chunks[c] = chunk;
      this.owned[c] = true;
    } else if (this.owned[c] !== true) {
      chunk = chunk.copy(); // the chunk is shared with a snapshot
      this.chunks[c] = chunk;
      this.owned[c] = true;
    }
    return chunk;
  }
}

/** The record's rare fields, or null when it has none (nearly every packet). */
function rareOf(rec: KeptRecord): Rare | null {
  const fate = rec.fate;
  const hasNotes = rec.notes.length > 0;
  if (fate.state === 'delivered' && !hasNotes && rec.corrupt === undefined) return null;
  const rare: Rare = {};
  if (fate.state === 'dropped') rare.reason = fate.reason;
  if (fate.state === 'replaced') rare.by = fate.by;
  if (hasNotes) rare.notes = rec.notes;
  if (rec.corrupt !== undefined) rare.corrupt = rec.corrupt;
  return rare;
}
