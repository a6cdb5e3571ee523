// The time span the ladder's zoom transform is relative to (its "frame"), and the zoom limits that follow
// from it (docs/LADDER.md, "Zoom"). d3-zoom scales and moves a base scale that maps the frame onto the plot.
// The frame used to be the run's whole span, so while a run played and its span grew, the same transform
// showed a later and longer stretch of time: a reader's own zoom drifted and shrank under them. Now the frame
// is held while the reader's own zoom is on, so the time window they chose stays on screen however the run
// grows (play, a seek, a branch); the automatic view and Show all place the window themselves against the
// run's span, as before. Pure maths, unit-tested in node (tests/unit/renderer/ladder-time-frame.test.ts).
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { LadderPacket } from './model.js';
import { MAX_PX_PER_MS } from './constants.js';

/** A time span [fromMs, toMs]. */
export type SpanMs = readonly [number, number];

/** The time span a fresh view shows: every start and end (and now), with a small pad. */
export function timeExtent(packets: readonly Pick<LadderPacket, 'startMs' | 'endMs'>[], nowMs: number | undefined): [number, number] {
  let lo = packets[0]?.startMs ?? 0;
  let hi = nowMs ?? lo;
  for (const p of packets) {
    if (p.startMs < lo) lo = p.startMs;
    const end = Number.isFinite(p.endMs) ? p.endMs : p.startMs;
    if (end > hi) hi = end;
    if (p.startMs > hi) hi = p.startMs;
  }
  if (hi - lo < 1) hi = lo + 1;
  return [lo, hi];
}

/**
 * The frame once the run's span is extentMs: the run's span, except in the reader's own zoom (`held`), where
 * it stays the frame they were looking at when they took over (prevMs: the last frame drawn, which their
 * transform is relative to).
 */
export function nextFrameMs(prevMs: SpanMs | undefined, extentMs: SpanMs, held: boolean): SpanMs {
  if (held && prevMs) return prevMs;
  return prevMs && prevMs[0] === extentMs[0] && prevMs[1] === extentMs[1] ? prevMs : extentMs;
}

/**
 * The frame and transform a reader's gesture starts from, outside their own zoom: those of the view (frameMs,
 * t), re-expressed to show exactly what shownY (the time scale last drawn: what is on screen) shows. While the
 * run plays the frame follows it, so the view can be a step ahead of the picture (drawn on the next animation
 * frame), and a drag's button can be held while the run grows; a gesture relative to the view's frame put
 * another time under the pointer than the one it started on. The scale k is kept as d3-zoom has it, because
 * d3-zoom computes a wheel's first step from it before the gesture starts: only the frame (which the reader
 * never sees) and the offset change. The frame starts at the time drawn at the plot's top, m0: the base scale
 * maps [m0, m0 + k·(m1 − m0)] onto the plot, and k·base + r0·(1 − k) puts m0 back at r0 and m1 at r1.
 */
export function gestureFrame(frameMs: SpanMs, t: ZoomTransform, shownY: { invert(px: number): number } | null, plotRangePx: SpanMs): { frameMs: SpanMs; transform: ZoomTransform } {
  if (!shownY) return { frameMs, transform: t };
  const [r0, r1] = plotRangePx;
  const m0 = shownY.invert(r0);
  const spanMs = Math.max(1e-9, shownY.invert(r1) - m0);
  return { frameMs: [m0, m0 + t.k * spanMs], transform: zoomIdentity.translate(t.x, r0 * (1 - t.k)).scale(t.k) };
}

/** The limits d3-zoom gets: its scale factors (k), and what constrainY keeps in view (world pixels, before zoom). */
export interface ZoomLimits {
  minK: number;
  maxK: number;
  /** Where the base scale puts the start and the end of what may be panned over: the run, and the frame held. */
  spanTopPx: number;
  spanBottomPx: number;
  /** The canvas above and below the plot (the headers, the bottom edge). */
  marginTopPx: number;
  marginBottomPx: number;
}

/**
 * The zoom limits for a frame drawn into plotRangePx of a heightPx-tall canvas. The reader may zoom out until
 * the whole run fits (k below 1 once the run has grown past a held frame) and in to MAX_PX_PER_MS, and pan over
 * the whole run; over the held frame too, so that after a seek back to a shorter run the window they were
 * reading stays reachable. With the frame equal to the run's span these are the limits the ladder always had:
 * k from 1, and panning over the canvas's own height.
 */
export function zoomLimits(frameMs: SpanMs, extentMs: SpanMs, plotRangePx: SpanMs, heightPx: number): ZoomLimits {
  const frameSpanMs = Math.max(1e-9, frameMs[1] - frameMs[0]);
  const loMs = Math.min(frameMs[0], extentMs[0]);
  const hiMs = Math.max(frameMs[1], extentMs[1]);
  const [r0, r1] = plotRangePx;
  // Where the base scale puts a time: r0 at the frame's start.
  const basePx = (ms: number) => r0 + ((ms - frameMs[0]) * (r1 - r0)) / frameSpanMs;
  return {
    minK: Math.min(1, frameSpanMs / (hiMs - loMs)),
    maxK: Math.max(2, (MAX_PX_PER_MS * frameSpanMs) / Math.max(1, heightPx)),
    spanTopPx: basePx(loMs),
    spanBottomPx: basePx(hiMs),
    marginTopPx: r0,
    marginBottomPx: heightPx - r1,
  };
}

/**
 * d3-zoom's constrain for the ladder (its default one, on the time axis only): the view stays within the
 * span and its margins, and is centred on them when it is taller. The margins are world pixels at k >= 1, as
 * the ladder always had them (a translateExtent of the canvas's height); zoomed out below the frame's scale
 * (a run grown past a held frame) they keep their size on screen, so the view zoomed out as far as it goes
 * shows the whole run on the plot, below the headers, as Show all does.
 */
export function constrainY(t: ZoomTransform, viewportPx: number, l: ZoomLimits): ZoomTransform {
  const marginScale = Math.max(1, 1 / t.k);
  const topPx = l.spanTopPx - l.marginTopPx * marginScale;
  const bottomPx = l.spanBottomPx + l.marginBottomPx * marginScale;
  const dy0 = t.invertY(0) - topPx;
  const dy1 = t.invertY(viewportPx) - bottomPx;
  const dy = dy1 > dy0 ? (dy0 + dy1) / 2 : Math.min(0, dy0) || Math.max(0, dy1);
  return dy === 0 ? t : t.translate(0, dy);
}
