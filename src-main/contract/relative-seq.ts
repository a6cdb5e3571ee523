// Relative sequence numbers exactly as Wireshark (4.0, "Relative sequence numbers" on) computes them, for
// every place that prints a packet: the app's ladder and inspector and the exports. It lives in contract/
// because that is the one layer both lab/ and the renderer may import; it is pure and imports nothing.
//
// Wireshark's rules, checked against tshark on the lessons' pcapng exports (tests/unit/export/
// relative-seq-tshark.test.ts) and on hand-made captures:
// - A direction's base is the seq of its latest SYN (a SYN-ACK with a new ISN restarts the count at 0).
// - A SYN without ACK whose seq differs from its direction's base starts a new conversation instance on
//   the same 4-tuple: the other direction's base (and both window scales) are forgotten too.
// - A direction seen first without a SYN (an RST from a closed port, a capture started mid-stream) gets
//   base = seq - 1, so its first segment reads Seq=1; an ACK whose other direction has no base yet sets
//   that base to ack - 1 (Ack=1).
// - Everything is modulo 2^32: an old segment after a new ISN reads as a huge number, as in Wireshark.

const U32 = 4294967296;

interface Direction {
  /** Undefined until a SYN, a first segment or an ACK from the other side sets it. */
  base: number | undefined;
  /** Window scale shift this direction's SYN offered; undefined without a SYN or without the option. */
  wscale: number | undefined;
  sawSyn: boolean;
}

/** One segment as the numbering needs it: flag letters ("SA", "R", …), absolute seq/ack, WS option. */
export interface NumberedSeg {
  flags: string;
  seq: number;
  ack: number;
  wscale?: number | undefined;
}

export interface RelativeNumbers {
  relSeq: number;
  /** Relative ack; meaningful only when the ACK flag is set (Wireshark prints Ack= only then). */
  relAck: number;
  seqBase: number;
  ackBase: number | undefined;
  /**
   * The sender's window scale shift once both directions' SYNs offered one (RFC 7323 2.2): a non-SYN
   * segment's window is field << winShift, as Wireshark's calculated window. Undefined: not scaled.
   */
  winShift: number | undefined;
}

/** 32-bit modular difference: sequence space wraps (RFC 9293 3.4). */
export function seqDiff(value: number, base: number): number {
  return (((value - base) % U32) + U32) % U32;
}

export function reverseConn(conn: string): string {
  const gt = conn.indexOf('>');
  return gt < 0 ? conn : `${conn.slice(gt + 1)}>${conn.slice(0, gt)}`;
}

/**
 * Feed every packet in the order it went on the wire (packet id order, which is the pcapng's order);
 * each call returns that packet's numbers. Keeps per-direction state, so a growing list costs only its
 * new packets.
 */
export class RelativeSeq {
  readonly #dirs = new Map<string, Direction>();

  #dir(conn: string): Direction {
    let d = this.#dirs.get(conn);
    if (d === undefined) {
      d = { base: undefined, wscale: undefined, sawSyn: false };
      this.#dirs.set(conn, d);
    }
    return d;
  }

  observe(conn: string, seg: NumberedSeg): RelativeNumbers {
    let mine = this.#dir(conn);
    let theirs = this.#dir(reverseConn(conn));
    const syn = seg.flags.includes('S'), ack = seg.flags.includes('A');
    if (syn && !ack && mine.base !== undefined && mine.base !== seg.seq) {
      // A new conversation instance on the same 4-tuple (Wireshark: "TCP port numbers reused").
      this.#dirs.delete(conn);
      this.#dirs.delete(reverseConn(conn));
      mine = this.#dir(conn);
      theirs = this.#dir(reverseConn(conn));
    }
    if (syn) {
      mine.base = seg.seq;
      mine.sawSyn = true;
      mine.wscale = seg.wscale;
    }
    mine.base ??= seqDiff(seg.seq, 1);
    if (ack) theirs.base ??= seqDiff(seg.ack, 1);
    const scaled = mine.sawSyn && theirs.sawSyn && mine.wscale !== undefined && theirs.wscale !== undefined;
    return {
      relSeq: seqDiff(seg.seq, mine.base),
      relAck: theirs.base === undefined ? seg.ack : seqDiff(seg.ack, theirs.base),
      seqBase: mine.base,
      ackBase: theirs.base,
      winShift: scaled ? mine.wscale : undefined,
    };
  }
}
