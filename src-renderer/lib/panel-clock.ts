// The time a slow panel shows while playing. The TCB table and its cwnd plot follow the cursor, which moves
// every frame of play; redrawing them 60 times a second re-created the plot's tick labels and re-laid-out the
// panel on every frame (docs/PERFORMANCE.md, renderer.live). Ten times a second still looks live, as for
// the router views (session.svelte.ts PLAY_VIEWS_EVERY_MS). Paused, or after any command (seek, step,
// pause, …), the panel shows the exact cursor at once.

export interface PanelClockInput {
  cursorMs: number;
  playing: boolean;
  /** Bumped by the store on every command reply: a change means "show the cursor now". */
  commandSeq: number;
  /** Wall clock (performance.now()) of this call. */
  wallMs: number;
}

export class PanelClock {
  #shownMs: number | null = null;
  #shownAtWallMs = -Infinity;
  #commandSeq = -1;

  constructor(private readonly everyMs: number) {}

  /** The time to show: the cursor, or while playing the one shown less than `everyMs` ago. */
  next({ cursorMs, playing, commandSeq, wallMs }: PanelClockInput): number {
    const due = wallMs - this.#shownAtWallMs >= this.everyMs;
    const stale = this.#shownMs === null || cursorMs < this.#shownMs || commandSeq !== this.#commandSeq;
    if (!playing || due || stale) {
      this.#shownMs = cursorMs;
      this.#shownAtWallMs = wallMs;
      this.#commandSeq = commandSeq;
    }
    return this.#shownMs as number;
  }
}
