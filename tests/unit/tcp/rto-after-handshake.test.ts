// The RTO a connection starts with once the handshake is over (close.ts onEstablished,
// tcplab.rto_after_syn_loss_ms). RFC 6298 5.7 (rfc): 3 s "if the timer expires awaiting the ACK of a SYN
// segment". Linux tcp_init_metrics: 3 s (TCP_TIMEOUT_FALLBACK) whenever the handshake gave no RTT sample
// (srtt_us == 0), which without TCP timestamps means a SYN or SYN-ACK was sent again (Karn) or the server used a
// SYN cookie. Measured on 6.18 with tools/kernel-oracle/initial-cwnd (docs/ORACLE.md), tcp_timestamps = 0, the
// setting the lab models: the engine sends no timestamps, so the kernel's timestamp-based sample (rtt ~1013 ms,
// rto ~3040 ms with tcp_timestamps = 1) has no counterpart here. One-way delay 10 ms, so a sample is 20 ms:
// linux RTO = 20 + max(2·20, rto_min 200) = 220 ms, rfc max(1000, …) = 1000 ms.
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { Harness } from './harness.js';
import { type Drops, lossyHandshake } from './lossy-handshake.js';

/** RTO and SRTT of each side as it entered ESTABLISHED, with B's SYN-ACKs. */
function open(profile: ProfileName, drops: Drops = {}, sysctlA: Record<string, number> = {}, sysctlB: Record<string, number> = {}) {
  const { h, opened: { A, B }, synAcks } = lossyHandshake(profile, drops, sysctlA, sysctlB);
  return { h, rtoMs: { A: A.rtoMs, B: B.rtoMs }, srttMs: { A: A.srttMs, B: B.srttMs }, synAcks };
}

describe('linux: RTO 3 s after a handshake without an RTT sample (tcp_init_metrics, TCP_TIMEOUT_FALLBACK)', () => {
  it('no loss: both sides have a 20 ms sample, RTO 220 ms', () => {
    const o = open('linux');
    expect(o.srttMs).toEqual({ A: 20, B: 20 });
    expect(o.rtoMs).toEqual({ A: 220, B: 220 });
  });
  it('lost SYN (kernel case syn:1): the client has no sample, 3000 ms; the server timed its SYN-ACK, 220 ms', () => {
    const o = open('linux', { syns: 1 });
    expect(o.rtoMs).toEqual({ A: 3000, B: 220 });
  });
  it('lost SYN-ACK, resent by the timer and for the SYN (kernel case synack:1): 3000 ms on both sides', () => {
    const o = open('linux', { synAcks: 1, laterSynDelayMs: 11 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1', '1011 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)']);
    expect(o.rtoMs).toEqual({ A: 3000, B: 3000 });
  });
  it('lost SYN-ACK, resent only by the timer (kernel case synack-timer:1): 3000 ms on both sides', () => {
    const o = open('linux', { synAcks: 1, laterSyns: true });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1']);
    expect(o.rtoMs).toEqual({ A: 3000, B: 3000 });
  });
  it('lost SYN-ACK, resent only for the client\'s SYN (no timeout): that resend counts too (req->num_retrans)', () => {
    const o = open('linux', { synAcks: 1 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)']);
    expect(o.srttMs.B).toBe(0);
    expect(o.rtoMs).toEqual({ A: 3000, B: 3000 });
  });
  it('a SYN-cookie server takes no sample either (measured: tcp_syncookies = 2, rto 3000 on the server)', () => {
    const o = open('linux', {}, {}, { 'net.ipv4.tcp_syncookies': 2 });
    expect(o.synAcks).toEqual(['10 SYN-ACK with a SYN cookie, no state kept (tcp_syncookies = 2)']);
    expect(o.rtoMs).toEqual({ A: 220, B: 3000 });
  });
  it('the data that follows a lost SYN is retransmitted after 3 s, not 1 s', () => {
    let syns = 0;
    let data = 0;
    const h = new Harness({
      route: (rec) => (rec.flags === 'S' && ++syns === 1) || (rec.len > 0 && ++data === 1) ? [] : [10],
    });
    h.b.listen(80, 128, 0);
    const ka = h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(1500, () => h.a.send(ka, new Uint8Array(100), 1500));
    h.run(10_000);
    expect(h.sent('A').filter((w) => w.len > 0).map((w) => w.t)).toEqual([1500, 4500]);
  });
  it('tcplab.rto_after_syn_loss_ms = 0 keeps the RTO the handshake left (1 s initial RTO)', () => {
    const off = { 'tcplab.rto_after_syn_loss_ms': 0 };
    expect(open('linux', { syns: 1 }, off, off).rtoMs).toEqual({ A: 1000, B: 220 });
  });
});

describe('rfc: RFC 6298 5.7, 3 s once the SYN or SYN-ACK timer has expired', () => {
  it('no loss: 1000 ms (rto_min) on both sides', () => {
    expect(open('rfc').rtoMs).toEqual({ A: 1000, B: 1000 });
  });
  it('lost SYN: the client\'s SYN timer expired, 3000 ms; the server 1000 ms', () => {
    expect(open('rfc', { syns: 1 }).rtoMs).toEqual({ A: 3000, B: 1000 });
  });
  it('lost SYN-ACK resent by the timer: 3000 ms on both sides', () => {
    const o = open('rfc', { synAcks: 1, laterSyns: true });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1']);
    expect(o.rtoMs).toEqual({ A: 3000, B: 3000 });
  });
  it('SYN-ACK resent only for a retransmitted SYN: no sample (Karn), but no timeout either, so the server keeps 1 s', () => {
    // A's 300 ms initial RTO makes its SYN retransmission arrive, and the handshake finish, before B's 1 s timer.
    const o = open('rfc', { synAcks: 1 }, { 'tcplab.rto_initial_ms': 300 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '310 SYN-ACK again for a retransmitted SYN']);
    expect(o.srttMs.B).toBe(0);
    expect(o.rtoMs).toEqual({ A: 3000, B: 1000 });
  });
});

describe("Karn's rule on the server: a SYN-ACK sent again for a retransmitted SYN gives no RTT sample", () => {
  for (const profile of ['rfc', 'linux', 'classic'] as ProfileName[]) {
    it(`${profile}: SRTT stays 0 after the handshake`, () => {
      const o = open(profile, { synAcks: 1 }, { 'tcplab.rto_initial_ms': 300 });
      expect(o.synAcks[1]).toMatch(/^310 SYN-ACK again for a retransmitted SYN/);
      expect(o.srttMs.B).toBe(0);
    });
  }
});
