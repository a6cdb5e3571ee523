// The full text next to an arrow: Wireshark info plus translated tags.
import type { LadderPacket } from './model.js';
import { formatLabel } from './label.js';
import { packetTags, type TagKey } from './tags.js';
import { fill } from '../model/fill.js';

export function labelText(p: LadderPacket, relative: boolean, translate: (key: TagKey) => string): string {
  const tags = packetTags(p).map((tag) => fill(translate(tag.key), tag.params));
  return [formatLabel(p, relative), ...tags].join('  ·  ');
}
