// Discrete-event scheduler over a virtual clock (ms). Nothing here reads a wall clock: a host layer that
// plays a session live calls Network.runFor(wallElapsedMs * speed) from its own timer and asks
// Network.nextEventMs() when the next thing happens (to sleep until then, or to show "idle").
//
// Ordering: (atMs, klass, insertion seq). Simulation events are klass SIM; user commands are klass
// COMMAND, so a command due at time T runs after every simulation event due at T, including ones
// scheduled while T's events run. That makes "schedule a command for T" and "run until T, then apply
// the command" the same thing, which is what lets an action log replay byte for byte (interventions.ts).
import { EventHeap, type HeapEntry } from './heap.js';

export const KLASS_SIM = 0;
export const KLASS_COMMAND = 1;

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
    this.heap.push({ atMs, klass, seq: this.nextSeq++, item });
  }

  /** Earliest entry, after discarding stale ones at the top (isLive is asked, never stored). */
  peekLive(isLive: (item: T) => boolean): HeapEntry<T> | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (top === undefined || isLive(top.item)) return top;
      this.heap.pop();
    }
  }

  /** Removes and returns the earliest live entry due at or before limitMs, moving the clock to it. */
  popLive(limitMs: number, isLive: (item: T) => boolean): T | undefined {
    const top = this.peekLive(isLive);
    if (top === undefined || top.atMs > limitMs) return undefined;
    this.heap.pop();
    this.nowMs = top.atMs;
    return top.item;
  }

  /** Moves the clock forward to tMs (no event may be pending before it). */
  advanceTo(tMs: number): void {
    if (tMs > this.nowMs) this.nowMs = tMs;
  }
}
