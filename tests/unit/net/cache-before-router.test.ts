// Caching a packet that is still on its sender's link ('link-in'): the router cannot keep a copy of what it has
// not had, so the copy is made when the packet arrives (router.ts cache), as duplicates are. A packet dropped on
// its way leaves nothing to replay, and the refusal says so, naming the packet.
// Timeline (interventions.test.ts): A's "hello" #4 leaves A at 100 ms, reaches the router at 110, B at 120.
import { describe, expect, it } from 'vitest';
import { NetError } from '../../../src-main/net/errors.js';
import type { Intervention } from '../../../src-main/net/interventions.js';
import { Network } from '../../../src-main/net/network.js';
import type { StepSpec } from '../../../src-main/net/spec.js';
import { CONNECT, LISTEN, Recorder, spec, start } from './helpers.js';

const SEND_HELLO: StepSpec = { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'hello' };
const HELLO = () => spec({ steps: [LISTEN, CONNECT, SEND_HELLO] });

function refusal(net: Network, cmd: Intervention): NetError {
  try {
    net.apply(cmd);
  } catch (e) {
    if (e instanceof NetError) return e;
    throw e;
  }
  throw new Error(`${cmd.op} was not refused`);
}

describe('cache of a packet on its way to the router', () => {
  it('the router keeps its copy when the packet arrives, not before', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    expect(net.apply({ atMs: 105, op: 'cache', id: 4 })).toEqual({ status: 'applied', newIds: [], call: null });
    expect(rec.of('router.cache')).toEqual([]);
    expect(net.routerView().cached).toEqual([]);
    net.runUntil(110);
    expect(rec.of('router.cache').map((e) => [e.t, e.id, e.by])).toEqual([[110, 4, 'user']]);
    expect(net.routerView().cached.map((c) => [c.id, c.cachedMs, c.by])).toEqual([[4, 110, 'user']]);
    expect(net.packet(4)?.notes).toEqual(['cache ordered by user at 105 ms: kept when it reaches the router', 'cached by user']);
  });

  it('dropped before it reached the router: replay is refused, naming the packet, and nothing changes', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'cache', id: 4 });
    net.runUntil(107);
    net.apply({ atMs: 107, op: 'drop', id: 4 });
    net.runUntil(200);
    const before = rec.lines().length;
    const err = refusal(net, { atMs: 200, op: 'replay', id: 4 });
    expect(err.code).toBe('not-cached');
    expect(err.path).toBe('id');
    expect(err.message).toBe('packet #4 cannot be replayed: it was dropped at 107 ms (dropped by user) before it reached the router, so the router never had a copy');
    expect(net.actions().map((a) => a.op)).toEqual(['cache', 'drop']);
    expect(rec.lines().length).toBe(before);
    expect(rec.of('router.cache')).toEqual([]);
    expect(rec.of('router.replay')).toEqual([]);
    expect(net.routerView().cached).toEqual([]);
  });

  it('edited on its way: the router keeps the edit that arrives; replaying the original says which to use', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'cache', id: 4 });
    net.runUntil(106);
    expect(net.apply({ atMs: 106, op: 'edit', id: 4, fields: { window: 1000 } })).toMatchObject({ newIds: [5] });
    net.runUntil(150);
    expect(rec.of('router.cache').map((e) => [e.t, e.id])).toEqual([[110, 5]]);
    expect(refusal(net, { atMs: 150, op: 'replay', id: 4 }).message)
      .toBe('packet #4 cannot be replayed: it was replaced by its edit #5 before it reached the router; the router keeps #5 instead');
    expect(net.apply({ atMs: 150, op: 'replay', id: 5 })).toMatchObject({ status: 'applied' });
    expect(rec.of('router.replay').map((e) => e.of)).toEqual([5]);
  });

  it('replaying the action log reproduces the trace byte for byte', () => {
    const { net, rec } = start(HELLO());
    net.runUntil(105);
    net.apply({ atMs: 105, op: 'cache', id: 4 });
    net.runUntil(300);
    net.apply({ atMs: 300, op: 'replay', id: 4 });
    net.runUntil(2000);
    const again = new Recorder();
    const replayed = Network.replay(HELLO(), again, net.actions());
    replayed.runUntil(2000);
    expect(again.lines()).toEqual(rec.lines());
  });
});
