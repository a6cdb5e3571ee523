// Relative sequence numbers and the displayed window, as Wireshark computes them. The rules live in
// src-main/contract/relative-seq.ts, shared with the inspector and the exports, so a packet reads the same
// everywhere (and the same as in Wireshark: a new ISN restarts the count, an RST counts from its
// connection's base).
import { RelativeSeq, seqDiff } from '../../../src-main/contract/index.js';
import type { LadderPacket } from './model.js';

export { seqDiff };

/**
 * Fills relSeq, relAck and winShown on packets fed in start-time order, keeping each direction's state
 * between calls so a growing ladder annotates only its new packets.
 */
export class SequenceAnnotator {
  readonly #numbers = new RelativeSeq();

  annotate(p: LadderPacket): void {
    const n = this.#numbers.observe(p.conn, { flags: p.seg.flags, seq: p.seg.seq, ack: p.seg.ack, wscale: p.seg.options.wscale });
    p.relSeq = n.relSeq;
    p.relAck = p.seg.flags.includes('A') ? n.relAck : null;
    // Scaling never applies to a SYN's own window (RFC 7323 2.2).
    p.winShown = n.winShift !== undefined && !p.seg.flags.includes('S') ? p.seg.win * 2 ** n.winShift : p.seg.win;
  }
}

/** Annotates a whole list of packets sorted by start time. */
export function annotateSequence(packets: LadderPacket[]): void {
  const annotator = new SequenceAnnotator();
  for (const p of packets) annotator.annotate(p);
}
