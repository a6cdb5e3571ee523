// The timeline's packet-number index (what the router list and the inspector label with) gives every packet
// exactly the numbers the one-pass numbering of the exports and the ladder gives it (lab/packet-numbers.ts),
// whether asked in order, out of order or while the trace is still growing.
import { describe, expect, it, vi } from 'vitest';
import { RelativeSeq, reverseConn, type RelativeNumbers } from '../../../src-main/contract/relative-seq.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { MAX_TRACKED_DIRECTIONS, PacketNumberIndex } from '../../../src-main/lab/packet-number-index.js';
import { packetNumbers } from '../../../src-main/lab/packet-numbers.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { withCompare } from '../../../src-main/lab/scenario.js';
import { routerViewOf } from '../../../src-main/lab/session-views.js';
import { TraceStore } from '../../../src-main/lab/trace-store.js';
import type { RelativeTo } from '../../../src-main/net/label.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { openLesson } from './session-helpers.js';

/** The one-pass numbers in the shape the index gives them. */
function asRelativeTo(n: RelativeNumbers): RelativeTo {
  const out: RelativeTo = { seqBase: n.seqBase };
  if (n.ackBase !== undefined) out.ackBase = n.ackBase;
  if (n.winShift !== undefined) out.winShift = n.winShift;
  return out;
}

function expectSameNumbers(trace: readonly TraceEvent[], index: PacketNumberIndex, ids: readonly number[]): number {
  const truth = packetNumbers(trace);
  for (const id of ids) {
    const n = truth.get(id);
    expect(index.relativeTo(id), `packet #${id}`).toEqual(n === undefined ? undefined : asRelativeTo(n));
  }
  return truth.size;
}

function maxId(trace: readonly TraceEvent[]): number {
  let max = 0;
  for (const e of trace) for (const id of e.kind === 'router.duplicate' ? e.copies : 'id' in e ? [e.id] : []) max = Math.max(max, id);
  return max;
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('PacketNumberIndex', () => {
  it('numbers every packet of every lesson and compare run as packetNumbers does (SYN flood: past the first 1024 ids)', () => {
    let packets = 0;
    for (const lesson of LESSONS) {
      for (const s of [lesson.scenario, ...(lesson.lesson.compare ?? []).map((c) => withCompare(lesson.scenario, c))]) {
        const { trace } = runScenario(s);
        packets += expectSameNumbers(trace, new PacketNumberIndex(TraceStore.of(trace)), range(maxId(trace)));
      }
    }
    expect(packets).toBeGreaterThan(5000);
  }, 60_000);

  it('gives the same numbers asked backwards (one pass, kept) and while the trace grows', () => {
    const { trace } = runScenario(LESSONS.find((l) => l.id === 'old-syn-new-attempt')!.scenario);
    const ids = range(maxId(trace));
    expectSameNumbers(trace, new PacketNumberIndex(TraceStore.of(trace)), [...ids].reverse());
    const growing = new TraceStore();
    const index = new PacketNumberIndex(growing);
    for (const ev of trace) {
      growing.push(ev);
      // Asked after each event, the latest packet is numbered as soon as its start event is in the trace.
      if ('id' in ev) expect(index.relativeTo(ev.id), `#${ev.id} at ${ev.t} ms`).toEqual(asRelativeTo(packetNumbers(growing.slice()).get(ev.id)!));
    }
    expectSameNumbers(trace, index, ids);
  });

  it('numbers router duplicates (of an edited copy too), edits and replays as the exports do', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(5); // #1, the SYN, is on A's link
    lab.intervene({ op: 'duplicate', id: 1, count: 2 });
    lab.intervene({ op: 'cache', id: 1 });
    lab.seekMs(12);
    lab.intervene({ op: 'edit', id: 2, fields: { seq: 77 } });
    const edited = lab.timeline.events.slice().find((e) => e.kind === 'router.edit')!;
    expect(edited.kind).toBe('router.edit');
    lab.intervene({ op: 'duplicate', id: (edited as { id: number }).id, count: 1 });
    lab.seekMs(40);
    lab.intervene({ op: 'replay', id: 1 });
    lab.seekMs(1000);
    const trace = lab.timeline.events.slice();
    for (const kind of ['router.duplicate', 'router.edit', 'router.replay']) expect(trace.some((e) => e.kind === kind), kind).toBe(true);
    expectSameNumbers(trace, lab.timeline.packetNumbers, range(maxId(trace)));
  });

  it('answers undefined for a packet the trace does not have, and for ids that are not packet ids', () => {
    const { trace } = runScenario(LESSONS[0]!.scenario);
    const index = new PacketNumberIndex(TraceStore.of(trace));
    for (const id of [0, -1, 1.5, Number.NaN, maxId(trace) + 1, 1e12]) expect(index.relativeTo(id), String(id)).toBeUndefined();
    expect(index.relativeTo(1)).toEqual(asRelativeTo(packetNumbers(trace).get(1)!));
  });

  it('numbers only the conversations of the packets asked about: a flood\'s router view feeds it its few packets, not every SYN', () => {
    // Numbering every conversation kept state for each of a 1,000,000-event flood's ~570,000 keys (+50 MB of
    // heap, seconds for the first router view after a seek); counted here, not timed, so load cannot hide it.
    const lab = openLesson('syn-flood');
    lab.seekMs(59_000);
    const trace = lab.timeline.events.slice(0, lab.cursor.event);
    const observe = vi.spyOn(RelativeSeq.prototype, 'observe');
    try {
      const view = routerViewOf(lab.stateAtCursor().network, lab.timeline.packetNumbers);
      const shown = [...view.inFlight, ...view.queued, ...view.held, ...view.cached];
      expect(shown.length).toBeGreaterThan(0);
      // Every packet (of the trace so far) in a conversation the view shows: all the numbering may be fed.
      const asked = new Set(shown.flatMap((p) => [p.conn, reverseConn(p.conn)]));
      const inAsked = trace.filter((e) => e.kind === 'segment.send' && asked.has(e.conn)).length;
      const sends = trace.filter((e) => e.kind === 'segment.send').length;
      expect(sends).toBeGreaterThan(20 * inAsked); // the flood: thousands of conversations, a few on view
      expect(observe.mock.calls.length).toBeGreaterThan(0);
      expect(observe.mock.calls.length).toBeLessThanOrEqual(inAsked);
      expect(lab.timeline.packetNumbers.trackedDirections).toBe(asked.size);
      // And the labels are still the full pass's numbers.
      const truth = packetNumbers(trace);
      for (const p of shown) expect(lab.timeline.packetNumbers.relativeTo(p.id), `#${p.id}`).toEqual(asRelativeTo(truth.get(p.id)!));
    } finally {
      observe.mockRestore();
    }
  });

  it('keeps numbering state for at most MAX_TRACKED_DIRECTIONS directions when asked about ever new conversations', () => {
    // The lesson's flood, faster and longer: 6,000 spoofed SYNs, each its own conversation.
    const lesson = LESSONS.find((l) => l.id === 'syn-flood')!.scenario;
    const { trace } = runScenario({ ...lesson, floods: (lesson.floods ?? []).map((f) => ({ ...f, ratePerSec: 2000, count: 6000 })), untilMs: 4000 });
    const directions = new Set(trace.flatMap((e) => (e.kind === 'segment.send' ? [e.conn, reverseConn(e.conn)] : [])));
    const index = new PacketNumberIndex(TraceStore.of(trace));
    const truth = packetNumbers(trace);
    const ids = range(maxId(trace));
    let most = 0;
    // Batches of 256 ids, as router views of a live flood ask (each batch: new SYNs, new conversations).
    for (let from = 0; from < ids.length; from += 256) {
      const batch = ids.slice(from, from + 256);
      index.prepare(batch);
      most = Math.max(most, index.trackedDirections);
      for (const id of batch) {
        const n = truth.get(id);
        expect(index.relativeTo(id), `#${id}`).toEqual(n === undefined ? undefined : asRelativeTo(n));
      }
    }
    expect(directions.size).toBeGreaterThan(2 * MAX_TRACKED_DIRECTIONS);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_TRACKED_DIRECTIONS);
  });
});
