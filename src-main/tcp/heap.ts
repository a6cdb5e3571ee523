// A stack-level indexed min-heap of connections keyed by (earliest timer due, connection id). Each connection
// sits in it at most once, so nextDueMs() is O(1) and re-arming a timer is O(log n) with 10,000 connections.

export interface HeapItem {
  /** Creation number: the tie-break that keeps firing order deterministic. */
  readonly id: number;
  /** Earliest due time among the item's timers (Infinity = none). */
  heapDueMs: number;
  /** Position in the heap array, -1 when absent. */
  heapIndex: number;
}

export class TimerHeap<T extends HeapItem> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Inserts, moves or removes `item` after its heapDueMs changed (Infinity removes it). */
  update(item: T): void {
    if (item.heapDueMs === Infinity) {
      if (item.heapIndex >= 0) this.remove(item);
      return;
    }
    if (item.heapIndex < 0) {
      item.heapIndex = this.items.length;
      this.items.push(item);
      this.up(item.heapIndex);
      return;
    }
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }

  remove(item: T): void {
    const i = item.heapIndex;
    if (i < 0) return;
    const last = this.items.pop() as T;
    item.heapIndex = -1;
    if (i < this.items.length) {
      this.items[i] = last;
      last.heapIndex = i;
      this.up(i);
      this.down(i);
    }
  }

  private less(a: T, b: T): boolean {
    return a.heapDueMs < b.heapDueMs || (a.heapDueMs === b.heapDueMs && a.id < b.id);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i] as T;
    const b = this.items[j] as T;
    this.items[i] = b;
    this.items[j] = a;
    b.heapIndex = i;
    a.heapIndex = j;
  }

  private up(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i] as T, this.items[parent] as T)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(start: number): void {
    let i = start;
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(this.items[l] as T, this.items[m] as T)) m = l;
      if (r < n && this.less(this.items[r] as T, this.items[m] as T)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
}
