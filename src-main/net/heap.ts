// Binary min-heap of scheduled events ordered by (atMs, klass, seq). seq is the insertion sequence, so
// events due at the same time run in the order they were scheduled (TigerBeetle VOPR: priority queues
// keyed by due time, ties broken deterministically). klass lets user commands due at time T run after
// every simulation event due at T (see scheduler.ts).
//
// Layout: four parallel arrays (struct of arrays) instead of one entry object per event, so scheduling
// allocates nothing (a bulk transfer schedules millions): the item is a reference to something that
// already exists and the tag a number saying what to do with it (net/events.ts). klass and seq are packed
// into one number, ord = klass * 2^52 + seq: exact while seq < 2^52 (4.5e15 events), and comparing ord
// compares klass first, then seq.

export interface HeapEntry<T> {
  atMs: number;
  klass: number;
  seq: number;
  item: T;
  tag: number;
}

const KLASS_UNIT = 2 ** 52;

export class EventHeap<T> {
  private times: number[] = [];
  private ords: number[] = [];
  private items: T[] = [];
  private tags: number[] = [];

  get size(): number {
    return this.items.length;
  }

  /** Due time of the earliest entry (Infinity when empty). */
  topAtMs(): number {
    return this.items.length === 0 ? Infinity : this.times[0]!;
  }

  /** Packed klass and seq of the earliest entry (see ordOf); only when not empty. */
  topOrd(): number {
    return this.ords[0]!;
  }

  /** The earliest item (undefined when empty). */
  topItem(): T | undefined {
    return this.items[0];
  }

  /** The earliest item's tag; only when not empty. */
  topTag(): number {
    return this.tags[0]!;
  }

  peek(): HeapEntry<T> | undefined {
    if (this.items.length === 0) return undefined;
    const ord = this.ords[0]!;
    const klass = Math.floor(ord / KLASS_UNIT);
    return { atMs: this.times[0]!, klass, seq: ord - klass * KLASS_UNIT, item: this.items[0]!, tag: this.tags[0]! };
  }

  push(entry: HeapEntry<T>): void {
    this.insert(entry.atMs, entry.klass * KLASS_UNIT + entry.seq, entry.item, entry.tag);
  }

  pop(): HeapEntry<T> | undefined {
    const top = this.peek();
    if (top !== undefined) this.removeTop();
    return top;
  }

  /** Adds item due at atMs with ord = klass * 2^52 + seq (see the file comment). */
  insert(atMs: number, ord: number, item: T, tag: number): void {
    const t = this.times, o = this.ords, it = this.items, tg = this.tags;
    let i = it.length;
    t.push(atMs);
    o.push(ord);
    it.push(item);
    tg.push(tag);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = t[parent]!;
      if (pt < atMs || (pt === atMs && o[parent]! < ord)) break;
      t[i] = pt;
      o[i] = o[parent]!;
      it[i] = it[parent]!;
      tg[i] = tg[parent]!;
      i = parent;
    }
    t[i] = atMs;
    o[i] = ord;
    it[i] = item;
    tg[i] = tag;
  }

  /** Removes the earliest entry (no-op when empty). */
  removeTop(): void {
    const t = this.times, o = this.ords, it = this.items, tg = this.tags;
    const n = it.length - 1;
    if (n < 0) return;
    const lastT = t[n]!, lastO = o[n]!, lastItem = it[n]!, lastTag = tg[n]!;
    t.pop();
    o.pop();
    it.pop();
    tg.pop();
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && (t[r]! < t[l]! || (t[r] === t[l] && o[r]! < o[l]!))) c = r;
      const ct = t[c]!;
      if (ct > lastT || (ct === lastT && o[c]! > lastO)) break;
      t[i] = ct;
      o[i] = o[c]!;
      it[i] = it[c]!;
      tg[i] = tg[c]!;
      i = c;
    }
    t[i] = lastT;
    o[i] = lastO;
    it[i] = lastItem;
    tg[i] = lastTag;
  }
}

export function ordOf(klass: number, seq: number): number {
  return klass * KLASS_UNIT + seq;
}
