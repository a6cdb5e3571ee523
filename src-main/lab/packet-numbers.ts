// Wireshark's relative numbers for every packet of a trace, in the order the packets went on the wire:
// what the ladder export, the HTML report's packet table and the inspector print. The rules themselves
// are contract/relative-seq.ts (shared with the app's ladder).
import { RelativeSeq, type RelativeNumbers } from '../contract/relative-seq.js';
import type { TraceEvent } from '../net/trace.js';
import type { SegSummary } from '../tcp/trace.js';

/** A packet that starts with this event: a host's send, or a copy the router made. */
export interface PacketStart {
  id: number;
  conn: string;
  seg: SegSummary;
}

/** Kinds of the events that put a packet on the wire. */
export const START_KINDS: ReadonlySet<string> = new Set(['segment.send', 'router.replay', 'router.edit', 'router.duplicate']);

/**
 * Numbers packets as their start events arrive (trace order = packet id order). Duplicates carry their
 * original's segment, so the segments seen are kept by id (references to the trace's own objects).
 */
export class PacketNumbering {
  readonly #numbers = new RelativeSeq();
  readonly #segs = new Map<number, SegSummary>();

  /** The packets `ev` starts, each with its numbers (none for other kinds). */
  onEvent(ev: TraceEvent): Array<PacketStart & { numbers: RelativeNumbers }> {
    const starts: PacketStart[] = [];
    if (ev.kind === 'segment.send' || ev.kind === 'router.replay' || ev.kind === 'router.edit') starts.push({ id: ev.id, conn: ev.conn, seg: ev.seg });
    else if (ev.kind === 'router.duplicate') {
      const seg = this.#segs.get(ev.id);
      if (seg !== undefined) for (const c of ev.copies) starts.push({ id: c, conn: ev.conn, seg });
    }
    return starts.map((s) => {
      this.#segs.set(s.id, s.seg);
      const numbers = this.#numbers.observe(s.conn, { flags: s.seg.flags, seq: s.seg.seq, ack: s.seg.ack, wscale: s.seg.options.wscale });
      return { ...s, numbers };
    });
  }
}

/** Every packet's numbers, by id. */
export function packetNumbers(trace: Iterable<TraceEvent>): Map<number, RelativeNumbers> {
  const numbering = new PacketNumbering();
  const out = new Map<number, RelativeNumbers>();
  for (const ev of trace) for (const s of numbering.onEvent(ev)) out.set(s.id, s.numbers);
  return out;
}
