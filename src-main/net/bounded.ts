// A Map with a size limit that forgets its oldest insertion first (FIFO: updating a key keeps its place,
// which keeps set() cheap). Used for per-connection bookkeeping (retransmission lineage, ISNs, spoofed
// addresses) so memory stays bounded under a SYN flood. Eviction follows insertion order: deterministic.

export class BoundedMap<K, V> {
  private map = new Map<K, V>();
  constructor(readonly limit: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Sets key (a new key goes last) and evicts the oldest entries past the limit. */
  set(key: K, value: V): void {
    this.map.set(key, value);
    while (this.map.size > this.limit) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  values(): IterableIterator<V> {
    return this.map.values();
  }
}
