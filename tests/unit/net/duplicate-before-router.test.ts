// Duplicating a packet that is still on its sender's link ('link-in'): the router cannot copy what it has not
// had, so the copies are made when the original arrives and go on right behind it (router.ts duplicate).
// Timeline (interventions.test.ts): A's "hello" #4 leaves A at 100 ms, reaches the router at 110, B at 120.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/net/network.js';
import type { StepSpec } from '../../../src-main/net/spec.js';
import { BA, CONNECT, LISTEN, Recorder, spec, start, text } from './helpers.js';

const SEND_HELLO: StepSpec = { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'hello' };
const HELLO = () => spec({ steps: [LISTEN, CONNECT, SEND_HELLO] });
const helloAtB = (rec: Recorder) => rec.of('segment.recv').filter((e) => e.host === 'B' && e.seg.len === 5).map((e) => [e.t, e.id]);

describe('duplicate of a packet on its way to the router', () => {
  it('the copies leave the router when the original reaches it and arrive after it', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    expect(net.routerView().packets.map((p) => [p.id, p.where, p.untilMs])).toEqual([[4, 'link-in', 110]]);
    expect(net.apply({ atMs: 105, op: 'duplicate', id: 4, count: 2 })).toEqual({ status: 'applied', newIds: [], call: null });
    expect(rec.of('router.duplicate')).toEqual([]);
    net.runUntil(1000);
    expect(rec.of('router.duplicate').map((e) => [e.t, e.id, e.by, e.copies])).toEqual([[110, 4, 'user', [5, 6]]]);
    expect([5, 6].map((id) => net.packet(id)?.sentMs)).toEqual([110, 110]);
    expect(helloAtB(rec)).toEqual([[120, 4], [120, 5], [120, 6]]); // the original first
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'data').map((e) => [e.t, e.bytes])).toEqual([[120, 5]]);
    expect(text(net.stack('B').received(BA))).toBe('hello');
    expect(net.packet(4)?.notes).toEqual(['2 duplicate(s) ordered by user at 105 ms: made when it reaches the router', 'duplicated 2x by user: #5, #6']);
  });

  it('the SYN-ACK of the QA report: its copy no longer reaches A first', () => {
    const { net, rec } = start(spec());
    net.runUntil(20);
    net.apply({ atMs: 20, op: 'duplicate', id: 2 });
    net.runUntil(1000);
    const synAcks = rec.of('segment.recv').filter((e) => e.host === 'A' && e.seg.flags === 'SA').map((e) => [e.t, e.id]);
    expect(synAcks).toEqual([[40, 2], [40, 3]]);
    expect(rec.of('tcp.drop').filter((e) => e.id === 2)).toEqual([]); // A accepts the real one
  });

  it('a delay on the link delays the copies with the original', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(102);
    net.apply({ atMs: 102, op: 'duplicate', id: 4 });
    net.runUntil(104);
    net.apply({ atMs: 104, op: 'delay', id: 4, delayMs: 50 });
    net.runUntil(1000);
    expect(rec.of('router.duplicate').map((e) => [e.t, e.copies])).toEqual([[160, [5]]]);
    expect(helloAtB(rec)).toEqual([[170, 4], [170, 5]]);
  });

  it('dropped before it reaches the router: no copies', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'duplicate', id: 4 });
    net.apply({ atMs: 105, op: 'drop', id: 4 });
    net.runUntil(150);
    expect(rec.of('router.duplicate')).toEqual([]);
    expect(helloAtB(rec)).toEqual([]);
  });

  it('edited before it reaches the router: the router copies the edited packet', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'duplicate', id: 4 });
    net.apply({ atMs: 106, op: 'edit', id: 4, fields: { payloadText: 'HELLO' } }); // edit #5 replaces #4
    net.runUntil(1000);
    expect(rec.of('router.duplicate').map((e) => [e.t, e.id, e.copies])).toEqual([[110, 5, [6]]]);
    expect(net.packet(6)?.lineage).toEqual({ type: 'duplicate', of: 5 });
    expect(helloAtB(rec)).toEqual([[120, 5], [120, 6]]);
    expect(text(net.stack('B').received(BA))).toBe('HELLO');
  });

  it('replaying the action log reproduces the trace byte for byte, and a clone taken in between runs on alike', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'duplicate', id: 4, count: 2 });
    net.apply({ atMs: 107, op: 'duplicate', id: 4 });
    const cloneRec = new Recorder();
    const copy = net.clone(cloneRec);
    net.runUntil(2000);
    copy.runUntil(2000);
    expect(rec.of('router.duplicate').map((e) => [e.t, e.copies])).toEqual([[110, [5, 6]], [110, [7]]]);
    const again = new Recorder();
    const replayed = Network.replay(HELLO(), again, net.actions());
    replayed.runUntil(2000);
    expect(again.lines()).toEqual(rec.lines());
    expect(cloneRec.lines()).toEqual(rec.lines().filter((l) => JSON.parse(l).t > 107));
  });

  it('replay of a packet cached before it reached the router is refused until it has', () => {
    const { net } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'cache', id: 4 });
    expect(() => net.apply({ atMs: 105, op: 'replay', id: 4 })).toThrow('packet #4 cannot be replayed yet: it has not reached the router (it arrives at 110 ms)');
    expect(net.actions().map((a) => a.op)).toEqual(['cache']);
    net.runUntil(110);
    expect(net.apply({ atMs: 110, op: 'replay', id: 4 })).toEqual({ status: 'applied', newIds: [5], call: null });
  });
});
