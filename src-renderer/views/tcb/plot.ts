// The cwnd / ssthresh plot: d3 scales and step lines (both change in jumps, RFC 5681), drawn by Svelte.
import { format } from 'd3';
import { axisTicks, holdSeries, stepPath, timeScale, valueScale, type PlotBox, type Tick } from '../plot/step-series.js';
import { SSTHRESH_INFINITE, type TcbSample } from './model.js';

export type { PlotBox } from '../plot/step-series.js';

export interface PlotGeometry {
  cwndPath: string;
  ssthreshPath: string;
  /** x of the current time. */
  nowX: number;
  yTicks: Tick[];
  xTicks: Tick[];
}

/** Bytes with SI prefixes and no trailing zeros: 0, 5k, 17.5k. */
const SI = format('~s');

export function plotGeometry(samples: readonly TcbSample[], nowMs: number, box: PlotBox): PlotGeometry {
  const cwnd = holdSeries(samples, (s) => s.tcb.cwnd, nowMs);
  // An "infinite" ssthresh is not a number to plot: leave a gap (line.defined).
  const ssth = holdSeries(samples, (s) => (s.tcb.ssthresh >= SSTHRESH_INFINITE ? null : s.tcb.ssthresh), nowMs);
  const x = timeScale(samples[0]?.t ?? 0, nowMs, box);
  const y = valueScale(Math.max(...cwnd.map((p) => p.v ?? 0), ...ssth.map((p) => p.v ?? 0)), box);
  const path = stepPath(x, y);
  // Bytes are whole: a small domain (cwnd 0 before the handshake) would otherwise get 0.2, 0.4… ticks.
  return { cwndPath: path(cwnd), ssthreshPath: path(ssth), nowX: x(nowMs), ...axisTicks(x, y, SI) };
}
