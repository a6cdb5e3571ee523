// The congestion window a connection starts with after its SYN or SYN-ACK was sent again (cc.ts
// iwOneAfterSynLoss). RFC 5681 3.1 (rfc, classic): one segment after any lost SYN or SYN-ACK. Linux
// tcp_init_transfer: one segment only after more than one SYN/SYN-ACK retransmission, at least one of them by a
// timer (tp->total_retrans > 1 && tp->undo_marker); measured on 6.18 by tools/kernel-oracle/initial-cwnd
// (docs/ORACLE.md), whose cases these follow. MSS 1460; IW rfc 3, linux 10, classic 1 segments.
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { type Drops, lossyHandshake } from './lossy-handshake.js';

const MSS = 1460;

/** cwnd in segments when each side entered ESTABLISHED, with the handshake's SYN times and B's SYN-ACKs. */
function open(profile: ProfileName, drops: Drops = {}, sysctlA: Record<string, number> = {}, sysctlB: Record<string, number> = {}) {
  const o = lossyHandshake(profile, drops, sysctlA, sysctlB);
  return { h: o.h, cwnd: { A: o.opened.A.cwnd / MSS, B: o.opened.B.cwnd / MSS }, syns: o.syns, synAcks: o.synAcks };
}

describe('initial cwnd after lost SYNs', () => {
  it('the handshakes are what the cases say: SYN retransmissions at 1 s (linux, rfc) or 3 s (classic)', () => {
    expect(open('linux', { syns: 2 }).syns).toEqual([0, 1000, 2000]);
    expect(open('rfc', { syns: 2 }).syns).toEqual([0, 1000, 3000]);
    expect(open('classic', { syns: 1 }).syns).toEqual([0, 3000]);
  });
  it('linux: one lost SYN keeps IW 10 (total_retrans = 1); two cut the client to 1 segment; B never resent', () => {
    expect(open('linux', { syns: 1 }).cwnd).toEqual({ A: 10, B: 10 });
    expect(open('linux', { syns: 2 }).cwnd).toEqual({ A: 1, B: 10 });
  });
  it('rfc: RFC 5681 3.1, one segment after the first lost SYN (IW 3 otherwise)', () => {
    expect(open('rfc').cwnd).toEqual({ A: 3, B: 3 });
    expect(open('rfc', { syns: 1 }).cwnd).toEqual({ A: 1, B: 3 });
    expect(open('rfc', { syns: 2 }).cwnd).toEqual({ A: 1, B: 3 });
  });
  it('classic: one segment after a lost SYN (its IW is 1 anyway; with tcplab.initcwnd_segments = 4 the cut shows)', () => {
    expect(open('classic', { syns: 1 }).cwnd).toEqual({ A: 1, B: 1 });
    const four = { 'tcplab.initcwnd_segments': 4 };
    expect(open('classic', {}, four, four).cwnd).toEqual({ A: 4, B: 4 });
    expect(open('classic', { syns: 1 }, four, four).cwnd).toEqual({ A: 1, B: 4 });
    expect(open('classic', { syns: 2 }, four, four).cwnd).toEqual({ A: 1, B: 4 });
  });
});

describe('initial cwnd after lost SYN-ACKs', () => {
  it('linux, one SYN-ACK lost (lesson 6, kernel case synack:1): B resends it by its timer and again for A\'s SYN', () => {
    const o = open('linux', { synAcks: 1, laterSynDelayMs: 11 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1', '1011 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)']);
    // A: one SYN retransmission keeps IW 10. B: total_retrans 2 with a timeout, 1 segment (kernel: 10 and 1).
    expect(o.cwnd).toEqual({ A: 10, B: 1 });
  });
  it('linux, two SYN-ACKs lost (kernel case synack:2): the timer\'s is lost too, the answer to A\'s SYN gets through', () => {
    const o = open('linux', { synAcks: 2, laterSynDelayMs: 11 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1', '1011 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)']);
    expect(o.cwnd).toEqual({ A: 10, B: 1 });
  });
  it('linux, one SYN-ACK lost, A\'s SYN first: B answers it and restarts its timer, so it resent once and keeps IW 10', () => {
    const o = open('linux', { synAcks: 1 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)']);
    expect(o.cwnd).toEqual({ A: 10, B: 10 });
  });
  it('linux, SYN-ACKs resent by the timer only (kernel case synack-timer): one keeps IW 10, two cut B to 1', () => {
    const one = open('linux', { synAcks: 1, laterSyns: true });
    expect(one.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1']);
    expect(one.cwnd).toEqual({ A: 10, B: 10 });
    const two = open('linux', { synAcks: 2, laterSyns: true });
    expect(two.synAcks).toEqual(['10 SYN-ACK', '1010 SYN-ACK retransmission #1', '3010 SYN-ACK retransmission #2']);
    expect(two.syns).toEqual([0, 1000, 2000, 3000]);
    expect(two.cwnd).toEqual({ A: 1, B: 1 });
  });
  it('linux: two SYN-ACKs sent only in answer to SYNs, no timeout (no undo_marker), keep IW 10', () => {
    // A's 300 ms initial RTO makes its SYNs come before B's 1 s SYN-ACK timer, which each answer restarts.
    const o = open('linux', { synAcks: 2 }, { 'tcplab.rto_initial_ms': 300 });
    expect(o.synAcks).toEqual([
      '10 SYN-ACK', '310 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)',
      '910 SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)',
    ]);
    expect(o.cwnd.B).toBe(10);
  });
  // classic's IW is 1 segment anyway: 4 makes the cut show.
  for (const [profile, iw, four] of [['rfc', 3, {}], ['classic', 4, { 'tcplab.initcwnd_segments': 4 }]] as Array<[ProfileName, number, Record<string, number>]>) {
    it(`${profile}: one segment on both sides after one lost SYN-ACK, however it was resent`, () => {
      expect(open(profile, {}, four, four).cwnd).toEqual({ A: iw, B: iw });
      expect(open(profile, { synAcks: 1 }, four, four).cwnd).toEqual({ A: 1, B: 1 });
      expect(open(profile, { synAcks: 1, laterSyns: true }, four, four).cwnd).toEqual({ A: 1, B: 1 });
      expect(open(profile, { synAcks: 2, laterSyns: true }, four, four).cwnd).toEqual({ A: 1, B: 1 });
    });
  }
  it('rfc: a SYN-ACK resent only in answer to a SYN, before any timeout, counts as lost too', () => {
    const o = open('rfc', { synAcks: 1 }, { 'tcplab.rto_initial_ms': 300 });
    expect(o.synAcks).toEqual(['10 SYN-ACK', '310 SYN-ACK again for a retransmitted SYN']);
    expect(o.cwnd.B).toBe(1);
  });
});

describe('tcplab.iw1_syn_retrans and what the window does', () => {
  it('0 = never cut; 1 in linux = the textbook; 2 in rfc = Linux\'s count', () => {
    expect(open('rfc', { syns: 2 }, { 'tcplab.iw1_syn_retrans': 0 }).cwnd.A).toBe(3);
    expect(open('linux', { syns: 1 }, { 'tcplab.iw1_syn_retrans': 1 }).cwnd.A).toBe(1);
    expect(open('rfc', { syns: 1 }, { 'tcplab.iw1_syn_retrans': 2 }).cwnd.A).toBe(3);
    expect(open('rfc', { syns: 2 }, { 'tcplab.iw1_syn_retrans': 2 }).cwnd.A).toBe(1);
  });
  it('linux: after one lost SYN A sends 10 segments at once, after two only 1', () => {
    const firstFlight = (syns: number): number => {
      const { h } = open('linux', { syns });
      const [key] = h.a.connections();
      h.a.send(key!, new Uint8Array(20 * MSS), h.nowMs);
      h.run(h.nowMs + 15); // the first ACK is back only after 20 ms
      return h.sent('A').filter((w) => w.len > 0).length;
    };
    expect([firstFlight(1), firstFlight(2)]).toEqual([10, 1]);
  });
});
