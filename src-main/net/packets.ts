// Packets: ids, lineage, where each one is on its journey, and the bounded record store.
//
// Journey (what "in flight" means): sender --(sender's link delay)--> router --(rules)--> output queue
// toward the receiver (serialized at the receiver link's bandwidth) --(receiver's link delay)--> receiver.
// A packet can be intercepted (dropped, delayed, held, edited …) while it is on the first link
// ('link-in'), parked in the router ('delayed', 'reorder', 'held'), in the output queue ('queued'), or on
// the second link ('link-out'). Once delivered or dropped it is history: only its record remains.
import type { Segment, TcpOptions } from '../tcp/segment.js';
import type { HostRuntime } from './core.js';
import type { SegSummary } from '../tcp/trace.js';
import { CLONE, type CloneFn } from './clone.js';
import type { IdMap } from './id-map.js';
import { RecordColumns } from './record-columns.js';
import { RecordRing } from './record-ring.js';
import { connOf, optionsSummary, summaryWith, type Lineage } from './trace.js';

export type Where = 'link-in' | 'delayed' | 'reorder' | 'held' | 'queued' | 'link-out';

export type Fate =
  | { state: 'in-flight' }
  | { state: 'delivered'; atMs: number }
  | { state: 'dropped'; atMs: number; reason: string }
  /** Edited by the user: this packet was replaced by packet `by`. */
  | { state: 'replaced'; atMs: number; by: number };

/** The payload of every packet that carries none (one shared zero-length array). */
export const EMPTY_PAYLOAD = new Uint8Array(0);

/** Shared empty notes (most packets never get one); addNote() replaces it before the first note. */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

export function addNote(rec: KeptRecord, note: string): void {
  if (Object.isFrozen(rec.notes)) rec.notes = []; // (identity would fail on a deep clone's copy)
  rec.notes.push(note);
}

export function newRecordNotes(): string[] {
  return NO_NOTES;
}

/** Shared (never mutated: fates are replaced, not edited) fate of every packet still travelling. */
export const IN_FLIGHT: Fate = Object.freeze({ state: 'in-flight' });

/** History of one packet, for the UI, exports and pcapng comments. */
export interface PacketRecord {
  id: number;
  lineage: Lineage;
  seg: Segment;
  /** Physical sender host (a spoofed source still names the host that sent it). */
  from: string;
  /** Receiver host, or null when no host has the destination address. */
  to: string | null;
  /** The connection key, sender first: always connOf(seg). */
  conn: string;
  sentMs: number;
  fate: Fate;
  /** What happened on the way, in order: "rule 2 (delay) 3000 ms", "held by user", "corrupted by user". */
  notes: string[];
  /** Wire bytes after a rule or the user flipped bits ("rule 3" / "user"); the receiver's checksum fails. */
  corrupt?: { bytes: Uint8Array; by: string };
}

/**
 * A record as the network keeps it (Network.packet() and packets() hand out copies as PacketRecord).
 * `conn` is null while nobody has needed the key: a flood's SYNs and the replies to addresses no host
 * has are made by the million, and a sink that only counts (TraceSink.lazyConn) never reads their keys.
 * Building two unique strings per SYN cost a third of a flood's time (docs/PERFORMANCE.md, session 11).
 * Read it with keyOf().
 */
export interface KeptRecord extends Omit<PacketRecord, 'conn'> {
  conn: string | null;
}

/** The record's connection key, built now (and kept, for the packet's later events) if nobody had built it. */
export function keyOf(rec: KeptRecord): string {
  return (rec.conn ??= connOf(rec.seg));
}

/** A packet still travelling. */
export interface LivePacket {
  id: number;
  record: KeptRecord;
  seg: Segment;
  where: Where;
  /** Bumped on every move; scheduled events carrying an older gen are stale. */
  gen: number;
  /** When it reached its current place. */
  sinceMs: number;
  /** When it leaves its current place by itself (link arrival, delay end); null when parked or queued. */
  untilMs: number | null;
  /** Packets made by the router or the user (duplicates, replays, edits, injections) skip the rules. */
  bypassRules: boolean;
  /** 'reorder' only: how many more packets toward the same receiver must pass first. */
  reorderLeft: number;
  /** Label of whoever parked it ('delayed', 'reorder', 'held'). */
  parkedBy: string;
  /**
   * 'link-in' only: copy counts the user ordered (one entry per duplicate command) before the router had the
   * packet; the router makes them when it arrives (router.ts routerArrive). null: none.
   */
  pendingCopies: number[] | null;
  /**
   * 'link-in' only: who ordered the router to cache it before the router had it (a trace label: "user"); the
   * router keeps its copy when the packet arrives, so a packet dropped on its way is never cached. null: none.
   */
  pendingCache: string | null;
  /** optionsSummary(seg.options) for the trace, made once and shared by this packet's events (read-only). */
  options: TcpOptions | null;
  /**
   * The hosts record.from and record.to name (neither ever changes), looked up once: by name, a flood's
   * SYN and its SYN-ACK took five host lookups on their way.
   */
  fromHost: HostRuntime;
  toHost: HostRuntime | null;
}

/** The trace summary of the packet's options (optionsSummary), made once per packet. */
export function optionsOf(pkt: LivePacket): TcpOptions {
  return (pkt.options ??= optionsSummary(pkt.seg.options));
}

/** The trace summary of the packet's segment (for the rarer events that carry one as an object). */
export function summaryOf(pkt: LivePacket): SegSummary {
  return summaryWith(pkt.seg, optionsOf(pkt));
}

/**
 * The last `limit` packet records, by id; older ones are evicted and counted (bounded memory). A record is the
 * live packet's object while the packet travels, and columns once it has left the network (record-columns.ts:
 * call settle() then). Bulk packets (a flood's SYNs, anything sent to an address no host has) go to a small
 * ring of objects of their own, so a flood neither pushes ordinary packets out nor keeps a million
 * short-lived records alive.
 */
export class PacketStore {
  private slots = new RecordColumns();
  private bulkSlots = new RecordRing();
  private evictedCount = 0;
  /**
   * @param live The network's packets still travelling (NetState.live): exactly the ones whose records are
   * in flight. Their records are read from there, and a snapshot clone copies them with it.
   */
  constructor(readonly limit: number, readonly bulkLimit: number, private readonly live: IdMap<LivePacket>) {}

  [CLONE](clone: CloneFn): PacketStore {
    const out = new PacketStore(this.limit, this.bulkLimit, clone(this.live));
    out.slots = this.slots.cloneSharing();
    const ids = [...this.live.keys()];
    out.bulkSlots = this.bulkSlots.cloneSharing(clone, ids.map((id) => id % this.bulkLimit));
    out.evictedCount = this.evictedCount;
    return out;
  }

  add(rec: KeptRecord, bulk: boolean): void {
    const evicted = bulk ? this.bulkSlots.set(rec.id % this.bulkLimit, rec) : this.slots.claim(rec.id % this.limit, rec.id);
    if (evicted) this.evictedCount++;
  }

  /** Keeps rec, whose packet has just been delivered, dropped or replaced (it is never written again). */
  settle(rec: KeptRecord): void {
    this.slots.settle(rec.id % this.limit, rec);
  }

  /** Packet #id's record: the live packet's own while it travels, else a fresh copy. */
  get(id: number): KeptRecord | undefined {
    const slot = id % this.limit;
    switch (this.slots.has(slot, id)) {
      case 'in-flight': return this.live.get(id)?.record;
      case 'final': return this.slots.read(slot, id);
      case 'none': break;
    }
    const bulk = this.bulkSlots.get(id % this.bulkLimit);
    return bulk !== undefined && bulk.id === id ? bulk : undefined;
  }

  get evicted(): number {
    return this.evictedCount;
  }

  /** Records still held, by id. */
  all(lastId: number): KeptRecord[] {
    const out: KeptRecord[] = [];
    const first = Math.max(1, lastId - this.limit + 1);
    for (let id = first; id <= lastId; id++) {
      const rec = this.get(id);
      if (rec !== undefined) out.push(rec);
    }
    return out;
  }
}

/** Human description of a lineage, as pcapng comments print it. */
export function lineageText(l: Lineage): string {
  switch (l.type) {
    case 'original': return 'original';
    case 'retransmission': return l.of === null ? 'retransmission' : `retransmission of #${l.of}`;
    case 'duplicate': return `duplicate of #${l.of}`;
    case 'replay': return `replay of #${l.of}`;
    case 'edited': return `edited from #${l.of}`;
    case 'injected': return 'injected by user';
  }
}

/** Bytes on the wire for serialization delay: IPv4 (20) + TCP (20) + options padded to 4 + payload. */
export function wireBytes(seg: Segment): number {
  const o = seg.options;
  let optBytes = 0;
  if (o.mss !== undefined) optBytes += 4;
  if (o.wscale !== undefined) optBytes += 3;
  if (o.sackPermitted) optBytes += 2;
  if (o.timestamp !== undefined) optBytes += 10;
  if (o.sack !== undefined && o.sack.length > 0) optBytes += 2 + 8 * o.sack.length;
  return 40 + Math.min(40, Math.ceil(optBytes / 4) * 4) + seg.payload.length;
}
