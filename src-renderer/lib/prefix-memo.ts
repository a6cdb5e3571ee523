// A fold over a trace that mostly grows at the end (the session's cursor prefix during play): it remembers,
// per trace, how far it scanned, and scans only the new events on the next call. The same idea as the
// ladder's buildLadder (views/ladder/model.ts), shared by the side panels (docs/PERFORMANCE.md,
// renderer.live: they re-scanned every visible event on every frame of play).

/** What a fold keeps between calls: `advance` scans events[from..] into it, in place. */
export interface Fold<T> {
  advance(events: readonly T[], from: number): void;
}

interface Scanned<F> {
  fold: F;
  length: number;
  last: object;
}

/**
 * Keyed by the trace's first event object (WeakMap, so a dropped trace frees its fold). A call with the
 * same events plus new ones (the same objects in front: the last event scanned is still at its place)
 * advances the fold; a shorter prefix (seek back) or a replaced tail (an intervention rewrote the future)
 * starts a fresh fold. An empty trace gets a fresh, unremembered fold every time.
 */
export class PrefixMemo<T extends object, F extends Fold<T>> {
  readonly #byFirst = new WeakMap<T, Scanned<F>>();

  constructor(private readonly create: () => F) {}

  /**
   * The fold over exactly `events`. It is the memo's own object and moves on with the next call for the
   * same trace: read what you need from it at once (fold classes hand out immutable snapshots).
   */
  of(events: readonly T[]): F {
    const first = events[0];
    if (first === undefined) return this.create();
    const prev = this.#byFirst.get(first);
    if (prev && events.length >= prev.length && events[prev.length - 1] === prev.last) {
      if (events.length > prev.length) this.#scan(prev, events, prev.length);
      return prev.fold;
    }
    const fresh: Scanned<F> = { fold: this.create(), length: 0, last: first };
    this.#scan(fresh, events, 0);
    this.#byFirst.set(first, fresh);
    return fresh.fold;
  }

  #scan(s: Scanned<F>, events: readonly T[], from: number): void {
    s.fold.advance(events, from);
    s.length = events.length;
    s.last = events[events.length - 1] as T;
  }
}

/**
 * A list that only grows, handed out as immutable snapshots: `snapshot()` returns the same array until an
 * item is added, then a new copy (so a Svelte `$derived` holding the old one keeps seeing the old state,
 * and an unchanged list does not re-render anything downstream).
 */
export class GrowingList<V> {
  readonly #items: V[] = [];
  #snap: V[] = [];

  push(v: V): void {
    this.#items.push(v);
  }

  get length(): number {
    return this.#items.length;
  }

  /** Typed mutable for the components' props; callers must not change it. */
  snapshot(): V[] {
    if (this.#snap.length !== this.#items.length) this.#snap = this.#items.slice();
    return this.#snap;
  }
}
