// Packets: ids, lineage, where each one is on its journey, and the bounded record store.
//
// Journey (what "in flight" means): sender --(sender's link delay)--> router --(rules)--> output queue
// toward the receiver (serialized at the receiver link's bandwidth) --(receiver's link delay)--> receiver.
// A packet can be intercepted (dropped, delayed, held, edited …) while it is on the first link
// ('link-in'), parked in the router ('delayed', 'reorder', 'held'), in the output queue ('queued'), or on
// the second link ('link-out'). Once delivered or dropped it is history: only its record remains.
import type { Segment } from '../tcp/segment.js';
import type { Lineage } from './trace.js';

export type Where = 'link-in' | 'delayed' | 'reorder' | 'held' | 'queued' | 'link-out';

export type Fate =
  | { state: 'in-flight' }
  | { state: 'delivered'; atMs: number }
  | { state: 'dropped'; atMs: number; reason: string }
  /** Edited by the user: this packet was replaced by packet `by`. */
  | { state: 'replaced'; atMs: number; by: number };

/** History of one packet, for the UI, exports and pcapng comments. */
export interface PacketRecord {
  id: number;
  lineage: Lineage;
  seg: Segment;
  /** Physical sender host (a spoofed source still names the host that sent it). */
  from: string;
  /** Receiver host, or null when no host has the destination address. */
  to: string | null;
  conn: string;
  sentMs: number;
  fate: Fate;
  /** What happened on the way, in order: "rule 2 (delay) 3000 ms", "held by user", "corrupted by user". */
  notes: string[];
  /** Wire bytes after a rule or the user flipped bits ("rule 3" / "user"); the receiver's checksum fails. */
  corrupt?: { bytes: Uint8Array; by: string };
}

/** A packet still travelling. */
export interface LivePacket {
  id: number;
  record: PacketRecord;
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
}

/** The last `limit` packet records, by id; older ones are evicted and counted (bounded memory). */
export class PacketStore {
  private slots: Array<PacketRecord | undefined> = [];
  private evictedCount = 0;
  constructor(readonly limit: number) {}

  add(rec: PacketRecord): void {
    const slot = rec.id % this.limit;
    if (this.slots[slot] !== undefined) this.evictedCount++;
    this.slots[slot] = rec;
  }

  get(id: number): PacketRecord | undefined {
    const rec = this.slots[id % this.limit];
    return rec !== undefined && rec.id === id ? rec : undefined;
  }

  get evicted(): number {
    return this.evictedCount;
  }

  /** Records still held, oldest first (ids are consecutive, so walk from the oldest slot). */
  all(lastId: number): PacketRecord[] {
    const out: PacketRecord[] = [];
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
