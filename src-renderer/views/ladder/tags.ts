// The marks a packet carries next to its label ("retransmission of #2", "held 500 ms"…), as string keys
// plus parameters; the component translates them.
import type { LadderPacket } from './model.js';

export const TAG_KEYS = [
  'ladder.tag.retransmission', 'ladder.tag.retransmissionUnknown', 'ladder.tag.duplicate', 'ladder.tag.replay',
  'ladder.tag.edited', 'ladder.tag.injected', 'ladder.tag.delayed', 'ladder.tag.held', 'ladder.tag.corrupted',
  'ladder.tag.discarded', 'ladder.tag.dropped',
] as const;

export type TagKey = (typeof TAG_KEYS)[number];

export interface Tag {
  key: TagKey;
  params: Record<string, string | number>;
}

export function packetTags(p: LadderPacket): Tag[] {
  const tags: Tag[] = [];
  const of = p.of ?? '?';
  if (p.lineage === 'retransmission') {
    tags.push(p.of === null ? { key: 'ladder.tag.retransmissionUnknown', params: {} } : { key: 'ladder.tag.retransmission', params: { n: of } });
  }
  if (p.lineage === 'duplicate') tags.push({ key: 'ladder.tag.duplicate', params: { n: of } });
  if (p.lineage === 'replay') tags.push({ key: 'ladder.tag.replay', params: { n: of } });
  if (p.lineage === 'edited') tags.push({ key: 'ladder.tag.edited', params: { n: of } });
  if (p.lineage === 'injected') tags.push({ key: 'ladder.tag.injected', params: {} });
  if (p.holdMs !== null && p.releaseMs !== null) tags.push({ key: 'ladder.tag.held', params: { ms: p.releaseMs - p.holdMs } });
  if (p.delayMs > 0) tags.push({ key: 'ladder.tag.delayed', params: { ms: p.delayMs } });
  if (p.corrupted) tags.push({ key: 'ladder.tag.corrupted', params: {} });
  if (p.fate === 'dropped') tags.push({ key: 'ladder.tag.dropped', params: { reason: p.reason ?? '?' } });
  if (p.discarded !== null) tags.push({ key: 'ladder.tag.discarded', params: { reason: p.discarded } });
  return tags;
}

/** Drawing style of an arrow: the colour/dash family it belongs to. */
export type ArrowStyle = 'normal' | 'retransmission' | 'copy' | 'dropped';

export function arrowStyle(p: LadderPacket): ArrowStyle {
  if (p.fate === 'dropped') return 'dropped';
  if (p.lineage === 'retransmission') return 'retransmission';
  if (p.lineage === 'duplicate' || p.lineage === 'replay' || p.lineage === 'edited' || p.lineage === 'injected') return 'copy';
  return 'normal';
}
