// Base64 (RFC 4648 section 4, with padding) without Buffer, since lab/ stays free of Node APIs. The host sends
// binary exports (pcapng, PNG) to the window as base64, and a 100,000-packet capture is ~105 MB: the old
// encoder (String.fromCharCode over 24 KiB spreads, then btoa) took ~27 s for that. This one writes ASCII
// codes into a reused buffer and turns each filled buffer into a string with TextDecoder (~1 s here).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);
/** Output buffer size: a multiple of 4, so every filled buffer is whole base64 quads. */
const OUT_BYTES = 1 << 20;
const ascii = new TextDecoder('utf-8');

/**
 * Base64 of bytes pushed in pieces of any length (a pcapng capture as pcapngChunks hands it out), as if they
 * were one array. A piece is read during push() only, so it may be a view of a buffer that is reused after.
 */
export class Base64Writer {
  private readonly out = new Uint8Array(OUT_BYTES);
  private at = 0;
  private readonly parts: string[] = [];
  /** The bytes of an unfinished group of 3 carried to the next piece. */
  private readonly carry = new Uint8Array(3);
  private carried = 0;
  private done = false;

  push(bytes: Uint8Array): void {
    if (this.done) throw new Error('Base64Writer: push() after end()');
    let i = 0;
    const n = bytes.length;
    // Finish a group started in the last piece.
    while (this.carried > 0 && this.carried < 3 && i < n) this.carry[this.carried++] = bytes[i++]!;
    if (this.carried === 3) {
      this.quad(this.carry[0]!, this.carry[1]!, this.carry[2]!);
      this.carried = 0;
    }
    const whole = i + Math.floor((n - i) / 3) * 3;
    const out = this.out;
    let o = this.at;
    for (; i < whole; i += 3) {
      if (o === OUT_BYTES) { this.at = o; this.flushOut(); o = 0; }
      const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out[o] = CODES[v >>> 18]!;
      out[o + 1] = CODES[(v >>> 12) & 63]!;
      out[o + 2] = CODES[(v >>> 6) & 63]!;
      out[o + 3] = CODES[v & 63]!;
      o += 4;
    }
    this.at = o;
    while (i < n) this.carry[this.carried++] = bytes[i++]!;
  }

  /** The base64 text of everything pushed; the writer takes no more after it. */
  end(): string {
    if (!this.done) {
      this.done = true;
      const c = this.carry;
      if (this.carried === 1) this.tail(CODES[c[0]! >>> 2]!, CODES[(c[0]! & 3) << 4]!, PAD, PAD);
      else if (this.carried === 2) this.tail(CODES[c[0]! >>> 2]!, CODES[((c[0]! & 3) << 4) | (c[1]! >>> 4)]!, CODES[(c[1]! & 15) << 2]!, PAD);
      this.flushOut();
    }
    return this.parts.join('');
  }

  private quad(a: number, b: number, c: number): void {
    const v = (a << 16) | (b << 8) | c;
    this.tail(CODES[v >>> 18]!, CODES[(v >>> 12) & 63]!, CODES[(v >>> 6) & 63]!, CODES[v & 63]!);
  }

  private tail(a: number, b: number, c: number, d: number): void {
    if (this.at === OUT_BYTES) this.flushOut();
    const o = this.at;
    this.out[o] = a; this.out[o + 1] = b; this.out[o + 2] = c; this.out[o + 3] = d;
    this.at = o + 4;
  }

  private flushOut(): void {
    if (this.at === 0) return;
    this.parts.push(ascii.decode(this.out.subarray(0, this.at)));
    this.at = 0;
  }
}

/** Base64 of one array. */
export function toBase64(bytes: Uint8Array): string {
  const w = new Base64Writer();
  w.push(bytes);
  return w.end();
}

/** Base64 of pieces taken one at a time (each may be reused once the next is asked for). */
export function toBase64Pieces(pieces: Iterable<Uint8Array>): string {
  const w = new Base64Writer();
  for (const piece of pieces) w.push(piece);
  return w.end();
}
