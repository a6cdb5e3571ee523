// TCB samples at a time, changed-field marks, value formatting and the cwnd plot's scales.
import { describe, expect, it } from 'vitest';
import { formatTcbValue, MAX_READINGS, ReadingLog, tcbAt, tcbSamples, tcbShown } from '../../../src-renderer/views/tcb/model.js';
import { plotGeometry } from '../../../src-renderer/views/tcb/plot.js';
import { loadFixture } from './fixture.js';

const CA = '10.0.0.1:40000>10.0.0.2:80';

describe('TCB over time (fixture, host A)', () => {
  const samples = tcbSamples(loadFixture().events, 'A', CA);

  it('takes a sample from every event of the connection that carries a TCB', () => {
    expect(samples.map((s) => s.t)).toEqual([0, 1020, 1600, 1820, 1840]);
  });

  it('finds the sample in force at a time and what its event changed', () => {
    expect(tcbAt(samples, -1).current).toBeNull();
    expect(tcbAt(samples, 0).index).toBe(0);
    expect(tcbAt(samples, 1019).index).toBe(0);
    const at = tcbAt(samples, 1600);
    expect(at.index).toBe(2);
    expect([...at.changed].sort()).toEqual(['cwnd', 'rtoMs', 'sndNxt', 'sndUna', 'srttMs']);
    expect(tcbAt(samples, 0).changed.size).toBe(0);
  });

  it('shows the samples alone at the given time when the host has no reading of the connection', () => {
    const shown = tcbShown(samples, 1700, null);
    expect(shown.timeMs).toBe(1700);
    expect(shown.at).toEqual(tcbAt(samples, 1700));
    expect(shown.plot).toBe(samples);
  });

  it("without a reading, plots the host's history of the connection up to the time, between the samples", () => {
    const base = tcbAt(samples, 1000).current!;
    // History points (view.tcbHistory) out of order, one after the time shown.
    const history = [1500, 300, 1900, 900].map((t) => ({ t, tcb: { ...base, cwnd: base.cwnd + t } }));
    const shown = tcbShown(samples, 1700, null, history);
    expect(shown.at).toEqual(tcbAt(samples, 1700));
    expect(shown.plot.map((p) => p.t)).toEqual([0, 300, 900, 1020, 1500, 1600]);
    expect(shown.plot.find((p) => p.t === 900)!.tcb.cwnd).toBe(base.cwnd + 900);
  });

  it("shows the host's reading between state changes, at its time, marking what moved since the last sample", () => {
    const last = tcbAt(samples, 1700).current!;
    // 500 bytes sent, cwnd grown and a larger window from the peer after the 1600 ms state change, without another one.
    const reading = { atMs: 1700, tcb: { ...last, sndNxt: (last.sndNxt + 500) >>> 0, cwnd: last.cwnd * 2, sndWnd: last.sndWnd + 1000 } };
    const shown = tcbShown(samples, 1650, reading);
    expect(shown.timeMs).toBe(1700); // the reading's time, not the panel clock's
    expect(shown.at.current).toBe(reading.tcb);
    expect(formatTcbValue('sndNxt', shown.at.current!, true)).toBe('507');
    expect(shown.at.index).toBe(2);
    // What the 1600 ms event changed (cwnd, rtoMs, sndNxt, sndUna, srttMs), plus what moved since (sndWnd).
    expect([...shown.at.changed].sort()).toEqual(['cwnd', 'rtoMs', 'sndNxt', 'sndUna', 'sndWnd', 'srttMs']);
    expect(shown.plot.map((p) => p.t)).toEqual([0, 1020, 1600, 1700]);
    expect(shown.plot.at(-1)!.tcb.cwnd).toBe(last.cwnd * 2);
    // A reading equal to the last sample marks only what that sample's event changed.
    const same = tcbShown(samples, 1830, { atMs: 1830, tcb: tcbAt(samples, 1830).current! });
    expect(same.at.changed).toEqual(tcbAt(samples, 1830).changed);
    // A reading before the first sample: nothing to compare with, nothing marked, one point.
    const early = tcbShown(samples, 0, { atMs: -1, tcb: last });
    expect([early.at.changed.size, early.plot.length]).toEqual([0, 1]);
  });

  it('plots the earlier readings between the samples, in time order, up to the reading', () => {
    const tcb = tcbAt(samples, 1700).current!;
    const earlier = [{ t: 1100, tcb: { ...tcb, cwnd: 1 } }, { t: 1650, tcb: { ...tcb, cwnd: 2 } }, { t: 1900, tcb: { ...tcb, cwnd: 3 } }];
    const shown = tcbShown(samples, 1700, { atMs: 1700, tcb: { ...tcb, cwnd: 4 } }, earlier);
    expect(shown.plot.map((p) => [p.t, p.tcb.cwnd === 1 || p.tcb.cwnd === 2 || p.tcb.cwnd === 4])).toEqual([
      [0, false], [1020, false], [1100, true], [1600, false], [1650, true], [1700, true],
    ]);
  });

  it('keeps the readings of one connection as time moves on, and forgets what a seek back or another trace undoes', () => {
    const tcb = tcbAt(samples, 1700).current!;
    const at = (atMs: number) => ({ atMs, tcb: { ...tcb, cwnd: atMs } });
    const log = new ReadingLog();
    const origin = samples[0];
    expect(log.add('A c', origin, at(100))).toEqual([]);
    log.add('A c', origin, at(200));
    expect(log.add('A c', origin, at(300)).map((r) => r.t)).toEqual([100, 200]);
    expect(log.add('A c', origin, at(300)).map((r) => r.t)).toEqual([100, 200]); // the same reading again
    expect(log.add('A c', origin, at(150)).map((r) => r.t)).toEqual([100]); // seeked back: 200 and 300 are gone
    expect(log.add('A c', origin, at(400)).map((r) => r.t)).toEqual([100, 150]);
    expect(log.add('B c', origin, at(500))).toEqual([]); // another connection
    expect(log.add('B c', {}, at(600))).toEqual([]); // another trace (a new session or a rewritten branch)
    // Bounded: past MAX_READINGS every second reading is dropped; the rest stay in order, up to the latest.
    const long = new ReadingLog();
    let before: readonly { t: number }[] = [];
    for (let t = 1; t <= 3 * MAX_READINGS; t++) before = long.add('A c', origin, at(t));
    expect(before.length).toBeLessThanOrEqual(MAX_READINGS);
    expect(before.length).toBeGreaterThan(MAX_READINGS / 2);
    expect(before.every((r, i) => i === 0 || r.t > before[i - 1]!.t)).toBe(true);
    expect(before.at(-1)!.t).toBe(3 * MAX_READINGS - 1);
  });

  it('formats relative sequence numbers, an infinite ssthresh and times', () => {
    const tcb = tcbAt(samples, 1700).current!;
    expect(formatTcbValue('sndNxt', tcb, true)).toBe('7');
    expect(formatTcbValue('sndNxt', tcb, false)).toBe('1007');
    expect(formatTcbValue('rcvNxt', tcb, true)).toBe('1');
    expect(formatTcbValue('ssthresh', tcb, true)).toBe('∞');
    expect(formatTcbValue('rtoMs', tcb, true)).toBe('1560 ms');
    // Smoothed times carry floating-point noise; the panel shows them to the microsecond.
    expect(formatTcbValue('srttMs', { ...tcb, srttMs: 40.519999999999996 }, false)).toBe('40.52 ms');
    expect(formatTcbValue('rtoMs', { ...tcb, rtoMs: 200.0004 }, false)).toBe('200 ms');
    // The panel passes the UI language's way of writing a time.
    expect(formatTcbValue('rtoMs', tcb, true, (ms) => `${ms} 毫秒`)).toBe('1560 毫秒');
  });

  it('plots cwnd as steps up to now and leaves out an infinite ssthresh', () => {
    const g = plotGeometry(samples, 2000, { width: 300, height: 100, left: 30, bottom: 14 });
    expect(g.ssthreshPath).toBe('');
    expect(g.cwndPath.startsWith('M30,')).toBe(true);
    expect(g.nowX).toBe(286);
    expect(g.yTicks.map((tk) => tk.label)).toEqual(['0', '5k', '10k', '15k', '20k']);
    expect(g.yTicks[0]?.at).toBe(86);
  });

  it('labels the byte axis in whole bytes, also when cwnd is still 0 (no 200m, 400m… ticks)', () => {
    const zero = samples.slice(0, 1).map((s) => ({ ...s, tcb: { ...s.tcb, cwnd: 0 } }));
    const g = plotGeometry(zero, 20, { width: 300, height: 100, left: 30, bottom: 14 });
    expect(g.yTicks.map((tk) => tk.label)).toEqual(['0', '1']);
    const small = samples.slice(0, 1).map((s) => ({ ...s, tcb: { ...s.tcb, cwnd: 3 } }));
    expect(plotGeometry(small, 20, { width: 300, height: 100, left: 30, bottom: 14 }).yTicks.map((tk) => tk.label)).toEqual(['0', '1', '2', '3']);
  });
});
