// The ladder's view state: size, zoom transform and hover as runes; scales, columns and the visible
// packets as $derived chains over them. The component only wires DOM events to this.
import { scaleLinear, zoomIdentity, type ZoomTransform } from 'd3';
import type { LadderPacket } from './model.js';
import { extendTimeIndex, positionsById, visiblePackets, type TimeIndex } from './time-index.js';
import { columnLayout, type LadderHost } from './geometry.js';
import { AXIS_PX, BOTTOM_PX, HEADER_PX, MAX_PX_PER_MS, RIGHT_PX } from './constants.js';
import { hitTest } from './hit-test.js';
import { arrowsApart } from './readable.js';

export interface LadderInputs {
  packets: () => readonly LadderPacket[];
  hosts: () => readonly LadderHost[];
  nowMs: () => number | undefined;
}

/** The time span a fresh view shows: every start and end (and now), with a small pad. */
export function timeExtent(packets: readonly LadderPacket[], nowMs: number | undefined): [number, number] {
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

export class LadderView {
  widthPx = $state(640);
  heightPx = $state(400);
  transform: ZoomTransform = $state.raw(zoomIdentity);
  hoverId: number | null = $state(null);
  readonly #in: LadderInputs;

  constructor(inputs: LadderInputs) {
    this.#in = inputs;
  }

  packets = $derived.by(() => this.#in.packets());
  /** The last index built: the next one reuses the packets both lists start with (extendTimeIndex). */
  #lastIndex: TimeIndex | undefined;
  index = $derived.by(() => (this.#lastIndex = extendTimeIndex(this.#lastIndex, this.packets)));
  extent = $derived.by(() => timeExtent(this.packets, this.#in.nowMs()));
  nowMs = $derived.by(() => this.#in.nowMs() ?? this.extent[1]);
  /** Where the base scale draws the run: from just under the headers to just above the bottom edge. */
  plotRange = $derived([HEADER_PX + 12, Math.max(HEADER_PX + 20, this.heightPx - BOTTOM_PX)] as const);
  plotPx = $derived(this.plotRange[1] - this.plotRange[0]);
  base = $derived(scaleLinear().domain(this.extent).range(this.plotRange));
  /** Time → pixel after zoom and pan (the transform acts on the time axis only). */
  y = $derived(this.transform.rescaleY(this.base));
  cols = $derived.by(() => columnLayout(this.#in.hosts(), this.widthPx, AXIS_PX + 24, RIGHT_PX));
  windowMs = $derived([this.y.invert(HEADER_PX), this.y.invert(this.heightPx)] as const);
  visible = $derived(visiblePackets(this.index, this.windowMs[0], this.windowMs[1]));
  /** Zooming stops at MAX_PX_PER_MS pixels per millisecond. */
  maxZoom = $derived(Math.max(2, (MAX_PX_PER_MS * (this.extent[1] - this.extent[0])) / Math.max(1, this.heightPx)));
  /**
   * The arrows in view lie on top of each other (readable.ts), and zooming in would help: the ladder then
   * says so (LadderDiagram's note). Judged on the same span and height as the automatic view (zoom.svelte.ts).
   */
  overlapping = $derived.by(() => {
    if (this.transform.k >= this.maxZoom) return false;
    const [r0, r1] = this.plotRange;
    return !arrowsApart(this.index.startMs, this.y.invert(r0), this.y.invert(r1), this.plotPx);
  });

  hit(xPx: number, yPx: number, tolerancePx: number): number | null {
    const y = this.y;
    return hitTest(
      { packets: this.packets, index: this.index, cols: this.cols, y, yInvert: (px) => y.invert(px), nowMs: this.nowMs, tolerancePx },
      { x: xPx, y: yPx },
    );
  }

  /** Packet id → position in the sorted list, for previous/next navigation. */
  positions = $derived(positionsById(this.packets));

  positionOf(id: number | null): number {
    return id === null ? -1 : (this.positions.get(id) ?? -1);
  }
}
