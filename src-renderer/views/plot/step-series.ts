// What the small time plots beside the state diagram share (cwnd in tcb/, queue lengths in listener/): values
// that change in jumps, held until the cursor, on a time axis from the first sample to now, as d3 scales.
import { curveStepAfter, line, scaleLinear, type ScaleLinear } from 'd3';

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  bottom: number;
}

export interface Tick {
  /** Position on its axis, in SVG units. */
  at: number;
  label: string;
}

/** A line's colour is one of the theme's: accent, ok or danger; dashed for limits and thresholds. */
export interface PlotLine {
  /** Also its CSS class, so a test can find it. */
  name: string;
  d: string;
  colour: 'accent' | 'ok' | 'danger';
  dashed?: boolean;
}

/** One point of a step line; a null value leaves a gap (an "infinite" ssthresh, say). */
export interface StepPoint {
  t: number;
  v: number | null;
}

/** The samples up to nowMs, with the last value held up to nowMs (the line reaches the cursor). */
export function holdSeries<S extends { t: number }>(samples: readonly S[], pick: (s: S) => number | null, nowMs: number): StepPoint[] {
  const pts: StepPoint[] = samples.filter((s) => s.t <= nowMs).map((s) => ({ t: s.t, v: pick(s) }));
  const last = pts[pts.length - 1];
  if (last) pts.push({ t: nowMs, v: last.v });
  return pts;
}

/** Time from the first sample to now; the right edge leaves room for the last tick label. */
export function timeScale(t0: number, nowMs: number, box: PlotBox): ScaleLinear<number, number> {
  return scaleLinear().domain([t0, Math.max(nowMs, t0 + 1)]).range([box.left, box.width - 14]);
}

/** 0 … maxV, rounded to nice ticks, bottom to top. */
export function valueScale(maxV: number, box: PlotBox): ScaleLinear<number, number> {
  return scaleLinear().domain([0, Math.max(1, maxV)]).nice(4).range([box.height - box.bottom, 4]);
}

/** A step-line path builder on these scales (both quantities change in jumps, never in between). */
export function stepPath(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>): (pts: StepPoint[]) => string {
  const path = line<StepPoint>().defined((p) => p.v !== null).x((p) => x(p.t)).y((p) => y(p.v ?? 0)).curve(curveStepAfter);
  return (pts) => path(pts) ?? '';
}

/** Whole-number value ticks (bytes and queue entries are whole) and time ticks. */
export function axisTicks(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, label: (v: number) => string): { xTicks: Tick[]; yTicks: Tick[] } {
  return {
    yTicks: y.ticks(4).filter((v) => Number.isInteger(v)).map((v) => ({ at: y(v), label: label(v) })),
    xTicks: x.ticks(4).map((v) => ({ at: x(v), label: String(v) })),
  };
}
