// Binary min-heap of scheduled events ordered by (atMs, klass, seq). seq is the insertion sequence, so
// events due at the same time run in the order they were scheduled (TigerBeetle VOPR: priority queues
// keyed by due time, ties broken deterministically). klass lets user commands due at time T run after
// every simulation event due at T (see scheduler.ts).

export interface HeapEntry<T> {
  atMs: number;
  klass: number;
  seq: number;
  item: T;
}

function before<T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.klass !== b.klass) return a.klass < b.klass;
  return a.seq < b.seq;
}

export class EventHeap<T> {
  private entries: Array<HeapEntry<T>> = [];

  get size(): number {
    return this.entries.length;
  }

  peek(): HeapEntry<T> | undefined {
    return this.entries[0];
  }

  push(entry: HeapEntry<T>): void {
    const a = this.entries;
    a.push(entry);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent]!;
      if (!before(entry, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = entry;
  }

  pop(): HeapEntry<T> | undefined {
    const a = this.entries;
    const top = a[0];
    const last = a.pop();
    if (top === undefined || last === undefined || a.length === 0) return top;
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(a[r]!, a[l]!) ? r : l;
      if (!before(a[child]!, last)) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
    return top;
  }
}
