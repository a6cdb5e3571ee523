// Wall-clock access for the host (live playback, flush timers, export timestamps). Injected so tests drive
// time by hand; lab/ never sees a clock.
export interface HostClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** ISO date-time for file metadata (createdAt). */
  isoNow(): string;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: HostClock = {
  now: () => performance.now(),
  isoNow: () => new Date().toISOString(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};
