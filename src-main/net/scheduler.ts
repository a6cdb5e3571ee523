// Discrete-event scheduler over a virtual clock (ms). Nothing here reads a wall clock: a host layer that
// plays a session live calls Network.runFor(wallElapsedMs * speed) from its own timer and asks
// Network.nextEventMs() when the next thing happens (to sleep until then, or to show "idle").
//
// Ordering: (atMs, klass, insertion seq). Simulation events are klass SIM; user commands are klass
// COMMAND, so a command due at time T runs after every simulation event due at T, including ones
// scheduled while T's events run. That makes "schedule a command for T" and "run until T, then apply
// the command" the same thing, which is what lets an action log replay byte for byte (interventions.ts).
import { CLONE, type CloneFn } from './clone.js';
import { EventHeap, ordOf, type HeapEntry } from './heap.js';

export const KLASS_SIM = 0;
export const KLASS_COMMAND = 1;

/**
 * Whether a popped item still means something. `ctx` is passed back as given, so callers can use one
 * module-level function instead of allocating a closure per call (the hot loop calls this per event).
 * `tag` is the number scheduled with the item (see at()).
 */
export type LiveCheck<T, C> = (item: T, ctx: C, tag: number) => boolean;

/**
 * One sorted FIFO run: entries appended in (atMs, ord) order and taken from the head, O(1) each way.
 * Entries live at [head, tail) of four parallel arrays. The arrays never shrink: an emptied run starts
 * again at index 0 over the same storage (resetting `length` freed it, and a run that empties on every
 * pop, like a flood's next-SYN tick, then reallocated four arrays per event), and consumed entries are cut
 * off in bulk by moving the rest down (never one shift per pop).
 */
class Run<T> {
  times: number[] = [];
  ords: number[] = [];
  items: Array<T | undefined> = [];
  tags: number[] = [];
  head = 0;
  tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  push(atMs: number, ord: number, item: T, tag: number): void {
    const i = this.tail++;
    if (i < this.items.length) {
      this.times[i] = atMs;
      this.ords[i] = ord;
      this.items[i] = item;
      this.tags[i] = tag;
    } else {
      this.times.push(atMs);
      this.ords.push(ord);
      this.items.push(item);
      this.tags.push(tag);
    }
  }

  /**
   * Snapshot clone (net/clone.ts): only the pending entries [head, tail). The arrays keep the size of the
   * longest the run ever was (a scenario's 30,000 timed steps), which every seek snapshot would copy.
   */
  [CLONE](clone: CloneFn): Run<T> {
    const out = new Run<T>();
    for (let i = this.head; i < this.tail; i++) out.push(this.times[i]!, this.ords[i]!, clone(this.items[i] as T), this.tags[i]!);
    return out;
  }

  shift(): void {
    this.items[this.head] = undefined; // let it be collected
    this.head++;
    if (this.head === this.tail) {
      this.head = this.tail = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.tail) {
      const { times, ords, items, tags, head } = this;
      const n = this.tail - head;
      for (let i = 0; i < n; i++) {
        times[i] = times[head + i]!;
        ords[i] = ords[head + i]!;
        items[i] = items[head + i];
        tags[i] = tags[head + i]!;
      }
      for (let i = n; i < this.tail; i++) items[i] = undefined;
      this.head = 0;
      this.tail = n;
    }
  }
}

/**
 * Up to this many sorted runs beside the heap. Each kind of steady traffic schedules in order by itself:
 * a scenario's timed steps (sorted by build.ts, tens of thousands for a many-client scenario), packets
 * moving one link delay ahead, a flood's next SYN 10 µs ahead. With one run, the steps' far-future tail
 * sent every packet event to the heap (a 1,000,000-SYN flood did 4 million heap inserts and removals).
 */
const MAX_RUNS = 4;

export class Scheduler<T> {
  nowMs = 0;
  private nextSeq = 0;
  private heap = new EventHeap<T>();
  /**
   * Sorted FIFO runs beside the heap. An event goes to the run it extends whose last entry is latest (so
   * the runs stay apart, like patience sorting), else to an empty run, else to the heap. pop takes the
   * earliest head of all of them, so the order is exactly the heap-only order.
   */
  private runs: Array<Run<T>> = [];
  /** The tag of the entry popLive last returned. */
  poppedTag = 0;

  get pending(): number {
    let n = this.heap.size;
    for (const r of this.runs) n += r.size;
    return n;
  }

  /**
   * Schedules item at atMs (never in the past: the caller clamps). `tag` travels with it (popLive puts it in
   * poppedTag): a number, so an entry can say what to do with an existing object without a new one.
   */
  at(atMs: number, item: T, klass: number = KLASS_SIM, tag = 0): void {
    if (!(atMs >= this.nowMs)) throw new Error(`scheduler: event at ${atMs} ms is before now (${this.nowMs} ms)`);
    const ord = klass === KLASS_SIM ? this.nextSeq++ : ordOf(klass, this.nextSeq++);
    const runs = this.runs;
    let best: Run<T> | undefined, empty: Run<T> | undefined;
    let bestLastMs = -Infinity;
    for (let i = 0; i < runs.length; i++) { // (indexed: for-of allocated an iterator result per event here)
      const r = runs[i]!, last = r.tail - 1;
      if (last < r.head) {
        empty ??= r;
        continue;
      }
      // (atMs, ord) may be appended when it sorts after the last entry; the latest last entry wins (the first of equals)
      const lastMs = r.times[last]!;
      if ((atMs > lastMs || (atMs === lastMs && ord > r.ords[last]!)) && lastMs > bestLastMs) {
        best = r;
        bestLastMs = lastMs;
      }
    }
    if (best === undefined && empty === undefined && runs.length < MAX_RUNS) runs.push((empty = new Run<T>()));
    const target = best ?? empty;
    if (target !== undefined) target.push(atMs, ord, item, tag);
    else this.heap.insert(atMs, ord, item, tag);
  }

  /** Due time of the earliest live entry (Infinity when none), after discarding stale ones at the top. */
  nextLiveMs<C>(isLive: LiveCheck<T, C>, ctx?: C): number {
    const src = this.dropStale(isLive, ctx as C);
    return src === NONE ? Infinity : src === HEAP ? this.heap.topAtMs() : this.runs[src]!.times[this.runs[src]!.head]!;
  }

  /** Earliest entry, after discarding stale ones at the top (isLive is asked, never stored). */
  peekLive<C>(isLive: LiveCheck<T, C>, ctx?: C): HeapEntry<T> | undefined {
    const src = this.dropStale(isLive, ctx as C);
    if (src === NONE || src === HEAP) return this.heap.peek();
    const r = this.runs[src]!;
    const ord = r.ords[r.head]!;
    const klass = ord >= ordOf(KLASS_COMMAND, 0) ? KLASS_COMMAND : KLASS_SIM;
    return { atMs: r.times[r.head]!, klass, seq: ord - ordOf(klass, 0), item: r.items[r.head]!, tag: r.tags[r.head]! };
  }

  /** Removes and returns the earliest live entry due at or before limitMs (its tag in poppedTag), moving the clock to it. */
  popLive<C>(limitMs: number, isLive: LiveCheck<T, C>, ctx?: C): T | undefined {
    // dropStale + earliest in one pass (this runs once per simulation event: a flood pops 4 per SYN).
    const heap = this.heap, runs = this.runs;
    for (;;) {
      let run: Run<T> | undefined;
      let fromHeap = false;
      let bestMs = Infinity, bestOrd = Infinity;
      if (heap.size > 0) {
        fromHeap = true;
        bestMs = heap.topAtMs();
        bestOrd = heap.topOrd();
      }
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i]!, h = r.head;
        if (h === r.tail) continue;
        const t = r.times[h]!;
        if (t < bestMs || (t === bestMs && r.ords[h]! < bestOrd)) {
          run = r;
          bestMs = t;
          bestOrd = r.ords[h]!;
        }
      }
      if (run === undefined && !fromHeap) return undefined;
      const item = run === undefined ? heap.topItem()! : run.items[run.head]!;
      const tag = run === undefined ? heap.topTag() : run.tags[run.head]!;
      const live = isLive(item, ctx as C, tag);
      if (live && bestMs > limitMs) return undefined; // (a stale entry goes even past the limit, as dropStale does)
      if (run === undefined) heap.removeTop();
      else run.shift();
      if (!live) continue;
      this.poppedTag = tag;
      this.nowMs = bestMs;
      return item;
    }
  }

  /** Moves the clock forward to tMs (no event may be pending before it). */
  advanceTo(tMs: number): void {
    if (tMs > this.nowMs) this.nowMs = tMs;
  }

  /** Where the earliest entry is: HEAP, a run's index, or NONE. */
  private earliest(): Source {
    let src: Source = NONE;
    let bestMs = Infinity, bestOrd = Infinity;
    if (this.heap.size > 0) {
      src = HEAP;
      bestMs = this.heap.topAtMs();
      bestOrd = this.heap.topOrd();
    }
    const runs = this.runs;
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i]!;
      if (r.head === r.tail) continue;
      const t = r.times[r.head]!, o = r.ords[r.head]!;
      if (t < bestMs || (t === bestMs && o < bestOrd)) {
        src = i;
        bestMs = t;
        bestOrd = o;
      }
    }
    return src;
  }

  private removeFrom(src: Source): void {
    if (src === HEAP) this.heap.removeTop();
    else this.runs[src]!.shift();
  }

  private dropStale<C>(isLive: LiveCheck<T, C>, ctx: C): Source {
    for (;;) {
      const src = this.earliest();
      if (src === NONE) return NONE;
      let item: T, tag: number;
      if (src === HEAP) {
        item = this.heap.topItem()!;
        tag = this.heap.topTag();
      } else {
        const r = this.runs[src]!;
        item = r.items[r.head]!;
        tag = r.tags[r.head]!;
      }
      if (isLive(item, ctx, tag)) return src;
      this.removeFrom(src);
    }
  }
}

/** A run's index (0 … MAX_RUNS-1), or one of these. */
type Source = number;
const NONE = -1, HEAP = -2;
