// Router timing, queues and bandwidth, driven by injected packets into stacks that never answer.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { SilentStack } from './fake-stack.js';

function setup(bLink: RunSpec['hosts'][number]['link'] = undefined) {
  const events: TraceEvent[] = [];
  const stacks = new Map<string, SilentStack>();
  const spec: RunSpec = {
    seed: 1, profile: 'linux', network: { delayMs: 10 }, rules: [], steps: [], untilMs: 1000,
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2', link: bLink }],
  };
  const net = new Network(spec, { emit: (e) => events.push(e) }, {
    createStack: (o) => {
      const st = new SilentStack(o);
      stacks.set(o.host, st);
      return st;
    },
  });
  const inject = (seq: number, payloadText = '') =>
    net.apply({ atMs: net.nowMs, op: 'inject', from: 'A', seg: { srcPort: 1, dstIp: '10.0.0.2', dstPort: 2, seq, flags: 'A', payloadText } });
  return { net, events, b: stacks.get('B')!, inject };
}

describe('router mechanics', () => {
  it('takes sender delay + receiver delay with infinite bandwidth', () => {
    const { net, events, b, inject } = setup({ delayMs: 25 });
    inject(1);
    net.runUntil(100);
    expect(b.inputs.map((i) => [i.nowMs, i.id])).toEqual([[35, 1]]);
    expect(events.map((e) => `${e.t} ${e.kind}`)).toEqual(['0 segment.send', '35 segment.recv']);
  });

  it('serializes at the receiver link bandwidth and lets the user move a waiting packet', () => {
    // 8000 bit/s = 1 byte per ms; a bare 40-byte packet takes 40 ms on the wire.
    const { net, b, inject, events } = setup({ delayMs: 10, bandwidthBps: 8000 });
    inject(1); inject(2); inject(3);
    net.runUntil(10); // all three reached the router at 10 ms: #1 on the wire, #2 and #3 waiting
    expect(events.filter((e) => e.kind === 'router.queue').map((e) => e.kind === 'router.queue' && [e.id, e.toward, e.depth, e.capacity]))
      .toEqual([[1, 'B', 1, 1000], [2, 'B', 2, 1000], [3, 'B', 3, 1000]]);
    const view = net.routerView();
    expect(view.queues.find((q) => q.toward === 'B')).toEqual({ toward: 'B', capacity: 1000, bandwidthBps: 8000, busyUntilMs: 50, ids: [1, 2, 3] });
    expect(() => net.apply({ atMs: 10, op: 'move', id: 1, toIndex: 1 })).toThrow(/already being sent/);
    net.apply({ atMs: 10, op: 'move', id: 3, toIndex: 0 });
    net.runUntil(500);
    expect(b.inputs.map((i) => [i.nowMs, i.id])).toEqual([[60, 1], [100, 3], [140, 2]]);
    expect(events.filter((e) => e.kind === 'router.move')).toEqual([
      { t: 10, kind: 'router.move', host: 'router', conn: '10.0.0.1:1>10.0.0.2:2', id: 3, by: 'user', from: 1, to: 0 },
    ]);
  });

  it('drops at the tail when the queue toward a host is full, and names the capacity', () => {
    const { net, b, inject, events } = setup({ bandwidthBps: 8000, queueCapacity: 2 });
    inject(1); inject(2); inject(3);
    net.runUntil(500);
    expect(b.inputs.map((i) => i.id)).toEqual([1, 2]);
    const drop = events.find((e) => e.kind === 'segment.drop');
    expect(drop).toMatchObject({ t: 10, host: 'router', id: 3, reason: 'router queue full (capacity 2)' });
    expect(net.packet(3)?.fate).toEqual({ state: 'dropped', atMs: 10, reason: 'router queue full (capacity 2)' });
  });

  it('drops packets to an address no host has', () => {
    const { net, events } = setup();
    net.apply({ atMs: 0, op: 'inject', from: 'A', seg: { srcPort: 1, dstIp: '10.9.9.9', dstPort: 2, seq: 0, flags: 'S' } });
    net.runUntil(100);
    expect(events.at(-1)).toMatchObject({ t: 10, kind: 'segment.drop', host: 'router', reason: 'no route to address 10.9.9.9' });
  });

  it('dropping the packet on the wire frees the link for the next one at once', () => {
    const { net, b, inject } = setup({ bandwidthBps: 8000 });
    inject(1); inject(2);
    net.runUntil(30);
    net.apply({ atMs: 30, op: 'drop', id: 1 });
    net.runUntil(500);
    expect(b.inputs.map((i) => [i.nowMs, i.id])).toEqual([[80, 2]]); // 30 + 40 serialization + 10 link
  });
});
