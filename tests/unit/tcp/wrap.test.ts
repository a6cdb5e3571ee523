// Sequence numbers near 2^32: ISNs forced with the tcplab.isn knob so the sequence space wraps mid-connection.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src-main/tcp/prng.js';
import { KEY, established } from './fixtures.js';
import { Harness, pattern, sameBytes } from './harness.js';

const TOP = 4294967296;

describe('ISNs near 2^32', () => {
  it('fixture: data crossing the wrap is acknowledged with ACK (P+1+len) mod 2^32', () => {
    const f = established({ localIsn: TOP - 1, peerIsn: TOP - 3 });
    f.recv({ flags: 'PA', data: 'abcdef' }, 100);
    f.expectReply({ flags: 'A', seq: 0, ack: (TOP - 2 + 6) % TOP });
    expect(f.stack.status(KEY)?.tcb.rcvNxt).toBe(4);
  });
  it('fixture: out-of-order segment after the wrap, then the gap before it', () => {
    const f = established({ localIsn: 100, peerIsn: TOP - 3 });
    f.recv({ flags: 'PA', seq: 1, data: 'def' }, 100); // bytes 3..5 of the stream live at 1..3
    f.expectReply({ flags: 'A', seq: 101, ack: TOP - 2 });
    f.recv({ flags: 'PA', seq: TOP - 2, data: 'abc' }, 110);
    f.expectReply({ flags: 'A', seq: 101, ack: 4 });
    expect(new TextDecoder().decode(f.stack.received(KEY))).toBe('abcdef');
  });
  it('fixture (linux): RCV.NXT = 0 after the wrap; RST at 2^32−1 is outside, at 5 draws a challenge ACK, at 0 resets', () => {
    const f = established({ profile: 'linux', localIsn: 7, peerIsn: TOP - 1 });
    f.recv({ flags: 'R', seq: TOP - 1 }, 100);
    f.expectNoReply();
    f.recv({ flags: 'R', seq: 5 }, 110);
    f.expectReply({ flags: 'A', seq: 8, ack: 0 });
    expect(f.state()).toBe('ESTABLISHED');
    f.recv({ flags: 'R', seq: 0 }, 120);
    expect(f.state()).toBe('CLOSED');
  });
  it('harness: 200 KB each way with ISNs 2^32−1000 and 2^32−1, with loss, arrive intact', () => {
    const rng = new Prng(9);
    const h = new Harness({
      a: { sysctl: { 'tcplab.isn': TOP - 1000 } },
      b: { sysctl: { 'tcplab.isn': TOP - 1 } },
      keepTrace: false,
      route: (w) => (w.t > 50 && rng.chance(0.03) ? [] : [10 + rng.int(0, 3)]),
    });
    h.b.listen(80, 128, 0);
    const ka = h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(100);
    const kb = '10.0.0.2:80>10.0.0.1:40000';
    h.at(100, () => h.a.send(ka, pattern(200_000, 3), 100));
    h.at(100, () => h.b.send(kb, pattern(200_000, 4), 100));
    h.run(300_000);
    expect(sameBytes(h.b.received(kb), pattern(200_000, 3))).toBe('equal');
    expect(sameBytes(h.a.received(ka), pattern(200_000, 4))).toBe('equal');
    expect(h.bugs()).toEqual([]);
  });
  it('harness: the SYN itself at 2^32−1 (SYN-ACK acknowledges 0)', () => {
    const h = new Harness({ a: { sysctl: { 'tcplab.isn': TOP - 1 } } });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(50);
    expect(h.sent('B', 'SA')[0]?.seg.ack).toBe(0);
    expect(h.a.status('10.0.0.1:40000>10.0.0.2:80')?.state).toBe('ESTABLISHED');
  });
});
