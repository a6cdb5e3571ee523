// Wireshark-style packet labels from a trace's SegSummary ("[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0"),
// the same text net/label.ts makes from a whole Segment, with sequence numbers relative as Wireshark shows
// them by default (the numbers come from lab/packet-numbers.ts: contract/relative-seq.ts's rules).
import type { RelativeNumbers } from '../../contract/relative-seq.js';
import { seqDiff } from '../../contract/relative-seq.js';
import type { SegSummary } from '../../tcp/trace.js';
import { windowScale } from '../../net/label.js';

/** Wireshark's tcp.flags summary order: low bit first. */
const FLAG_ORDER: ReadonlyArray<[string, string]> = [
  ['F', 'FIN'], ['S', 'SYN'], ['R', 'RST'], ['P', 'PSH'], ['A', 'ACK'], ['U', 'URG'], ['E', 'ECE'], ['C', 'CWR'],
];

export interface LabelParts {
  /** Flags, Seq, Ack, Win and Len: what a printed ladder always shows. */
  core: string;
  /** The options (MSS, SACK_PERM, TSval/TSecr, WS, SACK blocks), '' when none: shown when there is room. */
  options: string;
}

/**
 * The label's two parts. With `numbers` (packetNumbers), Seq/Ack/SACK edges are relative when `relative`
 * and Win= is the window in bytes once scaling is in effect (never on a SYN), as in the app's ladder.
 */
export function segLabelParts(seg: SegSummary, numbers?: RelativeNumbers, relative = true): LabelParts {
  const rel = relative && numbers !== undefined;
  const names = FLAG_ORDER.filter(([letter]) => seg.flags.includes(letter)).map(([, name]) => name);
  let core = `[${names.join(', ')}] Seq=${rel ? numbers.relSeq : seg.seq}`;
  if (seg.flags.includes('A')) core += ` Ack=${rel ? numbers.relAck : seg.ack}`;
  core += ` Win=${seg.win * (windowScale(seg.flags.includes('S'), numbers?.winShift) ?? 1)} Len=${seg.len}`;
  const o = seg.options;
  const opts: string[] = [];
  if (o.mss !== undefined) opts.push(`MSS=${o.mss}`);
  if (o.sackPermitted) opts.push('SACK_PERM');
  if (o.timestamp !== undefined) opts.push(`TSval=${o.timestamp.val} TSecr=${o.timestamp.ecr}`);
  if (o.wscale !== undefined) opts.push(`WS=${2 ** o.wscale}`);
  const ackBase = rel ? numbers.ackBase : undefined;
  for (const [left, right] of o.sack ?? []) {
    opts.push(ackBase === undefined ? `SLE=${left} SRE=${right}` : `SLE=${seqDiff(left, ackBase)} SRE=${seqDiff(right, ackBase)}`);
  }
  return { core, options: opts.join(' ') };
}

/** The whole label on one line. */
export function segLabel(seg: SegSummary, numbers?: RelativeNumbers, relative = true): string {
  const p = segLabelParts(seg, numbers, relative);
  return p.options === '' ? p.core : `${p.core} ${p.options}`;
}
