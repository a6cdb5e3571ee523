// Discrete-event scheduler over a virtual clock (ms). Nothing here reads a wall clock: a host layer that
// plays a session live calls Network.runFor(wallElapsedMs * speed) from its own timer and asks
// Network.nextEventMs() when the next thing happens (to sleep until then, or to show "idle").
//
// Ordering: (atMs, klass, insertion seq). Simulation events are klass SIM; user commands are klass
// COMMAND, so a command due at time T runs after every simulation event due at T, including ones
// scheduled while T's events run. That makes "schedule a command for T" and "run until T, then apply
// the command" the same thing, which is what lets an action log replay byte for byte (interventions.ts).
import { EventHeap, ordOf, type HeapEntry } from './heap.js';

export const KLASS_SIM = 0;
export const KLASS_COMMAND = 1;

/**
 * Whether a popped item still means something. `ctx` is passed back as given, so callers can use one
 * module-level function instead of allocating a closure per call (the hot loop calls this per event).
 */
export type LiveCheck<T, C> = (item: T, ctx: C) => boolean;

export class Scheduler<T> {
  nowMs = 0;
  private nextSeq = 0;
  private heap = new EventHeap<T>();

  get pending(): number {
    return this.heap.size;
  }

  /** Schedules item at atMs (never in the past: the caller clamps). */
  at(atMs: number, item: T, klass: number = KLASS_SIM): void {
    if (!(atMs >= this.nowMs)) throw new Error(`scheduler: event at ${atMs} ms is before now (${this.nowMs} ms)`);
    this.heap.insert(atMs, klass === KLASS_SIM ? this.nextSeq++ : ordOf(klass, this.nextSeq++), item);
  }

  /** Due time of the earliest live entry (Infinity when none), after discarding stale ones at the top. */
  nextLiveMs<C>(isLive: LiveCheck<T, C>, ctx?: C): number {
    this.dropStale(isLive, ctx as C);
    return this.heap.topAtMs();
  }

  /** Earliest entry, after discarding stale ones at the top (isLive is asked, never stored). */
  peekLive<C>(isLive: LiveCheck<T, C>, ctx?: C): HeapEntry<T> | undefined {
    this.dropStale(isLive, ctx as C);
    return this.heap.peek();
  }

  /** Removes and returns the earliest live entry due at or before limitMs, moving the clock to it. */
  popLive<C>(limitMs: number, isLive: LiveCheck<T, C>, ctx?: C): T | undefined {
    this.dropStale(isLive, ctx as C);
    const heap = this.heap;
    const atMs = heap.topAtMs();
    if (heap.size === 0 || atMs > limitMs) return undefined;
    const item = heap.topItem()!;
    heap.removeTop();
    this.nowMs = atMs;
    return item;
  }

  /** Moves the clock forward to tMs (no event may be pending before it). */
  advanceTo(tMs: number): void {
    if (tMs > this.nowMs) this.nowMs = tMs;
  }

  private dropStale<C>(isLive: LiveCheck<T, C>, ctx: C): void {
    const heap = this.heap;
    for (;;) {
      const top = heap.topItem();
      if (top === undefined || isLive(top, ctx)) return;
      heap.removeTop();
    }
  }
}
