// The ladder's view state: size, zoom transform and hover as runes; scales, columns and the visible
// packets as $derived chains over them. The component only wires DOM events to this.
import { scaleLinear, zoomIdentity, type ScaleLinear, type ZoomTransform } from 'd3';
import type { LadderPacket } from './model.js';
import { extendTimeIndex, positionsById, visiblePackets, type TimeIndex } from './time-index.js';
import { columnLayout, type LadderHost } from './geometry.js';
import { AXIS_PX, BOTTOM_PX, HEADER_PX, RIGHT_PX } from './constants.js';
import { hitTest } from './hit-test.js';
import { arrowsApart } from './readable.js';
import { nextFrameMs, timeExtent, zoomLimits, type SpanMs } from './time-frame.js';

export interface LadderInputs {
  packets: () => readonly LadderPacket[];
  hosts: () => readonly LadderHost[];
  nowMs: () => number | undefined;
}

export class LadderView {
  widthPx = $state(640);
  heightPx = $state(400);
  transform: ZoomTransform = $state.raw(zoomIdentity);
  hoverId: number | null = $state(null);
  #holdFrame = $state(false);
  /** The frame a gesture re-expressed the view against (holdFrameAt), until the hold ends. */
  #heldAtMs: SpanMs | null = $state.raw(null);
  /**
   * The time scale last drawn on the canvas (set by LadderCanvas): what the reader sees, which while playing can
   * be a frame behind `y` (time-frame.ts gestureFrame). Not reactive: read when a gesture starts.
   */
  shownY: ScaleLinear<number, number> | null = null;
  readonly #in: LadderInputs;

  constructor(inputs: LadderInputs) {
    this.#in = inputs;
  }

  /**
   * The transform's frame is held (the reader's own zoom, ZoomControl's 'user' mode, or a gesture in progress),
   * so the time window on screen stays put while the run grows (time-frame.ts).
   */
  get holdFrame(): boolean {
    return this.#holdFrame;
  }

  set holdFrame(on: boolean) {
    this.#holdFrame = on;
    if (!on) this.#heldAtMs = null;
  }

  /** Holds the frame at frameMs (a gesture's start: time-frame.ts gestureFrame) until holdFrame is turned off. */
  holdFrameAt(frameMs: SpanMs): void {
    this.#heldAtMs = frameMs;
    this.#holdFrame = true;
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
  /** The last frame computed: held as it is while holdFrame is on (nextFrameMs), or where holdFrameAt put it. */
  #lastFrame: SpanMs | undefined;
  /** The time span the base scale maps onto the plot: the zoom transform is relative to it (time-frame.ts). */
  frameMs = $derived.by(() => (this.#lastFrame = nextFrameMs(this.#heldAtMs ?? this.#lastFrame, this.extent, this.#holdFrame)));
  base = $derived(scaleLinear().domain(this.frameMs).range(this.plotRange));
  /** Time → pixel after zoom and pan (the transform acts on the time axis only). */
  y = $derived(this.transform.rescaleY(this.base));
  cols = $derived.by(() => columnLayout(this.#in.hosts(), this.widthPx, AXIS_PX + 24, RIGHT_PX));
  windowMs = $derived([this.y.invert(HEADER_PX), this.y.invert(this.heightPx)] as const);
  visible = $derived(visiblePackets(this.index, this.windowMs[0], this.windowMs[1]));
  /** d3-zoom's limits: out to the whole run, in to MAX_PX_PER_MS pixels per millisecond, panning over the run. */
  limits = $derived(zoomLimits(this.frameMs, this.extent, this.plotRange, this.heightPx));
  maxZoom = $derived(this.limits.maxK);
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
