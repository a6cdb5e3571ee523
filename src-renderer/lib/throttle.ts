// Runs an update at most once every `everyMs`, for DOM that only needs to keep up with a reader, not with
// the frame rate. Why: the ladder's hidden table for screen readers lists the packets in view, and zooming,
// panning and live play change that list on every frame. Rebuilding 60 rows of text is a style, layout and
// text-shaping pass of ~9 ms of Chromium's main thread: half a 60 Hz frame, on every frame
// (docs/PERFORMANCE.md "Ladder, session 14").

/** The timers a Throttle uses: the browser's, or a test's. */
export interface ThrottleClock {
  nowMs(): number;
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserClock: ThrottleClock = {
  nowMs: () => performance.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle {
  #lastRunMs = -Infinity;
  #timer: unknown = null;
  #pending: (() => void) | null = null;

  constructor(
    private readonly everyMs: number,
    private readonly clock: ThrottleClock = browserClock,
  ) {}

  /**
   * Runs `update` now if nothing ran in the last `everyMs`; otherwise once, when that interval ends. A later
   * call before then replaces the waiting update, so the latest one wins and none runs twice.
   */
  run(update: () => void): void {
    const now = this.clock.nowMs();
    const waitMs = this.#lastRunMs + this.everyMs - now;
    if (waitMs <= 0 && this.#timer === null) {
      this.#lastRunMs = now;
      update();
      return;
    }
    this.#pending = update;
    if (this.#timer === null) this.#timer = this.clock.setTimeout(() => this.#flush(), Math.max(0, waitMs));
  }

  /** Drops a waiting update (the owner is going away). */
  cancel(): void {
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  #flush(): void {
    const update = this.#pending;
    this.#timer = null;
    this.#pending = null;
    if (update === null) return;
    this.#lastRunMs = this.clock.nowMs();
    update();
  }
}
