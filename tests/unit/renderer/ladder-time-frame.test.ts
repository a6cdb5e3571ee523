// The ladder's zoom frame (views/ladder/time-frame.ts, docs/LADDER.md "Zoom"): a reader's own zoom keeps the
// time window they chose while the run grows under it (it used to be relative to the run's whole span, so it
// drifted and shrank while playing), their zoom and pan still work on the grown run, and Show all and the
// automatic view still work against the run's span. The view's chain is rebuilt here from the same pure
// pieces LadderView uses (frame → base scale → transform.rescaleY → the window in view), and d3-zoom's
// scaleBy, translateBy and constrain are applied with the limits the view gives it.
import { describe, expect, it } from 'vitest';
import { scaleLinear, zoomIdentity, type ZoomTransform } from 'd3';
import { constrainY, nextFrameMs, timeExtent, zoomLimits, type SpanMs, type ZoomLimits } from '../../../src-renderer/views/ladder/time-frame.js';
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
