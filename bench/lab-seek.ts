// lab.seek: random seeks in a 100,000-event session, each followed by the views the UI fetches after a
// seek (view.router and view.connections, src-main/lab/session-views.ts), as the host's handlers do.
import { Prng } from '../src-main/tcp/prng.js';
import { connectionsOf, routerViewOf } from '../src-main/lab/session-views.js';
import type { LabSession } from '../src-main/lab/session-lab.js';
import { percentile, type BenchDef } from './harness.js';
import { labWithEvents } from './scenarios.js';

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Built once per size: the session is the fixture, not the thing measured. */
const labs = new Map<number, { lab: LabSession; buildS: number }>();

function labFor(events: number): { lab: LabSession; buildS: number } {
  const have = labs.get(events);
  if (have !== undefined) return have;
  labs.clear();
  const started = nowMs();
  const lab = labWithEvents(events);
  const made = { lab, buildS: (nowMs() - started) / 1000 };
  labs.set(events, made);
  return made;
}

export const labSeek: BenchDef<{ events: number; seeks: number }> = {
  name: 'lab.seek',
  metric: 'p95 of seek + router view + connections',
  unit: 'ms',
  target: 50,
  better: 'lower',
  params: { events: 100_000, seeks: 200 },
  tinyParams: { events: 3_000, seeks: 20 },
  warmups: 1,
  repeats: 3,
  run({ events, seeks }) {
    const { lab, buildS } = labFor(events);
    const tl = lab.timeline;
    const endMs = tl.events.tAt(events - 1);
    const rng = new Prng(42).derive('lab.seek');
    const total: number[] = [];
    const seekOnly: number[] = [];
    let packetsSeen = 0;
    for (let i = 0; i < seeks; i++) {
      const tMs = rng.int(0, Math.floor(endMs));
      const t0 = nowMs();
      lab.seekMs(tMs);
      const t1 = nowMs();
      const net = lab.stateAtCursor().network;
      const router = routerViewOf(net, tl.packetNumbers);
      const conns = connectionsOf(net);
      const t2 = nowMs();
      if (lab.cursor.tMs !== tMs || router.atMs !== tMs) throw new Error(`lab.seek: cursor at ${lab.cursor.tMs} ms, router at ${router.atMs} ms, asked ${tMs} ms`);
      if (conns.length === 0) throw new Error(`lab.seek: no connections at ${tMs} ms`);
      packetsSeen += router.inFlight.length + router.queued.length;
      seekOnly.push(t1 - t0);
      total.push(t2 - t0);
    }
    if (tl.events.length < events) throw new Error(`lab.seek: trace shrank to ${tl.events.length} events`);
    return {
      value: percentile(total, 95),
      extra: {
        seekOnlyP95Ms: round3(percentile(seekOnly, 95)),
        medianMs: round3(percentile(total, 50)),
        maxMs: round3(Math.max(...total)),
        traceEvents: tl.events.length,
        snapshots: tl.snapshotCount,
        packetsInViews: packetsSeen,
        sessionBuildS: round3(buildS),
      },
    };
  },
};

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
