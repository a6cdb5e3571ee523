// A user delay on a packet still on a link moves its arrival by exactly the delay (net/interventions.ts:
// untilMs is then the arrival at the end of that link, not the end of a wait at the router). The exported
// ladder must say the delay the user gave and draw the last leg as a leg, not a flat line.
import { describe, expect, it } from 'vitest';
import { buildLadder } from '../../../src-main/lab/export/svg-ladder-model.js';
import { arrowTag } from '../../../src-main/lab/export/svg-ladder-text.js';
import { firstSendAfter, openLesson } from '../lab/session-helpers.js';

describe('exported ladder: a packet the user delayed on a link', () => {
  it('the SYN-ACK delayed 500 ms after leaving the router reads "delayed 500 ms" and waits 500 ms', () => {
    const lab = openLesson('third-ack-lost');
    const synAck = firstSendAfter(lab, 0, 'SA');
    lab.seekMs(30); // B sent it at 20 ms; at 30 ms it is on the link from the router to A
    lab.intervene({ op: 'delay', id: synAck.id, delayMs: 500 });
    lab.timeline.computeToMs(lab.prepared.run.untilMs);
    const trace = lab.timeline.events.slice();
    const hosts = [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }];
    const arrow = buildLadder(trace, hosts, { maxArrows: 1000, relative: true }).arrows.find((a) => a.id === synAck.id)!;
    expect(arrow.endMs).toBe(540); // due at 40 ms, 500 ms late
    expect(arrow.park).toEqual({ kind: 'delayed', startMs: 30, endMs: 530, by: 'user' });
    expect(arrowTag(arrow, 'en')).toContain('delayed 500 ms by the user');
  });
});
