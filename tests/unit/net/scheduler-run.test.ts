// The scheduler keeps in-order insertions in a sorted run beside its heap (scheduler.ts); whatever mix of
// insertions and pops, events must come out exactly in (atMs, klass, insertion seq) order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepClone } from '../../../src-main/net/clone.js';
import { KLASS_COMMAND, KLASS_SIM, MAX_LANES, Scheduler } from '../../../src-main/net/scheduler.js';

type Op = { pop: true } | { pop: false; dt: number; klass: number; lane: number };

describe('Scheduler run + heap', () => {
  it('pops in (time, klass, seq) order for any interleaving of schedules, lanes and pops', () => {
    const op = fc.oneof(
      fc.constant<Op>({ pop: true }),
      fc.record({ pop: fc.constant(false as const), dt: fc.integer({ min: 0, max: 6 }), klass: fc.integer({ min: 0, max: 1 }), lane: fc.integer({ min: -1, max: MAX_LANES - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = new Scheduler<number>();
        const ref: Array<{ atMs: number; klass: number; seq: number }> = [];
        let seq = 0;
        const popRef = () => {
          ref.sort((a, b) => a.atMs - b.atMs || a.klass - b.klass || a.seq - b.seq);
          return ref.shift();
        };
        for (const o of [...ops, ...ref.map(() => ({ pop: true }) as Op), ...Array.from({ length: 300 }, () => ({ pop: true }) as Op)]) {
          if (o.pop) {
            const want = popRef();
            // The live check and poppedTag both see the tag scheduled with the item, wherever it was kept.
            const got = s.popLive(Infinity, (item, _ctx, tag) => tag === item * 2 + 1);
            expect(got).toBe(want?.seq);
            if (want !== undefined) {
              expect(s.nowMs).toBe(want.atMs);
              expect(s.poppedTag).toBe(want.seq * 2 + 1);
            }
          } else {
            const atMs = s.nowMs + o.dt;
            s.at(atMs, seq, o.klass, seq * 2 + 1, o.lane);
            ref.push({ atMs, klass: o.klass, seq: seq++ });
          }
        }
        expect(s.pending).toBe(0);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('in-order streams go to runs, not the heap, even behind a far-future step (a flood behind its clients)', () => {
    const s = new Scheduler<string>();
    const heapSize = () => (s as unknown as { heap: { size: number } }).heap.size;
    s.at(10_000, 'last client step');
    const popped: string[] = [];
    // Each "tick" schedules a packet event 5 ms ahead and the next SYN 0.01 ms ahead, as a flood does.
    s.at(0.01, 'syn 1');
    for (let i = 1; i <= 1000; i++) {
      const ev = s.popLive(Infinity, () => true)!;
      popped.push(ev);
      if (ev.startsWith('syn')) {
        s.at(s.nowMs + 5, `arrive ${ev}`);
        s.at(s.nowMs + 0.01, `syn ${i + 1}`);
      }
      expect(heapSize()).toBe(0);
    }
    expect(popped.slice(0, 3)).toEqual(['syn 1', 'syn 2', 'syn 3']);
    expect(popped).toContain('arrive syn 1');
  });

  it('a far-future event in a lane of its own leaves the other lanes in their runs (a client timer during a flood)', () => {
    const STEPS = 0, PACKETS = 1, TIMERS = 2, FLOODS = 3;
    const s = new Scheduler<string>();
    const heapSize = () => (s as unknown as { heap: { size: number } }).heap.size;
    s.at(10_000, 'last client step', KLASS_SIM, 0, STEPS);
    s.at(0.01, 'syn 1', KLASS_SIM, 0, FLOODS);
    let maxHeap = 0;
    for (let i = 1; i <= 3000; i++) {
      const ev = s.popLive(Infinity, () => true)!;
      if (!ev.startsWith('syn')) continue;
      s.at(s.nowMs + 5, `arrive ${ev}`, KLASS_SIM, 0, PACKETS);
      // Now and then a retransmission timer far ahead: without lanes it was appended to the packets' run,
      // the packets then took the SYNs' run, and every SYN after it went to the heap.
      if (i % 100 === 0) s.at(s.nowMs + 1000, `timer ${i}`, KLASS_SIM, 0, TIMERS);
      s.at(s.nowMs + 0.01, `syn ${i + 1}`, KLASS_SIM, 0, FLOODS);
      maxHeap = Math.max(maxHeap, heapSize());
    }
    expect(maxHeap).toBe(0);
    // The same stream without lanes shows the problem the lanes solve.
    const plain = new Scheduler<string>();
    const plainHeap = () => (plain as unknown as { heap: { size: number } }).heap.size;
    plain.at(10_000, 'last client step');
    plain.at(0.01, 'syn 1');
    let plainMax = 0;
    for (let i = 1; i <= 3000; i++) {
      const ev = plain.popLive(Infinity, () => true)!;
      if (!ev.startsWith('syn')) continue;
      plain.at(plain.nowMs + 5, `arrive ${ev}`);
      if (i % 100 === 0) plain.at(plain.nowMs + 1000, `timer ${i}`);
      plain.at(plain.nowMs + 0.01, `syn ${i + 1}`);
      plainMax = Math.max(plainMax, plainHeap());
    }
    expect(plainMax).toBeGreaterThan(0);
  });

  it('refuses a lane that does not exist', () => {
    const s = new Scheduler<string>();
    expect(() => s.at(1, 'x', KLASS_SIM, 0, MAX_LANES)).toThrow(/lane 4 is not 0-3/);
    expect(() => s.at(1, 'x', KLASS_SIM, 0, 1.5)).toThrow(/lane 1.5/);
    expect(s.pending).toBe(0);
  });

  it('a simulation event at the time of a queued command still runs before it', () => {
    const s = new Scheduler<string>();
    s.at(5, 'step');
    s.at(5, 'cmd', KLASS_COMMAND);
    s.at(5, 'sim', KLASS_SIM); // after the command in insertion order, before it in klass order
    s.at(9, 'later');
    s.at(7, 'middle');
    expect([1, 2, 3, 4, 5].map(() => `${s.popLive(100, () => true)}@${s.nowMs}`)).toEqual(['step@5', 'sim@5', 'cmd@5', 'middle@7', 'later@9']);
    expect(s.peekLive(() => true)).toBeUndefined();
  });

  it('skips stale entries in either structure and reports the next live time', () => {
    const s = new Scheduler<{ n: number; live: boolean }>();
    s.at(1, { n: 1, live: true });
    s.at(4, { n: 2, live: false }); // run
    s.at(3, { n: 3, live: false }); // heap
    s.at(6, { n: 4, live: true }); // run
    const live = (e: { live: boolean }) => e.live;
    expect(s.popLive(10, live)?.n).toBe(1);
    expect(s.nextLiveMs(live)).toBe(6);
    expect(s.peekLive(live)).toEqual({ atMs: 6, klass: KLASS_SIM, seq: 3, item: { n: 4, live: true }, tag: 0 });
    expect(s.popLive(5, live)).toBeUndefined();
    expect(s.popLive(6, live)?.n).toBe(4);
    expect(s.pending).toBe(0);
  });

  it('a pop before the limit discards stale entries past it, leaves a live one past it, and keeps the clock', () => {
    const s = new Scheduler<{ n: number; live: boolean }>();
    s.at(20, { n: 1, live: false });
    s.at(15, { n: 2, live: false }); // a second run: it sorts before the first one's last entry
    s.at(30, { n: 3, live: true });
    const live = (e: { live: boolean }) => e.live;
    expect(s.popLive(10, live)).toBeUndefined();
    expect(s.pending).toBe(1); // both stale entries are gone, the live one stays
    expect(s.nowMs).toBe(0);
    expect(s.popLive(30, live)?.n).toBe(3);
    expect(s.nowMs).toBe(30);
  });

  it('a snapshot clone copies only the pending entries of a run that was once long, and continues identically', () => {
    const s = new Scheduler<{ n: number }>();
    for (let i = 0; i < 10_000; i++) s.at(i, { n: i }, KLASS_SIM, i * 2 + 1); // one long in-order run (a scenario's steps)
    for (let i = 0; i < 9_997; i++) s.popLive(Infinity, () => true);
    const copy = deepClone(s, new Map(), { snapshot: true });
    const runArrays = (x: Scheduler<{ n: number }>) => (x as unknown as { runs: Array<{ times: number[] }> }).runs.map((r) => r.times.length);
    expect(Math.max(...runArrays(s))).toBeGreaterThanOrEqual(9_997); // the original keeps its storage
    expect(Math.max(...runArrays(copy))).toBeLessThanOrEqual(3); // the snapshot does not copy it
    const drain = (x: Scheduler<{ n: number }>) => {
      const out: string[] = [];
      for (let ev = x.popLive(Infinity, () => true); ev !== undefined; ev = x.popLive(Infinity, () => true)) out.push(`${ev.n}@${x.nowMs}#${x.poppedTag}`);
      return out;
    };
    const fromCopy = drain(copy);
    expect(fromCopy).toEqual(['9997@9997#19995', '9998@9998#19997', '9999@9999#19999']);
    expect(drain(s)).toEqual(fromCopy);
  });
});
