// Where a packet's label goes on the ladder. A label is centred above the middle of its arrow's first leg,
// but an arrow that starts or ends at an outer host column (a packet lost at the router, a copy the router
// sends on) has its middle near the plot's edge, and half the label was cut off there. Pure maths, so the
// placement is unit-tested in node.
import type { Point } from './geometry.js';

/** The label's line height for the 11 px font the ladder draws labels in. */
export const LABEL_HEIGHT_PX = 13;
/** Gap between an arrow and its label. */
export const LABEL_LIFT_PX = 2;
/** Room kept between a label and the plot's edges. */
export const LABEL_EDGE_PX = 2;

/** The plot's box: right of the time axis, below the column headers (the canvas clips drawing to it). */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A placed label: its centre x and bottom y (where it is drawn with textAlign centre, baseline bottom), and its box. */
export interface LabelBox {
  x: number;
  y: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Places a label `widthPx` wide for an arrow whose middle is `mid`. Horizontally it is centred on the middle,
 * moved inward just enough to stay inside the plot; one wider than the plot starts at its left edge. Vertically it
 * sits above the arrow, or below it when above would run into the column headers. Null when the arrow's middle
 * is outside the plot, or the label would not fit above or below it.
 */
export function placeLabel(mid: Point, widthPx: number, plot: PlotArea): LabelBox | null {
  if (mid.y < plot.top || mid.y > plot.bottom) return null;
  const minX = plot.left + LABEL_EDGE_PX;
  const maxX = plot.right - LABEL_EDGE_PX;
  const half = widthPx / 2;
  const x = widthPx >= maxX - minX ? minX + half : Math.min(maxX - half, Math.max(minX + half, mid.x));
  const above = mid.y - LABEL_LIFT_PX;
  const below = mid.y + LABEL_LIFT_PX + LABEL_HEIGHT_PX;
  let y: number;
  if (above - LABEL_HEIGHT_PX >= plot.top) y = above;
  else if (below <= plot.bottom) y = below;
  else return null;
  return { x, y, left: x - half, top: y - LABEL_HEIGHT_PX, right: x + half, bottom: y };
}

/**
 * The label as drawn in at most `maxWidthPx`: whole when it fits, else its longest start that fits with "…"
 * after it (the full text is in the hover, the hidden table and the inspector); "" when not even one character
 * does. `widthOf` measures a string in the label's font.
 */
export function fitLabel(text: string, maxWidthPx: number, widthOf: (s: string) => number): string {
  if (widthOf(text) <= maxWidthPx) return text;
  const cut = (n: number) => `${text.slice(0, n).trimEnd()}…`;
  // Binary search on the kept length: widths grow with it (one call per halving, ~7 for a long label).
  let lo = 0, hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthOf(cut(mid)) <= maxWidthPx) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : cut(lo);
}

/** The smallest box holding every label, as "left top right bottom" in whole pixels; "" when there is none. */
export function labelBounds(boxes: readonly LabelBox[]): string {
  if (boxes.length === 0) return '';
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    right = Math.max(right, b.right);
    bottom = Math.max(bottom, b.bottom);
  }
  return [Math.floor(left), Math.floor(top), Math.ceil(right), Math.ceil(bottom)].join(' ');
}
