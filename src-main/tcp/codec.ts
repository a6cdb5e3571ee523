// Wire codec: Segment <-> real IPv4 + TCP bytes (RFC 791, RFC 9293 3.1), used by the router's "corrupt"
// fault, the packet inspector's hex view and the pcapng export. Pure TypeScript on Uint8Array: no Node
// Buffer, so it runs unchanged in the renderer. decodeIpv4Tcp never throws; encodeIpv4Tcp throws a
// RangeError only for values that cannot be put on the wire (a programming error in the caller).
import type { Prng } from './prng.js';
import { FLAG, type Segment, type TcpOptions } from './segment.js';

export type DecodeResult =
  | { ok: true; seg: Segment; ipChecksumOk: boolean; tcpChecksumOk: boolean }
  | { ok: false; error: string };

export interface EncodeOptions {
  /** IPv4 Identification field (default 0; RFC 6864 allows any value on DF packets). */
  ipId?: number;
  /** IPv4 Time To Live (default 64, Linux's net.ipv4.ip_default_ttl). */
  ttl?: number;
}

const IP_HEADER_BYTES = 20;
const TCP_HEADER_MIN_BYTES = 20;
/** Data offset is 4 bits of 32-bit words: at most 15 * 4 = 60 bytes, so 40 bytes of options. */
const TCP_OPTIONS_MAX_BYTES = 40;
const IP_PROTO_TCP = 6;
const IP_FLAG_DF = 0x4000;
const IP_TOTAL_MAX_BYTES = 65535;

/** TCP option kinds: RFC 9293 3.2 (EOL, NOP, MSS), RFC 7323 (WS, TS), RFC 2018 (SACK). */
const OPT_EOL = 0, OPT_NOP = 1, OPT_MSS = 2, OPT_WSCALE = 3, OPT_SACK_PERM = 4, OPT_SACK = 5, OPT_TS = 8;

// ---------------------------------------------------------------- addresses

/** "10.0.0.1" -> 0x0a000001. Throws RangeError on anything but four decimal octets 0-255. */
export function ipToU32(ip: string): number {
  // Hand-rolled rather than split + regex: the pcapng export converts two addresses per packet.
  let n = 0, octet = 0, digits = 0, dots = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46; // a virtual '.' closes the last octet
    if (c >= 48 && c <= 57 && digits < 3) {
      octet = octet * 10 + (c - 48);
      digits++;
    } else if (c === 46 && digits > 0 && octet <= 255 && dots < 4) {
      n = n * 256 + octet;
      octet = 0; digits = 0; dots++;
    } else {
      throw new RangeError(`invalid IPv4 address "${ip}": need four dot-separated decimal octets 0-255`);
    }
  }
  if (dots !== 4) throw new RangeError(`invalid IPv4 address "${ip}": need four dot-separated decimal octets 0-255`);
  return n;
}

/** 0x0a000001 -> "10.0.0.1" */
export function u32ToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// ---------------------------------------------------------------- checksums (RFC 1071)

/** Ones'-complement sum of big-endian 16-bit words in b[start, end), odd byte padded with zero; unfolded. */
function sumWords(b: Uint8Array, start: number, end: number, initial: number): number {
  let sum = initial;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (i < end) sum += b[i]! << 8;
  return sum;
}

/** End-around carry until the sum fits 16 bits (RFC 1071 section 1, step 2). */
function fold16(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  return s;
}

/** The Internet checksum of b[start, end): the ones' complement of the folded ones'-complement sum. */
export function internetChecksum(b: Uint8Array, start = 0, end = b.length): number {
  return ~fold16(sumWords(b, start, end, 0)) & 0xffff;
}

/** Sum of the TCP pseudo-header of the packet at b[ip…]: source, destination, zero+protocol, TCP length (RFC 9293 3.1). */
function pseudoHeaderSum(b: Uint8Array, ip: number, tcpBytes: number): number {
  return sumWords(b, ip + 12, ip + 20, 0) + IP_PROTO_TCP + tcpBytes;
}

/** Geometry shared by the checksum helpers; undefined when the bytes cannot hold IPv4 + a TCP header. */
function tcpSpan(b: Uint8Array): { ihlBytes: number; totalBytes: number } | undefined {
  if (b.length < IP_HEADER_BYTES) return undefined;
  const ihlBytes = (b[0]! & 0x0f) * 4;
  const totalBytes = (b[2]! << 8) | b[3]!;
  if (ihlBytes < IP_HEADER_BYTES || totalBytes > b.length || totalBytes < ihlBytes + TCP_HEADER_MIN_BYTES) {
    return undefined;
  }
  return { ihlBytes, totalBytes };
}

/** True when the IPv4 header checksum verifies (the folded sum over the header is 0xffff). */
export function ipv4ChecksumOk(b: Uint8Array): boolean {
  const span = tcpSpan(b);
  return span !== undefined && fold16(sumWords(b, 0, span.ihlBytes, 0)) === 0xffff;
}

/** True when the TCP checksum over pseudo-header + segment verifies. False for bytes that are not IPv4/TCP. */
export function tcpChecksumOk(b: Uint8Array): boolean {
  const span = tcpSpan(b);
  if (span === undefined) return false;
  const tcpBytes = span.totalBytes - span.ihlBytes;
  const sum = sumWords(b, span.ihlBytes, span.totalBytes, pseudoHeaderSum(b, 0, tcpBytes));
  return fold16(sum) === 0xffff;
}

// ---------------------------------------------------------------- encode

function checkUint(field: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`cannot encode ${field} = ${value}: must be an integer 0-${max}`);
  }
}

const optionScratch = new Uint8Array(TCP_OPTIONS_MAX_BYTES);

/**
 * Option bytes in Linux's fixed layout (net/ipv4/tcp_output.c, tcp_options_write): MSS; SACK-permitted
 * folded into the timestamp word (04 02 08 0a) or NOP-padded (01 01 04 02); NOP + window scale; then
 * NOP NOP + SACK blocks. Every group fills whole 32-bit words, so no EOL padding is ever needed.
 * SACK blocks are only sent on non-SYN segments (RFC 2018 section 3), and only as many as fit in the
 * 40 option bytes: the first blocks (the most recent, RFC 2018 section 4) are kept, the rest dropped.
 */
function encodeOptions(opts: TcpOptions, isSyn: boolean): Uint8Array {
  const out = optionScratch; // reused: the result is copied into the packet before the next call
  let n = 0;
  if (opts.mss !== undefined) {
    checkUint('options.mss', opts.mss, 0xffff);
    out[n++] = OPT_MSS; out[n++] = 4; out[n++] = opts.mss >>> 8; out[n++] = opts.mss & 255;
  }
  if (opts.timestamp !== undefined) {
    const { val, ecr } = opts.timestamp;
    checkUint('options.timestamp.val', val, 0xffffffff);
    checkUint('options.timestamp.ecr', ecr, 0xffffffff);
    if (opts.sackPermitted) { out[n++] = OPT_SACK_PERM; out[n++] = 2; } else { out[n++] = OPT_NOP; out[n++] = OPT_NOP; }
    out[n++] = OPT_TS; out[n++] = 10;
    n = putU32(out, n, val);
    n = putU32(out, n, ecr);
  } else if (opts.sackPermitted) {
    out[n++] = OPT_NOP; out[n++] = OPT_NOP; out[n++] = OPT_SACK_PERM; out[n++] = 2;
  }
  if (opts.wscale !== undefined) {
    checkUint('options.wscale', opts.wscale, 0xff);
    out[n++] = OPT_NOP; out[n++] = OPT_WSCALE; out[n++] = 3; out[n++] = opts.wscale;
  }
  const blocks = isSyn ? [] : (opts.sack ?? []);
  const fit = Math.min(blocks.length, Math.floor((TCP_OPTIONS_MAX_BYTES - n - 4) / 8));
  if (fit > 0) {
    out[n++] = OPT_NOP; out[n++] = OPT_NOP; out[n++] = OPT_SACK; out[n++] = 2 + 8 * fit;
    for (let k = 0; k < fit; k++) {
      const [left, right] = blocks[k]!;
      checkUint(`options.sack[${k}][0]`, left, 0xffffffff);
      checkUint(`options.sack[${k}][1]`, right, 0xffffffff);
      n = putU32(out, n, left);
      n = putU32(out, n, right);
    }
  }
  return out.subarray(0, n);
}

function putU32(b: Uint8Array, at: number, v: number): number {
  b[at] = v >>> 24; b[at + 1] = (v >>> 16) & 255; b[at + 2] = (v >>> 8) & 255; b[at + 3] = v & 255;
  return at + 4;
}

/** The most bytes encodeIpv4Tcp can make of seg: both headers, the most TCP options, the payload. */
export function ipv4TcpMaxBytes(seg: Segment): number {
  return IP_HEADER_BYTES + TCP_HEADER_MIN_BYTES + TCP_OPTIONS_MAX_BYTES + seg.payload.length;
}

/** Room for the largest packet: encodeIpv4Tcp encodes here, then copies out exactly the packet. */
const packetScratch = new Uint8Array(IP_TOTAL_MAX_BYTES);

/** One IPv4 packet (20-byte header, DF set, no IP options) carrying the segment, both checksums filled in. */
export function encodeIpv4Tcp(seg: Segment, opts: EncodeOptions = {}): Uint8Array {
  return packetScratch.slice(0, encodeIpv4TcpInto(packetScratch, 0, seg, opts));
}

/**
 * encodeIpv4Tcp's bytes written at out[at…] (the pcapng export writes straight into its file buffer, so a
 * 100,000-packet export makes no packet arrays to copy and collect). Returns the packet's length, at most
 * ipv4TcpMaxBytes(seg). Every byte of the packet is written, so `out` may hold anything before. Throws a
 * RangeError, having written nothing, for a value that cannot be put on the wire or when out has no room.
 */
export function encodeIpv4TcpInto(out: Uint8Array, at: number, seg: Segment, opts: EncodeOptions = {}): number {
  const ipId = opts.ipId ?? 0, ttl = opts.ttl ?? 64;
  checkUint('ipId', ipId, 0xffff);
  checkUint('ttl', ttl, 0xff);
  checkUint('srcPort', seg.srcPort, 0xffff);
  checkUint('dstPort', seg.dstPort, 0xffff);
  checkUint('seq', seg.seq, 0xffffffff);
  checkUint('ack', seg.ack, 0xffffffff);
  checkUint('flags', seg.flags, 0xff);
  checkUint('window', seg.window, 0xffff);
  checkUint('urgent', seg.urgent, 0xffff);
  const src = ipToU32(seg.srcIp), dst = ipToU32(seg.dstIp);
  const options = encodeOptions(seg.options, (seg.flags & FLAG.SYN) !== 0);
  const tcpHeaderBytes = TCP_HEADER_MIN_BYTES + options.length;
  const totalBytes = IP_HEADER_BYTES + tcpHeaderBytes + seg.payload.length;
  if (totalBytes > IP_TOTAL_MAX_BYTES) {
    throw new RangeError(`cannot encode a ${seg.payload.length}-byte payload: IPv4 total length would be ${totalBytes} > 65535`);
  }
  if (!(Number.isInteger(at) && at >= 0 && at + totalBytes <= out.length)) {
    throw new RangeError(`no room for a ${totalBytes}-byte packet at byte ${at} of ${out.length}`);
  }
  const b = out, ip = at;
  // IPv4 header, RFC 791 3.1: version 4, IHL 5, TOS 0; checksum computed last over the 20 bytes.
  b[ip] = 0x45; b[ip + 1] = 0; b[ip + 2] = totalBytes >>> 8; b[ip + 3] = totalBytes & 255;
  b[ip + 4] = ipId >>> 8; b[ip + 5] = ipId & 255; b[ip + 6] = IP_FLAG_DF >>> 8; b[ip + 7] = 0;
  b[ip + 8] = ttl; b[ip + 9] = IP_PROTO_TCP; b[ip + 10] = 0; b[ip + 11] = 0;
  putU32(b, ip + 12, src);
  putU32(b, ip + 16, dst);
  const ipSum = internetChecksum(b, ip, ip + IP_HEADER_BYTES);
  b[ip + 10] = ipSum >>> 8; b[ip + 11] = ipSum & 255;
  // TCP header, RFC 9293 3.1.
  const t = ip + IP_HEADER_BYTES;
  b[t] = seg.srcPort >>> 8; b[t + 1] = seg.srcPort & 255; b[t + 2] = seg.dstPort >>> 8; b[t + 3] = seg.dstPort & 255;
  putU32(b, t + 4, seg.seq);
  putU32(b, t + 8, seg.ack);
  b[t + 12] = (tcpHeaderBytes / 4) << 4; b[t + 13] = seg.flags;
  b[t + 14] = seg.window >>> 8; b[t + 15] = seg.window & 255;
  b[t + 16] = 0; b[t + 17] = 0;
  b[t + 18] = seg.urgent >>> 8; b[t + 19] = seg.urgent & 255;
  b.set(options, t + TCP_HEADER_MIN_BYTES);
  b.set(seg.payload, t + tcpHeaderBytes);
  const tcpLen = totalBytes - IP_HEADER_BYTES;
  const tcpSum = ~fold16(sumWords(b, t, ip + totalBytes, pseudoHeaderSum(b, ip, tcpLen))) & 0xffff;
  b[t + 16] = tcpSum >>> 8; b[t + 17] = tcpSum & 255;
  return totalBytes;
}

// ---------------------------------------------------------------- decode

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Required length of each option kind we model (RFC 9293 3.2, RFC 7323 2.2/3.2, RFC 2018 2). */
const FIXED_OPTION_BYTES: ReadonlyMap<number, [string, number]> = new Map([
  [OPT_MSS, ['MSS', 4]], [OPT_WSCALE, ['window scale', 3]], [OPT_SACK_PERM, ['SACK-permitted', 2]], [OPT_TS, ['timestamps', 10]],
]);

/**
 * Parses b[start, end) as TCP options. Unknown kinds are skipped by their length byte (RFC 9293 3.2:
 * "must be prepared to handle an illegal option length"); a repeated option keeps the last value.
 */
function decodeOptions(b: Uint8Array, start: number, end: number): TcpOptions | string {
  const opts: TcpOptions = {};
  let i = start;
  while (i < end) {
    const kind = b[i]!;
    if (kind === OPT_EOL) break;
    if (kind === OPT_NOP) { i++; continue; }
    const where = `TCP option kind ${kind} at header offset ${i - start + TCP_HEADER_MIN_BYTES}`;
    if (i + 1 >= end) return `${where}: no room for its length byte`;
    const len = b[i + 1]!;
    if (len < 2) return `${where}: option length ${len} is below the minimum 2`;
    if (i + len > end) return `${where}: option length ${len} runs past the end of the TCP header`;
    const fixed = FIXED_OPTION_BYTES.get(kind);
    if (fixed !== undefined && len !== fixed[1]) return `${where} (${fixed[0]}): option length ${len}, expected ${fixed[1]}`;
    if (kind === OPT_MSS) opts.mss = u16(b, i + 2);
    else if (kind === OPT_WSCALE) opts.wscale = b[i + 2]!;
    else if (kind === OPT_SACK_PERM) opts.sackPermitted = true;
    else if (kind === OPT_TS) opts.timestamp = { val: u32(b, i + 2), ecr: u32(b, i + 6) };
    else if (kind === OPT_SACK) {
      if ((len - 2) % 8 !== 0 || len < 10) return `${where} (SACK): option length ${len} is not 2 + 8n with n >= 1`;
      const blocks: Array<[number, number]> = [];
      for (let k = i + 2; k < i + len; k += 8) blocks.push([u32(b, k), u32(b, k + 4)]);
      opts.sack = blocks;
    }
    i += len;
  }
  return opts;
}

/** Validates the IPv4 header; returns its length in bytes or an error naming the field. */
function checkIpv4Header(b: Uint8Array): number | string {
  if (b.length < IP_HEADER_BYTES) return `IPv4 header: too short (${b.length} bytes, need at least ${IP_HEADER_BYTES})`;
  const version = b[0]! >>> 4;
  if (version !== 4) return `IPv4 version field is ${version}, expected 4 (not an IPv4 packet)`;
  const ihlBytes = (b[0]! & 0x0f) * 4;
  if (ihlBytes < IP_HEADER_BYTES) return `IPv4 IHL (header length) is ${ihlBytes / 4} words, below the minimum 5`;
  const totalBytes = u16(b, 2);
  if (totalBytes !== b.length) return `IPv4 total length field says ${totalBytes} bytes but the packet has ${b.length}`;
  if (ihlBytes > totalBytes) return `IPv4 IHL (header length) is ${ihlBytes} bytes, more than the total length ${totalBytes}`;
  const fragment = u16(b, 6);
  if ((fragment & 0x2000) !== 0 || (fragment & 0x1fff) !== 0) {
    return `IPv4 fragment (MF flag ${(fragment >>> 13) & 1}, fragment offset ${fragment & 0x1fff}): only whole packets are decoded`;
  }
  if (b[9] !== IP_PROTO_TCP) return `IPv4 protocol field is ${b[9]}, expected 6 (not TCP)`;
  return ihlBytes;
}

/** Bytes -> Segment. Never throws: anything malformed yields { ok: false, error } naming the bad field. */
export function decodeIpv4Tcp(bytes: Uint8Array): DecodeResult {
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: 'input is not a Uint8Array' };
  const b = bytes;
  const ihl = checkIpv4Header(b);
  if (typeof ihl === 'string') return { ok: false, error: ihl };
  const tcpBytes = b.length - ihl;
  if (tcpBytes < TCP_HEADER_MIN_BYTES) {
    return { ok: false, error: `TCP header: truncated (${tcpBytes} bytes after the IPv4 header, need at least 20)` };
  }
  const dataOffsetBytes = (b[ihl + 12]! >>> 4) * 4;
  if (dataOffsetBytes < TCP_HEADER_MIN_BYTES) {
    return { ok: false, error: `TCP data offset is ${dataOffsetBytes / 4} words, below the minimum 5` };
  }
  if (dataOffsetBytes > tcpBytes) {
    return { ok: false, error: `TCP data offset says a ${dataOffsetBytes}-byte header but only ${tcpBytes} bytes follow the IPv4 header` };
  }
  const options = decodeOptions(b, ihl + TCP_HEADER_MIN_BYTES, ihl + dataOffsetBytes);
  if (typeof options === 'string') return { ok: false, error: options };
  // The NS/AE bit and the reserved bits of byte 12 are not modelled by Segment and are ignored.
  const seg: Segment = {
    srcIp: u32ToIp(u32(b, 12)),
    srcPort: u16(b, ihl),
    dstIp: u32ToIp(u32(b, 16)),
    dstPort: u16(b, ihl + 2),
    seq: u32(b, ihl + 4),
    ack: u32(b, ihl + 8),
    flags: b[ihl + 13]!,
    window: u16(b, ihl + 14),
    urgent: u16(b, ihl + 18),
    options,
    payload: b.slice(ihl + dataOffsetBytes),
  };
  return { ok: true, seg, ipChecksumOk: ipv4ChecksumOk(b), tcpChecksumOk: tcpChecksumOk(b) };
}

// ---------------------------------------------------------------- faults and display

/**
 * A copy of an encoded packet with 1-3 bits flipped in the TCP part so that its checksum fails while the
 * packet still decodes (the router's "corrupt" fault). Bits are flipped only in fields whose value does not
 * change how the packet parses: seq, ack, window, checksum, urgent pointer and payload. A single flipped
 * bit always breaks the checksum (it moves the ones'-complement sum by 2^k, never 0 mod 0xffff); when
 * several flips happen to cancel out, the last one is undone. The guarantee assumes the input's checksum
 * was good: corrupting an already-corrupted packet can, by chance, restore it. Throws RangeError if there
 * is no TCP header.
 */
export function corruptBytes(bytes: Uint8Array, prng: Prng): Uint8Array {
  const span = tcpSpan(bytes);
  if (span === undefined) throw new RangeError('corruptBytes: the bytes do not hold an IPv4 + TCP header');
  const t = span.ihlBytes;
  const dataStart = t + (bytes[t + 12]! >>> 4) * 4;
  // Candidate byte offsets: TCP header bytes 4-11 and 14-19, then the payload.
  const headerSpots = [4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19].map((k) => t + k);
  const payloadBytes = Math.max(0, span.totalBytes - dataStart);
  const spots = headerSpots.length + payloadBytes;
  const out = bytes.slice();
  const flips = prng.int(1, 3);
  let last = -1, lastMask = 0;
  for (let k = 0; k < flips; k++) {
    const pick = prng.int(0, spots - 1);
    last = pick < headerSpots.length ? headerSpots[pick]! : dataStart + pick - headerSpots.length;
    lastMask = 1 << prng.int(0, 7);
    out[last] = out[last]! ^ lastMask;
  }
  if (tcpChecksumOk(out)) out[last] = out[last]! ^ lastMask;
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** 16 bytes as "xx " minus the last space. */
const HEX_ROW_CHARS = 16 * 3 - 1;

/**
 * Wireshark's hex + ASCII layout, byte for byte what `tshark -x` prints (Wireshark 4.0): a hex offset of
 * 4 digits (8 for dumps over 64 KiB, which no IPv4 packet reaches), two spaces, 16 space-separated bytes, three spaces, then the bytes as ASCII
 * with non-printables as ".". The last row's hex is space-padded so its ASCII column lines up.
 */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  const offsetDigits = bytes.length > 0x10000 ? 8 : 4;
  for (let row = 0; row < bytes.length; row += 16) {
    const end = Math.min(row + 16, bytes.length);
    let hex = '', ascii = '';
    for (let i = row; i < end; i++) {
      const v = bytes[i]!;
      hex += i === row ? HEX[v]! : ' ' + HEX[v]!;
      ascii += v >= 0x20 && v < 0x7f ? String.fromCharCode(v) : '.';
    }
    lines.push(`${row.toString(16).padStart(offsetDigits, '0')}  ${hex.padEnd(HEX_ROW_CHARS)}   ${ascii}`);
  }
  return lines.join('\n');
}
