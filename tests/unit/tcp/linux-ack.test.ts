// Linux's receiver-side ACK state in the linux profile (src-main/tcp/delack.ts), found by the kernel oracle
// (docs/ORACLE.md findings A and B): quick-ACK mode at the start of a connection, ping-pong (interactive) mode,
// ato 0 before any data, and the delayed ACK of a FIN. Harness: one-way delay 10 ms, B's RTO 200 ms.
import { describe, expect, it } from 'vitest';
import { FLAG } from '../../../src-main/tcp/segment.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import { Harness, text } from './harness.js';

const KA = '10.0.0.1:40000>10.0.0.2:80';
const KB = '10.0.0.2:80>10.0.0.1:40000';

function connected(h: Harness): void {
  h.b.listen(80, 128, 0);
  h.a.connect(40000, '10.0.0.2:80', 0);
  h.run(100);
}

/** B's pure ACKs (no data, no FIN) sent after `afterMs`: [time, cause]. */
function bAcks(h: Harness, afterMs: number): Array<[number, string]> {
  return h.sent('B', 'A').filter((w) => w.t > afterMs).map((w) => [w.t, w.meta.cause]);
}

/** A segment from A to B at B's RCV.NXT (or `seq`) acknowledging everything B sent. */
function fromA(h: Harness, flags: number, payload: Uint8Array, seq?: number): Segment {
  const tcb = h.b.status(KB)!.tcb;
  return {
    srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80,
    seq: seq ?? tcb.rcvNxt, ack: tcb.sndNxt, flags, window: 65535, urgent: 0, options: {}, payload,
  };
}

describe('quick-ACK mode (tcp_event_data_recv → tcp_incr_quickack, tcp_dec_quickack_mode)', () => {
  it('the first 16 data segments are ACKed at once; the 17th and 18th wait 40 ms', () => {
    const h = new Harness();
    connected(h);
    for (let k = 0; k < 18; k++) h.at(200 + 100 * k, () => h.a.send(KA, text('x'), 200 + 100 * k));
    h.run(2100);
    const quick = Array.from({ length: 16 }, (_, k): [number, string] => [210 + 100 * k, 'ACK']);
    expect(bAcks(h, 200)).toEqual([...quick, [1850, 'delayed ACK'], [1950, 'delayed ACK']]);
  });

  it('an idle gap longer than the RTO (200 ms) re-arms quick-ACK mode', () => {
    const h = new Harness();
    connected(h);
    for (let k = 0; k < 17; k++) h.at(200 + 100 * k, () => h.a.send(KA, text('x'), 200 + 100 * k));
    h.run(2000);
    expect(bAcks(h, 1800)).toEqual([[1850, 'delayed ACK']]);
    h.at(2300, () => h.a.send(KA, text('y'), 2300)); // arrives 2310, 500 ms after the last data
    h.run(2500);
    expect(bAcks(h, 2000)).toEqual([[2310, 'ACK']]);
  });
});

describe('ping-pong mode (tcp_event_data_sent, tcp_delack_timer_handler)', () => {
  it('a reply within ato makes the connection interactive: the next request is ACKed by the reply itself', () => {
    const h = new Harness();
    connected(h);
    h.at(200, () => h.a.send(KA, text('ping'), 200));
    h.at(215, () => h.b.send(KB, text('pong'), 215)); // 5 ms after the request arrived: ping-pong mode
    h.at(300, () => h.a.send(KA, text('ping'), 300));
    h.at(320, () => h.b.send(KB, text('pong'), 320));
    h.run(400);
    expect(h.sent('B').filter((w) => w.t >= 200).map((w) => [w.t, w.flags, w.len])).toEqual([
      [210, 'A', 0], [215, 'AP', 4], [320, 'AP', 4],
    ]);
    expect(h.sent('A').filter((w) => w.t >= 200).map((w) => [w.t, w.flags, w.len])).toEqual([
      [200, 'AP', 4], [225, 'A', 0], [300, 'AP', 4], [330, 'A', 0],
    ]);
  });

  it('a delayed ACK the timer had to send ends ping-pong mode: the next request gets a quick ACK', () => {
    const h = new Harness();
    connected(h);
    h.at(200, () => h.a.send(KA, text('ping'), 200));
    h.at(215, () => h.b.send(KB, text('pong'), 215));
    h.at(500, () => h.a.send(KA, text('ping'), 500)); // B does not answer this one
    h.at(700, () => h.a.send(KA, text('ping'), 700));
    h.run(800);
    expect(bAcks(h, 300)).toEqual([[550, 'delayed ACK'], [710, 'ACK']]);
  });

  it('an old duplicate draws an immediate ACK and ends ping-pong mode (tcp_enter_quickack_mode)', () => {
    const h = new Harness();
    connected(h);
    const isnPlus1 = h.b.status(KB)!.tcb.rcvNxt;
    h.at(200, () => h.a.send(KA, text('ping'), 200));
    h.at(215, () => h.b.send(KB, text('pong'), 215));
    h.run(300);
    h.inject('B', fromA(h, FLAG.ACK | FLAG.PSH, text('ping'), isnPlus1), 300);
    h.at(400, () => h.a.send(KA, text('ping'), 400));
    h.run(500);
    expect(bAcks(h, 250)).toEqual([[300, 'ACK for an unacceptable segment (RFC 9293 3.10.7.4 first)'], [410, 'ACK']]);
  });
});

describe('the ACK of a FIN (tcp_fin: inet_csk_schedule_ack + ping-pong mode)', () => {
  it('no data received (ato 0): the ACK leaves one 4 ms tick later', () => {
    const h = new Harness();
    connected(h);
    h.at(200, () => h.a.close(KA, 200));
    h.run(400);
    expect(bAcks(h, 200)).toEqual([[214, 'delayed ACK']]);
    expect(h.states('A').slice(-2)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2']);
  });

  it('data received (ato 40 ms): the ACK waits 40 ms; a close() within that time sends FIN,ACK', () => {
    const h = new Harness();
    connected(h);
    h.at(200, () => h.a.send(KA, text('hello'), 200));
    h.at(300, () => h.a.close(KA, 300));
    h.run(500);
    expect(bAcks(h, 200)).toEqual([[210, 'ACK'], [350, 'delayed ACK']]);

    const h2 = new Harness();
    connected(h2);
    h2.at(200, () => h2.a.send(KA, text('hello'), 200));
    h2.at(300, () => h2.a.close(KA, 300));
    h2.at(330, () => h2.b.close(KB, 330));
    h2.run(500);
    expect(h2.sent('B').filter((w) => w.t > 200).map((w) => [w.t, w.flags])).toEqual([[210, 'A'], [330, 'AF']]);
  });

  it('data and FIN in one segment: the FIN switches quick-ACK off, so the ACK is delayed 40 ms', () => {
    // A never sent the injected segment: A's answers to B's ACK of it are dropped.
    const h = new Harness({ route: (w) => (w.from === 'A' && w.t >= 200 ? [] : [10]) });
    connected(h);
    h.run(200);
    const seg = fromA(h, FLAG.ACK | FLAG.PSH | FLAG.FIN, text('bye'));
    h.inject('B', seg, 200);
    h.run(400);
    expect(h.sent('B').filter((w) => w.t >= 200).map((w) => [w.t, w.flags, w.seg.ack, w.meta.cause])).toEqual([
      [240, 'A', (seg.seq + 4) >>> 0, 'delayed ACK'],
    ]);
    expect(h.b.status(KB)?.state).toBe('CLOSE-WAIT');
  });

  it('rfc acknowledges a FIN at once and has no quick-ACK mode', () => {
    const h = new Harness({ a: { profile: 'rfc' }, b: { profile: 'rfc' } });
    connected(h);
    h.at(200, () => h.a.send(KA, text('hello'), 200));
    h.at(600, () => h.a.close(KA, 600));
    h.run(800);
    expect(bAcks(h, 200)).toEqual([[410, 'delayed ACK'], [610, 'ACK']]);
  });
});
