// The listener: the SYN queue (linux: backlog + 1, and without cookies 3/4 of tcp_max_syn_backlog for unproven
// peers; rfc/classic: min(tcp_max_syn_backlog, backlog)), the accept queue bounded by the backlog, SYN floods
// with and without SYN cookies (RFC 4987), and stateless memory under spoofed SYNs.
import { describe, expect, it } from 'vitest';
import { FLAG } from '../../../src-main/tcp/segment.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import { Harness, str, text } from './harness.js';
import { ACCEPT_OVERFLOW_RST, SYN_UNPROVEN_DROP } from '../../../src-main/tcp/listen.js';

const ATTACKER = '10.0.0.66';

function spoofedSyn(i: number): Segment {
  return {
    srcIp: ATTACKER, srcPort: 1024 + i, dstIp: '10.0.0.2', dstPort: 80, seq: (i * 7919) >>> 0, ack: 0, flags: FLAG.SYN,
    window: 65535, urgent: 0, options: { mss: 1460 }, payload: new Uint8Array(0),
  };
}

/** B listens with `backlog` (8); `n` spoofed SYNs arrive at t = 1..n ms; B's answers to the attacker vanish. */
function flood(sysctl: Record<string, number>, n: number, backlog = 8, profile: 'linux' | 'rfc' | 'classic' = 'linux'): Harness {
  const h = new Harness({
    b: { sysctl, profile },
    route: (w) => (w.seg.dstIp === ATTACKER ? [] : [10]),
  });
  h.b.listen(80, backlog, 0);
  for (let i = 0; i < n; i++) h.inject('B', spoofedSyn(i), 1 + i);
  h.run(n + 1);
  return h;
}

describe('SYN flood without cookies (tcp_syncookies 0)', () => {
  it('linux: the SYN queue holds backlog + 1 = 9 (a 6.18 kernel held 129 for 128); later SYNs are dropped, legit ones too', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 0 }, 20);
    expect(h.b.connections().length).toBe(9);
    const drops = h.events('tcp.drop', 'B').filter((e) => e.reason === 'SYN queue full');
    expect(drops.length).toBe(11);
    const ka = h.at(100, () => h.a.connect(40000, '10.0.0.2:80', 100));
    h.run(5000);
    expect(h.a.status(ka)?.state).toBe('SYN-SENT');
    expect(h.events('tcp.drop', 'B').filter((e) => e.reason === 'SYN queue full').length).toBeGreaterThan(11);
  });
  it('linux: a larger backlog leaves tcp_max_syn_backlog\'s rule: unproven peers stop at 16 - 16/4 + 1 = 13 (97 for 128 on a 6.18 kernel)', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': 16 }, 40, 64);
    expect(h.b.connections().length).toBe(13);
    const reasons = h.events('tcp.drop', 'B').map((e) => e.reason);
    expect(reasons).toEqual(Array(27).fill(SYN_UNPROVEN_DROP));
  });
  it('linux: with SYN cookies on, tcp_max_syn_backlog does not bound the queue; the backlog does', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.tcp_max_syn_backlog': 16 }, 40, 64);
    expect(h.b.connections().length).toBe(40);
    expect(h.events('tcp.drop', 'B')).toEqual([]);
  });
  it('rfc and classic (the textbook rule): the SYN queue holds min(tcp_max_syn_backlog, backlog)', () => {
    for (const profile of ['rfc', 'classic'] as const) {
      expect(flood({ 'net.ipv4.tcp_syncookies': 0 }, 20, 8, profile).b.connections().length).toBe(8);
      const h = flood({ 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': 16 }, 40, 64, profile);
      expect(h.b.connections().length).toBe(16);
      expect(h.events('tcp.drop', 'B').map((e) => e.reason)).toEqual(Array(24).fill('SYN queue full'));
    }
  });
  it('the legitimate client gets in once the half-open connections time out (63 s on linux)', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 0 }, 20);
    const ka = h.at(100, () => h.a.connect(40000, '10.0.0.2:80', 100));
    h.run(80_000);
    const connected = h.events('app', 'A').find((e) => e.event === 'connected');
    expect(connected?.t).toBe(100 + 67_000 + 20); // SYN #10 at 67 s after connect: the first one after 63 s
    expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
  });
});

describe('SYN flood with cookies', () => {
  it('tcp_syncookies 1: when the queue is full, SYN-ACKs carry cookies and the legitimate client connects at once', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 1 }, 20);
    expect(h.b.connections().length).toBe(9);
    const ka = h.at(100, () => h.a.connect(40000, '10.0.0.2:80', 100));
    h.run(200);
    expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
    const kb = '10.0.0.2:80>10.0.0.1:40000';
    expect(h.b.status(kb)?.state).toBe('ESTABLISHED');
    expect(h.states('B', kb)).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
    h.at(200, () => h.a.send(ka, text('through the flood'), 200));
    h.run(300);
    expect(str(h.b.received(kb))).toBe('through the flood');
  });
  it('memory does not grow with spoofed SYNs: 5000 SYNs leave 9 half-open connections (backlog 8, linux)', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 1 }, 5000);
    expect(h.b.connections().length).toBe(9);
    expect(h.b.heap.size).toBe(9);
    expect(h.sent('B', 'SA').filter((w) => !w.meta.retransmit).length).toBe(5000);
  });
  it('cookie SYN-ACKs share one frozen options object (nothing may write to it), still saying mss 1460', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 2 }, 30);
    const opts = h.sent('B', 'SA').map((w) => w.seg.options);
    expect(opts).toHaveLength(30);
    expect(new Set(opts).size).toBe(1);
    expect(opts[0]).toEqual({ mss: 1460 });
    expect(Object.isFrozen(opts[0])).toBe(true);
  });
  it('tcp_syncookies 2: always stateless, no half-open connection at all', () => {
    const h = flood({ 'net.ipv4.tcp_syncookies': 2 }, 50);
    expect(h.b.connections().length).toBe(0);
    const ka = h.at(100, () => h.a.connect(40000, '10.0.0.2:80', 100));
    h.run(200);
    expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
  });
  it('a forged cookie ACK is answered with RST', () => {
    const h = new Harness({ b: { sysctl: { 'net.ipv4.tcp_syncookies': 2 } } });
    h.b.listen(80, 8, 0);
    h.inject('B', { ...spoofedSyn(1), srcIp: '10.0.0.1', flags: FLAG.ACK, seq: 100, ack: 12345 }, 5);
    h.run(10);
    expect(h.sent('B').map((w) => [w.flags, w.seg.seq])).toEqual([['R', 12345]]);
    expect(h.b.connections()).toEqual([]);
  });
});

describe('a retransmitted SYN in SYN-RECEIVED', () => {
  /** Every SYN-ACK from B is lost, so A keeps retransmitting its SYN; B's timer-driven SYN-ACKs are returned. */
  function lostSynAcks(profile: 'linux' | 'rfc', untilMs: number) {
    const h = new Harness({ a: { profile }, b: { profile }, route: (w) => (w.seg.flags === (FLAG.SYN | FLAG.ACK) ? [] : [10]) });
    h.b.listen(80, 8, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(untilMs);
    return { h, timerSynAcks: h.sent('B', 'SA').filter((w) => w.meta.cause.startsWith('SYN-ACK retransmission')).map((w) => w.t) };
  }
  it('linux: is answered with the SYN-ACK again and restarts the SYN-ACK timer from then (tcp_check_req)', () => {
    const { h, timerSynAcks } = lostSynAcks('linux', 9000);
    const again = h.sent('B', 'SA').filter((w) => w.meta.cause === 'SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)').map((w) => w.t);
    // A's SYNs reach B at 1010 … 5010 (1 s linear timeouts), then 7010. Each restarts B's 1 s timer just before it
    // would fire (the SYN arrives at the instant of the timeout and is handled first). Without the restart the
    // timer would send SYN-ACKs at 1010 and 3010.
    expect(again).toEqual([1010, 2010, 3010, 4010, 5010, 7010]);
    // A waits 2 s after 5000, so B's timer, restarted at 5010, fires at 6010; A's SYN at 7010 restarts the 2 s
    // timer it then set (due 8010) to 9010.
    expect(timerSynAcks).toEqual([6010]);
  });
  it('rfc: is answered with the SYN-ACK again, and the SYN-ACK timer keeps its schedule', () => {
    const { timerSynAcks } = lostSynAcks('rfc', 4000);
    expect(timerSynAcks).toEqual([1010, 3010]);
  });
  it('linux: answers at most one retransmitted SYN per tcp_invalid_ratelimit (500 ms)', () => {
    const h = new Harness({ route: (w) => (w.seg.flags === (FLAG.SYN | FLAG.ACK) ? [] : [10]) });
    h.b.listen(80, 8, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(100);
    const syn = h.sent('A', 'S')[0]!.seg;
    h.inject('B', syn, 200);
    h.inject('B', syn, 300);
    h.inject('B', syn, 800);
    h.run(900);
    expect(h.sent('B', 'SA').filter((w) => w.meta.cause.startsWith('SYN-ACK again')).map((w) => w.t)).toEqual([200, 800]);
    expect(h.events('note', 'B').map((e) => [e.t, e.text])).toEqual([[300, 'SYN-ACK for a retransmitted SYN suppressed by net.ipv4.tcp_invalid_ratelimit']]);
  });
});

describe('accept queue', () => {
  it('rfc: with auto-accept off, accept() hands out connections in order; a full queue drops the SYN', () => {
    const h = new Harness({ a: { profile: 'rfc' }, b: { profile: 'rfc' } });
    h.b.listen(80, 1, 0);
    h.b.setAutoAccept(80, false, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(50, () => h.a.connect(40001, '10.0.0.2:80', 50));
    h.run(100);
    expect(h.events('tcp.drop', 'B').map((e) => [e.t, e.reason])).toEqual([[60, 'accept queue full: SYN dropped']]);
    expect(h.b.accept(80, 100)).toBe('10.0.0.2:80>10.0.0.1:40000');
    expect(h.b.accept(80, 100)).toBeUndefined();
    h.run(3000);
    expect(h.b.accept(80, 3000)).toBe('10.0.0.2:80>10.0.0.1:40001');
  });
  it('linux: listen(backlog 1) holds 2 (sk_ack_backlog > sk_max_ack_backlog); the 3rd SYN is dropped', () => {
    const h = new Harness({ b: { sysctl: { 'net.ipv4.tcp_syncookies': 0 } } });
    h.b.listen(80, 1, 0);
    h.b.setAutoAccept(80, false, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(50, () => h.a.connect(40001, '10.0.0.2:80', 50));
    h.at(100, () => h.a.connect(40002, '10.0.0.2:80', 100));
    h.run(200);
    expect(h.events('app', 'B').map((e) => [e.t, e.conn, e.detail])).toEqual([
      [30, '10.0.0.2:80>10.0.0.1:40000', 'in accept queue (1/2)'],
      [80, '10.0.0.2:80>10.0.0.1:40001', 'in accept queue (2/2)'],
    ]);
    expect(h.events('tcp.drop', 'B').map((e) => [e.t, e.conn, e.reason])).toEqual([[110, '10.0.0.2:80>10.0.0.1:40002', 'accept queue full: SYN dropped']]);
    expect(h.b.accept(80, 200)).toBe('10.0.0.2:80>10.0.0.1:40000');
    // The client's SYN retransmission (linear timeouts: 1 s after the first) finds room.
    h.run(1200);
    expect(h.sent('B', 'SA').map((w) => [w.t, w.seg.dstPort])).toEqual([[10, 40000], [60, 40001], [1110, 40002]]);
  });
  it('linux: listen(backlog 0) still holds one connection', () => {
    const h = new Harness({ b: { sysctl: { 'net.ipv4.tcp_syncookies': 0 } } });
    h.b.listen(80, 0, 0);
    h.b.setAutoAccept(80, false, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(50, () => h.a.connect(40001, '10.0.0.2:80', 50));
    h.run(100);
    expect(h.events('app', 'B').map((e) => [e.t, e.detail])).toEqual([[30, 'in accept queue (1/1)']]);
    expect(h.events('tcp.drop', 'B').map((e) => [e.t, e.reason])).toEqual([[60, 'accept queue full: SYN dropped']]);
  });
  /** backlog 2 (linux holds 3); one connection waits, then three SYNs pass together and their ACKs meet a full queue. */
  function ackOverflow(sysctl: Record<string, number>): Harness {
    const h = new Harness({ b: { sysctl } });
    h.b.listen(80, 2, 0);
    h.b.setAutoAccept(80, false, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(100, () => { for (const port of [40001, 40002, 40003]) h.a.connect(port, '10.0.0.2:80', 100); });
    h.run(200);
    return h;
  }
  it('linux, tcp_abort_on_overflow 0: the last ACK meeting a full accept queue is dropped; the SYN-ACK is sent again and completes it once there is room', () => {
    const h = ackOverflow({});
    const c3 = '10.0.0.2:80>10.0.0.1:40003';
    expect(h.events('app', 'A').filter((e) => e.event === 'connected').length).toBe(4); // A cannot tell
    expect(h.events('tcp.drop', 'B').map((e) => [e.t, e.conn, e.reason])).toEqual([[130, c3, 'accept queue full: handshake ACK dropped (SYN-ACK will be retransmitted)']]);
    expect(h.b.status(c3)?.state).toBe('SYN-RECEIVED');
    expect(h.sent('B', 'R')).toEqual([]);
    expect(h.b.accept(80, 200)).toBe('10.0.0.2:80>10.0.0.1:40000');
    h.run(1200); // B's SYN-ACK timer (1 s from 110 ms) sends it again; A's ACK now fits
    expect(h.b.status(c3)?.state).toBe('ESTABLISHED');
    expect(h.events('app', 'B').at(-1)?.detail).toBe('in accept queue (3/3)');
  });
  it('linux, tcp_abort_on_overflow 1: that ACK is answered with RST, the half-open connection is gone and the client is reset', () => {
    const h = ackOverflow({ 'net.ipv4.tcp_abort_on_overflow': 1 });
    const c3 = '10.0.0.2:80>10.0.0.1:40003';
    expect(h.events('tcp.drop', 'B').map((e) => [e.t, e.conn, e.reason])).toEqual([[130, c3, ACCEPT_OVERFLOW_RST]]);
    const rst = h.sent('B', 'R');
    expect(rst.map((w) => [w.t, w.seg.dstPort, w.meta.cause])).toEqual([[130, 40003, 'RST: accept queue full (tcp_abort_on_overflow = 1)']]);
    // RFC 9293 3.10.7.4: the RST's sequence number is what the client's ACK acknowledged, so the client accepts it.
    const ack = h.sent('A', 'A').find((w) => w.seg.srcPort === 40003)!;
    expect(rst[0]!.seg.seq).toBe(ack.seg.ack);
    expect(h.b.status(c3)).toBeUndefined();
    expect(h.events('app', 'A').filter((e) => e.conn === '10.0.0.1:40003>10.0.0.2:80').map((e) => [e.t, e.event])).toEqual([[120, 'connected'], [140, 'reset'], [140, 'closed']]);
  });
  it('closing the listener resets connections still waiting in the accept queue', () => {
    const h = new Harness();
    h.b.listen(80, 4, 0);
    h.b.setAutoAccept(80, false, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(100);
    h.at(100, () => h.b.close(h.b.listenerKey(80), 100));
    h.run(200);
    expect(h.events('app', 'A').map((e) => e.event)).toEqual(['connected', 'reset', 'closed']);
    expect(h.events('state', 'B').at(-1)?.to).toBe('CLOSED');
  });
});
