import { describe, expect, it } from 'vitest';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { PacketNumberIndex } from '../../../src-main/lab/packet-number-index.js';
import { connectionsOf, routerViewOf } from '../../../src-main/lab/session-views.js';
import { TraceStore } from '../../../src-main/lab/trace-store.js';
import { Network } from '../../../src-main/net/network.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { bulkScenario } from './big-scenario.js';
import { drop, firstSendAfter, fullTrace, lines, openLesson } from './session-helpers.js';

function views(lab: LabSession): unknown {
  const net = lab.stateAtCursor().network;
  return { router: routerViewOf(net, lab.timeline.packetNumbers), conns: connectionsOf(net) };
}

/** The same views from a plain network run straight to tMs (no timeline, no snapshots), numbered by its own trace. */
function freshViews(lab: LabSession, tMs: number): unknown {
  const trace: TraceEvent[] = [];
  const net = new Network(lab.prepared.run, { emit: (ev) => trace.push(ev) });
  net.runUntil(tMs);
  return { router: routerViewOf(net, new PacketNumberIndex(TraceStore.of(trace))), conns: connectionsOf(net) };
}

describe('timeline seek', () => {
  it('seeking backwards and forwards shows the same router and connections as a fresh run to that time', () => {
    const lab = openLesson('third-ack-lost', 4);
    lab.seekMs(5000);
    expect(lab.cursor).toEqual({ tMs: 5000, event: lab.timeline.headEvent });
    expect(lab.timeline.snapshotCount).toBeGreaterThan(2);
    for (const t of [4000, 15, 1000, 3050, 0, 2999, 5000, 20]) {
      lab.seekMs(t);
      expect(lab.cursor.event).toBe(lab.timeline.events.slice().filter((e) => e.t <= t).length);
      expect(views(lab)).toEqual(freshViews(lab, t));
    }
    // At 20 ms (the last seek) B has answered the SYN and A has not yet heard back.
    const conns = connectionsOf(lab.stateAtCursor().network);
    expect(conns.map((c) => `${c.host} ${c.state}`)).toEqual(['A SYN-SENT', 'B SYN-RECEIVED']);
  });

  it('seeks by event index and steps one event / to the next packet event', () => {
    const lab = openLesson('three-way-handshake', 3);
    lab.seekEvent(0);
    expect(lab.cursor).toEqual({ tMs: 0, event: 0 });
    expect(lab.step('event')).toBe(true);
    expect(lab.cursor.event).toBe(1);
    expect(lab.step('packet')).toBe(true);
    const ev = lab.timeline.events.get(lab.cursor.event - 1);
    expect(ev.kind).toBe('segment.send');
    expect(lab.cursor.tMs).toBe(ev.t);
    lab.seekEvent(1_000_000);
    expect(lab.cursor.event).toBe(lab.timeline.headEvent);
    expect(lab.timeline.finished).toBe(true);
    expect(lab.step('event')).toBe(false);
  });

  it("in a flood, a seek's re-run (which builds no keys for the spoofed packets) shows the keys a fresh run does", () => {
    const lab = openLesson('syn-flood', 500, 2); // the compare run with SYN cookies: replies to spoofed sources everywhere
    lab.seekMs(3000);
    let spoofedSeen = 0;
    for (const t of [2500, 1203, 2010, 700]) {
      lab.seekMs(t);
      const seen = views(lab) as { router: { inFlight: Array<{ conn: string }> } };
      expect(seen).toEqual(freshViews(lab, t));
      spoofedSeen += seen.router.inFlight.filter((p) => /^198\.1[89]\.|>198\.1[89]\./.test(p.conn)).length;
    }
    expect(spoofedSeen).toBeGreaterThan(0);
  });

  it('past the end clamps to untilMs; the head only computes what was asked', () => {
    const lab = openLesson('three-way-handshake');
    expect(lab.timeline.headMs).toBe(0);
    lab.seekMs(25);
    expect(lab.timeline.headMs).toBe(25);
    lab.seekMs(1e9);
    expect(lab.cursor.tMs).toBe(2000);
  });
});

describe('branches', () => {
  it('an intervention behind the head makes a new branch; the old branch keeps its trace; switching back and forth', () => {
    const lab = openLesson('three-way-handshake', 4);
    const original = fullTrace(lab);
    const synack = firstSendAfter(lab, 0, 'SA');
    lab.seekMs(synack.t);
    lab.intervene(drop(synack.id));
    expect(lab.currentBranch).toMatchObject({ id: 'b2', name: 'branch 2', parent: 'main', forkAtMs: synack.t, inherited: 0 });
    const dropped = fullTrace(lab);
    expect(dropped.slice(0, lab.timeline.events.slice().findIndex((e) => e.kind === 'segment.drop'))).toEqual(original.slice(0, dropped.findIndex((l) => l.includes('segment.drop'))));
    expect(dropped.some((l) => l.includes('"reason":"dropped by user"'))).toBe(true);
    lab.switchTo('main');
    expect(fullTrace(lab)).toEqual(original);
    lab.switchTo('b2');
    expect(fullTrace(lab)).toEqual(dropped);
    expect(lab.traceSlice(0, 1_000_000, 'main').events.map((e) => JSON.stringify(e)).length).toBe(original.length);
  });

  it('an intervention at the head appends to the branch; timeline.branch forks explicitly', () => {
    const lab = openLesson('three-way-handshake', 4);
    lab.seekMs(25);
    const syn = lab.timeline.events.slice().find((e) => e.kind === 'segment.send' && e.t === 20);
    expect(syn).toBeDefined();
    lab.intervene({ op: 'hold', id: (syn as { id: number }).id });
    expect(lab.branches).toHaveLength(1);
    expect(lab.currentBranch.actions).toEqual([{ atMs: 25, op: 'hold', id: 2 }]);
    lab.branch('try release');
    expect(lab.currentBranch).toMatchObject({ name: 'try release', parent: 'main', inherited: 1, actions: [{ atMs: 25, op: 'hold', id: 2 }] });
  });

  it('a refused intervention changes nothing (NetError becomes a LabError with the same code, message and path)', () => {
    const lab = openLesson('three-way-handshake', 4);
    lab.seekMs(100);
    const before = { session: lab.session, trace: lines(lab.timeline.events.slice()), cursor: lab.cursor };
    expect(() => lab.intervene(drop(99))).toThrow(expect.objectContaining({ name: 'LabError', code: 'unknown-packet', path: 'id', message: 'no packet #99 (packets so far: #1-#3)' }));
    expect(() => lab.intervene(drop(1))).toThrow(expect.objectContaining({ code: 'already-delivered' }));
    expect({ session: lab.session, trace: lines(lab.timeline.events.slice()), cursor: lab.cursor }).toEqual(before);
  });
});

describe('undo and redo', () => {
  it('undo removes the last intervention and redo re-applies it, with the same traces', () => {
    const lab = openLesson('third-ack-lost', 4);
    lab.seekMs(10);
    const plain = fullTrace(openLesson('third-ack-lost'));
    const syn = lab.timeline.events.slice().find((e): e is Extract<TraceEvent, { kind: 'segment.send' }> => e.kind === 'segment.send')!;
    lab.intervene({ op: 'delay', id: syn.id, delayMs: 700 });
    lab.seekMs(3000);
    const delayed = lines(lab.timeline.events.slice());
    expect(lab.canUndo).toBe(true);
    lab.undo();
    expect(lab.currentBranch.actions).toEqual([]);
    expect(lab.cursor.tMs).toBe(3000);
    expect(lines(lab.timeline.events.slice())).toEqual(plain.filter((l) => JSON.parse(l).t <= 3000));
    expect(lab.canUndo).toBe(false);
    expect(lab.canRedo).toBe(true);
    lab.redo();
    expect(lines(lab.timeline.events.slice())).toEqual(delayed);
    expect(lab.canRedo).toBe(false);
    expect(() => lab.redo()).toThrow(expect.objectContaining({ code: 'nothing-to-redo' }));
  });
});

// Seek speed is measured by `npm run bench -- --only lab.seek`; here: random seeks land exactly.
describe('random seeks in a computed trace', () => {
  it('put the cursor on the last event at or before the time asked, without re-running', () => {
    const lab = LabSession.open(newSession(bulkScenario(1_000_000), 3, null), { snapshotEvery: 2000 });
    lab.seekMs(600_000);
    const n = lab.timeline.headEvent;
    expect(n).toBeGreaterThan(4000);
    const lastMs = lab.timeline.events.tAt(n - 1);
    const prng = new Prng(7);
    for (let i = 0; i < 200; i++) {
      const target = prng.nextU32() % Math.ceil(lastMs);
      lab.seekMs(target);
      expect(lab.timeline.headEvent).toBe(n); // nothing new computed
      expect(lab.cursor.tMs).toBe(target);
      const at = lab.cursor.event;
      if (at > 0) expect(lab.timeline.events.tAt(at - 1)).toBeLessThanOrEqual(target);
      if (at < n) expect(lab.timeline.events.tAt(at)).toBeGreaterThan(target);
    }
  });
});
