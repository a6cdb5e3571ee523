// How often the ladder's canvas redraws. Live play changes its data on every frame, and a full redraw of
// the software canvas (its raster and hand-over to the compositor, not the drawing code) took a quarter of
// the main thread: with the canvas hidden, play went from ~870 to ~620 ms of main-thread work per second
// (docs/PERFORMANCE.md, "Ladder at 30 Hz while playing"). Data that only grows while playing is therefore
// drawn at most every LIVE_DRAW_EVERY_MS; anything the user does (zoom, pan, hover, select, resize,
// relative numbers, language, theme) and everything while paused is drawn on the next frame, as before.

/**
 * Two 60 Hz frames are 33.3 ms apart, and Chromium's frame timestamps are coarsened to 0.1 ms: 30 ms lets
 * every second frame draw (~30 Hz) even when an interval reads short.
 */
export const LIVE_DRAW_EVERY_MS = 30;

export class DrawPacer {
  #lastDrawMs = -Infinity;
  #lastUserKey: readonly unknown[] | null = null;

  constructor(private readonly everyMs: number = LIVE_DRAW_EVERY_MS) {}

  /**
   * Whether the frame at `frameMs` (a requestAnimationFrame timestamp) should draw. `userKey` lists what
   * the user controls, compared element by element (===) with the last drawn frame's; a change draws at
   * once. Returns true at most once per call that it records as drawn.
   */
  shouldDraw(frameMs: number, playing: boolean, userKey: readonly unknown[]): boolean {
    const userChanged = this.#lastUserKey === null || userKey.length !== this.#lastUserKey.length || userKey.some((v, i) => v !== this.#lastUserKey![i]);
    if (playing && !userChanged && frameMs - this.#lastDrawMs < this.everyMs) return false;
    this.#lastDrawMs = frameMs;
    this.#lastUserKey = userKey;
    return true;
  }
}
