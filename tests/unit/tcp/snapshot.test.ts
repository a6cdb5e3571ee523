// Snapshots and determinism: a stack holds no closures but its sink and transmit, survives a prototype-
// preserving deep clone + rebind() and then behaves exactly like the original; same inputs → same trace.
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src-main/tcp/segment.js';
import type { TcpStack } from '../../../src-main/tcp/stack.js';
import type { TcpTraceEvent } from '../../../src-main/tcp/trace.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { Harness, pattern } from './harness.js';

/** Paths of every function reachable from root (own enumerable properties; Maps, Sets, arrays). */
function functionPaths(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'function') {
      out.push(path);
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || ArrayBuffer.isView(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.get(${String(k)})`);
      return;
    }
    if (v instanceof Set) return;
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(root, 'stack');
  return out;
}

/** A minimal prototype-preserving deep clone (what net/clone.ts does), refusing functions. */
function deepClone<T>(root: T): T {
  const memo = new Map<unknown, unknown>();
  const clone = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (memo.has(v)) return memo.get(v);
    if (ArrayBuffer.isView(v)) {
      const c = (v as Uint8Array).slice();
      memo.set(v, c);
      return c;
    }
    if (v instanceof Map) {
      const m = new Map();
      memo.set(v, m);
      for (const [k, x] of v) m.set(clone(k), clone(x));
      return m;
    }
    if (Array.isArray(v)) {
      const a: unknown[] = [];
      memo.set(v, a);
      for (const x of v) a.push(clone(x));
      return a;
    }
    const o = Object.create(Object.getPrototypeOf(v) as object) as Record<string, unknown>;
    memo.set(v, o);
    for (const [k, x] of Object.entries(v)) o[k] = typeof x === 'function' ? undefined : clone(x);
    return o;
  };
  return clone(root) as T;
}

function busyPair(): Harness {
  const rng = new Prng(11);
  const h = new Harness({ route: () => (rng.chance(0.05) ? [] : [10 + rng.int(0, 5)]) });
  h.b.listen(80, 16, 0);
  const ka = h.a.connect(40000, '10.0.0.2:80', 0);
  h.at(50, () => h.a.send(ka, pattern(200_000), 50));
  h.run(300);
  return h;
}

describe('snapshots', () => {
  it('a running stack holds no functions but sink and transmit', () => {
    const h = busyPair();
    expect(functionPaths(h.a).sort()).toEqual(['stack.sink.emit', 'stack.transmitFn']);
  });
  it('clone + rebind mid-transfer: the copy emits exactly what the original emits', () => {
    const h = busyPair();
    const seg: Segment = h.sent('B').at(-1)?.seg as Segment;
    const copy = deepClone(h.a);
    const run = (s: TcpStack): string => {
      const events: TcpTraceEvent[] = [];
      const wire: string[] = [];
      s.rebind({ emit: (e) => { events.push(e); } }, (sg) => { wire.push(`${sg.seq}/${sg.ack}/${sg.flags}/${sg.payload.length}`); });
      s.input(seg, 400, 999);
      s.advance(s.nextDueMs());
      s.advance(5000);
      return JSON.stringify([events, wire]);
    };
    const original = run(h.a);
    expect(run(copy)).toBe(original);
    expect(original.length).toBeGreaterThan(100);
  });
  it('determinism: the same inputs give a byte-identical trace', () => {
    const a = busyPair();
    const b = busyPair();
    a.run(20_000);
    b.run(20_000);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
    expect(a.trace.length).toBeGreaterThan(100);
  });
});

describe('trace events', () => {
  it('every state event carries a TCB snapshot; status() returns the same shape', () => {
    const h = busyPair();
    const ev = h.events('state', 'A').find((e) => e.to === 'ESTABLISHED');
    expect(Object.keys(ev?.tcb ?? {})).toEqual([
      'sndUna', 'sndNxt', 'sndWnd', 'rcvNxt', 'rcvWnd', 'iss', 'irs', 'cwnd', 'ssthresh', 'srttMs', 'rttvarMs', 'rtoMs',
    ]);
    expect(ev?.tcb.cwnd).toBe(14600); // linux IW10
    expect(ev?.tcb.ssthresh).toBe(0x7fffffff);
    const st = h.a.status('10.0.0.1:40000>10.0.0.2:80');
    expect(Object.keys(st?.tcb ?? {})).toEqual(Object.keys(ev?.tcb ?? {}));
    expect(st?.tcb.srttMs).toBeGreaterThan(0);
  });
  it('timer events carry absolute due times', () => {
    const h = new Harness({ route: () => [] });
    h.a.connect(40000, '10.0.0.2:80', 0);
    h.run(2500);
    expect(h.events('timer', 'A').map((e) => [e.t, e.timer, e.op, e.dueMs])).toEqual([
      [0, 'retransmit', 'start', 1000], [1000, 'retransmit', 'fire', 1000], [1000, 'retransmit', 'start', 2000],
      [2000, 'retransmit', 'fire', 2000], [2000, 'retransmit', 'start', 3000],
    ]);
  });
});
