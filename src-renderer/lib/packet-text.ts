// Small text helpers for the packet inspector (language-neutral parts only; words come from i18n).
import type { Lineage, TcpOptions } from '../../src-main/contract/index.js';

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
