// Teaching variants: two-way handshake, TIME-WAIT length (0 lets an old duplicate into a new incarnation),
// acceptDataOnThirdAck; plus keepalive (off by default).
import { describe, expect, it } from 'vitest';
import { FLAG } from '../../../src-main/tcp/segment.js';
import { Harness, str, text } from './harness.js';

const KA = '10.0.0.1:40000>10.0.0.2:80';
const KB = '10.0.0.2:80>10.0.0.1:40000';

describe('two-way handshake variant', () => {
  it('server ESTABLISHED on SYN, client ESTABLISHED on SYN-ACK, no third segment', () => {
    const h = new Harness({ a: { variants: { twoWayHandshake: true } }, b: { variants: { twoWayHandshake: true } } });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(500);
    expect(h.states('B', KB)).toEqual(['ESTABLISHED']);
    expect(h.events('state', 'B').filter((e) => e.conn === KB).map((e) => e.from)).toEqual(['LISTEN']);
    expect(h.states('A')).toEqual(['SYN-SENT', 'ESTABLISHED']);
    expect(h.wire.map((w) => `${w.t} ${w.from} ${w.flags}`)).toEqual(['0 A S', '10 B SA']);
    h.at(500, () => h.a.send(KA, text('hi'), 500));
    h.run(1000);
    expect(str(h.b.received(KB))).toBe('hi');
  });
  it('a lost SYN-ACK leaves the server with a connection the client does not know; each retried SYN builds another', () => {
    const h = new Harness({
      a: { variants: { twoWayHandshake: true }, sysctl: { 'net.ipv4.tcp_syn_retries': 1, 'net.ipv4.tcp_syn_linear_timeouts': 0 } },
      b: { variants: { twoWayHandshake: true } },
      route: (w) => (w.from === 'B' ? [] : [10]),
    });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(10_000);
    const accepted = h.events('app', 'B').filter((e) => e.event === 'accepted');
    expect(accepted.map((e) => e.t)).toEqual([10, 1010]); // SYN at 0 and the retry at 1 s
    expect(h.events('app', 'A').map((e) => e.event)).toEqual(['timeout', 'closed']);
    expect(h.b.status(KB)?.state).toBe('ESTABLISHED'); // waits for nothing
  });
  it('an old duplicate SYN opens a server connection nobody asked for', () => {
    const h = new Harness({ b: { variants: { twoWayHandshake: true } }, route: (w) => (w.from === 'B' ? [] : [10]) });
    h.b.listen(80, 128, 0);
    h.inject('B', {
      srcIp: '10.0.0.1', srcPort: 41000, dstIp: '10.0.0.2', dstPort: 80, seq: 777, ack: 0, flags: FLAG.SYN,
      window: 65535, urgent: 0, options: {}, payload: new Uint8Array(0),
    }, 5);
    h.run(100);
    expect(h.b.status('10.0.0.2:80>10.0.0.1:41000')?.state).toBe('ESTABLISHED');
  });
});

describe('TIME-WAIT length (variants.timeWaitMs)', () => {
  /**
   * A sends "OLD" (a copy also arrives 3 s late), closes, and reconnects from the same port. Both ISNs are
   * forced to repeat (as when the ISN clock has wrapped), so the late copy is in sequence for the new incarnation.
   */
  function incarnations(timeWaitMs: number | undefined): { h: Harness; reconnect: () => string } {
    let first = true;
    const h = new Harness({
      a: { variants: timeWaitMs === undefined ? {} : { timeWaitMs }, sysctl: { 'tcplab.isn': 1000 } },
      b: { sysctl: { 'tcplab.isn': 5000 } },
      route: (w) => {
        if (w.from === 'A' && w.len > 0 && first) {
          first = false;
          return [10, 3000];
        }
        return [10];
      },
    });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.at(100, () => h.a.send(KA, text('OLD'), 100));
    h.at(200, () => h.a.close(KA, 200));
    h.at(250, () => h.b.close(KB, 250));
    h.run(400);
    return { h, reconnect: () => h.at(400, () => h.a.connect(40000, '10.0.0.2:80', 400)) };
  }
  it('timeWaitMs 0: the new incarnation accepts the old duplicate as its own data', () => {
    const { h, reconnect } = incarnations(0);
    expect(h.a.status(KA)).toBeUndefined();
    reconnect();
    h.run(5000);
    expect(h.events('state', 'A').filter((e) => e.to === 'CLOSED').map((e) => e.from)).toEqual(['TIME-WAIT']);
    expect(str(h.b.received(KB))).toBe('OLD');
    expect(h.events('app', 'B').filter((e) => e.event === 'data').map((e) => e.t)).toEqual([110, 3100]);
  });
  it('default TIME-WAIT (linux 60 s): the same reconnect is refused while TIME-WAIT holds the port pair', () => {
    const { h, reconnect } = incarnations(undefined);
    expect(h.a.status(KA)?.state).toBe('TIME-WAIT');
    expect(reconnect).toThrow(/already exists/);
  });
});

describe('acceptDataOnThirdAck', () => {
  function run(accept: boolean | undefined): Harness {
    const h = new Harness({ b: { variants: accept === undefined ? {} : { acceptDataOnThirdAck: accept } } });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.a.send(KA, text('early'), 0); // queued in SYN-SENT, rides on the third segment
    h.run(3000);
    return h;
  }
  it('default: data on the third segment is accepted at once', () => {
    const h = run(undefined);
    expect(h.wire[2]?.flags).toBe('AP');
    expect(h.events('app', 'B').filter((e) => e.event === 'data').map((e) => e.t)).toEqual([30]);
  });
  it('false: the data is discarded, the handshake completes, the RTO retransmission delivers it', () => {
    const h = run(false);
    expect(h.b.status(KB)?.state).toBe('ESTABLISHED');
    // linux RTO after a 20 ms handshake RTT is SRTT + max(2 × 20, rto_min 200) = 220 ms: resent at 240, arrives at 250.
    expect(h.events('app', 'B').filter((e) => e.event === 'data').map((e) => e.t)).toEqual([20 + 220 + 10]);
    expect(str(h.b.received(KB))).toBe('early');
  });
});

describe('keepalive', () => {
  it('off by default: an idle connection sends nothing', () => {
    const h = new Harness();
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(10_000_000);
    expect(h.wire.length).toBe(3);
  });
  it('on: probes after keepalive_time, every intvl, abort after probes unanswered', () => {
    const sysctl = {
      'tcplab.keepalive': 1, 'net.ipv4.tcp_keepalive_time': 10, 'net.ipv4.tcp_keepalive_intvl': 2, 'net.ipv4.tcp_keepalive_probes': 3,
    };
    let cut = false;
    const h = new Harness({ a: { sysctl }, route: () => (cut ? [] : [10]) });
    h.b.listen(80, 128, 0);
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(15_000);
    const probes1 = h.sent('A').filter((w) => w.meta.cause.startsWith('keepalive'));
    expect(probes1.map((w) => w.t)).toEqual([10_020]); // answered by B: idle timer restarts
    cut = true;
    h.run(60_000);
    const probes = h.sent('A').filter((w) => w.meta.cause.startsWith('keepalive')).map((w) => w.t);
    expect(probes).toEqual([10_020, 20_040, 22_040, 24_040]); // idle measured from B's answer at 10 040
    const t = h.events('app', 'A').find((e) => e.event === 'timeout');
    expect([t?.t, t?.detail]).toEqual([26_040, 'keepalive: 3 probes unanswered (net.ipv4.tcp_keepalive_probes)']);
  });
});
