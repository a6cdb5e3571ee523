// The cwnd / ssthresh plot: d3 scales and step lines (both change in jumps, RFC 5681), drawn by Svelte.
import { curveStepAfter, format, line, scaleLinear } from 'd3';
import { SSTHRESH_INFINITE, type TcbSample } from './model.js';

export interface PlotGeometry {
  cwndPath: string;
  ssthreshPath: string;
  /** x of the current time. */
  nowX: number;
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
}

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  bottom: number;
}

type Pt = { t: number; v: number | null };

/** Bytes with SI prefixes and no trailing zeros: 0, 5k, 17.5k. */
const SI = format('~s');

function series(samples: readonly TcbSample[], pick: (s: TcbSample) => number, nowMs: number): Pt[] {
  const pts: Pt[] = samples.filter((s) => s.t <= nowMs).map((s) => ({ t: s.t, v: pick(s) }));
  const last = pts[pts.length - 1];
  if (last) pts.push({ t: nowMs, v: last.v }); // hold the last value up to now
  return pts;
}

export function plotGeometry(samples: readonly TcbSample[], nowMs: number, box: PlotBox): PlotGeometry {
  const cwnd = series(samples, (s) => s.tcb.cwnd, nowMs);
  // An "infinite" ssthresh is not a number to plot: leave a gap (line.defined).
  const ssth = series(samples, (s) => s.tcb.ssthresh, nowMs).map((p) => ({ t: p.t, v: p.v !== null && p.v >= SSTHRESH_INFINITE ? null : p.v }));
  const t0 = samples[0]?.t ?? 0;
  const x = scaleLinear().domain([t0, Math.max(nowMs, t0 + 1)]).range([box.left, box.width - 14]); // room for the last tick label
  const maxV = Math.max(1, ...cwnd.map((p) => p.v ?? 0), ...ssth.map((p) => p.v ?? 0));
  const y = scaleLinear().domain([0, maxV]).nice(4).range([box.height - box.bottom, 4]);
  const path = line<Pt>()
    .defined((p) => p.v !== null)
    .x((p) => x(p.t))
    .y((p) => y(p.v ?? 0))
    .curve(curveStepAfter);
  return {
    cwndPath: path(cwnd) ?? '',
    ssthreshPath: path(ssth) ?? '',
    nowX: x(nowMs),
    // Bytes are whole: a small domain (cwnd 0 before the handshake) would otherwise get 0.2, 0.4… ticks.
    yTicks: y.ticks(4).filter((v) => Number.isInteger(v)).map((v) => ({ y: y(v), label: SI(v) })),
    xTicks: x.ticks(4).map((v) => ({ x: x(v), label: String(v) })),
  };
}
