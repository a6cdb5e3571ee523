// The listener panel's model: which keys are listeners, the plot's samples (history + readings + now),
// the readings log, and the queue plot's scales (the SYN queue's limit always in view, whole-entry ticks).
import { describe, expect, it } from 'vitest';
import { MAX_QUEUE_READINGS, QueueLog, isListenerKey, queuePlot, syncookiesKey } from '../../../src-renderer/views/listener/model.js';
import { queuePlotGeometry } from '../../../src-renderer/views/listener/plot.js';

const s = (t: number, synQueue: number, acceptQueue = 0) => ({ t, synQueue, acceptQueue });
const BOX = { width: 300, height: 110, left: 34, bottom: 16 };

describe('listener model', () => {
  it('tells a listener ("ip:port>*:*") from a connection, and names the SYN cookie mode', () => {
    expect(isListenerKey('10.0.0.2:80>*:*')).toBe(true);
    expect(isListenerKey('10.0.0.2:80>10.0.0.1:40000')).toBe(false);
    expect([0, 1, 2].map(syncookiesKey)).toEqual(['listener.cookies.off', 'listener.cookies.whenFull', 'listener.cookies.always']);
  });

  it('plots history and readings before now, in time order, one point per time, ending with now', () => {
    const plot = queuePlot([s(300, 30), s(100, 10), s(900, 90), s(300, 30), s(200, 20)], s(500, 50));
    expect(plot.map((p) => [p.t, p.synQueue])).toEqual([[100, 10], [200, 20], [300, 30], [500, 50]]);
    expect(queuePlot([s(2, 1)], null).map((p) => p.t)).toEqual([2]);
  });

  it('logs readings per listener and trace; a seek back drops the later ones; a long log is thinned', () => {
    const log = new QueueLog();
    const origin = {};
    expect(log.add('B l', origin, s(10, 1))).toEqual([]);
    expect(log.add('B l', origin, s(20, 2))).toEqual([s(10, 1)]);
    expect(log.add('B l', origin, s(15, 9))).toEqual([s(10, 1)]); // seek back: the 20 ms reading is gone
    expect(log.add('B l', {}, s(30, 3))).toEqual([]); // another trace
    expect(log.add('A l', origin, s(40, 3))).toEqual([]); // another listener
    for (let i = 0; i < MAX_QUEUE_READINGS + 5; i++) log.add('A l', origin, s(100 + i, i));
    expect(log.add('A l', origin, s(10_000, 0)).length).toBeLessThan(MAX_QUEUE_READINGS);
  });
});

describe('queue plot', () => {
  it('keeps the SYN queue limit in view, draws both queues as steps up to now, with whole-entry ticks', () => {
    const g = queuePlotGeometry([s(0, 0), s(500, 50), s(1300, 128)], 2000, 128, BOX);
    const y0 = BOX.height - BOX.bottom;
    expect(g.limitY).toBeLessThan(y0);
    expect(g.limitY).toBeGreaterThanOrEqual(4);
    // The SYN queue line reaches the limit's height and holds it to now (the last x is now's).
    const pts = [...g.synPath.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(pts.at(-1)![1]).toBeCloseTo(g.limitY);
    expect(pts.at(-1)![0]).toBeCloseTo(g.nowX);
    expect(g.acceptPath.startsWith('M')).toBe(true);
    expect(g.yTicks.map((tk) => tk.label)).toEqual(['0', '50', '100', '150']);
    // Nothing queued yet and a limit of 1: ticks are 0 and 1, never fractions of an entry.
    expect(queuePlotGeometry([s(0, 0)], 10, 1, BOX).yTicks.map((tk) => tk.label)).toEqual(['0', '1']);
  });
});
