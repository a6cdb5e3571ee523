// The listener's queue plot: SYN-queue and accept-queue lengths against time, with the SYN queue's limit,
// as d3 scales and step lines (a queue changes in whole entries) that Svelte draws, like the cwnd plot.
import { curveStepAfter, format, line, scaleLinear } from 'd3';
import type { PlotBox } from '../tcb/plot.js';
import type { QueueSample } from './model.js';

export interface QueuePlotGeometry {
  synPath: string;
  acceptPath: string;
  /** y of the SYN queue's limit. */
  limitY: number;
  nowX: number;
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
}

type Pt = { t: number; v: number };

const COUNT = format('~s');

function series(samples: readonly QueueSample[], pick: (s: QueueSample) => number, nowMs: number): Pt[] {
  const pts = samples.filter((s) => s.t <= nowMs).map((s) => ({ t: s.t, v: pick(s) }));
  const last = pts[pts.length - 1];
  if (last) pts.push({ t: nowMs, v: last.v }); // hold the last value up to now
  return pts;
}

export function queuePlotGeometry(samples: readonly QueueSample[], nowMs: number, synQueueLimit: number, box: PlotBox): QueuePlotGeometry {
  const syn = series(samples, (s) => s.synQueue, nowMs);
  const acc = series(samples, (s) => s.acceptQueue, nowMs);
  const t0 = samples[0]?.t ?? 0;
  const x = scaleLinear().domain([t0, Math.max(nowMs, t0 + 1)]).range([box.left, box.width - 14]);
  // The SYN queue's limit is always in view: the student watches the queue climb to it. (The accept queue's
  // limit is the backlog, often thousands: it would flatten the lines, so it is in the table only.)
  const maxV = Math.max(1, synQueueLimit, ...syn.map((p) => p.v), ...acc.map((p) => p.v));
  const y = scaleLinear().domain([0, maxV]).nice(4).range([box.height - box.bottom, 4]);
  const path = line<Pt>().x((p) => x(p.t)).y((p) => y(p.v)).curve(curveStepAfter);
  return {
    synPath: path(syn) ?? '',
    acceptPath: path(acc) ?? '',
    limitY: y(synQueueLimit),
    nowX: x(nowMs),
    yTicks: y.ticks(4).filter(Number.isInteger).map((v) => ({ y: y(v), label: COUNT(v) })), // whole entries
    xTicks: x.ticks(4).map((v) => ({ x: x(v), label: String(v) })),
  };
}
