// Data transfer through the two-stack harness: loss, reordering and duplication; fast retransmit and the
// NewReno window; RTO backoff and tcp_retries2; zero window and persist probes; delayed ACK; SACK.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src-main/tcp/prng.js';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import type { TcbSnapshot } from '../../../src-main/tcp/trace.js';
import { Harness, pattern, sameBytes } from './harness.js';
import type { WireRecord } from './harness.js';
import type { Received } from '../../../src-main/tcp/received.js';

const KB = '10.0.0.2:80>10.0.0.1:40000';

function connected(h: Harness): string {
  h.b.listen(80, 128, 0);
  const ka = h.a.connect(40000, '10.0.0.2:80', 0);
  h.run(100);
  expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
  return ka;
}

describe('lossy network: the application sees exactly the bytes sent, once, in order', () => {
  for (const profile of ['linux', 'rfc', 'classic'] as ProfileName[]) {
    it(`${profile}: 300 KB A→B and 100 KB B→A with 5% loss, 5% duplication, 10% reordering`, () => {
      const rng = new Prng(42).derive(profile);
      const h = new Harness({
        a: { profile }, b: { profile }, keepTrace: false,
        route: (w) => {
          if (w.t > 50 && rng.chance(0.05)) return [];
          const d = rng.chance(0.1) ? 10 + rng.int(1, 30) : 10;
          return rng.chance(0.05) ? [d, d + rng.int(0, 20)] : [d];
        },
      });
      const ka = connected(h);
      const up = pattern(300_000, 1);
      const down = pattern(100_000, 2);
      h.at(100, () => h.a.send(ka, up, 100));
      h.at(100, () => h.b.send(KB, down, 100));
      h.run(600_000);
      expect(sameBytes(h.b.received(KB), up)).toBe('equal');
      expect(sameBytes(h.a.received(ka), down)).toBe('equal');
      expect(h.bugs()).toEqual([]);
    });
  }

  it('keeps what the application received as one piece when each segment continues the last in the same buffer', () => {
    // The segments are views on the sender's one send-buffer chunk; a view per segment was ~96 bytes each
    // that a long transfer kept. Loss and reordering go through reassembly, whose pieces are views too.
    const rng = new Prng(9);
    const h = new Harness({ keepTrace: false, route: (w) => (w.t > 50 && rng.chance(0.03) ? [] : [10 + rng.int(0, 5)]) });
    const ka = connected(h);
    const up = pattern(500_000, 3);
    h.at(100, () => h.a.send(ka, up, 100));
    h.at(200, () => h.a.send(ka, pattern(1000, 4), 200));
    h.run(600_000);
    const sent = new Uint8Array([...up, ...pattern(1000, 4)]);
    expect(sameBytes(h.b.received(KB), sent)).toBe('equal');
    const pieces = (h.b as unknown as { conns: Map<string, { delivered: Received }> }).conns.get(KB)!.delivered.pieces();
    // Two sends, two chunks in the send buffer. The segment that spans both is a copy (sendbuf.ts), so:
    // the first chunk up to it, that segment (its last 680 bytes and the second chunk's first 780), the rest.
    expect(pieces.map((p) => p.length)).toEqual([499_320, 1460, 220]);
  });
});

describe('fast retransmit and NewReno (linux, initcwnd 10)', () => {
  it('one lost segment: 3 duplicate ACKs → fast retransmit before any RTO, ssthresh = flight/2, cwnd = ssthresh + 3·MSS', () => {
    let lostSeq = -1;
    let atRetransmit: TcbSnapshot | undefined;
    let ka = '';
    const h = new Harness({
      route: (w: WireRecord, hh) => {
        if (w.from === 'A' && w.len > 0 && lostSeq < 0 && hh.sent('A').filter((x) => x.len > 0).length === 2) {
          lostSeq = w.seg.seq;
          return [];
        }
        if (w.from === 'A' && w.seg.seq === lostSeq && w.meta.retransmit) atRetransmit = hh.a.status(ka)?.tcb;
        return [10];
      },
    });
    ka = connected(h);
    h.at(100, () => h.a.send(ka, pattern(20 * 1460), 100));
    h.run(5000);
    expect(sameBytes(h.b.received(KB), pattern(20 * 1460))).toBe('equal');
    const rtx = h.sent('A').filter((w) => w.meta.retransmit);
    expect(rtx.map((w) => [w.t, w.seg.seq === lostSeq, w.meta.cause])).toEqual([
      [120, true, 'fast retransmit after 3 duplicate ACKs (RFC 5681 3.2)'],
    ]);
    // The ACK of segment 1 grew cwnd to 11 segments (slow start), so 11 were in flight: ssthresh = 5.5 MSS.
    expect(atRetransmit?.ssthresh).toBe(Math.floor((11 * 1460) / 2));
    expect(atRetransmit?.cwnd).toBe(Math.floor((11 * 1460) / 2) + 3 * 1460);
    const dupAcks = h.sent('B', 'A').filter((w) => w.t >= 110 && w.t <= 120 && w.seg.ack === lostSeq);
    expect(dupAcks.length).toBeGreaterThanOrEqual(3);
  });

  it('SACK: blocks describe the held data, and SACKed data is not retransmitted in recovery', () => {
    const dropped = new Set<number>();
    const h = new Harness({
      route: (w, hh) => {
        const n = hh.sent('A').filter((x) => x.len > 0).length;
        if (w.from === 'A' && w.len > 0 && !w.meta.retransmit && (n === 2 || n === 5)) {
          dropped.add(w.seg.seq);
          return [];
        }
        return [10];
      },
    });
    const ka = connected(h);
    h.at(100, () => h.a.send(ka, pattern(10 * 1460), 100));
    h.run(5000);
    expect(sameBytes(h.b.received(KB), pattern(10 * 1460))).toBe('equal');
    const withSack = h.sent('B').filter((w) => w.seg.options.sack !== undefined);
    expect(withSack.length).toBeGreaterThan(0);
    const rtxSeqs = h.sent('A').filter((w) => w.meta.retransmit).map((w) => w.seg.seq);
    expect(new Set(rtxSeqs)).toEqual(dropped);
  });
});

describe('retransmission timeout (rfc profile: RTO min 1 s)', () => {
  it('backs off 1, 2, 4, 8 s and collapses cwnd to one segment', () => {
    let ka = '';
    let cwndAtFirstRto = -1;
    const h = new Harness({
      a: { profile: 'rfc' }, b: { profile: 'rfc' },
      route: (w, hh) => {
        if (w.from === 'A' && w.len > 0) {
          if (w.meta.retransmit && cwndAtFirstRto < 0) cwndAtFirstRto = hh.a.status(ka)?.tcb.cwnd ?? -2;
          return [];
        }
        return [10];
      },
    });
    ka = connected(h);
    h.at(200, () => h.a.send(ka, pattern(100), 200));
    h.run(16_000);
    const times = h.sent('A').filter((w) => w.len > 0).map((w) => w.t);
    expect(times).toEqual([200, 1200, 3200, 7200, 15200]);
    expect(cwndAtFirstRto).toBe(1460);
  });
  it('gives up after tcp_retries2 timeouts with app timeout and a readable detail', () => {
    const h = new Harness({
      a: { profile: 'rfc', sysctl: { 'net.ipv4.tcp_retries2': 3 } }, b: { profile: 'rfc' },
      route: (w) => (w.from === 'A' && w.len > 0 ? [] : [10]),
    });
    const ka = connected(h);
    h.at(200, () => h.a.send(ka, pattern(100), 200));
    h.run(60_000);
    const t = h.events('app', 'A').find((e) => e.event === 'timeout');
    expect(t?.t).toBe(200 + 1000 + 2000 + 4000 + 8000);
    expect(t?.detail).toBe('retransmission timeout: 3 retransmissions without an ACK (net.ipv4.tcp_retries2 = 3)');
    expect(h.a.status(ka)).toBeUndefined();
  });
});

describe('flow control', () => {
  it('zero window: persist probes back off, the transfer resumes when the reader drains the buffer', () => {
    const h = new Harness({
      a: { profile: 'rfc' },
      b: { profile: 'rfc', sysctl: { 'tcplab.rcvbuf_bytes': 4000, 'net.ipv4.tcp_window_scaling': 0 } },
    });
    const ka = connected(h);
    h.at(100, () => h.b.setAutoRead(KB, false, 100));
    h.at(100, () => h.a.send(ka, pattern(10_000), 100));
    h.run(20_000);
    const zeroWin = h.sent('B').filter((w) => w.seg.window === 0);
    expect(zeroWin.length).toBeGreaterThan(0);
    const probes = h.sent('A').filter((w) => w.meta.cause === 'zero-window probe');
    expect(probes.every((w) => w.len === 1)).toBe(true);
    const gaps = probes.slice(1, 4).map((w, i) => w.t - (probes[i]?.t ?? 0));
    expect(gaps).toEqual([2000, 4000, 8000]);
    expect(h.b.status(KB)?.recvQueuedBytes).toBe(4000);
    h.at(20_000, () => expect(h.b.read(KB, 100_000, 20_000).length).toBe(4000));
    h.run(22_000);
    h.at(22_000, () => h.b.read(KB, 100_000, 22_000));
    h.run(24_000);
    h.at(24_000, () => h.b.read(KB, 100_000, 24_000));
    h.run(60_000);
    h.at(60_000, () => h.b.setAutoRead(KB, true, 60_000));
    h.run(61_000);
    expect(sameBytes(h.b.received(KB), pattern(10_000))).toBe('equal');
  });
  it('window scaling: shift negotiated on SYN, windows above 64 KB advertised', () => {
    const h = new Harness();
    const ka = connected(h);
    const syn = h.sent('A', 'S')[0];
    expect(syn?.seg.options.wscale).toBe(2); // 131072 B buffer → shift 2
    expect(h.a.status(ka)?.tcb.sndWnd).toBe(65535); // a SYN's window is never scaled (RFC 7323 2.2)
    h.at(100, () => h.a.send(ka, pattern(100), 100));
    h.run(300);
    expect(h.sent('B', 'A').at(-1)?.seg.window).toBe(32768);
    expect(h.a.status(ka)?.tcb.sndWnd).toBe(131072);
  });
});

describe('delayed ACK (every second full segment at once)', () => {
  it('rfc: a lone small segment is acknowledged 200 ms later; two full segments at once', () => {
    const h = new Harness({ a: { profile: 'rfc' }, b: { profile: 'rfc' } });
    const ka = connected(h);
    h.at(200, () => h.a.send(ka, pattern(10), 200));
    h.run(500);
    const ack1 = h.sent('B', 'A').filter((w) => w.t > 200);
    expect(ack1.map((w) => [w.t, w.meta.cause])).toEqual([[410, 'delayed ACK']]);
    h.at(600, () => h.a.send(ka, pattern(2 * 1460), 600));
    h.run(800);
    const ack2 = h.sent('B', 'A').filter((w) => w.t > 600);
    expect(ack2.map((w) => [w.t, w.meta.cause])).toEqual([[610, 'ACK']]);
  });
  it('linux: the first small segment is acknowledged at once (quick-ACK mode, see linux-ack.test.ts)', () => {
    const h = new Harness();
    const ka = connected(h);
    h.at(200, () => h.a.send(ka, pattern(10), 200));
    h.run(400);
    expect(h.sent('B', 'A').filter((w) => w.t > 200).map((w) => [w.t, w.meta.cause])).toEqual([[210, 'ACK']]);
  });
});
