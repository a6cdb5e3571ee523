// The full text next to an arrow: Wireshark info plus translated tags (a drop reason in the UI language too).
import type { Lang } from '../../../src-main/contract/index.js';
import { localizeTraceText } from '../../../src-main/contract/trace-text.js';
import type { LadderPacket } from './model.js';
import { formatLabel } from './label.js';
import { packetTags, type TagKey } from './tags.js';
import { fill } from '../model/fill.js';

export function labelText(p: LadderPacket, relative: boolean, translate: (key: TagKey) => string, lang: Lang = 'en'): string {
  const tags = packetTags(p).map((tag) => {
    const reason = tag.params.reason;
    const params = typeof reason === 'string' ? { ...tag.params, reason: localizeTraceText(reason, lang) } : tag.params;
    return fill(translate(tag.key), params);
  });
  return [formatLabel(p, relative), ...tags].join('  ·  ');
}
