// d3-zoom on the ladder canvas, acting on the time axis. The behaviour is attached with {@attach}; the
// buttons and keys (WCAG 2.2 SC 2.5.7: every drag has an alternative) go through the same behaviour, so
// wheel, drag, keys and buttons share one transform.
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior } from 'd3';
import type { LadderView } from './view.svelte.js';
import { HEADER_PX } from './constants.js';

export class ZoomControl {
  #sel: Selection<HTMLCanvasElement, unknown, null, undefined> | null = null;
  #behavior: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;
  readonly #view: LadderView;

  constructor(view: LadderView) {
    this.#view = view;
  }

  /** The attachment: wheel zooms around the pointer, drag pans; limits follow the view's size. */
  attach = (node: HTMLCanvasElement): (() => void) => {
    const behavior = zoom<HTMLCanvasElement, unknown>()
      .clickDistance(4)
      .on('zoom', (e: { transform: typeof zoomIdentity }) => {
        this.#view.transform = e.transform;
      });
    const sel = select(node);
    sel.call(behavior).on('dblclick.zoom', null);
    this.#sel = sel;
    this.#behavior = behavior;
    $effect(() => {
      behavior.scaleExtent([1, this.#view.maxZoom]);
      behavior.translateExtent([[-Infinity, 0], [Infinity, this.#view.heightPx]]);
    });
    return () => {
      sel.on('.zoom', null);
      this.#sel = null;
      this.#behavior = null;
    };
  };

  scaleBy(factor: number): void {
    if (this.#sel && this.#behavior) this.#behavior.scaleBy(this.#sel, factor, [0, (HEADER_PX + this.#view.heightPx) / 2]);
  }

  /** Moves the content up by dyPx screen pixels (negative: down). */
  panBy(dyPx: number): void {
    if (this.#sel && this.#behavior) this.#behavior.translateBy(this.#sel, 0, -dyPx / this.#view.transform.k);
  }

  reset(): void {
    if (this.#sel && this.#behavior) this.#behavior.transform(this.#sel, zoomIdentity);
  }

  /** Scrolls so that a time is on screen (centred if it was off screen). */
  reveal(ms: number): void {
    const y = this.#view.y(ms);
    if (y >= HEADER_PX + 10 && y <= this.#view.heightPx - 10) return;
    this.panBy(y - (HEADER_PX + this.#view.heightPx) / 2);
  }
}
