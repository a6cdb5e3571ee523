// RFC 6298 and Linux estimator arithmetic, Karn's rule, and the NewReno window arithmetic (RFC 5681 / RFC 6582).
import { describe, expect, it } from 'vitest';
import * as cc from '../../../src-main/tcp/cc.js';
import { Conn } from '../../../src-main/tcp/conn.js';
import { resolveParams } from '../../../src-main/tcp/profiles.js';
import { backoff, rttSample } from '../../../src-main/tcp/rto.js';
import { Harness } from './harness.js';

function conn(): Conn {
  const c = new Conn(1, '10.0.0.1', 1, '10.0.0.2', 2);
  c.mss = 1000;
  c.rtoMs = 1000;
  return c;
}

describe('RFC 6298 RTO', () => {
  const rfc = resolveParams('rfc');
  const linux = resolveParams('linux');
  // The RFC's arithmetic with Linux's 200 ms floor, so that the variance term shows.
  const rfc200 = { ...rfc, rtoMinMs: 200 };
  it('first sample: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4·RTTVAR), clamped to the minimum', () => {
    const c = conn();
    rttSample(c, rfc200, 100, 0);
    expect([c.srttMs, c.rttvarMs, c.rtoMs]).toEqual([100, 50, 300]);
    const d = conn();
    rttSample(d, rfc, 100, 0);
    expect(d.rtoMs).toBe(1000); // rfc minimum RTO 1 s (RFC 6298 2.4)
  });
  it('later samples: RTTVAR = 3/4·RTTVAR + 1/4·|SRTT − R|, SRTT = 7/8·SRTT + 1/8·R', () => {
    const c = conn();
    rttSample(c, rfc200, 100, 0);
    rttSample(c, rfc200, 300, 0);
    expect(c.rttvarMs).toBe(0.75 * 50 + 0.25 * 200);
    expect(c.srttMs).toBe(0.875 * 100 + 0.125 * 300);
    expect(c.rtoMs).toBe(Math.ceil(125 + 4 * 87.5));
  });
  it('G = 1 ms floors the variance term; backoff doubles up to the maximum', () => {
    const c = conn();
    rttSample(c, rfc200, 0, 0);
    expect(c.rtoMs).toBe(200);
    c.rtoMs = 100_000;
    backoff(c, linux);
    expect(c.rtoMs).toBe(120_000);
  });
  it("Karn's rule: a retransmitted SYN gives no RTT sample", () => {
    let first = true;
    const h = new Harness({ route: (w) => (w.flags === 'S' && first ? ((first = false), []) : [10]) });
    h.b.listen(80, 128, 0);
    const ka = h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(1100);
    const tcb = h.a.status(ka)?.tcb;
    expect(tcb?.srttMs).toBe(0);
    // Linux (the harness's profile) keeps IW 10 after one lost SYN; one segment needs two (initial-cwnd.test.ts).
    expect(tcb?.cwnd).toBe(14600);
  });
});

describe('Linux RTO (tcp_rtt_estimator, __tcp_set_rto)', () => {
  const linux = resolveParams('linux');
  const rfc200 = { ...resolveParams('rfc'), rtoMinMs: 200 };
  it('first sample of 40 ms: RTO = SRTT + max(2·R, rto_min) = 240 ms, where RFC 6298 gives 200 ms', () => {
    const c = conn();
    rttSample(c, linux, 40, 0);
    expect([c.srttMs, c.rttvarMs, c.rtoMs]).toEqual([40, 20, 240]);
    const d = conn();
    rttSample(d, rfc200, 40, 0);
    expect(d.rtoMs).toBe(200);
  });
  it('a steady 40 ms RTT keeps RTO at SRTT + rto_min: the variance term never falls below rto_min', () => {
    const c = conn();
    const d = conn();
    for (let i = 0; i < 20; i++) {
      c.sndNxt = (i + 1) * 1000; // each sample ends a window of data, as one timed segment per RTT does
      rttSample(c, linux, 40, i * 1000 + 1);
      rttSample(d, rfc200, 40, 0);
    }
    expect(c.rtoMs).toBe(240);
    expect(d.rtoMs).toBe(200);
  });
  it('a rising RTT raises the deviation at once; a falling one only an eighth as fast', () => {
    const up = conn();
    rttSample(up, linux, 100, 0);
    rttSample(up, linux, 300, 0);
    // error +200 ms: mdev = 200 + (200 − 200/4) = 350 ms (×4 scale), SRTT = 125 ms, RTO = 125 + 350.
    expect([up.srttMs, up.rtoMs]).toEqual([125, 475]);
    const down = conn();
    rttSample(down, linux, 300, 0);
    rttSample(down, linux, 100, 0);
    // error −200 ms: (200 − 600/4) / 8 = 6.25 ms added to mdev 600: RTO = SRTT 275 + max(606.25, 600).
    expect(down.srttMs).toBe(275);
    expect(down.rtoMs).toBe(Math.ceil(275 + 606.25));
  });
  it('the variance decays a quarter toward the window\'s largest deviation when a window of data is acknowledged', () => {
    const c = conn();
    rttSample(c, linux, 300, 0); // mdev 600, rttvar 600
    c.sndNxt = 5000;
    rttSample(c, linux, 300, 1); // una 1 passes rtt_seq 0: window ends, rttvar -= (600 − mdev_max 600 − …) / 4
    const after = c.rtoMs;
    for (let i = 2; i < 12; i++) {
      c.sndNxt = 5000 * i;
      rttSample(c, linux, 300, 5000 * (i - 1) + 1);
    }
    expect(c.rtoMs).toBeLessThan(after);
    expect(c.rtoMs).toBeGreaterThanOrEqual(300 + 200); // never below SRTT + rto_min
  });
});

describe('NewReno arithmetic', () => {
  it('enter recovery: ssthresh = max(flight/2, 2·SMSS), cwnd = ssthresh + 3·SMSS; inflate; partial ACK; full ACK', () => {
    const c = conn();
    c.sndUna = 0;
    c.sndMax = 10_000;
    c.cwnd = 10_000;
    cc.enterRecovery(c);
    expect([c.ssthresh, c.cwnd, c.recover, c.inRecovery]).toEqual([5000, 8000, 10_000, true]);
    cc.inflate(c);
    expect(c.cwnd).toBe(9000);
    cc.onPartialAck(c, 3000);
    expect(c.cwnd).toBe(9000 - 3000 + 1000);
    c.sndUna = 10_000;
    cc.exitRecovery(c);
    expect([c.cwnd, c.inRecovery]).toEqual([1000 + 1000, false]);
  });
  it('slow start adds min(acked, SMSS); congestion avoidance adds one SMSS per cwnd of bytes', () => {
    const c = conn();
    c.cwnd = 2000;
    c.ssthresh = 3000;
    cc.onAckedOpen(c, 5000);
    expect(c.cwnd).toBe(3000);
    cc.onAckedOpen(c, 1500);
    expect(c.cwnd).toBe(3000);
    cc.onAckedOpen(c, 1500);
    expect(c.cwnd).toBe(4000);
  });
  it('RTO: ssthresh = max(flight/2, 2·SMSS), cwnd = 1 SMSS', () => {
    const c = conn();
    c.sndUna = 0;
    c.sndMax = 3000;
    c.cwnd = 9000;
    cc.onRto(c);
    expect([c.ssthresh, c.cwnd]).toEqual([2000, 1000]);
  });
});
