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
  /**
   * Events scheduled in (atMs, ord) order relative to the last one appended here form a sorted FIFO run
   * beside the heap: O(1) in and out instead of O(log n). A scenario's timed steps (scheduled sorted by
   * build.ts, tens of thousands for a many-client scenario) and far-future timers land here, which keeps
   * the heap small. pop takes the earlier of the two heads, so the order is exactly the heap-only order.
   */
  private runTimes: number[] = [];
  private runOrds: number[] = [];
  private runItems: T[] = [];
  private runHead = 0;

  get pending(): number {
    return this.heap.size + this.runItems.length - this.runHead;
  }

  /** Schedules item at atMs (never in the past: the caller clamps). */
  at(atMs: number, item: T, klass: number = KLASS_SIM): void {
    if (!(atMs >= this.nowMs)) throw new Error(`scheduler: event at ${atMs} ms is before now (${this.nowMs} ms)`);
    const ord = klass === KLASS_SIM ? this.nextSeq++ : ordOf(klass, this.nextSeq++);
    const last = this.runItems.length - 1;
    // Appending keeps the run sorted when the event comes after its last one. (Equal times: seq only grows,
    // but a simulation event must still go before a command already there, hence the ord test.)
    const lastMs = last < this.runHead ? -Infinity : this.runTimes[last]!;
    if (atMs > lastMs || (atMs === lastMs && ord > this.runOrds[last]!)) {
      this.runTimes.push(atMs);
      this.runOrds.push(ord);
      this.runItems.push(item);
    } else {
      this.heap.insert(atMs, ord, item);
    }
  }

  /** Due time of the earliest live entry (Infinity when none), after discarding stale ones at the top. */
  nextLiveMs<C>(isLive: LiveCheck<T, C>, ctx?: C): number {
    const src = this.dropStale(isLive, ctx as C);
    return src === NONE ? Infinity : src === HEAP ? this.heap.topAtMs() : this.runTimes[this.runHead]!;
  }

  /** Earliest entry, after discarding stale ones at the top (isLive is asked, never stored). */
  peekLive<C>(isLive: LiveCheck<T, C>, ctx?: C): HeapEntry<T> | undefined {
    const src = this.dropStale(isLive, ctx as C);
    if (src !== RUN) return this.heap.peek();
    const ord = this.runOrds[this.runHead]!;
    const klass = ord >= ordOf(KLASS_COMMAND, 0) ? KLASS_COMMAND : KLASS_SIM;
    return { atMs: this.runTimes[this.runHead]!, klass, seq: ord - ordOf(klass, 0), item: this.runItems[this.runHead]! };
  }

  /** Removes and returns the earliest live entry due at or before limitMs, moving the clock to it. */
  popLive<C>(limitMs: number, isLive: LiveCheck<T, C>, ctx?: C): T | undefined {
    const src = this.dropStale(isLive, ctx as C);
    if (src === NONE) return undefined;
    const atMs = src === HEAP ? this.heap.topAtMs() : this.runTimes[this.runHead]!;
    if (atMs > limitMs) return undefined;
    const item = src === HEAP ? this.heap.topItem()! : this.runItems[this.runHead]!;
    this.removeFrom(src);
    this.nowMs = atMs;
    return item;
  }

  /** Moves the clock forward to tMs (no event may be pending before it). */
  advanceTo(tMs: number): void {
    if (tMs > this.nowMs) this.nowMs = tMs;
  }

  /** Where the earliest entry is (heap or run). */
  private earliest(): Source {
    const hasRun = this.runHead < this.runItems.length;
    if (this.heap.size === 0) return hasRun ? RUN : NONE;
    if (!hasRun) return HEAP;
    const ht = this.heap.topAtMs(), rt = this.runTimes[this.runHead]!;
    if (ht !== rt) return ht < rt ? HEAP : RUN;
    return this.heap.topOrd() < this.runOrds[this.runHead]! ? HEAP : RUN;
  }

  private removeFrom(src: Source): void {
    if (src === HEAP) {
      this.heap.removeTop();
      return;
    }
    this.runItems[this.runHead] = undefined as T; // let it be collected
    this.runHead++;
    if (this.runHead === this.runItems.length) {
      this.runTimes.length = this.runOrds.length = this.runItems.length = this.runHead = 0;
    } else if (this.runHead >= 4096 && this.runHead * 2 >= this.runItems.length) {
      this.runTimes.splice(0, this.runHead);
      this.runOrds.splice(0, this.runHead);
      this.runItems.splice(0, this.runHead);
      this.runHead = 0;
    }
  }

  private dropStale<C>(isLive: LiveCheck<T, C>, ctx: C): Source {
    for (;;) {
      const src = this.earliest();
      if (src === NONE) return NONE;
      const item = src === HEAP ? this.heap.topItem()! : this.runItems[this.runHead]!;
      if (isLive(item, ctx)) return src;
      this.removeFrom(src);
    }
  }
}

type Source = 0 | 1 | 2;
const NONE = 0, HEAP = 1, RUN = 2;
