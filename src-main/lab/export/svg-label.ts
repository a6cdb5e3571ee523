// Wireshark-style packet labels from a trace's SegSummary ("[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0"),
// the same text net/label.ts makes from a whole Segment, with sequence numbers relative to each
// direction's ISN as Wireshark shows them by default.
import type { SegSummary } from '../../tcp/trace.js';
import { windowScale } from '../../net/label.js';
import type { TraceEvent } from '../../net/trace.js';

/** Wireshark's tcp.flags summary order: low bit first. */
const FLAG_ORDER: ReadonlyArray<[string, string]> = [
  ['F', 'FIN'], ['S', 'SYN'], ['R', 'RST'], ['P', 'PSH'], ['A', 'ACK'], ['U', 'URG'], ['E', 'ECE'], ['C', 'CWR'],
];

const U32 = 4294967296;

function rel(v: number, base: number | undefined): number {
  return base === undefined ? v : (((v - base) % U32) + U32) % U32;
}

/** ISN of each direction ("ip:port>ip:port"): the seq of the first SYN sent on it. */
export function isnByConn(trace: readonly TraceEvent[]): Map<string, number> {
  const isn = new Map<string, number>();
  for (const ev of trace) {
    if (ev.kind === 'segment.send' && ev.seg.flags.includes('S') && !isn.has(ev.conn)) isn.set(ev.conn, ev.seg.seq);
  }
  return isn;
}

/**
 * The window scale shift each direction's first SYN offered ("ip:port>ip:port"; none: no entry). A label
 * scales a window only when both directions have one (RFC 7323 2.2), as Wireshark's calculated window does.
 */
export function wscaleByConn(trace: readonly TraceEvent[]): Map<string, number> {
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const ev of trace) {
    if (ev.kind !== 'segment.send' || !ev.seg.flags.includes('S') || seen.has(ev.conn)) continue;
    seen.add(ev.conn);
    if (ev.seg.options.wscale !== undefined) out.set(ev.conn, ev.seg.options.wscale);
  }
  return out;
}

function reverseConn(conn: string): string {
  const [a = '', b = ''] = conn.split('>');
  return `${b}>${a}`;
}

/**
 * The label; with `isn` (isnByConn), Seq/Ack/SACK edges are relative, as in Wireshark. With `wscale`
 * (wscaleByConn), Win= is the window in bytes once scaling is in effect (never on a SYN), as in the ladder.
 */
export function segLabel(seg: SegSummary, conn: string, isn?: ReadonlyMap<string, number>, wscale?: ReadonlyMap<string, number>): string {
  const seqBase = isn?.get(conn);
  const ackBase = isn?.get(reverseConn(conn));
  const names = FLAG_ORDER.filter(([letter]) => seg.flags.includes(letter)).map(([, name]) => name);
  let out = `[${names.join(', ')}] Seq=${rel(seg.seq, seqBase)}`;
  if (seg.flags.includes('A')) out += ` Ack=${rel(seg.ack, ackBase)}`;
  const shift = wscale?.has(reverseConn(conn)) ? wscale.get(conn) : undefined; // (both directions, or none)
  out += ` Win=${seg.win * (windowScale(seg.flags.includes('S'), shift) ?? 1)} Len=${seg.len}`;
  const o = seg.options;
  if (o.mss !== undefined) out += ` MSS=${o.mss}`;
  if (o.sackPermitted) out += ' SACK_PERM';
  if (o.timestamp !== undefined) out += ` TSval=${o.timestamp.val} TSecr=${o.timestamp.ecr}`;
  if (o.wscale !== undefined) out += ` WS=${2 ** o.wscale}`;
  for (const [left, right] of o.sack ?? []) out += ` SLE=${rel(left, ackBase)} SRE=${rel(right, ackBase)}`;
  return out;
}
