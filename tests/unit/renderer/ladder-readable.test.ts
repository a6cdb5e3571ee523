// When the ladder's arrows are apart and its labels readable, and the window the automatic view picks for a
// run too crowded to show whole (views/ladder/readable.ts, docs/LADDER.md "Zoom").
import { describe, expect, it } from 'vitest';
import { arrowsApart, autoWindow, isReadable, LABEL_ROW_PX, windowTransform, type AutoInput } from '../../../src-renderer/views/ladder/readable.js';
import { scaleLinear } from 'd3';

const starts = (...ms: number[]) => Float64Array.from(ms);
/** Lesson 15's shape: a handshake, data and a close in the first second, then a 60 s TIME-WAIT. */
const TIME_WAIT = starts(0, 20, 40, 200, 220, 400, 420, 440, 460);
const input = (startMs: Float64Array, over: Partial<AutoInput> = {}): AutoInput => ({
  startMs, loMs: 0, hiMs: 61_000, plotPx: 200, minSpanMs: 200 / 60, anchor: 'start', ...over,
});
/** How many instants of a window get a label row at that window's scale. */
function labelRows(startMs: Float64Array, t0: number, t1: number, plotPx: number): { rows: number; instants: number } {
  let rows = 0, instants = 0, last = -Infinity;
  for (const s of new Set(startMs)) {
    if (s < t0 || s > t1) continue;
    instants++;
    const y = ((s - t0) * plotPx) / (t1 - t0);
    if (y - last >= LABEL_ROW_PX) { rows++; last = y; }
  }
  return { rows, instants };
}

describe('arrows apart, labels readable', () => {
  it('a 60 s TIME-WAIT squashes the whole run; its first second is fine', () => {
    expect(arrowsApart(TIME_WAIT, 0, 61_000, 200)).toBe(false);
    expect(arrowsApart(TIME_WAIT, 0, 1000, 200)).toBe(true);
    expect(isReadable(TIME_WAIT, 0, 1000, 200)).toBe(false);
    expect(isReadable(TIME_WAIT, 0, 250, 200)).toBe(true);
  });

  it('packets sent in the same millisecond count once: no zoom can part them', () => {
    const burst = starts(0, 100, 100, 100, 100, 100, 100, 200);
    expect(isReadable(burst, 0, 300, 200)).toBe(true);
  });

  it('reads only the instants a readable view can hold, whatever the length of the run', () => {
    const flood = Float64Array.from({ length: 1_000_000 }, (_, i) => i);
    const t0 = performance.now();
    expect(arrowsApart(flood, 0, 1_000_000, 400)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(20);
  });
});

describe('the automatic view', () => {
  it('shows the whole run (null) while its arrows are apart: a short lesson looks as it always did', () => {
    expect(autoWindow(input(starts(0, 20, 40), { hiMs: 60 }), null)).toBeNull();
    expect(autoWindow(input(starts()), null)).toBeNull();
  });

  it('a run just opened that is too crowded: a readable window from its start', () => {
    const w = autoWindow(input(TIME_WAIT), null)!;
    expect(w.t0Ms).toBe(0);
    expect(isReadable(TIME_WAIT, w.t0Ms, w.t0Ms + w.spanMs, 200)).toBe(true);
    const { rows, instants } = labelRows(TIME_WAIT, w.t0Ms, w.t0Ms + w.spanMs, 200);
    expect(rows / instants).toBeGreaterThanOrEqual(2 / 3);
    // It shows more than the first packets: the longest readable window (to about 1 %), not any.
    expect(instants).toBeGreaterThanOrEqual(4);
    expect(isReadable(TIME_WAIT, 0, w.spanMs * 1.5, 200)).toBe(false);
  });

  it('after the cursor moved (End, play), a fresh window ends just below the newest packet', () => {
    const w = autoWindow(input(TIME_WAIT, { anchor: 'newest' }), null)!;
    expect(w.t0Ms).toBeLessThanOrEqual(460);
    expect(w.t0Ms + w.spanMs).toBeGreaterThan(460);
    expect(w.t0Ms).toBeGreaterThan(0);
  });

  it('while playing: keeps its zoom, pages on when a packet leaves below it, stays while nothing new comes', () => {
    const first = autoWindow(input(TIME_WAIT, { anchor: 'newest' }), null)!;
    const follow = { anchor: 'newest' as const, hiMs: 61_500 };
    expect(autoWindow(input(TIME_WAIT, follow), first)).toEqual(first);
    // The next packet leaves just below the window: the next page has it near its top.
    const nextMs = first.t0Ms + first.spanMs + 5;
    const paged = autoWindow(input(starts(...TIME_WAIT, nextMs), follow), first)!;
    expect(paged.spanMs).toBe(first.spanMs);
    expect(paged.t0Ms).toBeCloseTo(nextMs - 0.2 * first.spanMs, 6);
    // A packet far below (the cursor jumped, or an intervention changed what follows): a fresh window around it.
    const jumped = autoWindow(input(starts(...TIME_WAIT, 30_000), follow), first)!;
    expect(jumped.t0Ms).toBeLessThanOrEqual(30_000);
    expect(jumped.t0Ms + jumped.spanMs).toBeGreaterThan(30_000);
  });

  it('at the start (more of the trace loaded, a resize) it keeps its start and fits the span afresh', () => {
    const first = autoWindow(input(TIME_WAIT), null)!;
    const taller = autoWindow(input(TIME_WAIT, { plotPx: 400 }), first)!;
    expect(taller.t0Ms).toBe(first.t0Ms);
    expect(taller.spanMs).toBeGreaterThan(first.spanMs);
    // More packets loaded inside it: a shorter span keeps them readable.
    const loaded = starts(0, 5, 10, 20, 25, 40, 200, 220, 400, 420, 440, 460);
    const shorter = autoWindow(input(loaded), first)!;
    expect(shorter.t0Ms).toBe(0);
    expect(isReadable(loaded, 0, shorter.spanMs, 200)).toBe(true);
  });

  it('once the cursor moves, a window that does not show the newest packet goes to it', () => {
    const opened = autoWindow(input(TIME_WAIT), null)!;
    expect(opened.t0Ms + opened.spanMs).toBeLessThan(460);
    const moved = autoWindow(input(TIME_WAIT, { anchor: 'newest' }), opened)!;
    expect(moved.t0Ms).toBeLessThanOrEqual(460);
    expect(moved.t0Ms + moved.spanMs).toBeGreaterThan(460);
  });

  it('seeking back to where the run fits: the whole run again', () => {
    const first = autoWindow(input(TIME_WAIT), null)!;
    expect(autoWindow(input(starts(0, 20, 40), { hiMs: 100, anchor: 'newest' }), first)).toBeNull();
  });
});

describe('windowTransform', () => {
  it('maps the window onto the base scale\'s range (y = k × base(t) + ty)', () => {
    const base = scaleLinear().domain([0, 61_000]).range([50, 250]);
    const w = { t0Ms: 1000, spanMs: 500 };
    const { k, y } = windowTransform(w, base);
    expect(k * base(1000) + y).toBeCloseTo(50, 9);
    expect(k * base(1500) + y).toBeCloseTo(250, 9);
  });
});
