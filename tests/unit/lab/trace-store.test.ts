// TraceStore keeps events in columns and hands back copies: every copy must be byte-identical (JSON) to the
// event that was pushed, for every lesson's trace and a lossy bulk transfer, and the columns must really be
// used (a store that kept every event as an object would pass the equality checks but fail the counts).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { withCompare } from '../../../src-main/lab/scenario.js';
import { toRunSpec } from '../../../src-main/lab/scenario-run.js';
import { Executor, Tap } from '../../../src-main/lab/session-executor.js';
import { TraceStore } from '../../../src-main/lab/trace-store.js';
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import { NO_OPTIONS, type Lineage, type TraceEvent, type TraceSink } from '../../../src-main/net/trace.js';
import type { AppEventName, TimerName } from '../../../src-main/tcp/trace.js';

const COLUMN_KINDS = new Set(['segment.send', 'segment.recv', 'segment.drop', 'timer', 'app']);

function expectSameEvents(store: TraceStore, events: readonly TraceEvent[]): void {
  expect(store.length).toBe(events.length);
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    expect(JSON.stringify(store.get(i))).toBe(JSON.stringify(ev));
    expect(store.kindAt(i)).toBe(ev.kind);
    expect(store.tAt(i)).toBe(ev.t);
  }
  expect(store.slice().map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
}

function lossyBulk(): TraceEvent[] {
  const events: TraceEvent[] = [];
  const net = new Network(lossyBulkSpec(), { emit: (ev) => events.push(ev) });
  net.run();
  return events;
}

function lossyBulkSpec(): RunSpec {
  return {
    seed: 7,
    profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    network: { delayMs: 5 },
    rules: [
      { match: { probability: 0.03 }, action: 'drop' },
      { match: { probability: 0.02 }, action: 'duplicate', count: 1 },
    ],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 16 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      { atMs: 100, host: 'A', call: 'send', port: 40000, bytes: 400_000 },
      { atMs: 5000, host: 'A', call: 'close', port: 40000 },
    ],
    untilMs: 20_000,
  };
}

/**
 * The same run traced three ways: a sink with emit() only (every event an object), a Tap keeping an array
 * (segment and timer events come through Tap.segment and Tap.timer and are built by segmentEvent and
 * timerEvent), and a Tap keeping a TraceStore (they go into the columns without an object). Returns the three traces as JSON lines.
 */
function threeWays(start: (sink: TraceSink) => (() => void)): { objects: string[]; array: string[]; store: string[]; storeObjects: number } {
  const objects: TraceEvent[] = [];
  start({ emit: (ev) => objects.push(ev) })();
  const array: TraceEvent[] = [];
  start(new Tap(0, array))();
  const store = new TraceStore();
  const tap = new Tap(0, store);
  start(tap)();
  expect(tap.count).toBe(store.length);
  const json = (evs: readonly TraceEvent[]) => evs.map((e) => JSON.stringify(e));
  return { objects: json(objects), array: json(array), store: json(store.slice()), storeObjects: store.objectCount() };
}

describe('TraceStore', () => {
  it('gives back every event of every lesson byte for byte, in columns for the five common kinds', () => {
    let total = 0, objects = 0, expectedObjects = 0;
    for (const lesson of LESSONS) {
      const runs = [lesson.scenario, ...(lesson.lesson.compare ?? []).map((c) => withCompare(lesson.scenario, c))];
      for (const s of runs) {
        const { trace } = runScenario(s);
        const store = TraceStore.of(trace);
        expectSameEvents(store, trace);
        total += trace.length;
        objects += store.objectCount();
        expectedObjects += trace.filter((e) => !COLUMN_KINDS.has(e.kind)).length;
      }
    }
    expect(total).toBeGreaterThan(1000);
    expect(objects).toBe(expectedObjects);
  });

  it('stores segment, timer and app events given as fields (Tap.segment, Tap.timer, Tap.app) exactly as the objects a plain sink gets', () => {
    let total = 0;
    for (const lesson of LESSONS) {
      const s = lesson.scenario;
      const scenarioActions = [...(s.actions ?? [])].sort((a, b) => a.atMs - b.atMs);
      const ways = threeWays((sink) => () => {
        const tap = sink instanceof Tap ? sink : Object.assign(new Tap(0, null), { emit: (ev: TraceEvent) => sink.emit(ev), segment: undefined, timer: undefined, app: undefined });
        Executor.start({ run: toRunSpec(s), scenarioActions, actions: [] }, tap).runTo(s.untilMs);
      });
      expect(ways.array).toEqual(ways.objects);
      expect(ways.store).toEqual(ways.objects);
      total += ways.objects.length;
    }
    expect(total).toBeGreaterThan(1000);
    // A lossy transfer with duplicates, a user's injected (spoofed) segment and a flood with SYN cookies.
    const ways = threeWays((sink) => () => {
      const net = new Network({ ...lossyBulkSpec(), floods: [{ from: 'A', target: '10.0.0.2:80', startMs: 20, ratePerSec: 1000, count: 50 }] }, sink);
      net.runUntil(200);
      net.apply({ atMs: 200, op: 'inject', from: 'A', seg: { srcIp: '10.9.9.9', srcPort: 9, dstIp: '10.0.0.2', dstPort: 80, seq: 1, flags: 'S' } });
      net.run();
    });
    expect(ways.store).toEqual(ways.objects);
    expect(ways.array).toEqual(ways.objects);
    const kinds = ways.objects.map((l) => (JSON.parse(l) as TraceEvent).kind);
    for (const k of ['segment.send', 'segment.recv', 'segment.drop', 'timer', 'flood.start']) expect(kinds).toContain(k);
    for (const op of ['"op":"start"', '"op":"stop"', '"op":"fire"']) expect(ways.objects.some((l) => l.includes(op))).toBe(true);
    expect(ways.objects.some((l) => l.includes('"injected"'))).toBe(true);
    // The store kept every segment event in its columns.
    expect(ways.storeObjects).toBe(kinds.filter((k) => !COLUMN_KINDS.has(k)).length);
  });

  it('hands app events to a sink with app() as fields, never as objects, and the store keeps them in columns', () => {
    // A bulk receiver's application gets data for most segments: an object per event was garbage the
    // columns never needed (docs/PERFORMANCE.md "Engine, session 21").
    const asFields: string[] = [];
    const emitted: TraceEvent[] = [];
    const store = new TraceStore();
    const sink: TraceSink = {
      emit: (ev) => { emitted.push(ev); store.push(ev); },
      app: (t, host, conn, event, bytes, detail) => { asFields.push(`${host} ${event} ${bytes}`); store.pushApp(t, host, conn, event, bytes, detail); },
    };
    new Network(lossyBulkSpec(), sink).run();
    expect(emitted.filter((e) => e.kind === 'app')).toEqual([]);
    expect(asFields.filter((a) => a.startsWith('B data ')).length).toBeGreaterThan(10);
    expect(store.objectCount()).toBe(emitted.filter((e) => !COLUMN_KINDS.has(e.kind)).length);
    const plain: TraceEvent[] = [];
    new Network(lossyBulkSpec(), { emit: (ev) => plain.push(ev) }).run();
    expect(store.slice().map((e) => JSON.stringify(e))).toEqual(plain.map((e) => JSON.stringify(e)));
  });

  it('keeps a lossy bulk transfer with SACK options, duplicates and retransmissions in columns', () => {
    const events = lossyBulk();
    const store = TraceStore.of(events);
    expectSameEvents(store, events);
    const sends = events.filter((e) => e.kind === 'segment.send');
    expect(sends.some((e) => e.kind === 'segment.send' && e.lineage.type === 'retransmission')).toBe(true);
    expect(sends.some((e) => e.kind === 'segment.send' && e.seg.options.sack !== undefined)).toBe(true);
    expect(events.some((e) => e.kind === 'router.duplicate')).toBe(true);
    // Only the rare kinds (state, step.call, router.duplicate …) stay objects.
    expect(store.objectCount()).toBe(events.filter((e) => !COLUMN_KINDS.has(e.kind)).length);
    expect(store.objectCount()).toBeLessThan(events.length / 20);
  });

  it('keeps an event whose fields do not fit the columns as the object itself', () => {
    const seg = { flags: 'A', seq: 2 ** 32, ack: 0, len: 0, win: 100, options: {} };
    const odd: TraceEvent[] = [
      { t: 1, kind: 'segment.recv', host: 'B', conn: 'a>b', id: 3, seg },
      { t: 2, kind: 'segment.send', host: 'A', conn: 'a>b', id: 4, seg: { ...seg, seq: -1 }, lineage: { type: 'original' }, cause: 'x' },
      { t: 3, kind: 'segment.drop', host: 'router', conn: 'a>b', id: 5, seg: { ...seg, seq: 1.5 }, reason: 'r' },
      { t: 4, kind: 'timer', host: 'A', conn: 'a>b', timer: 'retransmit', op: 'start', dueMs: undefined as unknown as number },
      { t: 5, kind: 'app', host: 'A', conn: 'a>b', event: 'data', bytes: 10, detail: undefined as unknown as string },
    ];
    const store = TraceStore.of(odd);
    expect(store.objectCount()).toBe(5);
    for (let i = 0; i < odd.length; i++) expect(store.get(i)).toBe(odd[i]);
    const plain = TraceStore.of([{ t: 6, kind: 'segment.recv', host: 'B', conn: 'a>b', id: 6, seg: { ...seg, seq: 2 ** 32 - 1 } }]);
    expect(plain.objectCount()).toBe(0);
    expect(plain.get(0)).toEqual({ t: 6, kind: 'segment.recv', host: 'B', conn: 'a>b', id: 6, seg: { ...seg, seq: 2 ** 32 - 1 } });
  });

  it('codes flags, timer names and app events in columns, and keeps a value it cannot code as the object', () => {
    const seg = { flags: 'SA', seq: 1, ack: 2, len: 0, win: 100, options: {} };
    const coded: TraceEvent[] = [
      { t: 1, kind: 'segment.recv', host: 'B', conn: 'a>b', id: 1, seg },
      { t: 2, kind: 'segment.send', host: 'A', conn: 'a>b', id: 2, seg: { ...seg, flags: 'AFP' }, lineage: { type: 'retransmission', of: 1 }, cause: 'RTO' },
      { t: 3, kind: 'segment.send', host: 'A', conn: 'a>b', id: 3, seg: { ...seg, flags: '' }, lineage: { type: 'original' }, cause: 'data' },
      { t: 4, kind: 'segment.drop', host: 'router', conn: 'a>b', id: 4, seg: { ...seg, flags: 'SAFRPUEC' }, reason: 'r' },
      ...(['retransmit', 'time-wait', 'fin-wait-2', 'delayed-ack', 'persist', 'keepalive', 'syn-ack'] as const).map((timer, i): TraceEvent => (
        { t: 5 + i, kind: 'timer', host: 'A', conn: 'a>b', timer, op: 'fire', dueMs: i + 0.5 })),
      ...(['connected', 'accepted', 'data', 'eof', 'reset', 'timeout', 'refused', 'closed', 'error'] as const).map((event, i): TraceEvent => (
        { t: 20 + i, kind: 'app', host: 'B', conn: 'a>b', event, bytes: i, detail: `d${i}` })),
    ];
    const odd: TraceEvent[] = [
      { t: 40, kind: 'segment.recv', host: 'B', conn: 'a>b', id: 5, seg: { ...seg, flags: 'AS' } },
      { t: 41, kind: 'segment.send', host: 'A', conn: 'a>b', id: 6, seg: { ...seg, flags: 'X' }, lineage: { type: 'original' }, cause: 'x' },
      { t: 42, kind: 'segment.send', host: 'A', conn: 'a>b', id: 7, seg, lineage: undefined as unknown as Lineage, cause: 'x' },
      { t: 43, kind: 'timer', host: 'A', conn: 'a>b', timer: 'nagle' as TimerName, op: 'start', dueMs: 1 },
      { t: 44, kind: 'app', host: 'A', conn: 'a>b', event: 'hello' as AppEventName, bytes: 1, detail: '' },
    ];
    const store = TraceStore.of([...coded, ...odd]);
    expectSameEvents(store, [...coded, ...odd]);
    expect(store.objectCount()).toBe(odd.length);
    for (let i = 0; i < odd.length; i++) expect(store.get(coded.length + i)).toBe(odd[i]);
    // A copy of the first two events keeps only their lineages: the retransmission at index 1 is not
    // handed to what the copy pushes next.
    const prefix = store.copy(1);
    prefix.push(coded[2]!);
    expect(JSON.stringify(prefix.get(1))).toBe(JSON.stringify(coded[2]));
    const withRetransmission = store.copy(2);
    expect(JSON.stringify(withRetransmission.get(1))).toBe(JSON.stringify(coded[1]));
  });

  it('keeps strings past its table\'s limit beside the codes, and reads every one back (a flood\'s unique keys)', () => {
    // 70,000 distinct keys and reasons, more than the 65,535 strings a table codes: the rest spill.
    const drop = (i: number, host: string): TraceEvent => ({
      t: i, kind: 'segment.drop', host, conn: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}:1>10.0.0.2:80`, id: i + 1,
      seg: { flags: 'SA', seq: i, ack: 0, len: 0, win: 0, options: NO_OPTIONS }, reason: `no route to spoofed address ${i}`,
    });
    const events = Array.from({ length: 70_000 }, (_, i) => drop(i, 'router'));
    const store = TraceStore.of(events);
    expect(store.objectCount()).toBe(0);
    for (const i of [0, 32_767, 65_534, 65_535, 65_536, 66_000, 69_999]) expect(JSON.stringify(store.get(i))).toBe(JSON.stringify(events[i]));
    // A copy of a prefix ending inside the spilling chunk keeps its spilled strings, and both grow apart.
    const copy = store.copy(66_000);
    for (let i = 66_000; i < 66_100; i++) copy.push(drop(i, 'copy'));
    store.push(drop(70_000, 'router'));
    expect(JSON.stringify(copy.get(65_999))).toBe(JSON.stringify(events[65_999]));
    expect(JSON.stringify(copy.get(66_050))).toBe(JSON.stringify(drop(66_050, 'copy')));
    expect(JSON.stringify(store.get(66_050))).toBe(JSON.stringify(events[66_050]));
    expect(JSON.stringify(store.get(70_000))).toBe(JSON.stringify(drop(70_000, 'router')));
  });

  it('copies a prefix that grows apart from the original', () => {
    const events = lossyBulk();
    expect(events.length).toBeGreaterThan(1500);
    const store = TraceStore.of(events.slice(0, 1200));
    const prefix = store.copy(1000);
    expect(prefix.length).toBe(1000);
    for (const ev of events.slice(1000, 1100)) prefix.push(ev);
    for (const ev of events.slice(1200)) store.push(ev);
    expectSameEvents(prefix, events.slice(0, 1100));
    expectSameEvents(store, events);
    expect(store.copy().length).toBe(events.length);
    expect(store.copy(99_999).length).toBe(events.length);
  });

  it('stays exact across chunks, and copies at and between chunk boundaries stay independent', () => {
    const synthetic = (i: number, tag: string): TraceEvent => (i % 3 === 0
      ? { t: i, kind: 'timer', host: tag, conn: `c${i % 7}`, timer: 'retransmit', op: 'start', dueMs: i + 0.5 }
      : i % 3 === 1
        ? { t: i, kind: 'segment.recv', host: tag, conn: `c${i % 7}`, id: i, seg: { flags: 'A', seq: (i * 7919) >>> 0, ack: i, len: i % 1461, win: 65535, options: {} } }
        : { t: i, kind: 'note', host: tag, conn: `c${i % 7}`, text: `n${i}` });
    const events = Array.from({ length: 70_000 }, (_, i) => synthetic(i, 'A'));
    const store = TraceStore.of(events);
    const at = (s: TraceStore, i: number) => JSON.stringify(s.get(i));
    for (const i of [0, 1023, 1024, 32_767, 32_768, 32_769, 65_535, 65_536, 69_999]) expect(at(store, i)).toBe(JSON.stringify(events[i]));
    expect(store.objectCount()).toBe(events.filter((e) => e.kind === 'note').length);
    for (const n of [0, 500, 32_768, 40_000, 70_000]) {
      const copy = store.copy(n);
      for (let i = 0; i < 1500; i++) copy.push(synthetic(n + i, 'B'));
      expect(copy.length).toBe(n + 1500);
      if (n > 0) expect(at(copy, n - 1)).toBe(JSON.stringify(events[n - 1]));
      expect(at(copy, n)).toBe(JSON.stringify(synthetic(n, 'B')));
      expect(at(copy, n + 1499)).toBe(JSON.stringify(synthetic(n + 1499, 'B')));
    }
    // The copies' pushes went to their own chunks: the original is unchanged.
    expect(store.length).toBe(70_000);
    for (const i of [0, 500, 32_768, 40_000, 69_999]) expect(at(store, i)).toBe(JSON.stringify(events[i]));
    store.push(synthetic(70_000, 'A'));
    expect(at(store, 70_000)).toBe(JSON.stringify(synthetic(70_000, 'A')));
  });

  it('names the index and the length when an event does not exist', () => {
    const store = TraceStore.of(lossyBulk().slice(0, 10));
    expect(() => store.get(10)).toThrow('no event 10 (the trace has 10)');
    expect(() => store.tAt(-1)).toThrow('no event -1 (the trace has 10)');
    expect(() => store.kindAt(1.5)).toThrow(RangeError);
    expect(store.slice(8, 50)).toHaveLength(2);
    expect(store.slice(20, 30)).toEqual([]);
  });
});
