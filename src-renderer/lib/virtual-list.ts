// A virtualised list with fixed-height items: which items a scroll position shows, and where an item sits.
// Pure arithmetic, so the router queue's list (components/router/PacketList.svelte) renders only the rows in
// view plus an overscan, and keyboard selection can scroll an item that has no DOM node yet into view.
// Tested in tests/unit/renderer/virtual-list.test.ts.

/** Item offsets from a list of fixed heights: `offsetsPx[i]` is item i's top, the last entry the total. */
export function offsetsOf(heightsPx: readonly number[]): number[] {
  const offsetsPx = new Array<number>(heightsPx.length + 1);
  let y = 0;
  for (let i = 0; i < heightsPx.length; i++) {
    offsetsPx[i] = y;
    y += heightsPx[i]!;
  }
  offsetsPx[heightsPx.length] = y;
  return offsetsPx;
}

/** The index of the item covering `yPx` (the first item when above, the last when below). */
export function itemAt(offsetsPx: readonly number[], yPx: number): number {
  const count = offsetsPx.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  // Largest i with offsetsPx[i] <= yPx.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsetsPx[mid]! <= yPx) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Range {
  /** First item to render. */
  start: number;
  /** One past the last item to render. */
  end: number;
}

/**
 * Items to render for a scroll position: those overlapping the viewport plus `overscan` items either side.
 * The scroll position is clamped to the content first, because a list that shrank under a scrolled
 * viewport does not always report the browser's clamped scrollTop before the next render.
 */
export function visibleRange(offsetsPx: readonly number[], scrollTopPx: number, viewportPx: number, overscan: number): Range {
  const count = offsetsPx.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const totalPx = offsetsPx[count]!;
  const top = Math.max(0, Math.min(scrollTopPx, totalPx - viewportPx));
  const first = itemAt(offsetsPx, top);
  // The last item whose top is above the viewport's bottom edge.
  const last = itemAt(offsetsPx, Math.max(top, top + viewportPx - 1e-6));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The scrollTop that shows item `index` whole with the least movement (like scrollIntoView's
 * block: 'nearest'): unchanged if it is already in view, else its top or bottom aligned to the viewport's.
 */
export function revealScrollTop(offsetsPx: readonly number[], index: number, scrollTopPx: number, viewportPx: number): number {
  const topPx = offsetsPx[index];
  const bottomPx = offsetsPx[index + 1];
  if (topPx === undefined || bottomPx === undefined) return scrollTopPx;
  if (topPx < scrollTopPx) return topPx;
  // Bottom-aligned, unless the item is taller than the viewport: then its top shows.
  if (bottomPx > scrollTopPx + viewportPx) return Math.max(0, Math.min(topPx, bottomPx - viewportPx));
  return scrollTopPx;
}

/** The indices to render: the contiguous range, plus `keep` (e.g. the selected item) if it lies outside. */
export function indicesToRender(range: Range, keep: number | null): number[] {
  const out: number[] = [];
  if (keep !== null && keep >= 0 && keep < range.start) out.push(keep);
  for (let i = range.start; i < range.end; i++) out.push(i);
  if (keep !== null && keep >= range.end) out.push(keep);
  return out;
}
