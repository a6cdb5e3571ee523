// Each user intervention on a real TCP exchange (see rules.test.ts for the timeline): A's SYN #1 at 0,
// B's SYN-ACK #2 leaves at 20 ms and is on B's link until 30 ms, on A's link 30-40 ms; A's "hello" #4
// leaves at 100 ms and reaches the router at 110 ms.
import { describe, expect, it } from 'vitest';
import type { RunSpec, StepSpec } from '../../../src-main/net/spec.js';
import { isUserDrop, USER_DROP_REASON } from '../../../src-main/contract/drop-text.js';
import { AB, A_IP, BA, B_IP, CONNECT, LISTEN, spec, start, text } from './helpers.js';

const SEND_HELLO: StepSpec = { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'hello' };
const connectedAt = (rec: ReturnType<typeof start>['rec']) => rec.of('app').filter((e) => e.event === 'connected').map((e) => e.t);

describe('interventions on packets in flight', () => {
  it('drop: the user drops the SYN-ACK on its way; both sides retransmit as with a lost packet', () => {
    const { net, rec } = start(spec());
    net.runUntil(25);
    expect(net.routerView().packets.map((p) => [p.id, p.where, p.untilMs])).toEqual([[2, 'link-in', 30]]);
    net.apply({ atMs: 25, op: 'drop', id: 2 });
    net.runUntil(2000);
    expect(rec.of('segment.drop').map((e) => [e.t, e.id, e.reason])).toEqual([[25, 2, 'dropped by user']]);
    // The displays recognise the user's drop by this reason (contract/drop-text.ts): the two must agree.
    expect(rec.of('segment.drop').map((e) => isUserDrop(e.reason))).toEqual([true]);
    expect(USER_DROP_REASON).toBe('dropped by user');
    expect(rec.of('segment.send').filter((e) => e.lineage.type === 'retransmission').map((e) => [e.t, e.host, e.id])).toEqual([[1000, 'A', 3], [1020, 'B', 4], [1020, 'B', 5]]);
    expect(connectedAt(rec)).toEqual([1040]);
  });

  it('delay: 500 ms more on the link makes the SYN-ACK arrive at 540 ms', () => {
    const { net, rec } = start(spec());
    net.runUntil(25);
    net.apply({ atMs: 25, op: 'delay', id: 2, delayMs: 500 });
    net.runUntil(1000);
    expect(rec.of('router.delay')).toEqual([{ t: 25, kind: 'router.delay', host: 'router', conn: BA, id: 2, by: 'user', delayMs: 500, untilMs: 530 }]);
    expect(rec.of('segment.recv').filter((e) => e.id === 2).map((e) => e.t)).toEqual([540]);
    expect(connectedAt(rec)).toEqual([540]);
  });

  it('hold and release: a held SYN-ACK released at 700 ms arrives at 710 ms', () => {
    const { net, rec } = start(spec());
    net.runUntil(25);
    net.apply({ atMs: 25, op: 'hold', id: 2 });
    net.runUntil(700);
    expect(net.routerView().packets).toEqual([{
      id: 2, conn: BA, from: 'B', to: 'A', label: '[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0 MSS=1460 SACK_PERM WS=4', lineage: { type: 'original' },
      where: 'held', position: null, sinceMs: 25, untilMs: null, by: 'user', notes: ['held by user at 25 ms'],
    }]);
    net.apply({ atMs: 700, op: 'release', id: 2 });
    net.runUntil(800);
    expect(rec.of('router.release')).toEqual([{ t: 700, kind: 'router.release', host: 'router', conn: BA, id: 2, by: 'user', parkedMs: 675 }]);
    expect(connectedAt(rec)).toEqual([710]);
  });

  it('duplicate: two copies made in the router go on behind the original; the application reads "hello" once', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO] }));
    net.runUntil(112); // "hello" #4 left the router at 110: it is on B's link until 120
    const res = net.apply({ atMs: 112, op: 'duplicate', id: 4, count: 2 });
    expect(res).toEqual({ status: 'applied', newIds: [5, 6], call: null });
    net.runUntil(1000);
    expect(rec.of('segment.recv').filter((e) => e.host === 'B' && e.seg.len === 5).map((e) => [e.t, e.id])).toEqual([[120, 4], [122, 5], [122, 6]]);
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'data').map((e) => [e.t, e.bytes])).toEqual([[120, 5]]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
  });

  it('corrupt: the user flips bits; B drops it for its checksum and A retransmits', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO] }));
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'corrupt', id: 4 });
    net.runUntil(1000);
    expect(rec.of('segment.drop').map((e) => [e.t, e.host, e.id, e.reason])).toEqual([[120, 'B', 4, 'bad TCP checksum (corrupted by user)']]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
  });

  it('edit flags: turning "hello" into an RST resets B\'s connection', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO] }));
    net.runUntil(105);
    const res = net.apply({ atMs: 105, op: 'edit', id: 4, fields: { flags: 'RA' } });
    expect(res).toEqual({ status: 'applied', newIds: [5], call: null });
    net.runUntil(130);
    expect(rec.of('router.edit').map((e) => [e.t, e.id, e.of, e.seg.flags, e.changes])).toEqual([[105, 5, 4, 'AR', ['flags -> RA']]]);
    expect(rec.of('segment.recv').filter((e) => e.host === 'B').map((e) => [e.t, e.id, e.seg.flags]).at(-1)).toEqual([120, 5, 'AR']);
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'reset').map((e) => e.t)).toEqual([120]);
    expect(net.stack('B').status(BA)).toBeUndefined();
    expect(net.packet(4)?.fate).toEqual({ state: 'replaced', atMs: 105, by: 5 });
    expect(net.packet(5)?.lineage).toEqual({ type: 'edited', of: 4 });
  });

  it('edit payload: B\'s application reads the edited bytes (the checksum is recomputed)', () => {
    const { net } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO] }));
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'edit', id: 4, fields: { payloadText: 'HELLO' } });
    net.runUntil(1000);
    expect(text(net.stack('B').received(BA))).toBe('HELLO');
  });

  it('inject: a spoofed RST from a third host resets B; A learns only when it next sends', () => {
    const s: RunSpec = spec({ steps: [LISTEN, CONNECT, { atMs: 200, host: 'A', call: 'send', port: 40000, data: 'late' }] });
    s.hosts.push({ name: 'M', ip: '10.0.0.66' });
    const { net, rec } = start(s);
    net.runUntil(100);
    const rcvNxt = net.stack('B').status(BA)!.tcb.rcvNxt;
    net.apply({ atMs: 100, op: 'inject', from: 'M', seg: { srcIp: A_IP, srcPort: 40000, dstIp: B_IP, dstPort: 80, seq: rcvNxt, flags: 'R' } });
    net.runUntil(1000);
    const sent = rec.of('segment.send').find((e) => e.lineage.type === 'injected');
    expect(sent).toMatchObject({ t: 100, host: 'M', conn: AB, seg: { flags: 'R', seq: rcvNxt }, cause: 'injected by user' });
    const resets = rec.of('app').filter((e) => e.event === 'reset').map((e) => [e.t, e.host]);
    expect(resets).toEqual([[120, 'B'], [240, 'A']]); // A's "late" at 200 draws B's RST, back at 240
    expect(net.packet(sent!.id)?.notes).toEqual(['injected by user from M, spoofing 10.0.0.1']);
  });

  it('move: in a slow queue toward A, the user sends the last segment ahead of the middle one', () => {
    const s = spec({ steps: [LISTEN, CONNECT, { atMs: 100, host: 'B', call: 'send', port: 80, bytes: 3000 }] }, { A: { link: { delayMs: 10, bandwidthBps: 80_000 } } });
    const { net, rec } = start(s);
    net.runUntil(110);
    // 1500-byte packets take 150 ms at 80 kbit/s: #4 is on the wire until 260 ms, #5 and #6 wait.
    expect(net.routerView().queues.find((q) => q.toward === 'A')).toEqual({ toward: 'A', capacity: 1000, bandwidthBps: 80_000, busyUntilMs: 260, ids: [4, 5, 6] });
    net.apply({ atMs: 110, op: 'move', id: 6, toIndex: 0 });
    net.runUntil(3000);
    // A quick-ACKs #4 at 270 ms (Linux quick-ACK mode), which restarts B's retransmission timer, so no
    // spurious retransmission follows: the moved #6 arrives before #5.
    expect(rec.of('segment.recv').filter((e) => e.host === 'A' && e.seg.len > 0).map((e) => [e.t, e.id])).toEqual([[270, 4], [282, 6], [432, 5]]);
    expect(net.stack('A').received(AB).length).toBe(3000);
  });

  it('cache and replay: a copy kept by the user comes back later as "replay of #4" and B discards it as old', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, SEND_HELLO] }));
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'cache', id: 4 });
    net.runUntil(500);
    expect(net.apply({ atMs: 500, op: 'replay', id: 4 })).toEqual({ status: 'applied', newIds: [6], call: null });
    net.runUntil(600);
    expect(net.packet(6)?.lineage).toEqual({ type: 'replay', of: 4 });
    expect(rec.of('segment.recv').filter((e) => e.id === 6).map((e) => [e.t, e.host])).toEqual([[510, 'B']]);
    // Already acknowledged data: RFC 9293 3.10.7.4 makes B answer with an ACK and drop it.
    expect(rec.of('tcp.drop').filter((e) => e.id === 6).map((e) => [e.t, e.host])).toEqual([[510, 'B']]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
  });

  it('a command scheduled for later has the same effect as applying it at that time', () => {
    const direct = start(spec());
    direct.net.runUntil(25);
    direct.net.apply({ atMs: 25, op: 'drop', id: 2 });
    direct.net.runUntil(3000);
    const scheduled = start(spec());
    expect(scheduled.net.apply({ atMs: 25, op: 'drop', id: 2 })).toEqual({ status: 'scheduled', atMs: 25 });
    scheduled.net.runUntil(3000);
    expect(scheduled.rec.lines()).toEqual(direct.rec.lines());
    expect(scheduled.net.actions()).toEqual(direct.net.actions());
  });

  it('a scheduled command that is impossible when its time comes emits command.error', () => {
    const { net, rec } = start(spec());
    net.apply({ atMs: 100, op: 'drop', id: 1 });
    net.runUntil(200);
    expect(rec.of('command.error')).toEqual([
      { t: 100, kind: 'command.error', host: 'router', op: 'drop', code: 'already-delivered', message: 'packet #1 was already delivered at 20 ms' },
    ]);
  });
});
