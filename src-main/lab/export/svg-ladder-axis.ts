// The ladder's vertical time axis for a static picture. A linear scale would make a 60 s TIME-WAIT a
// metre tall, so the axis is piecewise linear over the times where something happens: each gap between
// two such times gets gapMs * pxPerMs, at least minGapPx (so consecutive labels never overlap) and at
// most maxGapPx; a gap cut short is marked as a break with its real length.

export interface AxisOptions {
  topPx: number;
  pxPerMs: number;
  minGapPx: number;
  maxGapPx: number;
}

export interface TimeAxis {
  /** y of a time; times between two key times interpolate linearly, times outside extrapolate to the ends. */
  y(tMs: number): number;
  keyTimes: readonly number[];
  /** Gaps drawn shorter than their real length: between y0 and y1, lasting gapMs. */
  breaks: ReadonlyArray<{ y0: number; y1: number; gapMs: number }>;
  bottomPx: number;
}

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildTimeAxis(times: Iterable<number>, o: AxisOptions): TimeAxis {
  const keyTimes = [...new Set(times)].filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  const ys: number[] = [];
  const breaks: Array<{ y0: number; y1: number; gapMs: number }> = [];
  let y = o.topPx;
  for (let i = 0; i < keyTimes.length; i++) {
    if (i > 0) {
      const gapMs = keyTimes[i]! - keyTimes[i - 1]!;
      const linear = gapMs * o.pxPerMs;
      const dy = Math.min(o.maxGapPx, Math.max(o.minGapPx, linear));
      if (linear > o.maxGapPx) breaks.push({ y0: y, y1: y + dy, gapMs });
      y += dy;
    }
    ys.push(y);
  }
  const at = (tMs: number): number => {
    if (keyTimes.length === 0) return o.topPx;
    const i = lowerBound(keyTimes, tMs);
    if (i < keyTimes.length && keyTimes[i] === tMs) return ys[i]!;
    if (i === 0) return ys[0]!;
    if (i === keyTimes.length) return ys[i - 1]! + o.minGapPx;
    const t0 = keyTimes[i - 1]!, t1 = keyTimes[i]!;
    return ys[i - 1]! + ((tMs - t0) / (t1 - t0)) * (ys[i]! - ys[i - 1]!);
  };
  return { y: at, keyTimes, breaks, bottomPx: (ys[ys.length - 1] ?? o.topPx) + o.minGapPx };
}

/** "0 ms", "250 ms", "1.5 s", "2 min 7 s": readable at a glance on the axis. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms * 100) / 100} ms`;
  if (ms < 60_000) return `${Math.round(ms / 10) / 100} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms - min * 60_000) / 100) / 10;
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}
