// What the application has read on a connection, in order, for received(). A bulk sender's segments are views
// on its send buffer's chunks, and a receiver that kept one view per segment kept ~96 bytes a segment that
// survived the young generation. So bytes that continue the last ones in the same buffer only lengthen an
// open run, kept as numbers; the run becomes one view when something else arrives or someone reads.

/** A plain Uint8Array (not a Buffer or another subclass), so a wider view of its buffer is the same kind of thing. */
function isPlain(a: Uint8Array): boolean {
  return Object.getPrototypeOf(a) === Uint8Array.prototype;
}

export class Received {
  /** Closed pieces, in order. */
  private closed: Uint8Array[] = [];
  /** The open run: runLength bytes of runBuffer from runOffset (runBuffer null: none). */
  private runBuffer: ArrayBufferLike | null = null;
  private runOffset = 0;
  private runLength = 0;
  /** Every byte so far. */
  bytes = 0;

  add(data: Uint8Array): void {
    this.bytes += data.length;
    if (data.buffer === this.runBuffer && this.runOffset + this.runLength === data.byteOffset && isPlain(data)) {
      this.runLength += data.length;
      return;
    }
    this.closeRun();
    if (isPlain(data)) {
      this.runBuffer = data.buffer;
      this.runOffset = data.byteOffset;
      this.runLength = data.length;
    } else {
      this.closed.push(data);
    }
  }

  /** The pieces in order, the open run as a view (a new array; the pieces are shared, never written). */
  pieces(): Uint8Array[] {
    const out = this.closed.slice();
    if (this.runBuffer !== null) out.push(new Uint8Array(this.runBuffer, this.runOffset, this.runLength));
    return out;
  }

  /** Every byte, in one new array. */
  concat(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    let off = 0;
    for (const piece of this.pieces()) {
      out.set(piece, off);
      off += piece.length;
    }
    return out;
  }

  private closeRun(): void {
    if (this.runBuffer === null) return;
    this.closed.push(new Uint8Array(this.runBuffer, this.runOffset, this.runLength));
    this.runBuffer = null;
  }
}
