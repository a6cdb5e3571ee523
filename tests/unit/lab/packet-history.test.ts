// The inspector's History list for a packet (session-views.ts packetDetailOf): one line per thing that happened.
import { describe, expect, it } from 'vitest';
import { packetDetailOf } from '../../../src-main/lab/session-views.js';
import { localizeTraceText } from '../../../src-main/contract/trace-text.js';
import { firstSendAfter, openLesson } from './session-helpers.js';

describe('packet history', () => {
  it('an edited packet says once that its edit replaced it, with the time', () => {
    const lab = openLesson('three-way-handshake');
    const syn = firstSendAfter(lab, 0, 'S');
    lab.seekMs(5);
    lab.intervene({ op: 'edit', id: syn.id, fields: { window: 1000 } });
    const d = packetDetailOf(lab.stateAtCursor().network, syn.id, lab.timeline.packetNumbers);
    const replaced = d.history.filter((line) => line.startsWith('replaced by its edit'));
    expect(replaced).toEqual([`replaced by its edit #${syn.id + 1} at 5 ms`]);
    expect(d.history[0]).toBe('sent by A at 0 ms (original)');
  });

  it('a packet the user dropped says so once, with the time, in English and Chinese (not "dropped: dropped by user")', () => {
    const lab = openLesson('three-way-handshake');
    const synAck = firstSendAfter(lab, 0, 'SA');
    lab.seekMs(25);
    lab.intervene({ op: 'drop', id: synAck.id });
    const d = packetDetailOf(lab.stateAtCursor().network, synAck.id, lab.timeline.packetNumbers);
    expect(d.fate).toBe('dropped by the user at 25 ms');
    expect(d.history.at(-1)).toBe('dropped by the user at 25 ms');
    expect(d.history.filter((line) => line.includes('dropped'))).toHaveLength(1);
    expect(localizeTraceText(d.fate, 'zh-CN')).toBe('于 25 毫秒被用户丢弃');
  });

  it('a drop by a rule keeps its reason after the time', () => {
    const lab = openLesson('third-ack-lost');
    lab.timeline.computeToMs(lab.prepared.run.untilMs);
    const net = lab.timeline.events.slice().find((e) => e.kind === 'segment.drop');
    if (net === undefined || net.kind !== 'segment.drop') throw new Error('the lesson drops a packet');
    lab.seekMs(lab.prepared.run.untilMs);
    const d = packetDetailOf(lab.stateAtCursor().network, net.id, lab.timeline.packetNumbers);
    expect(d.fate).toBe(`dropped at ${net.t} ms: ${net.reason}`);
  });
});
