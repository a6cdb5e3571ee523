// Sequence-number arithmetic modulo 2^32 (RFC 9293 3.4). Comparisons are valid while the two numbers
// are less than 2^31 apart, which the window limits guarantee.

const MOD = 4294967296;

/** (a + n) mod 2^32 */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** Signed distance b - a in (-2^31, 2^31]. */
export function seqDiff(b: number, a: number): number {
  return (b - a) | 0;
}

export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

export function seqLe(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}

export function seqGt(a: number, b: number): boolean {
  return ((a - b) | 0) > 0;
}

export function seqGe(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}

/** lo <= x < hi, modulo 2^32. */
export function seqInRange(x: number, lo: number, hi: number): boolean {
  return seqLe(lo, x) && seqLt(x, hi);
}

/** Larger of two sequence numbers in modular order. */
export function seqMax(a: number, b: number): number {
  return seqGe(a, b) ? a : b;
}

/** Normalises any integer into 0 … 2^32-1. */
export function seqNorm(a: number): number {
  return ((a % MOD) + MOD) % MOD;
}
