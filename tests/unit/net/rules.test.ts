// Each fault rule on a real TCP exchange: client A (10.0.0.1:40000) and server B (10.0.0.2:80), linux
// profile, 10 ms from each host to the router (20 ms one way). Handshake without faults: SYN #1 at 0,
// SYN-ACK #2 at 20, ACK #3 at 40 (B is ESTABLISHED at 60).
import { describe, expect, it } from 'vitest';
import type { StepSpec } from '../../../src-main/net/spec.js';
import { AB, BA, CONNECT, LISTEN, spec, start, text } from './helpers.js';

const SEND_HELLO: StepSpec = { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'hello' };
const SEND_3000: StepSpec = { atMs: 100, host: 'A', call: 'send', port: 40000, bytes: 3000 };

describe('rule actions', () => {
  it('drop: losing the SYN-ACK makes the client resend its SYN at 1000 ms and the server its SYN-ACK', () => {
    const { net, rec } = start(spec({ rules: [{ match: { from: 'B', flags: 'SA', nth: 1 }, action: 'drop' }] }));
    net.runUntil(2000);
    expect(rec.packetLog().slice(0, 6)).toEqual([
      '0 send A S 0 #1',
      '20 recv B S 0 #1',
      '20 send B SA 0 #2',
      '30 drop router SA 0 #2', // at the router: 20 ms sent + 10 ms link
      '1000 send A S 0 #3', // linux initial RTO 1 s (RFC 6298 2.1)
      '1020 send B SA 0 #4', // B's SYN-ACK timer: 1 s after 20 ms
    ]);
    expect(rec.of('segment.drop')[0]).toMatchObject({ id: 2, reason: 'rule 1 (drop)' });
    expect(rec.of('segment.send').find((e) => e.id === 3)?.lineage).toEqual({ type: 'retransmission', of: 1 });
    expect(rec.of('segment.send').find((e) => e.id === 4)?.lineage).toEqual({ type: 'retransmission', of: 2 });
    expect(rec.of('app').filter((e) => e.event === 'connected').map((e) => e.t)).toEqual([1040]);
    expect(net.packet(2)?.fate).toEqual({ state: 'dropped', atMs: 30, reason: 'rule 1 (drop)' });
  });

  it('delay: the first SYN-ACK is parked 3000 ms; a retransmitted one completes the handshake first', () => {
    const { net, rec } = start(spec({ rules: [{ match: { from: 'B', flags: 'SA', nth: 1 }, action: 'delay', delayMs: 3000 }] }));
    net.runUntil(4000);
    expect(rec.of('router.delay')).toEqual([
      { t: 30, kind: 'router.delay', host: 'router', conn: BA, id: 2, by: 'rule 1 (delay)', delayMs: 3000, untilMs: 3030 },
    ]);
    expect(rec.of('segment.recv').filter((e) => e.id === 2).map((e) => [e.t, e.host])).toEqual([[3040, 'A']]);
    expect(rec.of('app').filter((e) => e.event === 'connected').map((e) => e.t)).toEqual([1040]);
  });

  it('duplicate: the receiver sees the data segment twice, the application gets it once', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO], rules: [{ match: { from: 'A', flagsAny: 'P' }, action: 'duplicate', count: 1 }] }));
    net.runUntil(1000);
    const dup = rec.of('router.duplicate');
    expect(dup).toEqual([{ t: 110, kind: 'router.duplicate', host: 'router', conn: AB, id: 4, by: 'rule 1 (duplicate)', copies: [5] }]);
    expect(rec.of('segment.recv').filter((e) => e.host === 'B' && e.seg.len === 5).map((e) => [e.t, e.id])).toEqual([[120, 4], [120, 5]]);
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'data').map((e) => e.bytes)).toEqual([5]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
    expect(net.packet(5)?.lineage).toEqual({ type: 'duplicate', of: 4 });
  });

  it('reorder: the first full segment waits until one later packet toward B has passed', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_3000], rules: [{ match: { from: 'A', len: 1460, nth: 1 }, action: 'reorder', after: 1 }] }));
    net.runUntil(2000);
    expect(rec.of('router.reorder')).toEqual([{ t: 110, kind: 'router.reorder', host: 'router', conn: AB, id: 4, by: 'rule 1 (reorder)', after: 1 }]);
    expect(rec.of('router.release')).toEqual([{ t: 110, kind: 'router.release', host: 'router', conn: AB, id: 4, by: 'rule 1 (reorder)', parkedMs: 0 }]);
    // #5 overtakes #4 at the router; B gets the second segment first, then the first.
    expect(rec.of('segment.recv').filter((e) => e.host === 'B' && e.seg.len > 0).map((e) => e.id)).toEqual([5, 4, 6]);
    const got = net.stack('B').received(BA);
    expect(got.length).toBe(3000);
    expect(text(got.subarray(0, 28))).toBe('abcdefghijklmnopqrstuvwxyzab');
  });

  it('seqFrom/seqTo are relative to the sender\'s ISN: only the second segment (bytes 1461-2920) is dropped', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_3000], rules: [{ match: { from: 'A', seqFrom: 1461, seqTo: 1461 }, action: 'drop' }] }));
    net.runUntil(400);
    // Without nth the rule also catches #5's RTO retransmission (#9 at 380 ms: the timer restarts when the first
    // segment's ACK arrives at 140 ms, and linux's RTO is SRTT 40 + rto_min 200 = 240 ms).
    // (#7 and #8 are B's quick ACKs: Linux ACKs the first data segments at once, and #8 is the duplicate ACK.)
    expect(rec.of('segment.drop').map((e) => [e.t, e.id, e.seg.len, e.reason])).toEqual([[110, 5, 1460, 'rule 1 (drop)'], [390, 9, 1460, 'rule 1 (drop)']]);
    expect(net.packet(9)?.lineage).toEqual({ type: 'retransmission', of: 5 });
    expect(rec.of('segment.recv').filter((e) => e.host === 'B' && e.seg.len > 0).map((e) => e.id)).toEqual([4, 6]);
  });

  it('corrupt: the receiver drops the segment for its bad checksum, then the retransmission gets through', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO], rules: [{ match: { from: 'A', flagsAny: 'P', nth: 1 }, action: 'corrupt' }] }));
    net.runUntil(2000);
    expect(rec.of('router.corrupt')).toEqual([{ t: 110, kind: 'router.corrupt', host: 'router', conn: AB, id: 4, by: 'rule 1 (corrupt)' }]);
    expect(rec.of('segment.drop').map((e) => [e.t, e.host, e.id, e.reason])).toEqual([[120, 'B', 4, 'bad TCP checksum (corrupted by rule 1)']]);
    // RTO after one 40 ms RTT sample is linux's SRTT + max(2 × 40, rto_min 200) = 240 ms: the retransmission leaves at 340 ms.
    const retx = rec.of('segment.send').filter((e) => e.lineage.type === 'retransmission');
    expect(retx.map((e) => [e.t, e.id, e.lineage])).toEqual([[340, 5, { type: 'retransmission', of: 4 }]]);
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'data').map((e) => [e.t, e.bytes])).toEqual([[360, 5]]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
    expect(net.packet(4)?.corrupt?.by).toBe('rule 1');
  });

  it('hold: the packet stays in the router until released, then arrives', () => {
    const { net, rec } = start(spec({ rules: [{ match: { from: 'B', flags: 'SA', nth: 1 }, action: 'hold' }] }));
    net.runUntil(500);
    expect(net.routerView().packets.map((p) => [p.id, p.where, p.by])).toEqual([[2, 'held', 'rule 1 (hold)']]);
    net.apply({ atMs: 500, op: 'release', id: 2 });
    net.runUntil(600);
    expect(rec.of('router.release')).toEqual([{ t: 500, kind: 'router.release', host: 'router', conn: BA, id: 2, by: 'user', parkedMs: 470 }]);
    expect(rec.of('app').filter((e) => e.event === 'connected').map((e) => e.t)).toEqual([510]);
  });

  it('cache: the packet is delivered and a copy stays in the router cache', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO], rules: [{ match: { from: 'A', flagsAny: 'P' }, action: 'cache' }] }));
    net.runUntil(500);
    expect(rec.of('router.cache').map((e) => [e.t, e.id, e.by])).toEqual([[110, 4, 'rule 1 (cache)']]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
    expect(net.routerView().cached.map((c) => [c.id, c.label])).toEqual([[4, '[PSH, ACK] Seq=1 Ack=1 Win=131072 Len=5']]);
  });

  it('probability draws from the rule\'s own seeded stream: same seed, same losses', () => {
    const run = (seed: number) => {
      const { net, rec } = start(spec({ seed, steps: [LISTEN, CONNECT, SEND_3000], rules: [{ match: { from: 'A', probability: 0.5 }, action: 'drop' }] }));
      net.runUntil(20_000);
      return rec.of('segment.drop').map((e) => e.id);
    };
    expect(run(4)).toEqual([1, 2, 7, 10]);
    expect(run(4)).toEqual([1, 2, 7, 10]);
    // Seed 7 loses the first SYN only: linux keeps IW 10 after one SYN retransmission, so the 3000 bytes go out at
    // once as packets 4-6 (1460, 1460, 80) and the second loss is packet 6 (with cwnd 1 they went one by one).
    expect(run(7)).toEqual([1, 6]);
  });

  it('rules are ordered and can be added, moved, disabled and removed by command', () => {
    const steps: StepSpec[] = [LISTEN, CONNECT, SEND_HELLO, { atMs: 200, host: 'A', call: 'send', port: 40000, data: 'world' }];
    const { net, rec } = start(spec({ steps, rules: [{ id: 'keep', match: { from: 'A', flagsAny: 'P' }, action: 'cache' }] }));
    const rules = net.rules();
    rules.add({ id: 'lose', match: { from: 'A', flagsAny: 'P' }, action: 'drop' });
    expect(rules.list().map((r) => r.id)).toEqual(['keep', 'lose']);
    net.runUntil(150);
    expect(rec.of('segment.drop')).toEqual([]); // #4 "hello": 'keep' fits first: the first rule that fires wins
    rules.move('lose', 0);
    net.runUntil(250);
    expect(rec.of('segment.drop').map((e) => [e.t, e.id, e.reason])).toEqual([[210, 6, 'rule lose (drop)']]);
    rules.enable('lose', false);
    net.runUntil(1000); // the RTO retransmission of "world" passes: 'keep' caches it
    expect(text(net.stack('B').received(BA))).toBe('helloworld');
    rules.remove('lose');
    expect(rules.list().map((r) => [r.id, r.enabled, r.fired])).toEqual([['keep', true, 2]]);
    expect(rec.of('rule.change').map((e) => `${e.t} ${e.rule} ${e.detail}`)).toEqual([
      '0 lose added at position 1: drop', '150 lose moved to position 0', '250 lose disabled', '1000 lose removed',
    ]);
    expect(net.actions().map((a) => `${a.atMs} ${a.op}`)).toEqual(['0 rule.add', '150 rule.move', '250 rule.enable', '1000 rule.remove']);
  });
});
