// Small text helpers for the packet inspector (language-neutral parts only; words come from i18n).
import type { Lineage, SegSummary, TcpOptions } from '../../src-main/contract/index.js';

/** Options as Wireshark abbreviates them: MSS=1460 WS=128 SACK_PERM TSval=1 TSecr=0 SLE=.. SRE=.. */
export function describeOptions(o: TcpOptions): string {
  const parts: string[] = [];
  if (o.mss !== undefined) parts.push(`MSS=${o.mss}`);
  if (o.wscale !== undefined) parts.push(`WS=${2 ** o.wscale}`);
  if (o.sackPermitted) parts.push('SACK_PERM');
  if (o.timestamp !== undefined) parts.push(`TSval=${o.timestamp.val} TSecr=${o.timestamp.ecr}`);
  for (const [l, r] of o.sack ?? []) parts.push(`SLE=${l} SRE=${r}`);
  return parts.join(' ');
}

export type LineageType = Lineage['type'];

export function lineageText(l: Lineage): { type: LineageType; of: number | null } {
  return { type: l.type, of: 'of' in l ? l.of : null };
}

/**
 * The host's label (relative Seq/Ack/SLE/SRE, as Wireshark shows by default) with the segment's own
 * absolute numbers instead: what the label reads with "Relative sequence numbers" off, as in the ladder.
 */
export function absoluteLabel(label: string, seg: SegSummary): string {
  const sack = seg.options.sack ?? [];
  let block = 0;
  return label
    .replace(/\bSeq=\d+/, `Seq=${seg.seq}`)
    .replace(/\bAck=\d+/, `Ack=${seg.ack}`)
    .replace(/\bSLE=\d+ SRE=\d+/g, (whole) => {
      const b = sack[block++];
      return b ? `SLE=${b[0]} SRE=${b[1]}` : whole;
    });
}

/**
 * A host label (router list, topology, inspector) as the "Relative sequence numbers" switch asks: as the host
 * made it (Wireshark's relative numbers) or with the segment's absolute ones, so every panel follows the switch.
 */
export function labelFor(p: { label: string; seg: SegSummary }, relative: boolean): string {
  return relative ? p.label : absoluteLabel(p.label, p.seg);
}
