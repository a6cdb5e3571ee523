// The marks a packet carries next to its label ("retransmission of #2", "held 500 ms"…), as string keys
// plus parameters; the component translates them.
import { isUserDrop } from '../../../src-main/contract/drop-text.js';
import type { LadderPacket } from './model.js';

export const TAG_KEYS = [
  'ladder.tag.retransmission', 'ladder.tag.retransmissionUnknown', 'ladder.tag.duplicate', 'ladder.tag.replay',
  'ladder.tag.edited', 'ladder.tag.injected', 'ladder.tag.delayed', 'ladder.tag.held', 'ladder.tag.corrupted',
  'ladder.tag.discarded', 'ladder.tag.dropped', 'ladder.tag.droppedByUser',
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
  // The user's drop says who in the tag itself, not "dropped: dropped by user" (contract/drop-text.ts).
  if (p.fate === 'dropped') tags.push(isUserDrop(p.reason) ? { key: 'ladder.tag.droppedByUser', params: {} } : { key: 'ladder.tag.dropped', params: { reason: p.reason ?? '?' } });
  if (p.discarded !== null) tags.push({ key: 'ladder.tag.discarded', params: { reason: p.discarded } });
  return tags;
}

/** Drawing style of an arrow: the colour/dash family it belongs to. */
export type ArrowStyle = 'normal' | 'retransmission' | 'copy' | 'dropped';

/** The styles in the order the ladder draws their batches. */
export const ARROW_STYLES: readonly ArrowStyle[] = ['normal', 'retransmission', 'copy', 'dropped'];

/**
 * arrowStyle as its position in ARROW_STYLES, without a string: the ladder's draw runs it for every packet in
 * view. Every lineage but the original and a retransmission is a copy the router or the user made.
 */
export function arrowStyleIndex(p: LadderPacket): number {
  if (p.fate === 'dropped') return 3;
  if (p.lineage === 'retransmission') return 1;
  return p.lineage === 'original' ? 0 : 2;
}

export function arrowStyle(p: LadderPacket): ArrowStyle {
  return ARROW_STYLES[arrowStyleIndex(p)] as ArrowStyle;
}
