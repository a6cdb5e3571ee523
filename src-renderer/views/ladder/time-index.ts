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
  const capAt = Math.max(0, Math.floor(n * (1 - LONG_SHARE)) - 1);
  const cap = n === 0 ? 0 : kthSmallest(Float64Array.from(spans), capAt);
  const spanCapMs = Number.isFinite(cap) ? cap : 0;
  const long: number[] = [];
  for (let i = 0; i < n; i++) if ((spans[i] as number) > spanCapMs) long.push(i);
  return { startMs, endMs, spanCapMs, long: Int32Array.from(long) };
}

/**
 * The k-th smallest value (0-based), reordering `values`: Hoare's quickselect, O(n) on average, where a
 * full sort cost O(n log n) on every frame of live play (the index is rebuilt whenever packets change).
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
