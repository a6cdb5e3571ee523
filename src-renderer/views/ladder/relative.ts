// Relative sequence numbers and the displayed window, as Wireshark computes them: each direction of a
// connection counts from its own ISN (the SYN's seq), and Ack counts from the other direction's ISN.
import type { LadderPacket } from './model.js';

interface Direction {
  /** The ISN, or the first seq seen when the SYN was not captured (Wireshark does the same). */
  base: number | undefined;
  /** Window scale shift from this direction's SYN, if it carried one (RFC 7323 2.2). */
  wscale: number | undefined;
  sawSyn: boolean;
}

function reverseConn(conn: string): string {
  const gt = conn.indexOf('>');
  return gt < 0 ? conn : `${conn.slice(gt + 1)}>${conn.slice(0, gt)}`;
}

/** 32-bit modular difference: sequence space wraps (RFC 9293 3.4). */
export function seqDiff(value: number, base: number): number {
  return (value - base) >>> 0;
}

function direction(dirs: Map<string, Direction>, conn: string): Direction {
  let d = dirs.get(conn);
  if (!d) {
    d = { base: undefined, wscale: undefined, sawSyn: false };
    dirs.set(conn, d);
  }
  return d;
}

/**
 * Fills relSeq, relAck and winShown on packets fed in start-time order, keeping each direction's state
 * between calls so a growing ladder annotates only its new packets. A SYN with a new seq starts a new
 * incarnation of the direction (a reused 4-tuple), so its seq becomes the new base.
 */
export class SequenceAnnotator {
  readonly #dirs = new Map<string, Direction>();

  annotate(p: LadderPacket): void {
    const mine = direction(this.#dirs, p.conn);
    const theirs = direction(this.#dirs, reverseConn(p.conn));
    const syn = p.seg.flags.includes('S');
    if (syn && (!mine.sawSyn || mine.base !== p.seg.seq)) {
      mine.base = p.seg.seq;
      mine.sawSyn = true;
      mine.wscale = p.seg.options.wscale;
    }
    mine.base ??= p.seg.seq;
    p.relSeq = seqDiff(p.seg.seq, mine.base);
    p.relAck = p.seg.flags.includes('A') && theirs.base !== undefined ? seqDiff(p.seg.ack, theirs.base) : null;
    // Scaling applies only when both SYNs offered it, and never to the SYNs themselves (RFC 7323 2.2).
    const scaled = !syn && mine.wscale !== undefined && theirs.wscale !== undefined;
    p.winShown = scaled ? p.seg.win * 2 ** (mine.wscale ?? 0) : p.seg.win;
  }
}

/** Annotates a whole list of packets sorted by start time. */
export function annotateSequence(packets: LadderPacket[]): void {
  const annotator = new SequenceAnnotator();
  for (const p of packets) annotator.annotate(p);
}
