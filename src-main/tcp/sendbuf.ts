// The send buffer: application bytes from SND.UNA's first data byte onward (acknowledged bytes are dropped).
// Chunks are kept as the application handed them (copied once on send) so a segment that fits inside one chunk
// is a zero-copy subarray.

export class SendBuffer {
  private chunks: Uint8Array[] = [];
  /** Index of the first live chunk in `chunks` (consumed chunks are dropped lazily). */
  private head = 0;
  /** Bytes of chunks[head] already consumed. */
  private headOffset = 0;
  /** Live bytes. */
  length = 0;

  /** Appends data: a copy, or the array itself when the caller transfers it (never written again). */
  push(data: Uint8Array, transfer = false): void {
    if (data.length === 0) return;
    this.chunks.push(transfer ? data : data.slice());
    this.length += data.length;
  }

  /** `len` bytes starting `offset` bytes after the first live byte. Requires offset + len <= length. */
  read(offset: number, len: number): Uint8Array {
    let i = this.head;
    let off = offset + this.headOffset;
    let chunk = this.chunks[i];
    while (chunk && off >= chunk.length) {
      off -= chunk.length;
      i++;
      chunk = this.chunks[i];
    }
    if (!chunk) return new Uint8Array(0);
    if (off + len <= chunk.length) return chunk.subarray(off, off + len);
    const out = new Uint8Array(len);
    let filled = 0;
    while (chunk && filled < len) {
      const take = Math.min(chunk.length - off, len - filled);
      out.set(chunk.subarray(off, off + take), filled);
      filled += take;
      off = 0;
      i++;
      chunk = this.chunks[i];
    }
    return out;
  }

  /** Drops the first n live bytes (they were acknowledged). */
  consume(n: number): void {
    let left = Math.min(n, this.length);
    this.length -= left;
    while (left > 0) {
      const chunk = this.chunks[this.head];
      if (!chunk) break;
      const rest = chunk.length - this.headOffset;
      if (left >= rest) {
        left -= rest;
        this.head++;
        this.headOffset = 0;
      } else {
        this.headOffset += left;
        left = 0;
      }
    }
    // Compact now and then so the array does not grow with the life of the connection.
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    if (this.length === 0) {
      this.chunks = [];
      this.head = 0;
      this.headOffset = 0;
    }
  }
}
