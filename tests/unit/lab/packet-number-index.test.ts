// The timeline's packet-number index (what the router list and the inspector label with) gives every packet
// exactly the numbers the one-pass numbering of the exports and the ladder gives it (lab/packet-numbers.ts),
// whether asked in order, out of order or while the trace is still growing.
import { describe, expect, it } from 'vitest';
import type { RelativeNumbers } from '../../../src-main/contract/relative-seq.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { PacketNumberIndex } from '../../../src-main/lab/packet-number-index.js';
import { packetNumbers } from '../../../src-main/lab/packet-numbers.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { withCompare } from '../../../src-main/lab/scenario.js';
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
});
