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

  /** Whether (atMs, ord) sorts after the last entry, so it may be appended (always, when the run is empty). */
  accepts(atMs: number, ord: number): boolean {
    const last = this.tail - 1;
    if (last < this.head) return true;
    const lastMs = this.times[last]!;
    return atMs > lastMs || (atMs === lastMs && ord > this.ords[last]!);
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
 * Lanes: a caller may name the stream an event belongs to (at()'s `lane`, 0 … MAX_LANES-1), and each lane
 * has a sorted run of its own. Each kind of steady traffic schedules in order by itself: a scenario's timed
 * steps (sorted by build.ts, tens of thousands for a many-client scenario), packets moving one link delay
 * ahead, a host's next timer, a flood's next SYN 10 µs ahead. Without lanes, one far-future event (a
 * client's SYN retransmission during a flood) appended to the packets' run sent the packets to the flood's
 * run and the flood's SYNs to the heap: 58 % of a 1,000,000-SYN flood's ticks went through the heap.
 */
export const MAX_LANES = 4;

/**
 * Up to this many more sorted runs, shared by events without a lane and by those that did not fit their
 * lane's run (a second link delay, a second flood). With none, one far-future step sent every packet event
 * to the heap (a 1,000,000-SYN flood did 4 million heap inserts and removals).
 */
const SPARE_RUNS = 3;

export class Scheduler<T> {
  nowMs = 0;
  private nextSeq = 0;
  private heap = new EventHeap<T>();
  /**
   * Every sorted FIFO run beside the heap (the lanes' and the spare ones). pop takes the earliest head of
   * all of them and the heap, so the order is exactly the heap-only order wherever an event was kept.
   */
  private runs: Array<Run<T>> = [];
  /** The run of each lane that has had an event (also in `runs`). */
  private laneRuns: Array<Run<T> | undefined> = [];
  /**
   * The spare runs (also in `runs`). An event goes to the one it extends whose last entry is latest (so the
   * runs stay apart, like patience sorting), else to an empty one, else to the heap.
   */
  private spares: Array<Run<T>> = [];
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
   * `lane` (0 … MAX_LANES-1, or -1 for none) names the in-order stream the event belongs to (see MAX_LANES);
   * it decides only where the entry is kept, never the order events come out in.
   */
  at(atMs: number, item: T, klass: number = KLASS_SIM, tag = 0, lane = -1): void {
    if (!(atMs >= this.nowMs)) throw new Error(`scheduler: event at ${atMs} ms is before now (${this.nowMs} ms)`);
    const ord = klass === KLASS_SIM ? this.nextSeq++ : ordOf(klass, this.nextSeq++);
    if (lane >= 0) {
      let own = this.laneRuns[lane];
      if (own === undefined) {
        if (!(lane < MAX_LANES && Number.isInteger(lane))) throw new Error(`scheduler: lane ${lane} is not 0-${MAX_LANES - 1}`);
        this.laneRuns[lane] = own = new Run<T>();
        this.runs.push(own);
      }
      if (own.accepts(atMs, ord)) {
        own.push(atMs, ord, item, tag);
        return;
      }
    }
    const runs = this.spares;
    let best: Run<T> | undefined, empty: Run<T> | undefined;
    let bestLastMs = -Infinity;
    for (let i = 0; i < runs.length; i++) { // (indexed: for-of allocated an iterator result per event here)
      const r = runs[i]!, last = r.tail - 1;
      if (last < r.head) {
        empty ??= r;
        continue;
      }
      // Of the runs it may be appended to, the one whose last entry is latest wins (the first of equals).
      const lastMs = r.times[last]!;
      if (lastMs > bestLastMs && r.accepts(atMs, ord)) {
        best = r;
        bestLastMs = lastMs;
      }
    }
    if (best === undefined && empty === undefined && runs.length < SPARE_RUNS) {
      runs.push((empty = new Run<T>()));
      this.runs.push(empty);
    }
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

/** An index in `runs` (the lanes' and the spare runs), or one of these. */
type Source = number;
const NONE = -1, HEAP = -2;
