// Instruction counts: parsing valgrind's summary, and the cost per unit between two sizes.

/** The "I refs" total of a `valgrind --tool=cachegrind` run's stderr. */
export function instructionsOf(stderr: string): number {
  const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (m === null) throw new Error(`no "I refs" line in valgrind's output:\n${stderr.slice(-2000)}`);
  return Number(m[1]!.replace(/,/g, ''));
}

/** Data-cache misses of a `valgrind --tool=cachegrind --cache-sim=yes` run: first level and last level. */
export interface CacheMisses {
  d1: number;
  lld: number;
}

/** The "D1  misses" and "LLd misses" totals (reads + writes) of a cache-simulating cachegrind run's stderr. */
export function cacheMissesOf(stderr: string): CacheMisses {
  const d1 = /D1\s+misses:\s+([\d,]+)/.exec(stderr);
  const lld = /LLd\s+misses:\s+([\d,]+)/.exec(stderr);
  if (d1 === null || lld === null) throw new Error(`no "D1 misses" or "LLd misses" line in valgrind's output (was --cache-sim=yes given?):\n${stderr.slice(-2000)}`);
  return { d1: Number(d1[1]!.replace(/,/g, '')), lld: Number(lld[1]!.replace(/,/g, '')) };
}

/**
 * Instructions per unit of work: the difference between two sizes, each run twice by the driver, so that
 * what does not grow with the size (starting node, compiling) cancels out.
 */
export function perUnit(small: { n: number; instructions: number }, large: { n: number; instructions: number }): number {
  if (!(large.n > small.n)) throw new Error(`sizes must grow: ${small.n} then ${large.n}`);
  return Math.round((large.instructions - small.instructions) / (2 * (large.n - small.n)));
}
