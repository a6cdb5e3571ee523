// Checks for user-made segments: edits of a packet in flight and crafted (injected) packets. Every
// value must fit its header field; anything else is refused with the field's path and nothing changes.
import { ipToU32 } from '../tcp/codec.js';
import { lettersToFlags, type Segment } from '../tcp/segment.js';
import { NetError } from './errors.js';
import { wireBytes } from './packets.js';

/** Fields a user may change; flags as letters (S A F R P U E C); payload as UTF-8 text or hex. */
export interface PacketEdit {
  flags?: string;
  seq?: number;
  ack?: number;
  window?: number;
  payloadText?: string;
  payloadHex?: string;
}

/** A packet built by hand. srcIp defaults to the sending host's address (a different one is spoofed). */
export interface CraftedSegment {
  srcIp?: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  seq: number;
  ack?: number;
  flags: string;
  window?: number;
  payloadText?: string;
  payloadHex?: string;
}

const U32_MAX = 4294967295;
/** IPv4 total length 65535 minus 20-byte IP and 20-byte TCP headers (less any options). */
export const MAX_PAYLOAD_BYTES = 65495;
const EDIT_KEYS = ['flags', 'seq', 'ack', 'window', 'payloadText', 'payloadHex'];

function invalid(path: string, message: string): NetError {
  return new NetError('invalid-edit', `${path}: ${message}`, path);
}

function checkUint(path: string, v: unknown, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    throw invalid(path, `${JSON.stringify(v)} is not an integer 0-${max}`);
  }
  return v;
}

function checkFlags(path: string, v: unknown): number {
  if (typeof v !== 'string') throw invalid(path, 'flags must be a string of letters S A F R P U E C');
  const mask = lettersToFlags(v);
  if (mask === undefined) {
    const badLetter = [...v].find((ch) => lettersToFlags(ch) === undefined);
    throw invalid(path, badLetter !== undefined
      ? `unknown flag letter "${badLetter}" in "${v}" (use S A F R P U E C)`
      : `"${v}" repeats a flag letter`);
  }
  return mask;
}

function checkPayload(path: string, text: unknown, hex: unknown): Uint8Array | undefined {
  if (text !== undefined && hex !== undefined) throw invalid(path, 'give payloadText or payloadHex, not both');
  let bytes: Uint8Array | undefined;
  if (text !== undefined) {
    if (typeof text !== 'string') throw invalid(`${path}Text`, 'must be a string');
    bytes = new TextEncoder().encode(text);
  } else if (hex !== undefined) {
    const clean = typeof hex === 'string' ? hex.replace(/\s+/g, '') : undefined;
    if (clean === undefined || !/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw invalid(`${path}Hex`, 'must be pairs of hex digits');
    bytes = new Uint8Array(clean.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  }
  if (bytes !== undefined && bytes.length > MAX_PAYLOAD_BYTES) {
    throw invalid(path, `${bytes.length} bytes is larger than the ${MAX_PAYLOAD_BYTES} an IPv4 packet can carry`);
  }
  return bytes;
}

function checkIp(path: string, v: unknown): string {
  if (typeof v !== 'string') throw invalid(path, 'must be a dotted IPv4 address');
  try {
    ipToU32(v);
  } catch (e) {
    throw invalid(path, (e as Error).message);
  }
  return v;
}

function fitsOnWire(path: string, seg: Segment): void {
  if (wireBytes(seg) > 65535) throw invalid(path, `payload of ${seg.payload.length} bytes plus headers exceeds 65535`);
}

/** The edited segment and a list of human-readable changes ("seq 100 -> 200"). */
export function applyEdit(seg: Segment, fields: PacketEdit, path = 'fields'): { seg: Segment; changes: string[] } {
  if (fields === null || typeof fields !== 'object') throw invalid(path, 'must be an object');
  for (const k of Object.keys(fields)) if (!EDIT_KEYS.includes(k)) throw invalid(`${path}.${k}`, `unknown field (editable: ${EDIT_KEYS.join(', ')})`);
  const out: Segment = { ...seg };
  const changes: string[] = [];
  if (fields.flags !== undefined) {
    out.flags = checkFlags(`${path}.flags`, fields.flags);
    changes.push(`flags -> ${fields.flags}`);
  }
  for (const [k, max] of [['seq', U32_MAX], ['ack', U32_MAX], ['window', 65535]] as const) {
    if (fields[k] === undefined) continue;
    out[k] = checkUint(`${path}.${k}`, fields[k], max);
    changes.push(`${k} ${seg[k]} -> ${out[k]}`);
  }
  const payload = checkPayload(`${path}.payload`, fields.payloadText, fields.payloadHex);
  if (payload !== undefined) {
    out.payload = payload;
    changes.push(`payload ${seg.payload.length} -> ${payload.length} bytes`);
  }
  if (changes.length === 0) throw invalid(path, 'nothing to change');
  fitsOnWire(`${path}.payload`, out);
  return { seg: out, changes };
}

export function craftSegment(c: CraftedSegment, defaultSrcIp: string, path = 'seg'): Segment {
  if (c === null || typeof c !== 'object') throw invalid(path, 'must be an object');
  const seg: Segment = {
    srcIp: c.srcIp === undefined ? defaultSrcIp : checkIp(`${path}.srcIp`, c.srcIp),
    srcPort: checkUint(`${path}.srcPort`, c.srcPort, 65535),
    dstIp: checkIp(`${path}.dstIp`, c.dstIp),
    dstPort: checkUint(`${path}.dstPort`, c.dstPort, 65535),
    seq: checkUint(`${path}.seq`, c.seq, U32_MAX),
    ack: checkUint(`${path}.ack`, c.ack ?? 0, U32_MAX),
    flags: checkFlags(`${path}.flags`, c.flags),
    window: checkUint(`${path}.window`, c.window ?? 65535, 65535),
    urgent: 0,
    options: {},
    payload: checkPayload(`${path}.payload`, c.payloadText, c.payloadHex) ?? new Uint8Array(0),
  };
  fitsOnWire(`${path}.payload`, seg);
  return seg;
}
