// Linux tcp_rcv_synsent_state_process: an unacceptable ACK in SYN-SENT, while the SYN has not been
// retransmitted yet, re-arms the SYN timer to TCP_TIMEOUT_MIN (2 jiffies = 8 ms at HZ=250; measured on 6.18,
// docs/ORACLE.md "Host crash and reboot"). rfc and classic keep the SYN timer.
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { flagsToLetters } from '../../../src-main/tcp/segment.js';
import type { Fixture } from './fixtures.js';
import { synSent } from './fixtures.js';

const L = 10000;
const P = 5000;

/** The segments sent in (fromMs, toMs], each as "flags seq @ time", found by stepping 1 ms at a time. */
function sentBetween(f: Fixture, toMs: number): string[] {
  const got: string[] = [];
  for (let t = f.nowMs + 1; t <= toMs; t++) {
    f.advance(t);
    for (const o of f.out.splice(0)) got.push(`${flagsToLetters(o.seg.flags)} ${o.seg.seq} @${t} ${o.meta.cause}`);
  }
  return got;
}

describe('SYN-SENT: unacceptable ACK brings the SYN retransmission forward (linux)', () => {
  it('linux: RST, then the SYN again 8 ms later, counted as the first retransmission; the next waits 1 s', () => {
    const f = synSent({ profile: 'linux' });
    f.recv({ flags: 'A', seq: P, ack: L + 5 }, 100);
    f.expectReply({ flags: 'R', seq: L + 5 });
    expect(f.state()).toBe('SYN-SENT');
    // linux: tcp_syn_linear_timeouts = 4, so the timeout after the first retransmission is still rto_initial.
    expect(sentBetween(f, 1200)).toEqual(['S 10000 @108 SYN retransmission #1', 'S 10000 @1108 SYN retransmission #2']);
  });
  it('linux: with tcp_syn_linear_timeouts = 0 the retransmission backs off as the first one: next after 2 s', () => {
    const f = synSent({ profile: 'linux', sysctl: { 'net.ipv4.tcp_syn_linear_timeouts': 0 } });
    f.recv({ flags: 'SA', seq: P, ack: L + 5 }, 100);
    f.expectReply({ flags: 'R', seq: L + 5 });
    expect(sentBetween(f, 2200)).toEqual(['S 10000 @108 SYN retransmission #1', 'S 10000 @2108 SYN retransmission #2']);
  });
  it('linux: a RST with an unacceptable ACK is dropped but brings the SYN forward too (re-armed before the RST test)', () => {
    const f = synSent({ profile: 'linux' });
    f.recv({ flags: 'AR', seq: 0, ack: L + 9 }, 100);
    expect(sentBetween(f, 200)).toEqual(['S 10000 @108 SYN retransmission #1']);
  });
  it('linux: after a SYN retransmission the timer is left alone', () => {
    const f = synSent({ profile: 'linux' });
    expect(sentBetween(f, 1000)).toEqual(['S 10000 @1000 SYN retransmission #1']);
    f.recv({ flags: 'A', seq: P, ack: L + 5 }, 1100);
    f.expectReply({ flags: 'R', seq: L + 5 });
    expect(sentBetween(f, 2100)).toEqual(['S 10000 @2000 SYN retransmission #2']);
  });
  it('tcplab.synsent_bad_ack_retry_ms = 0 turns it off in linux', () => {
    const f = synSent({ profile: 'linux', sysctl: { 'tcplab.synsent_bad_ack_retry_ms': 0 } });
    f.recv({ flags: 'A', seq: P, ack: L + 5 }, 100);
    f.expectReply({ flags: 'R', seq: L + 5 });
    expect(sentBetween(f, 1100)).toEqual(['S 10000 @1000 SYN retransmission #1']);
  });
  for (const [profile, rtoMs] of [['rfc', 1000], ['classic', 3000]] as Array<[ProfileName, number]>) {
    it(`${profile}: RST, and the SYN waits for its normal timer (${rtoMs} ms)`, () => {
      const f = synSent({ profile });
      f.recv({ flags: 'A', seq: P, ack: L + 5 }, 100);
      f.expectReply({ flags: 'R', seq: L + 5 });
      expect(sentBetween(f, rtoMs + 100)).toEqual([`S 10000 @${rtoMs} SYN retransmission #1`]);
    });
  }
});
