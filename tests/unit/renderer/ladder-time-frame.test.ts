// The ladder's zoom frame (views/ladder/time-frame.ts, docs/LADDER.md "Zoom"): a reader's own zoom keeps the
// time window they chose while the run grows under it (it used to be relative to the run's whole span, so it
// drifted and shrank while playing), their zoom and pan still work on the grown run, and Show all and the
// automatic view still work against the run's span. The view's chain is rebuilt here from the same pure
// pieces LadderView uses (frame → base scale → transform.rescaleY → the window in view), and d3-zoom's
// scaleBy, translateBy and constrain are applied with the limits the view gives it.
import { describe, expect, it } from 'vitest';
import { scaleLinear, zoomIdentity, type ZoomTransform } from 'd3';
import { constrainY, gestureFrame, nextFrameMs, timeExtent, zoomLimits, type SpanMs, type ZoomLimits } from '../../../src-renderer/views/ladder/time-frame.js';
import { HEADER_PX } from '../../../src-renderer/views/ladder/constants.js';

const HEIGHT_PX = 400;
/** LadderView.plotRange for HEIGHT_PX. */
const PLOT_PX: SpanMs = [HEADER_PX + 12, HEIGHT_PX - 14];
const CENTRE_PX = (HEADER_PX + HEIGHT_PX) / 2;

/** A packet every 20 ms from fromMs to toMs, each arriving 10 ms later. */
const packets = (fromMs: number, toMs: number) =>
  Array.from({ length: Math.floor((toMs - fromMs) / 20) + 1 }, (_, i) => ({ startMs: fromMs + 20 * i, endMs: fromMs + 20 * i + 10 }));

/** LadderView.windowMs: the times at the top (under the headers) and at the bottom of the canvas. */
function windowOf(frameMs: SpanMs, t: ZoomTransform): [number, number] {
  const y = t.rescaleY(scaleLinear().domain(frameMs).range(PLOT_PX));
  return [y.invert(HEADER_PX), y.invert(HEIGHT_PX)];
}

// d3-zoom (zoom.js: scaleTo, translateBy) on a canvas HEIGHT_PX tall, with the limits and the constrain the
// ladder gives it.
const constrain = (t: ZoomTransform, l: ZoomLimits) => constrainY(t, HEIGHT_PX, l);
/** The + and − buttons: scaleBy around the plot's centre. */
function scaleBy(t: ZoomTransform, factor: number, l: ZoomLimits): ZoomTransform {
  const k = Math.max(l.minK, Math.min(l.maxK, t.k * factor));
  const worldPx = t.invertY(CENTRE_PX);
  return constrain(zoomIdentity.translate(0, CENTRE_PX - worldPx * k).scale(k), l);
}
/** Earlier and Later: the content moves up by dyPx screen pixels. */
const panBy = (t: ZoomTransform, dyPx: number, l: ZoomLimits) => constrain(t.translate(0, -dyPx / t.k), l);

/** A run of 200 ms, zoomed in ×4 by the reader: the frame it is relative to, and their transform. */
function zoomedIn() {
  const extentMs = timeExtent(packets(0, 200), 200);
  // Until then the automatic view (or Show all) followed the run: the frame is the run's span.
  let frameMs = nextFrameMs(undefined, extentMs, false);
  expect(frameMs).toEqual([0, 210]);
  const t = scaleBy(zoomIdentity, 4, zoomLimits(frameMs, extentMs, PLOT_PX, HEIGHT_PX));
  frameMs = nextFrameMs(frameMs, extentMs, true);
  return { frameMs, t, windowMs: windowOf(frameMs, t) };
}

describe('the reader\'s own zoom while the run grows', () => {
  it('keeps the same window in virtual time (start and ms per pixel) as packets come and the run\'s end moves on', () => {
    const { frameMs: heldMs, t, windowMs } = zoomedIn();
    expect(windowMs[1] - windowMs[0]).toBeLessThan(80);
    let frameMs = heldMs;
    // Playing: more packets and a later cursor, several times (each new frame of the ladder).
    for (const nowMs of [400, 1000, 5000, 63_000]) {
      const extentMs = timeExtent(packets(0, Math.min(nowMs, 2000)), nowMs);
      frameMs = nextFrameMs(frameMs, extentMs, true);
      expect(windowOf(frameMs, t)).toEqual(windowMs);
    }
    // The limits d3-zoom then gets leave the transform where it is (a later wheel or drag starts from it).
    expect(constrain(t, zoomLimits(frameMs, [0, 63_000], PLOT_PX, HEIGHT_PX))).toEqual(t);
  });

  it('a seek back to a shorter run (or a branch) keeps it too, and it stays reachable', () => {
    const { frameMs: heldMs, t, windowMs } = zoomedIn();
    const extentMs = timeExtent([], 0);
    const frameMs = nextFrameMs(heldMs, extentMs, true);
    expect(windowOf(frameMs, t)).toEqual(windowMs);
    const limits = zoomLimits(frameMs, extentMs, PLOT_PX, HEIGHT_PX);
    expect(constrain(t, limits)).toEqual(t);
    // Zooming in and out again comes back to the same window.
    expect(windowOf(frameMs, scaleBy(scaleBy(t, 1.6, limits), 1 / 1.6, limits)).map((ms) => ms.toFixed(6)))
      .toEqual(windowMs.map((ms) => ms.toFixed(6)));
  });

  it('zooming and panning still work on the grown run: around the centre, out to the whole run, on to its end', () => {
    const { frameMs: heldMs, t } = zoomedIn();
    const extentMs = timeExtent(packets(0, 2000), 5000);
    const frameMs = nextFrameMs(heldMs, extentMs, true);
    const limits = zoomLimits(frameMs, extentMs, PLOT_PX, HEIGHT_PX);
    const centreMs = (tr: ZoomTransform) => tr.rescaleY(scaleLinear().domain(frameMs).range(PLOT_PX)).invert(CENTRE_PX);
    // − keeps the time at the centre and shows 1.6 times as much.
    const out = scaleBy(t, 1 / 1.6, limits);
    const [from0, to0] = windowOf(frameMs, t);
    const [from1, to1] = windowOf(frameMs, out);
    expect(centreMs(out)).toBeCloseTo(centreMs(t), 6);
    expect(to1 - from1).toBeCloseTo(1.6 * (to0 - from0), 6);
    // Zooming out as far as it goes shows the whole run, 5 s now (the frame held is 210 ms).
    let all = t;
    for (let i = 0; i < 20; i++) all = scaleBy(all, 1 / 1.6, limits);
    const [fromAll, toAll] = windowOf(frameMs, all);
    expect(fromAll).toBeLessThanOrEqual(extentMs[0]);
    expect(toAll).toBeGreaterThanOrEqual(extentMs[1]);
    // Later, as often as it goes, reaches the run's end (not only the end of the frame held).
    let later = t;
    for (let i = 0; i < 200; i++) later = panBy(later, 200, limits);
    expect(windowOf(frameMs, later)[1]).toBeGreaterThanOrEqual(extentMs[1]);
  });
});

describe('Show all and the automatic view', () => {
  it('are relative to the run\'s span as it grows, with the limits the ladder always had', () => {
    const { frameMs: heldMs } = zoomedIn();
    // Show all (or the automatic view) after the reader's zoom: the frame is the run's span again, and with
    // Show all's identity transform the whole run is in view, growing with it.
    const extentMs = timeExtent(packets(0, 2000), 5000);
    let frameMs = nextFrameMs(heldMs, extentMs, false);
    expect(frameMs).toEqual(extentMs);
    const [fromMs, toMs] = windowOf(frameMs, zoomIdentity);
    expect(fromMs).toBeLessThan(extentMs[0]);
    expect(toMs).toBeGreaterThan(extentMs[1]);
    const grownMs = timeExtent(packets(0, 2000), 9000);
    frameMs = nextFrameMs(frameMs, grownMs, false);
    expect(windowOf(frameMs, zoomIdentity)[1]).toBeGreaterThan(9000);
    const limits = zoomLimits(frameMs, grownMs, PLOT_PX, HEIGHT_PX);
    expect(limits).toEqual({ minK: 1, maxK: (60 * 9000) / HEIGHT_PX, spanTopPx: PLOT_PX[0], spanBottomPx: PLOT_PX[1], marginTopPx: PLOT_PX[0], marginBottomPx: HEIGHT_PX - PLOT_PX[1] });
    // Panning keeps the view inside the canvas's height, in world pixels (d3's translateExtent [0, height]).
    const zoomed = zoomIdentity.scale(3);
    expect(constrain(zoomed.translate(0, 50), limits).invertY(0)).toBeCloseTo(0, 9);
    expect(constrain(zoomed.translate(0, -5000), limits).invertY(HEIGHT_PX)).toBeCloseTo(HEIGHT_PX, 9);
  });
});

// A wheel or a drag that starts outside the reader's own zoom while the run plays (docs/LADDER.md "Zoom"). The
// frame then follows the run, so the view (frame and transform) can be a step ahead of the picture, which is
// drawn on the next animation frame, and it grows on while a drag's button is held. d3-zoom (zoom.js: wheeled,
// mousedowned, Gesture.zoom) takes the point under the pointer from its transform, and a wheel its next scale,
// before the gesture's 'start'; at 'start' the ladder holds the frame at what is on screen (gestureFrame) and
// sets the transform that shows it, which d3-zoom takes the point from again. Each first step must then move
// what the reader saw: the time under the pointer stays there, at the wheel's scale, or moves with the drag.
describe('a gesture that starts while the run plays', () => {
  const POINTER_PX = 260;
  const WHEEL = 2 ** 0.2;
  const yOf = (frameMs: SpanMs, t: ZoomTransform) => t.rescaleY(scaleLinear().domain(frameMs).range(PLOT_PX));

  /**
   * The ladder at d3-zoom's 'start' (zoom.svelte.ts): the frame held and the transform set, from the view's frame
   * and transform and what is on screen.
   */
  function atStart(frameMs: SpanMs, t: ZoomTransform, shown: ReturnType<typeof yOf>) {
    const held = gestureFrame(frameMs, t, shown, PLOT_PX);
    return { frameMs: held.frameMs, t: held.transform };
  }

  /** d3-zoom's wheel step at POINTER_PX from the view's frame and transform t, with the ladder's 'start' in between. */
  function wheel(frameMs: SpanMs, t: ZoomTransform, shown: ReturnType<typeof yOf>) {
    const k = t.k * WHEEL;
    const held = atStart(frameMs, t, shown);
    const worldPx = held.t.invertY(POINTER_PX);
    return { frameMs: held.frameMs, t: zoomIdentity.translate(0, POINTER_PX - worldPx * k).scale(k) };
  }

  /** d3-zoom's drag: pressed at POINTER_PX, then (the run grown meanwhile) moved by dyPx. */
  function drag(frameMs: SpanMs, t: ZoomTransform, shown: ReturnType<typeof yOf>, grownMs: SpanMs, dyPx: number) {
    const held = atStart(frameMs, t, shown);
    const worldPx = held.t.invertY(POINTER_PX);
    // The frame stays held while the run grows under the button (the view's holdFrame).
    const heldMs = nextFrameMs(held.frameMs, grownMs, true);
    const moved = held.t.translate(0, (POINTER_PX + dyPx - held.t.applyY(worldPx)) / held.t.k);
    return { frameMs: heldMs, t: constrain(moved, zoomLimits(heldMs, grownMs, PLOT_PX, HEIGHT_PX)) };
  }

  // Show all (or the automatic view of the whole run) while playing: the picture drawn at the run's span of the
  // frame before, the view already at the next one (the identity transform in both).
  const drawnMs = timeExtent(packets(0, 2000), 3000);
  const aheadMs = timeExtent(packets(0, 2000), 3330);
  const shownWhole = yOf(nextFrameMs(undefined, drawnMs, false), zoomIdentity);

  it('a wheel step keeps the time under the pointer and zooms by its step from what is on screen', () => {
    const after = wheel(aheadMs, zoomIdentity, shownWhole);
    const y = yOf(after.frameMs, after.t);
    expect(y.invert(POINTER_PX)).toBeCloseTo(shownWhole.invert(POINTER_PX), 6);
    const msPerPx = (s: ReturnType<typeof yOf>) => s.invert(1) - s.invert(0);
    expect(msPerPx(shownWhole) / msPerPx(y)).toBeCloseTo(WHEEL, 9);
    // The view's own frame (a step ahead) would have put another time under the pointer: what this guards.
    expect(Math.abs(yOf(aheadMs, zoomIdentity).invert(POINTER_PX) - shownWhole.invert(POINTER_PX))).toBeGreaterThan(10 * msPerPx(shownWhole));
  });

  it('a drag moves the time under the pointer with it, however the run grew while the button was held', () => {
    const after = drag(aheadMs, zoomIdentity, shownWhole, timeExtent(packets(0, 2000), 6000), -20);
    const y = yOf(after.frameMs, after.t);
    expect(y.invert(POINTER_PX - 20)).toBeCloseTo(shownWhole.invert(POINTER_PX), 6);
    expect(y.invert(0)).toBeCloseTo(shownWhole.invert(20), 6);
  });

  it('in the automatic view\'s window (re-placed at each frame of the run) a wheel step is relative to it too', () => {
    // The same 400 ms window, drawn against the frame before and placed against the next one (zoom.svelte.ts #follow).
    const placed = (frameMs: SpanMs) => {
      const base = scaleLinear().domain(frameMs).range(PLOT_PX);
      const k = (frameMs[1] - frameMs[0]) / 400;
      return zoomIdentity.translate(0, PLOT_PX[0] - k * base(1800)).scale(k);
    };
    const shown = yOf(drawnMs, placed(drawnMs));
    const after = wheel(aheadMs, placed(aheadMs), shown);
    const y = yOf(after.frameMs, after.t);
    expect(y.invert(POINTER_PX)).toBeCloseTo(shown.invert(POINTER_PX), 6);
    expect((shown.invert(1) - shown.invert(0)) / (y.invert(1) - y.invert(0))).toBeCloseTo(WHEEL, 9);
    // A click (no step): the transform set at 'start' shows exactly what was on screen.
    const still = atStart(aheadMs, placed(aheadMs), shown);
    expect(yOf(still.frameMs, still.t).invert(PLOT_PX[0])).toBeCloseTo(1800, 6);
    expect(yOf(still.frameMs, still.t).invert(PLOT_PX[1])).toBeCloseTo(2200, 6);
  });
});
