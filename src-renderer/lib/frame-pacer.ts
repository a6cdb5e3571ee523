// How often live play changes what is on screen. While playing, the host sends new events and a new cursor
// on every 60 Hz frame, and applying each of them is work for Chromium's main thread on every frame:
// - the ladder's canvas: a full redraw of the software canvas (its raster and hand-over to the compositor,
//   not the drawing code) took a quarter of the main thread; with the canvas hidden, play went from ~870 to
//   ~620 ms of main-thread work per second (docs/PERFORMANCE.md, "Ladder at 30 Hz while playing");
// - the session store's updates (SessionStore.onFrame): every panel's reactive updates, then style, layout,
//   paint and commit, for text that changes faster than anyone reads it. Applied every second frame, play
//   went from ~750 to ~560-600 ms per second ("Live play, session 13").
// So while playing, data is applied and drawn at most every LIVE_FRAME_EVERY_MS; anything the user does (zoom,
// pan, hover, select, resize, relative numbers, language, theme; commands such as pause and seek) and every
// frame while paused take effect on the next frame, as before.

/**
 * Two 60 Hz frames are 33.3 ms apart, and Chromium's frame timestamps are coarsened to 0.1 ms: 30 ms lets
 * every second frame run (~30 Hz) even when an interval reads short.
 */
export const LIVE_FRAME_EVERY_MS = 30;

export class FramePacer {
  #lastRunMs = -Infinity;
  #lastUserKey: readonly unknown[] | null = null;

  constructor(private readonly everyMs: number = LIVE_FRAME_EVERY_MS) {}

  /**
   * Whether the frame at `frameMs` (a requestAnimationFrame timestamp) should run (draw, apply updates).
   * `userKey` lists what the user controls, compared element by element (===) with the last run frame's; a
   * change runs at once. A call that returns true records the frame as run.
   */
  shouldRun(frameMs: number, playing: boolean, userKey: readonly unknown[]): boolean {
    const userChanged = this.#lastUserKey === null || userKey.length !== this.#lastUserKey.length || userKey.some((v, i) => v !== this.#lastUserKey![i]);
    if (playing && !userChanged && frameMs - this.#lastRunMs < this.everyMs) return false;
    this.#lastRunMs = frameMs;
    this.#lastUserKey = userKey;
    return true;
  }
}
