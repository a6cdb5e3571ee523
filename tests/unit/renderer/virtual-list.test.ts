// The virtualised list's arithmetic: offsets, the items a scroll position shows, and scrolling one into view.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indicesToRender, itemAt, offsetsOf, revealScrollTop, visibleRange } from '../../../src-renderer/lib/virtual-list.js';

// The router list's shape: an 18 px heading, then 34 px options.
const HEIGHTS = [18, 34, 34, 34, 34, 34, 34, 34, 18, 34, 34];
const OFFSETS = offsetsOf(HEIGHTS);

describe('offsetsOf and itemAt', () => {
  it('puts each item below the previous one, and the total last', () => {
    expect(OFFSETS).toEqual([0, 18, 52, 86, 120, 154, 188, 222, 256, 274, 308, 342]);
    expect(offsetsOf([])).toEqual([0]);
  });

  it('finds the item covering a y, clamped to the first and last item', () => {
    expect(itemAt(OFFSETS, -5)).toBe(0);
    expect(itemAt(OFFSETS, 17.9)).toBe(0);
    expect(itemAt(OFFSETS, 18)).toBe(1);
    expect(itemAt(OFFSETS, 260)).toBe(8);
    expect(itemAt(OFFSETS, 10_000)).toBe(10);
  });
});

describe('visibleRange', () => {
  it('shows the items overlapping a 190 px viewport plus the overscan', () => {
    // 0..190 covers items 0 (0-18) to 5 (154-188) and 6 (188-222).
    expect(visibleRange(OFFSETS, 0, 190, 0)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(OFFSETS, 0, 190, 2)).toEqual({ start: 0, end: 9 });
    // 100..290: item 3 (86-120) to item 9 (274-308).
    expect(visibleRange(OFFSETS, 100, 190, 1)).toEqual({ start: 2, end: 11 });
  });

  it('clamps a scrollTop past the end (the list shrank under the viewport)', () => {
    // Content is 342 px, so the furthest scrollTop is 152: items 4 (120-154) to 10.
    expect(visibleRange(OFFSETS, 5_000, 190, 0)).toEqual({ start: 4, end: 11 });
  });

  it('renders everything when the list is shorter than the viewport, and nothing when empty', () => {
    expect(visibleRange(offsetsOf([18, 34, 34]), 0, 190, 4)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(offsetsOf([]), 0, 190, 4)).toEqual({ start: 0, end: 0 });
  });

  it('agrees with a brute-force overlap test for random heights and scroll positions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 80 }), fc.nat(4000), fc.integer({ min: 20, max: 300 }), (hs, scroll, view) => {
        const offs = offsetsOf(hs);
        const total = offs[hs.length]!;
        const top = Math.max(0, Math.min(scroll, total - view));
        const overlapping = hs.map((_, i) => i).filter((i) => offs[i + 1]! > top && offs[i]! < top + view);
        const r = visibleRange(offs, scroll, view, 0);
        expect(r.start).toBe(overlapping[0]);
        expect(r.end).toBe(overlapping[overlapping.length - 1]! + 1);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('revealScrollTop', () => {
  it('leaves the scroll alone when the item is in view, else aligns the nearest edge', () => {
    expect(revealScrollTop(OFFSETS, 3, 0, 190)).toBe(0);
    // Item 7 is 222-256: its bottom goes to the viewport's bottom.
    expect(revealScrollTop(OFFSETS, 7, 0, 190)).toBe(66);
    // Scrolled to 200, item 1 (18-52) is above: its top goes to the top.
    expect(revealScrollTop(OFFSETS, 1, 200, 190)).toBe(18);
    // The last item (308-342) from the top.
    expect(revealScrollTop(OFFSETS, 10, 0, 190)).toBe(152);
  });

  it('shows the top of an item taller than the viewport, and ignores an unknown index', () => {
    expect(revealScrollTop(offsetsOf([10, 400]), 1, 0, 190)).toBe(10);
    expect(revealScrollTop(OFFSETS, 99, 40, 190)).toBe(40);
  });

  it('always leaves the item wholly inside the viewport when it fits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 80 }), fc.nat(4000), fc.nat(79), (hs, scroll, at) => {
        const i = at % hs.length;
        const offs = offsetsOf(hs);
        const top = revealScrollTop(offs, i, scroll, 100);
        expect(offs[i]!).toBeGreaterThanOrEqual(top);
        expect(offs[i + 1]!).toBeLessThanOrEqual(top + 100);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('indicesToRender', () => {
  it('adds a kept item outside the range in order, and nothing twice', () => {
    expect(indicesToRender({ start: 3, end: 6 }, null)).toEqual([3, 4, 5]);
    expect(indicesToRender({ start: 3, end: 6 }, 4)).toEqual([3, 4, 5]);
    expect(indicesToRender({ start: 3, end: 6 }, 0)).toEqual([0, 3, 4, 5]);
    expect(indicesToRender({ start: 3, end: 6 }, 40)).toEqual([3, 4, 5, 40]);
    expect(indicesToRender({ start: 0, end: 0 }, null)).toEqual([]);
  });
});
