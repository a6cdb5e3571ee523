// The listener's queue plot: SYN-queue and accept-queue lengths against time, with the SYN queue's limit,
// as d3 scales and step lines (a queue changes in whole entries) that Svelte draws, like the cwnd plot.
import { format } from 'd3';
import { axisTicks, holdSeries, stepPath, timeScale, valueScale, type PlotBox, type Tick } from '../plot/step-series.js';
import type { QueueSample } from './model.js';

export interface QueuePlotGeometry {
  synPath: string;
  acceptPath: string;
  /** y of the SYN queue's limit. */
  limitY: number;
  nowX: number;
  yTicks: Tick[];
  xTicks: Tick[];
}

const COUNT = format('~s');

export function queuePlotGeometry(samples: readonly QueueSample[], nowMs: number, synQueueLimit: number, box: PlotBox): QueuePlotGeometry {
  const syn = holdSeries(samples, (s) => s.synQueue, nowMs);
  const acc = holdSeries(samples, (s) => s.acceptQueue, nowMs);
  const x = timeScale(samples[0]?.t ?? 0, nowMs, box);
  // The SYN queue's limit is always in view: the student watches the queue climb to it. (The accept queue's
  // limit is the backlog, often thousands: it would flatten the lines, so it is in the table only.)
  const y = valueScale(Math.max(synQueueLimit, ...syn.map((p) => p.v ?? 0), ...acc.map((p) => p.v ?? 0)), box);
  const path = stepPath(x, y);
  return { synPath: path(syn), acceptPath: path(acc), limitY: y(synQueueLimit), nowX: x(nowMs), ...axisTicks(x, y, COUNT) };
}
