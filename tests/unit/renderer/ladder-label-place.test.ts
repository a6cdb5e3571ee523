// Ladder labels stay inside the plot: moved in from the edges, under the arrow near the headers, shortened
// with "…" when wider than the plot (views/ladder/label-place.ts).
import { describe, expect, it } from 'vitest';
import { fitLabel, labelBounds, LABEL_EDGE_PX, LABEL_HEIGHT_PX, LABEL_LIFT_PX, placeLabel } from '../../../src-renderer/views/ladder/label-place.js';

const plot = { left: 56, top: 38, right: 480, bottom: 300 };
const inside = (b: { left: number; top: number; right: number; bottom: number }) =>
  b.left >= plot.left && b.right <= plot.right && b.top >= plot.top && b.bottom <= plot.bottom;

describe('placeLabel', () => {
  it('centres a label that fits above the middle of its arrow, as before', () => {
    const box = placeLabel({ x: 268, y: 150 }, 200, plot)!;
    expect(box).toEqual({ x: 268, y: 150 - LABEL_LIFT_PX, left: 168, top: 150 - LABEL_LIFT_PX - LABEL_HEIGHT_PX, right: 368, bottom: 150 - LABEL_LIFT_PX });
  });

  it('moves a label near the left host column right, just enough to start inside the plot', () => {
    // A packet lost at the router: its first leg runs from A (x = 88) to the router, so its middle is near A.
    const box = placeLabel({ x: 120, y: 150 }, 240, plot)!;
    expect(box.left).toBe(plot.left + LABEL_EDGE_PX);
    expect(box.x).toBe(plot.left + LABEL_EDGE_PX + 120);
    expect(inside(box)).toBe(true);
  });

  it('moves a label near the right host column left', () => {
    const box = placeLabel({ x: 430, y: 150 }, 240, plot)!;
    expect(box.right).toBe(plot.right - LABEL_EDGE_PX);
    expect(inside(box)).toBe(true);
  });

  it('puts the label under its arrow when above would run into the column headers', () => {
    const box = placeLabel({ x: 268, y: plot.top + 5 }, 100, plot)!;
    expect(box.top).toBe(plot.top + 5 + LABEL_LIFT_PX);
    expect(inside(box)).toBe(true);
  });

  it('shows no label for an arrow whose middle is out of the plot, or with no room above or below', () => {
    expect(placeLabel({ x: 268, y: plot.top - 1 }, 100, plot)).toBeNull();
    expect(placeLabel({ x: 268, y: plot.bottom + 1 }, 100, plot)).toBeNull();
    expect(placeLabel({ x: 268, y: 45 }, 100, { ...plot, bottom: 50 })).toBeNull();
  });

  it('starts a label wider than the plot at its left edge', () => {
    expect(placeLabel({ x: 268, y: 150 }, 1000, plot)!.left).toBe(plot.left + LABEL_EDGE_PX);
  });
});

describe('fitLabel', () => {
  const widthOf = (s: string) => s.length * 6; // a monospace stand-in for canvas measureText

  it('keeps a label that fits', () => {
    expect(fitLabel('[SYN] Seq=0 Len=0', 200, widthOf)).toBe('[SYN] Seq=0 Len=0');
  });

  it('cuts a long label to its longest start that fits with an ellipsis', () => {
    const text = '[SYN] Seq=0 Win=65535 Len=0 · retransmission of #10 · dropped: rule lose-syn';
    const fitted = fitLabel(text, 180, widthOf);
    expect(fitted.endsWith('…')).toBe(true);
    expect(widthOf(fitted)).toBeLessThanOrEqual(180);
    expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(widthOf(fitted) + 6).toBeGreaterThan(180 - 6); // no more than a character (or a trimmed space) short
  });

  it('gives up (empty) when not even one character fits', () => {
    expect(fitLabel('[SYN]', 8, widthOf)).toBe('');
  });
});

describe('labelBounds', () => {
  it('is the union of the boxes in whole pixels, or empty', () => {
    expect(labelBounds([])).toBe('');
    const a = placeLabel({ x: 150, y: 100 }, 100.4, plot)!;
    const b = placeLabel({ x: 300, y: 200 }, 80, plot)!;
    expect(labelBounds([a, b])).toBe(`${Math.floor(a.left)} ${a.top} ${b.right} ${b.bottom}`);
  });
});
