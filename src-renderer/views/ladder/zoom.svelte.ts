// d3-zoom on the ladder canvas, acting on the time axis. The behaviour is attached with {@attach}; the
// buttons and keys (WCAG 2.2 SC 2.5.7: every drag has an alternative) go through the same behaviour, so
// wheel, drag, keys and buttons share one transform.
//
// Three modes (docs/LADDER.md, "Zoom"): 'auto' until the reader zooms or pans (the whole run while it is
// readable, else a readable window that follows new packets: readable.ts), 'fit' after Show all (the whole
// run however crowded, as the ladder always did), and 'user' once the wheel, a drag, a button or a key moved
// the view (it then stays where the reader put it: the same stretch of virtual time, at the same scale, however
// the run grows; the view holds the transform's frame, time-frame.ts). A wheel, drag or touch holds the frame
// from its start, at what is on screen then (time-frame.ts gestureFrame), so its first step moves from there.
import { untrack } from 'svelte';
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { LadderView } from './view.svelte.js';
import { HEADER_PX, MAX_PX_PER_MS } from './constants.js';
import { autoWindow, windowTransform, type AutoWindow } from './readable.js';
import { constrainY, gestureFrame } from './time-frame.js';

export type ZoomMode = 'auto' | 'fit' | 'user';

export class ZoomControl {
  #sel: Selection<HTMLCanvasElement, unknown, null, undefined> | null = null;
  #behavior: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;
  readonly #view: LadderView;
  #mode: ZoomMode = $state('auto');
  /** The automatic view's current window (null: the whole run), the cursor when 'auto' began, and whether it has moved since. */
  #auto: AutoWindow | null = null;
  #autoSinceMs: number | null = null;
  #cursorMoved = false;
  /** A wheel, drag or touch gesture is in progress (d3-zoom's 'start' to 'end' with a source event). */
  #gesture = $state(false);
  /** The view is being re-expressed against the frame on screen (not a step of the reader's). */
  #aligning = false;

  /** Whether the run has changed since it was opened (a command: play, step, seek, undo, an intervention…). */
  readonly #changed: () => boolean;

  constructor(view: LadderView, changed: () => boolean = () => false) {
    this.#view = view;
    this.#changed = changed;
  }

  get mode(): ZoomMode {
    return this.#mode;
  }

  /** Set before the transform changes: the reader's own zoom holds the frame that transform is relative to. */
  set mode(mode: ZoomMode) {
    this.#mode = mode;
    this.#view.holdFrame = mode === 'user' || this.#gesture;
  }

  /** The attachment: wheel zooms around the pointer, drag pans; limits follow the view's size. */
  attach = (node: HTMLCanvasElement): (() => void) => {
    const behavior = zoom<HTMLCanvasElement, unknown>()
      .clickDistance(4)
      // Read at each wheel, drag, button or key: the limits of the moment (the run grows while playing).
      .constrain((t, extent) => constrainY(t, extent[1][1] - extent[0][1], untrack(() => this.#view.limits)))
      // A wheel, a button pressed for a drag, a touch (programmatic zooms have no source event). d3-zoom has
      // taken the point under the pointer from its transform already (and a wheel its next scale): the frame is
      // held from here, at what is on screen, and the transform re-expressed against it (d3-zoom then takes the
      // point again), so the gesture's first step moves what the reader sees. Until it zooms or pans (a plain
      // click) the mode stays; the automatic view waits meanwhile.
      .on('start', (e: { sourceEvent: Event | null }) => {
        if (!e.sourceEvent) return;
        this.#gesture = true;
        if (this.mode !== 'user') this.#holdOnScreen();
      })
      .on('end', (e: { sourceEvent: Event | null }) => {
        if (!e.sourceEvent) return;
        this.#gesture = false;
        this.#view.holdFrame = this.mode === 'user';
      })
      .on('zoom', (e: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.#view.transform = e.transform;
        // A wheel or a drag (programmatic zooms have no source event): the reader takes over.
        if (e.sourceEvent && !this.#aligning) this.mode = 'user';
      });
    const sel = select(node);
    sel.call(behavior).on('dblclick.zoom', null);
    this.#sel = sel;
    this.#behavior = behavior;
    $effect(() => {
      behavior.scaleExtent([this.#view.limits.minK, this.#view.limits.maxK]);
    });
    $effect(() => this.#follow());
    return () => {
      sel.on('.zoom', null);
      this.#sel = null;
      this.#behavior = null;
    };
  };

  /** In 'auto', moves the view to the automatic window whenever the run, the cursor or the size change. */
  #follow(): void {
    if (this.mode !== 'auto') {
      this.#restartAuto();
      return;
    }
    // Not under a reader's gesture (a button held down): it moves the view from what they saw.
    if (this.#gesture) return;
    const v = this.#view;
    const [loMs, hiMs] = v.extent;
    const nowMs = v.nowMs;
    this.#autoSinceMs ??= nowMs;
    if (nowMs !== this.#autoSinceMs) this.#cursorMoved = true;
    const w = autoWindow({
      startMs: v.index.startMs, loMs, hiMs, plotPx: v.plotPx, minSpanMs: v.heightPx / MAX_PX_PER_MS,
      // A run just opened shows its start; once it has changed (play, step, seek, an intervention, undo) or
      // the cursor has moved, its newest packets.
      anchor: this.#cursorMoved || this.#changed() ? 'newest' : 'start',
    }, this.#auto);
    this.#auto = w;
    const t = w === null ? { k: 1, y: 0 } : windowTransform(w, v.base);
    const cur = untrack(() => v.transform);
    if (cur.k === t.k && cur.y === t.y && cur.x === 0) return;
    if (this.#sel && this.#behavior) this.#behavior.transform(this.#sel, zoomIdentity.translate(0, t.y).scale(t.k));
  }

  scaleBy(factor: number): void {
    this.#takeOver();
    if (this.#sel && this.#behavior) this.#behavior.scaleBy(this.#sel, factor, [0, (HEADER_PX + this.#view.heightPx) / 2]);
  }

  /** Moves the content up by dyPx screen pixels (negative: down). */
  panBy(dyPx: number): void {
    this.#takeOver();
    if (this.#sel && this.#behavior) this.#behavior.translateBy(this.#sel, 0, -dyPx / this.#view.transform.k);
  }

  /** Show all: the whole run, however crowded (the ladder then says when packets overlap). */
  reset(): void {
    this.mode = 'fit';
    if (this.#sel && this.#behavior) this.#behavior.transform(this.#sel, zoomIdentity);
  }

  /** Back to the automatic view, from the run's start (the overlap note's "Zoom to read"). */
  readable(): void {
    this.#restartAuto();
    this.mode = 'auto';
  }

  /** A button or key: the reader's own zoom, from what is on screen. */
  #takeOver(): void {
    if (this.mode !== 'user') this.#holdOnScreen();
    this.mode = 'user';
  }

  /**
   * Holds the frame, re-expressed so that the transform (at its scale) shows what was last drawn: while the run
   * plays, the frame followed it and may be a step ahead of the picture (time-frame.ts gestureFrame).
   */
  #holdOnScreen(): void {
    const v = this.#view;
    const y = untrack(() => v.y);
    if (v.shownY === y || !this.#sel || !this.#behavior) {
      v.holdFrame = true;
      return;
    }
    const t = untrack(() => v.transform);
    const held = gestureFrame(untrack(() => v.frameMs), t, v.shownY, untrack(() => v.plotRange));
    v.holdFrameAt(held.frameMs);
    // Inside a gesture this joins it, and d3-zoom takes the point under the pointer again from it.
    this.#aligning = true;
    try {
      this.#behavior.transform(this.#sel, held.transform);
    } finally {
      this.#aligning = false;
    }
  }

  #restartAuto(): void {
    this.#auto = null;
    this.#autoSinceMs = null;
    this.#cursorMoved = false;
  }

  /**
   * Scrolls so that a time is on screen (centred if it was off screen). The automatic view follows the
   * newest packets by itself.
   */
  reveal(ms: number): void {
    if (this.mode === 'auto') return;
    const y = this.#view.y(ms);
    if (y >= HEADER_PX + 10 && y <= this.#view.heightPx - 10) return;
    this.panBy(y - (HEADER_PX + this.#view.heightPx) / 2);
  }
}
