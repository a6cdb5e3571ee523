// The tag after a dropped packet's label (ladder canvas, its table and the "Selected packet" line): the user's
// drop reads "dropped by the user" (被用户丢弃), not "dropped: dropped by user"; other reasons follow "dropped: ".
import { describe, expect, it } from 'vitest';
import { buildLadder } from '../../../src-renderer/views/ladder/model.js';
import { labelText } from '../../../src-renderer/views/ladder/label-text.js';
import { en } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';
import type { AnyTraceEvent, SegSummary } from '../../../src-renderer/views/model/trace-types.js';

const CB = '10.0.0.2:80>10.0.0.1:40000';
const seg: SegSummary = { flags: 'SA', seq: 0, ack: 1, len: 0, win: 512, options: {} };

function droppedLabel(reason: string, lang: 'en' | 'zh-CN'): string {
  const events: AnyTraceEvent[] = [
    { t: 20, kind: 'segment.send', host: 'B', conn: CB, id: 2, seg },
    { t: 25, kind: 'segment.drop', host: 'router', conn: CB, id: 2, seg, reason },
  ];
  const [p] = buildLadder(events);
  if (p === undefined) throw new Error('no packet');
  const table = lang === 'en' ? en : zhCN;
  return labelText(p, true, (key) => table[key], lang);
}

describe('drop tag', () => {
  it('the user drop says who, once', () => {
    expect(droppedLabel('dropped by user', 'en')).toBe('[SYN, ACK] Seq=0 Ack=1 Win=512 Len=0  ·  dropped by the user');
    expect(droppedLabel('dropped by user', 'zh-CN')).toBe('[SYN, ACK] Seq=0 Ack=1 Win=512 Len=0  ·  被用户丢弃');
  });

  it('another reason follows "dropped: " in the UI language', () => {
    expect(droppedLabel('router queue full (capacity 8)', 'en')).toMatch(/ · {2}dropped: router queue full \(capacity 8\)$/);
    expect(droppedLabel('router queue full (capacity 8)', 'zh-CN')).toMatch(/ · {2}被丢弃：路由器队列已满（容量 8）$/);
  });
});
