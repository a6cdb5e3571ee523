// CLOSE in SYN-RECEIVED (RFC 9293 3.10.4) and the segments a half-synchronized connection answers with
// (RFC 9293 3.5.2). Issue 9, simtest seeds 170, 233 (queued CLOSE) and 113 (ACK war with a TIME-WAIT incarnation).
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { KEY, synReceived } from './fixtures.js';
import type { Fixture } from './fixtures.js';

const L = 10000, P = 5000;
const PROFILES: readonly ProfileName[] = ['rfc', 'linux', 'classic'];
/**
 * RTO after the 10 ms handshake sample: RFC 6298 clamped to tcplab.rto_min_ms (rfc and classic 1000); Linux's
 * estimator SRTT + max(2 × 10, rto_min 200) = 210.
 */
const RTO_MS: Record<ProfileName, number> = { rfc: 1000, linux: 210, classic: 1000 };

function states(f: Fixture): string[] {
  return f.trace.filter((e) => e.kind === 'state' && e.conn === KEY).map((e) => (e.kind === 'state' ? `${e.from}>${e.to}` : ''));
}

describe('CLOSE in SYN-RECEIVED with data queued: "queue for processing after entering ESTABLISHED" (RFC 9293 3.10.4)', () => {
  for (const profile of PROFILES) {
    it(`${profile}: nothing goes out before the ACK of our SYN; then data+FIN in one segment, retransmitted on RTO`, () => {
      const f = synReceived({ profile });
      f.stack.send(KEY, new Uint8Array(100).fill(0x61), 1);
      f.stack.close(KEY, 2);
      expect(f.state()).toBe('SYN-RECEIVED');
      f.expectNoReply();
      f.recv({ flags: 'A', seq: P + 1, ack: L + 1 }, 10);
      expect(states(f)).toEqual(['SYN-RECEIVED>ESTABLISHED', 'ESTABLISHED>FIN-WAIT-1']);
      f.expectReply({ flags: 'AFP', seq: L + 1, ack: P + 1, len: 100 });
      f.expectNoReply();
      // No ACK from the peer: the retransmission timer is running (the bug left no timer at all).
      f.advance(10 + RTO_MS[profile] - 1);
      f.expectNoReply();
      f.advance(10 + RTO_MS[profile]);
      f.expectReply({ flags: 'AFP', seq: L + 1, ack: P + 1, len: 100 });
      expect(f.out[0]).toBeUndefined();
    });

    it(`${profile}: the peer's FIN before our data is acknowledged → CLOSING, then TIME-WAIT on the ACK of our FIN`, () => {
      const f = synReceived({ profile });
      f.stack.send(KEY, new Uint8Array(100).fill(0x62), 1);
      f.stack.close(KEY, 2);
      f.recv({ flags: 'A', seq: P + 1, ack: L + 1 }, 10);
      f.clear();
      // The peer closes before our data arrived (its FIN acknowledges only our SYN).
      f.recv({ flags: 'FA', seq: P + 1, ack: L + 1 }, 20);
      expect(f.state()).toBe('CLOSING');
      f.expectReply({ flags: 'A', seq: L + 102, ack: P + 2 });
      f.recv({ flags: 'A', seq: P + 2, ack: L + 102 }, 30);
      expect(f.state()).toBe('TIME-WAIT');
      f.expectNoReply();
    });
  }

  it('send() after the deferred CLOSE is refused: the FIN is already queued', () => {
    const f = synReceived();
    f.stack.send(KEY, new Uint8Array(10), 1);
    f.stack.close(KEY, 2);
    expect(() => f.stack.send(KEY, new Uint8Array(1), 3)).toThrow(/closing/);
  });
});

describe('CLOSE in SYN-RECEIVED with nothing to send → FIN-WAIT-1 at once', () => {
  for (const profile of PROFILES) {
    it(`${profile}: the ACK of our SYN completes the handshake in FIN-WAIT-1 and the FIN goes out`, () => {
      const f = synReceived({ profile });
      f.stack.close(KEY, 2);
      expect(states(f)).toEqual(['SYN-RECEIVED>FIN-WAIT-1']);
      // The FIN waits for the ACK of our SYN; the SYN-ACK timer keeps running meanwhile.
      f.expectNoReply();
      f.recv({ flags: 'A', seq: P + 1, ack: L + 1 }, 10);
      expect(f.appEvents()).toEqual(['accepted']);
      f.expectReply({ flags: 'AF', seq: L + 1, ack: P + 1 });
      f.expectNoReply();
      f.recv({ flags: 'A', seq: P + 1, ack: L + 2 }, 20);
      expect(f.state()).toBe('FIN-WAIT-2');
    });
  }

  it('an ACK that does not acknowledge our SYN in that FIN-WAIT-1 draws RST <SEQ=SEG.ACK> (RFC 9293 3.10.7.4 fifth)', () => {
    const f = synReceived();
    f.stack.close(KEY, 2);
    f.recv({ flags: 'A', seq: P + 1, ack: L + 7 }, 10);
    f.expectReply({ flags: 'R', seq: L + 7 });
    f.expectNoReply();
    expect(f.state()).toBe('FIN-WAIT-1');
  });
});

describe('SYN-RECEIVED: an ACK with both sequence number and ACK unacceptable draws RST, not ACK (RFC 9293 3.5.2)', () => {
  for (const profile of PROFILES) {
    it(`${profile}: RST <SEQ=SEG.ACK>, the half-open connection stays (seed 113: a TIME-WAIT incarnation's ACK)`, () => {
      const f = synReceived({ profile });
      // An old incarnation in TIME-WAIT answers our SYN-ACK with <SEQ=its SND.NXT><ACK=its RCV.NXT>: both old.
      f.recv({ flags: 'A', seq: P - 4000, ack: L - 8000 }, 10);
      f.expectReply({ flags: 'R', seq: L - 8000 });
      f.expectNoReply();
      expect(f.state()).toBe('SYN-RECEIVED');
    });
  }

  it('an out-of-window segment whose ACK is acceptable still draws an ACK (RFC 9293 3.10.7.4 first)', () => {
    const f = synReceived();
    f.recv({ flags: 'A', seq: P + 200_000, ack: L + 1 }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
});
