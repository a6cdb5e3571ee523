// Out-of-order reassembly (RFC 9293 3.10.7.4 seventh step: segments beyond RCV.NXT are held until the gap
// fills) and the SACK blocks that describe what is held (RFC 2018 4). Held pieces never overlap: a new segment
// keeps only the bytes nobody holds yet, so duplicates are dropped here and data is delivered exactly once.
import { seqAdd, seqDiff } from './seq.js';

interface Piece {
  seq: number;
  data: Uint8Array;
}

export class Reassembly {
  private pieces: Piece[] = [];
  /** Sequence number of a FIN seen beyond RCV.NXT (valid when finHeld). */
  finSeq = 0;
  finHeld = false;
  /** Bytes held. */
  heldBytes = 0;
  /** The most recently received out-of-order range, reported first in SACK (RFC 2018 4). */
  private lastLeft = 0;
  private lastRight = 0;

  get empty(): boolean {
    return this.pieces.length === 0 && !this.finHeld;
  }

  /** Holds payload at seq (entirely after rcvNxt). Returns the number of new bytes kept. */
  insert(seq: number, data: Uint8Array, rcvNxt: number): number {
    const start = seqDiff(seq, rcvNxt);
    const end = start + data.length;
    let cursor = start;
    let kept = 0;
    const fresh: Piece[] = [];
    for (const p of this.pieces) {
      const ps = seqDiff(p.seq, rcvNxt);
      const pe = ps + p.data.length;
      if (pe <= cursor) continue;
      if (ps >= end) break;
      if (ps > cursor) fresh.push({ seq: seqAdd(rcvNxt, cursor), data: data.subarray(cursor - start, ps - start) });
      cursor = Math.max(cursor, pe);
    }
    if (cursor < end) fresh.push({ seq: seqAdd(rcvNxt, cursor), data: data.subarray(cursor - start, end - start) });
    for (const f of fresh) {
      kept += f.data.length;
      this.place(f, rcvNxt);
    }
    this.heldBytes += kept;
    if (data.length > 0) {
      this.lastLeft = seq;
      this.lastRight = seqAdd(seq, data.length);
    }
    return kept;
  }

  private place(piece: Piece, rcvNxt: number): void {
    const at = seqDiff(piece.seq, rcvNxt);
    let i = this.pieces.length;
    while (i > 0 && seqDiff((this.pieces[i - 1] as Piece).seq, rcvNxt) > at) i--;
    this.pieces.splice(i, 0, piece);
  }

  holdFin(seq: number): void {
    this.finHeld = true;
    this.finSeq = seq;
  }

  /** Removes and returns the piece starting exactly at rcvNxt (after trimming anything below it), if any. */
  takeAt(rcvNxt: number): Uint8Array | undefined {
    for (;;) {
      const first = this.pieces[0];
      if (!first) return undefined;
      const off = seqDiff(rcvNxt, first.seq);
      if (off < 0) return undefined;
      this.pieces.shift();
      this.heldBytes -= first.data.length;
      if (off < first.data.length) return first.data.subarray(off);
    }
  }

  /** Up to `max` SACK blocks [left, right): the most recent first, then the others in sequence order. */
  sackBlocks(rcvNxt: number, max: number): Array<[number, number]> {
    const merged: Array<[number, number]> = [];
    for (const p of this.pieces) {
      const right = seqAdd(p.seq, p.data.length);
      const last = merged[merged.length - 1];
      if (last && last[1] === p.seq) last[1] = right;
      else merged.push([p.seq, right]);
    }
    const out: Array<[number, number]> = [];
    const recent = merged.find((b) => seqDiff(this.lastLeft, b[0]) >= 0 && seqDiff(b[1], this.lastRight) >= 0);
    if (recent && seqDiff(recent[0], rcvNxt) > 0) out.push(recent);
    for (const b of merged) {
      if (out.length >= max) break;
      if (b !== recent) out.push(b);
    }
    return out;
  }

  clear(): void {
    this.pieces = [];
    this.heldBytes = 0;
    this.finHeld = false;
  }
}
