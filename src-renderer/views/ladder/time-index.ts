// Which packets cross a time window, without scanning them all: packets are sorted by start time, so a
// binary search bounds the candidates. Arrows are short compared with a session, except a few (held,
// heavily delayed, still in flight); those "long" ones are kept aside and checked one by one.
import type { LadderPacket } from './model.js';

export interface TimeIndex {
  startMs: Float64Array;
  endMs: Float64Array;
  /** Every packet not in `long` spans at most this long. */
  spanCapMs: number;
  /** Indices (ascending) of packets longer than spanCapMs. */
  long: Int32Array;
  /** The packet list this index was built for (extendTimeIndex reuses what a newer list still starts with). */
  packets: readonly LadderPacket[];
}

/** Share of packets allowed in the linear "long" list; the rest are found by binary search. */
const LONG_SHARE = 0.001;

export function buildTimeIndex(packets: readonly LadderPacket[]): TimeIndex {
  const n = packets.length;
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const spans = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = packets[i] as LadderPacket;
    startMs[i] = p.startMs;
    endMs[i] = p.endMs;
    spans[i] = p.endMs - p.startMs;
  }
  // The cap is taken over finite spans only. A packet still in flight or held (endMs Infinity) is always in
  // `long`; counted in, more than 0.1 % of them (a live play's ~100 in flight out of a few thousand) made the
  // cap Infinity, then 0, and every packet "long": each query scanned the whole list.
  const finite = spans.filter(Number.isFinite);
  const capAt = Math.max(0, Math.floor(finite.length * (1 - LONG_SHARE)) - 1);
  const spanCapMs = finite.length === 0 ? 0 : kthSmallest(finite, capAt);
  const long: number[] = [];
  for (let i = 0; i < n; i++) if ((spans[i] as number) > spanCapMs) long.push(i);
  return { startMs, endMs, spanCapMs, long: Int32Array.from(long), packets };
}

/**
 * Packets with a finite span an extension may leave above the cap before it rebuilds with a fresh one (twice
 * what a build leaves).
 */
function longLimit(n: number): number {
  return Math.max(16, Math.ceil(2 * LONG_SHARE * n));
}

/**
 * The index of `packets`, reusing `prev` for the packets both lists start with (the same objects at the same
 * positions). During live play the ladder's list grows by a few packets per frame and only its tail changes
 * (a packet in flight is replaced by a copy when it arrives), and a fresh build every frame cost ~40 ms of
 * Chromium's main thread per second of play at 1,000 packets/s (docs/PERFORMANCE.md "Live play, session
 * 13"). The extension keeps prev's span cap, so each new packet longer than it joins `long`; when too many
 * have, or when little of prev is left, it is a fresh build. Either way visiblePackets gives what it gives
 * on buildTimeIndex(packets). The result may share storage with `prev`, which it supersedes: keep using
 * the newest index only (LadderView keeps just the last one).
 */
export function extendTimeIndex(prev: TimeIndex | undefined, packets: readonly LadderPacket[]): TimeIndex {
  if (prev === undefined) return buildTimeIndex(packets);
  const old = prev.packets;
  const n = packets.length;
  const shared = Math.min(old.length, n);
  let k = 0;
  while (k < shared && old[k] === packets[k]) k++;
  if (k === n && n === old.length) return prev.packets === packets ? prev : { ...prev, packets };
  if (k < n / 2) return buildTimeIndex(packets); // mostly new: the copy would save little
  const startMs = grown(prev.startMs, k, n);
  const endMs = grown(prev.endMs, k, n);
  const cap = prev.spanCapMs;
  const long: number[] = [];
  // Packets with a finite span above the cap: what the limit counts (unfinished ones are long whatever the cap).
  let overCap = 0;
  for (const i of prev.long) {
    if (i >= k) break;
    long.push(i);
    if (Number.isFinite(prev.endMs[i] as number)) overCap++;
  }
  for (let i = k; i < n; i++) {
    const p = packets[i] as LadderPacket;
    startMs[i] = p.startMs;
    endMs[i] = p.endMs;
    const span = p.endMs - p.startMs;
    if (span > cap) {
      long.push(i);
      if (Number.isFinite(span)) overCap++;
    }
  }
  if (overCap > longLimit(n)) return buildTimeIndex(packets);
  return { startMs, endMs, spanCapMs: cap, long: Int32Array.from(long), packets };
}

/**
 * Values [0, keep) of `values` in an array of length n: a longer view of the same storage when it has room
 * (values from keep on are overwritten), else new storage with room to double. A new pair of arrays for every
 * frame of play cost ~0.5 ms in Chromium (zeroed ArrayBuffers) against ~0.07 ms for the rest of an extension.
 */
function grown(values: Float64Array, keep: number, n: number): Float64Array {
  const capacity = values.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT;
  if (values.byteOffset === 0 && n <= capacity) return new Float64Array(values.buffer, 0, n);
  const out = new Float64Array(new ArrayBuffer(Math.max(n, 2 * capacity, 1024) * Float64Array.BYTES_PER_ELEMENT), 0, n);
  out.set(values.subarray(0, keep));
  return out;
}

/**
 * The k-th smallest value (0-based), reordering `values`: Hoare's quickselect, O(n) on average, where a
 * full sort cost O(n log n) on every rebuild (once per frame of live play before extendTimeIndex).
 */
export function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = tmp;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/** First index whose value is >= x (values ascending). */
export function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (values ascending). */
export function upperBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indices (ascending, i.e. by start time) of the packets whose arrow overlaps [fromMs, toMs]: started by
 * toMs and not ended before fromMs.
 */
export function visiblePackets(index: TimeIndex, fromMs: number, toMs: number): number[] {
  const hi = upperBound(index.startMs, toMs);
  const lo = lowerBound(index.startMs, fromMs - index.spanCapMs);
  const out: number[] = [];
  let k = 0;
  const long = index.long;
  for (let i = lo; i < hi; i++) {
    // Long packets before lo are merged in order so the result stays sorted.
    while (k < long.length && (long[k] as number) < i) {
      const j = long[k++] as number;
      if (j < lo && (index.endMs[j] as number) >= fromMs) out.push(j);
    }
    if ((index.endMs[i] as number) >= fromMs) out.push(i);
  }
  while (k < long.length) {
    const j = long[k++] as number;
    if (j < lo && (index.endMs[j] as number) >= fromMs) out.push(j);
  }
  return out;
}

/** Packet id → position in the sorted list (built once per packet list, never mutated). */
export function positionsById(packets: readonly LadderPacket[]): ReadonlyMap<number, number> {
  return new Map(packets.map((p, i) => [p.id, i]));
}
