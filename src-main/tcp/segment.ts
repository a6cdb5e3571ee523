// The TCP segment as the engine sees it: addresses, header fields, options and payload.
// Sequence and acknowledgment numbers are unsigned 32-bit integers (0 … 2^32-1).

/** Header flag bits, as they sit in the TCP header's flags byte (RFC 9293 3.1, RFC 3168). */
export const FLAG = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
} as const;

/** Letters used in scenarios and traces, in canonical print order. */
const LETTERS: ReadonlyArray<[string, number]> = [
  ['S', FLAG.SYN],
  ['A', FLAG.ACK],
  ['F', FLAG.FIN],
  ['R', FLAG.RST],
  ['P', FLAG.PSH],
  ['U', FLAG.URG],
  ['E', FLAG.ECE],
  ['C', FLAG.CWR],
];

export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  /** SACK blocks as [left, right) sequence-number pairs (RFC 2018). */
  sack?: Array<[number, number]>;
  timestamp?: { val: number; ecr: number };
}

export interface Segment {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  seq: number;
  ack: number;
  /** Bitmask of FLAG values. */
  flags: number;
  /** The raw 16-bit window field (before window scaling is applied). */
  window: number;
  urgent: number;
  options: TcpOptions;
  payload: Uint8Array;
}

/** Canonical letter string for a flag mask, e.g. SYN|ACK -> "SA". */
export function flagsToLetters(flags: number): string {
  let out = '';
  for (const [letter, bit] of LETTERS) if (flags & bit) out += letter;
  return out;
}

/** Parses letters in any order ("AS" == "SA"); returns undefined for an unknown letter or a repeat. */
export function lettersToFlags(letters: string): number | undefined {
  let mask = 0;
  for (const ch of letters) {
    const entry = LETTERS.find(([l]) => l === ch);
    if (!entry || mask & entry[1]) return undefined;
    mask |= entry[1];
  }
  return mask;
}

/** Sequence space a segment occupies: payload bytes plus one each for SYN and FIN (RFC 9293 3.4). */
export function segLen(seg: Pick<Segment, 'flags' | 'payload'>): number {
  return seg.payload.length + (seg.flags & FLAG.SYN ? 1 : 0) + (seg.flags & FLAG.FIN ? 1 : 0);
}
