// pcapng writer (draft-ietf-opsawg-pcapng, "PCAP Now Generic"): one Section Header Block, one Interface
// Description Block for raw IPv4 (LINKTYPE_IPV4 = 228) with microsecond timestamps, then one Enhanced
// Packet Block per packet carrying its comment. Pure: it returns bytes and the caller writes the file.
// Everything is little-endian (the SHB byte-order magic tells readers so) and padded to 32 bits.

export interface PcapngWriterOptions {
  /** Written as shb_userappl, e.g. "tcplab 0.1.0". */
  appName: string;
  /** Written as the section's opt_comment. */
  comment?: string;
  /**
   * An upper bound on the file's size in bytes (PcapngWriter.HEADERS_MAX_BYTES plus packetBlockMaxBytes per
   * packet). The file is then written into one buffer of that size and toBytes returns it without a copy;
   * pages of it never written are never touched. Without it (or when it is too small) blocks go to 1 MiB
   * chunks that toBytes copies into one array: the file's memory is written twice, which on a machine with
   * slow page faults was about half of a 105 MB export's time (docs/PERFORMANCE.md "lab.export.pcapng,
   * session 13").
   */
  sizeHintBytes?: number;
  /**
   * Streams the file instead of keeping it: blocks are written into two buffers of chunkBytes that take turns,
   * and each filled one is handed to onChunk (then flush() hands over the rest). A chunk is a view that stays
   * valid until the writer has filled the other buffer, so a consumer must use it (write it to a file) before
   * it asks for more; pcapngChunks does exactly that. A 100,000-packet export then writes ~100 MB through 2 MiB
   * of memory instead of faulting in a new ~100 MB array, which on this VM was most of its time
   * (docs/PERFORMANCE.md "lab.export.pcapng, session 22"). toBytes() is not available in this mode.
   */
  onChunk?: (chunk: Uint8Array) => void;
  /** Size of each stream buffer (default 1 MiB); a block larger than that gets a buffer of its own. */
  chunkBytes?: number;
}

/**
 * Writes one packet's bytes at out[at…], where room for the maxBytes the caller named is reserved, and
 * returns how many it wrote. It may leave out unchanged and throw (a RangeError) instead.
 */
export type PacketBytesWriter<T> = (out: Uint8Array, at: number, from: T) => number;

export interface PcapngPacket {
  /** Virtual time in microseconds since the session started (if_tsresol 6). */
  timeUs: bigint | number;
  /** One whole IPv4 packet (the interface's link type is raw IPv4). */
  bytes: Uint8Array;
  /** Written as the packet's opt_comment (UTF-8), e.g. "dropped by rule 2". */
  comment?: string;
  /** Must be 0: the writer declares exactly one interface. */
  interfaceId?: number;
}

const BLOCK_SHB = 0x0a0d0d0a;
const BLOCK_IDB = 0x00000001;
const BLOCK_EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const LINKTYPE_IPV4 = 228;
/** IPv4 total length is 16 bits, so no packet is ever longer: nothing gets truncated. */
const SNAP_LEN_BYTES = 65535;
const OPT_ENDOFOPT = 0, OPT_COMMENT = 1, SHB_USERAPPL = 4, IF_TSRESOL = 9;
/** if_tsresol value 6: timestamps count 10^-6 s units. */
const TSRESOL_MICROSECONDS = 6;
/** Block type + length, then trailing length: 12 bytes framing every block. */
const BLOCK_FRAMING_BYTES = 12;
/** EPB fixed body: interface id, timestamp high/low, captured and original length. */
const EPB_FIXED_BYTES = 20;
const TWO_POW_32 = 4294967296;
const CHUNK_BYTES = 1 << 20;

const utf8 = new TextEncoder();

/** UTF-8 bytes of an option value; undefined for an absent or empty string. Checked before any write. */
function optionText(text: string | undefined, what: string): Uint8Array | undefined {
  if (text === undefined || text === '') return undefined;
  const bytes = utf8.encode(text);
  if (bytes.length > 0xffff) throw new RangeError(`pcapng ${what} is ${bytes.length} bytes of UTF-8, over the 65535-byte option limit`);
  return bytes;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Zeroes b[end, pad4(end)) and returns pad4(end): a block reserved in place may hold an abandoned write. */
function zeroPad(b: Uint8Array, end: number): number {
  const padded = pad4(end);
  for (let i = end; i < padded; i++) b[i] = 0;
  return padded;
}

function setU16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 255; b[at + 1] = v >>> 8;
}

function setU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 255; b[at + 1] = (v >>> 8) & 255; b[at + 2] = (v >>> 16) & 255; b[at + 3] = v >>> 24;
}

const copyBytes: PacketBytesWriter<Uint8Array> = (out, at, bytes) => {
  out.set(bytes, at);
  return bytes.length;
};

/** Bytes an option with a value of `valueBytes` occupies: code, length, value padded to 32 bits. */
function optionBytes(valueBytes: number): number {
  return 4 + pad4(valueBytes);
}

/** Splits a microsecond timestamp into the EPB's high and low 32-bit words; RangeError unless 0 <= t < 2^64. */
function splitTimestamp(timeUs: bigint | number): [number, number] {
  if (typeof timeUs === 'bigint') {
    if (timeUs < 0n || timeUs >= 1n << 64n) throw new RangeError(`pcapng timestamp ${timeUs} µs is outside 0 … 2^64-1`);
    return [Number(timeUs >> 32n), Number(timeUs & 0xffffffffn)];
  }
  if (!Number.isSafeInteger(timeUs) || timeUs < 0) {
    throw new RangeError(`pcapng timestamp ${timeUs} µs must be a non-negative integer (use bigint beyond 2^53)`);
  }
  return [Math.floor(timeUs / TWO_POW_32), timeUs % TWO_POW_32];
}

/**
 * Little-endian byte sink: blocks are serialised once, as they are added, into 1 MiB chunks (a block larger
 * than that gets its own chunk). toBytes copies each chunk once; no regrowth copies of a huge buffer. In
 * stream mode (onChunk) two buffers take turns and each filled one is handed out instead of kept.
 */
class ByteSink {
  constructor(private readonly sizeHintBytes = 0, private readonly onChunk?: (chunk: Uint8Array) => void, private readonly chunkBytes = CHUNK_BYTES) {}
  private readonly chunks: Uint8Array[] = [];
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(this.buf.buffer);
  private at = 0;
  private doneBytes = 0;
  /** Stream mode: the buffer handed out last, reused for the chunk after next (its consumer is done by then). */
  private spare: Uint8Array | null = null;

  /** Makes room for a whole block so that it never straddles two chunks. */
  reserve(blockBytes: number): void {
    if (this.at + blockBytes <= this.buf.length) return;
    this.seal();
    this.moveTo(this.nextBuffer(blockBytes));
  }
  u16(v: number): void { this.view.setUint16(this.at, v, true); this.at += 2; }
  u32(v: number): void { this.view.setUint32(this.at, v, true); this.at += 4; }
  /** Copies bytes and zero-pads to a 32-bit boundary. */
  bytesPadded(b: Uint8Array): void { this.buf.set(b, this.at); zeroPad(this.buf, this.at + b.length); this.at += pad4(b.length); }
  /** The chunk being filled and the write position in it, for writers that write in place (addPacketWith). */
  get buffer(): Uint8Array { return this.buf; }
  get position(): number { return this.at; }
  /** Moves the write position to `to` (inside the reserved block) after an in-place write. */
  advanceTo(to: number): void { this.at = to; }
  option(code: number, value: Uint8Array): void {
    this.u16(code); this.u16(value.length); this.bytesPadded(value);
  }
  endOfOptions(): void { this.u16(OPT_ENDOFOPT); this.u16(0); }
  result(): Uint8Array {
    if (this.onChunk !== undefined) throw new Error('this pcapng writer streams its chunks (onChunk): call flush(), not toBytes()');
    if (this.chunks.length === 0) return this.buf.subarray(0, this.at); // (later writes go past `at`)
    const out = new Uint8Array(this.doneBytes + this.at);
    let offset = 0;
    for (const chunk of this.chunks) { out.set(chunk, offset); offset += chunk.length; }
    out.set(this.buf.subarray(0, this.at), offset);
    return out;
  }
  /** Stream mode: hands out what is written and not yet handed out. */
  flush(): void {
    if (this.at === 0) return;
    this.seal();
    // What was handed out must not be written over while its consumer may still hold it.
    this.moveTo(this.nextBuffer(0));
  }
  /** Bytes handed out (stream mode) or sealed into chunks so far, without the buffer being filled. */
  get sealedBytes(): number { return this.doneBytes; }
  private moveTo(buf: Uint8Array): void {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.at = 0;
  }
  private nextBuffer(blockBytes: number): Uint8Array {
    if (this.onChunk === undefined) {
      // The first buffer is the whole file's, when the caller bounded its size; later ones are chunks.
      const first = this.doneBytes === 0 && this.sizeHintBytes > 0;
      return new Uint8Array(Math.max(first ? this.sizeHintBytes : CHUNK_BYTES, blockBytes));
    }
    const size = Math.max(this.chunkBytes, blockBytes);
    const spare = this.spare;
    // The buffer just handed out becomes the spare; the one handed out before it is free again.
    this.spare = this.buf.length > 0 ? this.buf : null;
    return spare !== null && spare.length >= size ? spare : new Uint8Array(size);
  }
  private seal(): void {
    if (this.at === 0) return;
    if (this.onChunk !== undefined) {
      this.onChunk(this.buf.subarray(0, this.at));
      this.doneBytes += this.at;
      return;
    }
    this.chunks.push(this.buf.subarray(0, this.at));
    this.doneBytes += this.at;
  }
}

export class PcapngWriter {
  /** Room the Section Header and Interface Description blocks need, with an appName and comment of up to 1,000 characters. */
  static readonly HEADERS_MAX_BYTES = 8192;

  /** The most bytes addPacketWith (or addPacket) takes for a packet of at most maxBytes with this comment. */
  static packetBlockMaxBytes(maxBytes: number, comment?: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair is 4 bytes for 2 units).
    const commentMaxBytes = comment === undefined || comment === '' ? 0 : comment.length * 3;
    return BLOCK_FRAMING_BYTES + EPB_FIXED_BYTES + pad4(maxBytes) + (commentMaxBytes > 0 ? optionBytes(commentMaxBytes) + 4 : 0);
  }

  private readonly sink: ByteSink;
  private packets = 0;

  constructor(opts: PcapngWriterOptions) {
    const chunkBytes = opts.chunkBytes ?? CHUNK_BYTES;
    if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 64) throw new RangeError(`pcapng chunkBytes ${chunkBytes} must be an integer of at least 64`);
    this.sink = new ByteSink(opts.sizeHintBytes ?? 0, opts.onChunk, chunkBytes);
    this.writeSectionHeader(opts);
    this.writeInterface();
  }

  /** Number of Enhanced Packet Blocks written so far. */
  get packetCount(): number {
    return this.packets;
  }

  addPacket(p: PcapngPacket): void {
    const interfaceId = p.interfaceId ?? 0;
    if (interfaceId !== 0) throw new RangeError(`pcapng interfaceId ${interfaceId} does not exist (only interface 0)`);
    if (p.bytes.length > SNAP_LEN_BYTES) throw new RangeError(`packet of ${p.bytes.length} bytes exceeds the snap length ${SNAP_LEN_BYTES}`);
    this.addPacketWith(p.timeUs, p.bytes.length, copyBytes, p.bytes, p.comment);
  }

  /**
   * An Enhanced Packet Block whose packet bytes `write` puts straight into the file buffer (at most maxBytes
   * of them), so a caller that encodes packets makes no array per packet to copy. The comment is encoded
   * in place too. When anything throws, nothing of the block is kept.
   */
  addPacketWith<T>(timeUs: bigint | number, maxBytes: number, write: PacketBytesWriter<T>, from: T, comment?: string): void {
    const [tsHigh, tsLow] = splitTimestamp(timeUs);
    const hasComment = comment !== undefined && comment !== '';
    const commentMaxBytes = hasComment ? comment.length * 3 : 0;
    const s = this.sink;
    s.reserve(PcapngWriter.packetBlockMaxBytes(maxBytes, comment));
    const buf = s.buffer, start = s.position;
    const dataAt = start + 8 + EPB_FIXED_BYTES;
    const packetBytes = write(buf, dataAt, from);
    if (packetBytes > maxBytes) throw new RangeError(`a packet writer wrote ${packetBytes} bytes, more than the ${maxBytes} it asked room for`);
    if (packetBytes > SNAP_LEN_BYTES) throw new RangeError(`packet of ${packetBytes} bytes exceeds the snap length ${SNAP_LEN_BYTES}`);
    let at = zeroPad(buf, dataAt + packetBytes);
    if (hasComment) {
      const valueAt = at + 4;
      const { written } = utf8.encodeInto(comment, buf.subarray(valueAt, valueAt + commentMaxBytes));
      if (written > 0xffff) throw new RangeError(`pcapng packet comment is ${written} bytes of UTF-8, over the 65535-byte option limit`);
      setU16(buf, at, OPT_COMMENT);
      setU16(buf, at + 2, written);
      at = zeroPad(buf, valueAt + written);
      setU16(buf, at, OPT_ENDOFOPT);
      setU16(buf, at + 2, 0);
      at += 4;
    }
    const total = at + 4 - start;
    setU32(buf, start, BLOCK_EPB); setU32(buf, start + 4, total);
    setU32(buf, start + 8, 0); setU32(buf, start + 12, tsHigh); setU32(buf, start + 16, tsLow);
    setU32(buf, start + 20, packetBytes); setU32(buf, start + 24, packetBytes);
    setU32(buf, at, total);
    s.advanceTo(start + total);
    this.packets++;
  }

  /** The whole file. The writer stays usable: more packets may be added and toBytes called again. */
  toBytes(): Uint8Array {
    return this.sink.result();
  }

  /** Stream mode (onChunk): hands the blocks not yet handed out to onChunk. More packets may follow. */
  flush(): void {
    this.sink.flush();
  }

  /** Stream mode: bytes handed to onChunk so far. */
  get bytesHandedOut(): number {
    return this.sink.sealedBytes;
  }

  private writeSectionHeader(opts: PcapngWriterOptions): void {
    const app = optionText(opts.appName, 'appName');
    const comment = optionText(opts.comment, 'section comment');
    const optsBytes = (app === undefined ? 0 : optionBytes(app.length)) + (comment === undefined ? 0 : optionBytes(comment.length)) + 4;
    // Body: byte-order magic, major 1, minor 0, section length -1 ("not specified", 64 bits).
    const total = BLOCK_FRAMING_BYTES + 16 + optsBytes;
    const s = this.sink;
    s.reserve(total);
    s.u32(BLOCK_SHB); s.u32(total);
    s.u32(BYTE_ORDER_MAGIC); s.u16(1); s.u16(0); s.u32(0xffffffff); s.u32(0xffffffff);
    if (comment !== undefined) s.option(OPT_COMMENT, comment);
    if (app !== undefined) s.option(SHB_USERAPPL, app);
    s.endOfOptions();
    s.u32(total);
  }

  private writeInterface(): void {
    const total = BLOCK_FRAMING_BYTES + 8 + optionBytes(1) + 4;
    const s = this.sink;
    s.reserve(total);
    s.u32(BLOCK_IDB); s.u32(total);
    s.u16(LINKTYPE_IPV4); s.u16(0); s.u32(SNAP_LEN_BYTES);
    s.option(IF_TSRESOL, Uint8Array.of(TSRESOL_MICROSECONDS));
    s.endOfOptions();
    s.u32(total);
  }
}
