// The SEQ of pure ACKs and RSTs after a go-back-N retransmission (issue 9, simtest seed 113): the highest
// sequence number sent, not the rolled-back SND.NXT (output.ts controlSeq, docs/TCP.md "Go-back-N after RTO").
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import { established, KEY } from './fixtures.js';
import type { Fixture } from './fixtures.js';
import { Harness, pattern, sameBytes } from './harness.js';

const L = 10000, P = 5000;
const PROFILES: readonly ProfileName[] = ['rfc', 'linux', 'classic'];
/** RTO after the 10 ms handshake sample (rfc and classic: rto_min 1000; linux: SRTT 10 + max(2 × 10, rto_min 200)). */
const RTO_MS: Record<ProfileName, number> = { rfc: 1000, linux: 210, classic: 1000 };

/**
 * ESTABLISHED; at 20 ms we send 3000 bytes (initcwnd 3: L+1, L+1461, L+2921), at 30 ms the peer's 5 bytes
 * arrive (we ACK them), then our RTO retransmits L+1 and moves SND.NXT back to L+1461 while 3000 bytes are out.
 */
function afterRto(profile: ProfileName): Fixture {
  const f = established({ profile, sysctl: { 'tcplab.initcwnd_segments': 3 } });
  f.stack.send(KEY, pattern(3000), 20);
  f.recv({ flags: 'AP', seq: P + 1, ack: L + 1, data: 'hello' }, 30);
  f.advance(20 + RTO_MS[profile]);
  const rtx = f.out.filter((o) => o.meta.retransmit).map((o) => `${o.seg.seq}/${o.seg.payload.length}`);
  expect(rtx).toEqual([`${L + 1}/1460`]);
  expect(f.stack.status(KEY)?.tcb.sndNxt).toBe(L + 1461);
  f.clear();
  return f;
}

describe('pure ACK after an RTO carries the highest sequence number sent', () => {
  for (const profile of PROFILES) {
    it(`${profile}: the ACK for the peer's retransmitted data has SEQ = L+3001, which the peer accepts`, () => {
      const f = afterRto(profile);
      // The peer had everything (its ACKs were lost) and, rolled back too, retransmits its 5 bytes with
      // ACK = L+3001. They are old for us: we answer with an ACK (RFC 9293 3.10.7.4 first). Its SEQ used to be
      // the rolled-back L+1461 < the peer's RCV.NXT, which the peer answered with an ACK again: an ACK war.
      const t = 20 + RTO_MS[profile] + 5;
      f.recv({ flags: 'AP', seq: P + 1, ack: L + 3001, data: 'hello' }, t);
      f.expectReply({ flags: 'A', seq: L + 3001, ack: P + 6 });
      f.expectNoReply();
    });

    it(`${profile}: ABORT's RST carries <SEQ=L+3001>, inside the peer's window (RFC 9293 3.10.5)`, () => {
      const f = afterRto(profile);
      f.stack.abort(KEY, 20 + RTO_MS[profile] + 5);
      // linux: tcp_send_active_reset sends RST,ACK (kernel oracle close-unread); the RFC's ABORT sends RST.
      f.expectReply({ flags: profile === 'linux' ? 'AR' : 'R', seq: L + 3001 });
    });
  }
});

describe('linux tcp_acceptable_seq: never beyond the peer\'s window end', () => {
  it('the peer shrank its window to 0 after L+1461: linux ACKs with SEQ = L+1461, rfc and classic with L+3001', () => {
    const got: Record<string, number> = {};
    for (const profile of PROFILES) {
      const f = established({ profile, sysctl: { 'tcplab.initcwnd_segments': 3 } });
      f.stack.send(KEY, pattern(3000), 20);
      f.recv({ flags: 'A', seq: P + 1, ack: L + 1461, window: 0 }, 30);
      f.clear();
      f.recv({ flags: 'AP', seq: P + 1, ack: L + 1461, window: 0, data: 'hi' }, 40);
      const ack = f.out.find((o) => o.seg.payload.length === 0);
      got[profile] = ack ? ack.seg.seq : -1;
    }
    expect(got).toEqual({ rfc: L + 3001, linux: L + 1461, classic: L + 3001 });
  });

  it('after a 1-byte zero-window probe (L+1): rfc ACKs with L+2, linux (window end) and classic (persisting) with L+1', () => {
    const got: Record<string, number> = {};
    for (const profile of PROFILES) {
      const f = established({ profile });
      f.recv({ flags: 'A', seq: P + 1, ack: L + 1, window: 0 }, 15);
      f.stack.send(KEY, pattern(100), 20);
      f.advance(1025);
      expect(f.out.map((o) => `${o.seg.seq}/${o.seg.payload.length}`)[0]).toBe(`${L + 1}/1`);
      f.clear();
      f.recv({ flags: 'AP', seq: P + 1, ack: L + 1, window: 0, data: 'hi' }, 1030);
      const ack = f.out.find((o) => o.seg.payload.length === 0);
      got[profile] = ack ? ack.seg.seq : -1;
    }
    expect(got).toEqual({ rfc: L + 2, linux: L + 1, classic: L + 1 });
  });
});

describe('two stacks whose pure ACKs are all lost for 3 s, then a clean network', () => {
  for (const profile of ['rfc', 'classic'] as const) {
    it(`${profile} (no ACK rate limit): both ends go back, then finish without trading ACKs`, () => {
      // Both send 6000 bytes at 100 ms; data arrives but every pure ACK sent before 3 s is lost, so each side
      // holds the other's first window while its own looks unacknowledged, and both RTOs roll SND.NXT back.
      const h = new Harness({
        a: { profile, sysctl: { 'tcplab.initcwnd_segments': 3 } }, b: { profile, sysctl: { 'tcplab.initcwnd_segments': 3 } },
        route: (rec) => (rec.t >= 100 && rec.t < 3000 && rec.len === 0 && rec.flags === 'A' ? [] : [10]),
      });
      h.b.listen(80, 128, 0);
      const ka = h.a.connect(40000, '10.0.0.2:80', 0);
      const kb = '10.0.0.2:80>10.0.0.1:40000';
      h.run(100);
      h.at(100, () => {
        h.a.send(ka, pattern(6000, 1), 100);
        h.b.send(kb, pattern(6000, 2), 100);
      });
      h.run(20_000);
      expect(sameBytes(h.b.received(kb), pattern(6000, 1))).toBe('equal');
      expect(sameBytes(h.a.received(ka), pattern(6000, 2))).toBe('equal');
      // With the rolled-back SND.NXT in their ACKs each answered the other's ACK: 6963 segments by 20 s and the
      // data stuck at 4380 bytes. Now 27 in all (handshake, data, two RTO rounds, the ACKs that end it).
      expect(h.wire.length).toBe(27);
      expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
      expect(h.bugs()).toEqual([]);
    });
  }
});
