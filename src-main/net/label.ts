// Wireshark-like one-line packet labels for the ladder diagram and the router-queue list, e.g.
// "[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460". Flag names print low bit first, as Wireshark's
// tcp.flags summary does (FIN, SYN, RST, PSH, ACK, URG, ECE, CWR); Ack= only when ACK is set. Win= is the
// window in bytes once window scaling is in effect (Wireshark's calculated window size), as the ladder shows
// it, so one packet reads the same in the ladder, the router list, the inspector and the exports.
import { FLAG, type Segment } from '../tcp/segment.js';
import { seqNorm } from '../tcp/seq.js';

const FLAG_NAMES: ReadonlyArray<[number, string]> = [
  [FLAG.FIN, 'FIN'], [FLAG.SYN, 'SYN'], [FLAG.RST, 'RST'], [FLAG.PSH, 'PSH'],
  [FLAG.ACK, 'ACK'], [FLAG.URG, 'URG'], [FLAG.ECE, 'ECE'], [FLAG.CWR, 'CWR'],
];

/** Initial sequence numbers to print relative numbers against (Wireshark "relative sequence numbers"). */
export interface RelativeTo {
  /** The sender's ISN: Seq is printed as seq - seqBase. */
  seqBase?: number;
  /** The receiver's ISN: Ack is printed as ack - ackBase. */
  ackBase?: number;
  /**
   * The sender's window scale shift, when both directions' SYNs offered one (RFC 7323 2.2): Win is printed
   * as window << winShift, except on a SYN, whose window is never scaled.
   */
  winShift?: number;
}

/**
 * What a segment's window field is multiplied by to give the window in bytes, as Wireshark's calculated
 * window: 2^winShift once both SYNs offered scaling, never on a SYN (RFC 7323 2.2); null when it is not scaled.
 */
export function windowScale(isSyn: boolean, winShift: number | undefined): number | null {
  return winShift === undefined || isSyn ? null : 2 ** winShift;
}

/** The window field as Wireshark's Info column shows it: scaled when scaling applies, never on a SYN. */
export function shownWindow(seg: Segment, winShift: number | undefined): number {
  return seg.window * (windowScale((seg.flags & FLAG.SYN) !== 0, winShift) ?? 1);
}

export function wiresharkLabel(seg: Segment, relativeTo?: RelativeTo): string {
  const names = FLAG_NAMES.filter(([bit]) => seg.flags & bit).map(([, name]) => name);
  const seq = relativeTo?.seqBase === undefined ? seg.seq : seqNorm(seg.seq - relativeTo.seqBase);
  const ack = relativeTo?.ackBase === undefined ? seg.ack : seqNorm(seg.ack - relativeTo.ackBase);
  let out = `[${names.join(', ')}] Seq=${seq}`;
  if (seg.flags & FLAG.ACK) out += ` Ack=${ack}`;
  out += ` Win=${shownWindow(seg, relativeTo?.winShift)} Len=${seg.payload.length}`;
  const o = seg.options;
  if (o.mss !== undefined) out += ` MSS=${o.mss}`;
  if (o.sackPermitted) out += ' SACK_PERM';
  if (o.timestamp !== undefined) out += ` TSval=${o.timestamp.val} TSecr=${o.timestamp.ecr}`;
  if (o.wscale !== undefined) out += ` WS=${2 ** o.wscale}`;
  for (const [left, right] of o.sack ?? []) {
    const l = relativeTo?.ackBase === undefined ? left : seqNorm(left - relativeTo.ackBase);
    const r = relativeTo?.ackBase === undefined ? right : seqNorm(right - relativeTo.ackBase);
    out += ` SLE=${l} SRE=${r}`;
  }
  return out;
}
