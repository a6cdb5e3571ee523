// When the ladder's packets can be told apart and read, and which time window it shows when the whole run
// cannot (docs/LADDER.md, "Zoom"). The ladder's time axis is linear, so a long run fitted into the pane (a
// 60 s TIME-WAIT after a 60 ms handshake, or thousands of packets) put every arrow within a pixel of the next
// and left no room for a single label. Two tests over the distinct instants at which packets leave (packets
// sent in the same millisecond cannot be told apart at any zoom, so they count once), each passed when a
// share of them get a row of their own, placed greedily top to bottom:
// - apart: half of them get rows of ARROW_ROW_PX. Failing it, arrows lie on top of each other: the ladder
//   then shows a window instead of the whole run, and says "Packets overlap" when the reader fitted it anyway.
// - readable: two in three get rows of LABEL_ROW_PX, the room a label needs (the labels of the others are
//   left out, draw.ts). The window shown is the longest one that passes.
// Pure maths over the sorted start times of the ladder's time index, unit-tested in node.
import { LABEL_GAP_PX } from './constants.js';
import { lowerBound } from './time-index.js';

/** Arrows closer than this merge into one smear (they are 1.25 px wide, their heads 7 px long). */
export const ARROW_ROW_PX = 4;
/** The height a packet's row needs for its label: the labels' own spacing (draw.ts). */
export const LABEL_ROW_PX = LABEL_GAP_PX;
/** The shares of instants that must have a row of their own: for arrows apart, and for labels. */
export const APART_SHARE = 0.5;
export const READABLE_SHARE = 2 / 3;

/**
 * Whether at least `share` of the instants at which packets leave in [t0Ms, t1Ms] get a row of rowPx when
 * that span is plotPx tall. Reads at most the instants such a view can hold (plotPx / rowPx / share of them),
 * so it costs little however long the run.
 */
export function hasRows(startMs: Float64Array, t0Ms: number, t1Ms: number, plotPx: number, rowPx: number, share: number): boolean {
  const spanMs = t1Ms - t0Ms;
  if (!(spanMs > 0) || plotPx <= 0) return true;
  const pxPerMs = plotPx / spanMs;
  const maxInstants = Math.floor((Math.floor(plotPx / rowPx) + 1) / share);
  let instants = 0;
  let rows = 0;
  let lastRowPx = -Infinity;
  let prevMs = NaN;
  for (let i = lowerBound(startMs, t0Ms); i < startMs.length; i++) {
    const s = startMs[i] as number;
    if (s > t1Ms) break;
    if (s === prevMs) continue;
    prevMs = s;
    if (++instants > maxInstants) return false;
    const yPx = (s - t0Ms) * pxPerMs;
    if (yPx - lastRowPx >= rowPx) {
      rows++;
      lastRowPx = yPx;
    }
  }
  return rows >= share * instants;
}

/** The arrows in [t0Ms, t1Ms] do not lie on top of each other. */
export function arrowsApart(startMs: Float64Array, t0Ms: number, t1Ms: number, plotPx: number): boolean {
  return hasRows(startMs, t0Ms, t1Ms, plotPx, ARROW_ROW_PX, APART_SHARE);
}

/** The packets in [t0Ms, t1Ms] have room for their labels. */
export function isReadable(startMs: Float64Array, t0Ms: number, t1Ms: number, plotPx: number): boolean {
  return hasRows(startMs, t0Ms, t1Ms, plotPx, LABEL_ROW_PX, READABLE_SHARE);
}

/**
 * The longest readable span (between minSpanMs and maxSpanMs) of a window placed around anchorMs: the
 * anchor sits at `fraction` of the window's height (0: the top), and the window stays inside [loMs, hiMs]
 * (as far as its span allows).
 * Readability is not strictly monotonic in the span (one more instant can get a row of its own), so this is
 * a bisection to about 1 %: it finds a long readable span, not always the longest.
 */
export function readableSpanMs(startMs: Float64Array, w: WindowPlace & { minSpanMs: number; maxSpanMs: number }, plotPx: number): number {
  const ok = (spanMs: number) => {
    const t0 = placeWindow(w, spanMs);
    return isReadable(startMs, t0, t0 + spanMs, plotPx);
  };
  const minSpan = Math.min(w.minSpanMs, w.maxSpanMs);
  if (ok(w.maxSpanMs)) return w.maxSpanMs;
  if (!ok(minSpan)) return minSpan;
  let good = minSpan;
  let bad = w.maxSpanMs;
  for (let k = 0; k < 60 && bad - good > good * 0.01; k++) {
    const mid = Math.sqrt(good * bad);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** Where a window goes: its anchor at `fraction` of its height, inside [loMs, hiMs] as far as it fits. */
interface WindowPlace {
  anchorMs: number;
  fraction: number;
  loMs: number;
  hiMs: number;
}

/** The start of a window of spanMs placed as `w` says. */
function placeWindow(w: WindowPlace, spanMs: number): number {
  return Math.max(w.loMs, Math.min(w.anchorMs - w.fraction * spanMs, w.hiMs - spanMs));
}

/** The window an unzoomed ladder shows when the whole run is not readable: [t0Ms, t0Ms + spanMs]. */
export interface AutoWindow {
  t0Ms: number;
  spanMs: number;
}

export interface AutoInput {
  /** Start times of the packets drawn, ascending (TimeIndex.startMs). */
  startMs: Float64Array;
  /** The whole run's time span (LadderView.extent). */
  loMs: number;
  hiMs: number;
  /** Height of the plot the span is drawn in, and the deepest zoom's span for it. */
  plotPx: number;
  minSpanMs: number;
  /**
   * 'start': a run just opened (its trace may still be loading): show its start. 'newest': the cursor has
   * moved since (play, step, seek), or the run changed under it (an intervention, undo): follow its newest
   * packets.
   */
  anchor: 'start' | 'newest';
}

/**
 * What the ladder shows by itself (until the reader zooms or pans): the whole run while its arrows are apart
 * (null: as the ladder always did), else a readable window. At the start, it keeps its start and takes the
 * longest readable span from there (more of the trace loaded, a resize). Following the newest packets, it
 * keeps its zoom while the newest packet is in view, pages on when one leaves just below it (the new packet
 * then near the top, so a page lasts), and otherwise (a jump past or before it) takes a fresh readable window
 * ending just below the newest packet.
 */
export function autoWindow(a: AutoInput, prev: AutoWindow | null): AutoWindow | null {
  const n = a.startMs.length;
  if (n === 0 || arrowsApart(a.startMs, a.loMs, a.hiMs, a.plotPx)) return null;
  const extentMs = a.hiMs - a.loMs;
  const lastMs = a.startMs[n - 1] as number;
  const fresh = (anchor: 'start' | 'newest'): AutoWindow => {
    const w: WindowPlace = { anchorMs: anchor === 'start' ? a.loMs : lastMs, fraction: anchor === 'start' ? 0 : 0.8, loMs: a.loMs, hiMs: a.hiMs };
    const spanMs = readableSpanMs(a.startMs, { ...w, minSpanMs: a.minSpanMs, maxSpanMs: extentMs }, a.plotPx);
    return { t0Ms: placeWindow(w, spanMs), spanMs };
  };
  let next: AutoWindow;
  if (prev === null) next = fresh(a.anchor);
  else if (a.anchor === 'start') {
    const t0Ms = Math.max(a.loMs, prev.t0Ms);
    const maxSpanMs = Math.max(a.hiMs - t0Ms, Math.min(prev.spanMs, extentMs));
    next = { t0Ms, spanMs: readableSpanMs(a.startMs, { anchorMs: t0Ms, fraction: 0, loMs: a.loMs, hiMs: Infinity, minSpanMs: a.minSpanMs, maxSpanMs }, a.plotPx) };
  } else {
    const endMs = prev.t0Ms + prev.spanMs;
    if (lastMs < prev.t0Ms || lastMs > endMs + prev.spanMs) next = fresh('newest');
    // (Beyond the run's end while playing: the time to come.)
    else if (lastMs > endMs) next = { t0Ms: Math.max(a.loMs, lastMs - 0.2 * prev.spanMs), spanMs: prev.spanMs };
    else next = prev;
  }
  // Never zoomed out beyond the whole run (d3-zoom's scale extent starts at 1).
  return next.spanMs >= extentMs ? null : next;
}

/** The zoom transform (scale k, vertical translation y) that maps a window onto the base scale's range. */
export function windowTransform(w: AutoWindow, base: { (ms: number): number; domain(): number[]; range(): number[] }): { k: number; y: number } {
  const [lo = 0, hi = 1] = base.domain();
  const [r0 = 0] = base.range();
  const k = (hi - lo) / w.spanMs;
  return { k, y: r0 - k * base(w.t0Ms) };
}
