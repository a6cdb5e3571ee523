// RFC 6298 estimator arithmetic, Karn's rule, and the NewReno window arithmetic (RFC 5681 / RFC 6582).
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
  it('first sample: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4·RTTVAR), clamped to the minimum', () => {
    const c = conn();
    rttSample(c, linux, 100);
    expect([c.srttMs, c.rttvarMs, c.rtoMs]).toEqual([100, 50, 300]);
    const d = conn();
    rttSample(d, rfc, 100);
    expect(d.rtoMs).toBe(1000); // rfc minimum RTO 1 s (RFC 6298 2.4)
  });
  it('later samples: RTTVAR = 3/4·RTTVAR + 1/4·|SRTT − R|, SRTT = 7/8·SRTT + 1/8·R', () => {
    const c = conn();
    rttSample(c, linux, 100);
    rttSample(c, linux, 300);
    expect(c.rttvarMs).toBe(0.75 * 50 + 0.25 * 200);
    expect(c.srttMs).toBe(0.875 * 100 + 0.125 * 300);
    expect(c.rtoMs).toBe(Math.ceil(125 + 4 * 87.5));
  });
  it('G = 1 ms floors the variance term; backoff doubles up to the maximum', () => {
    const c = conn();
    rttSample(c, linux, 0);
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
    expect(tcb?.cwnd).toBe(1460); // RFC 5681 3.1: one segment after a lost SYN
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
