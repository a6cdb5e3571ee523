// The summary `npm run ab` prints: per version the kept samples, their median and best, and the ratio.
export interface VersionSummary {
  label: string;
  samples: number[];
  median: number;
  /** The best sample (the highest where higher is better). */
  best: number;
}

export function summarize(label: string, samples: readonly number[], better: 'higher' | 'lower'): VersionSummary {
  if (samples.length === 0) throw new Error(`${label}: no samples`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { label, samples: [...samples], median, best: better === 'higher' ? sorted[sorted.length - 1]! : sorted[0]! };
}

/**
 * How much better the working tree is than the base, by median: 1.10 means 10 % better whichever way "better"
 * points (more segments per second, or less time).
 */
export function speedup(base: VersionSummary, head: VersionSummary, better: 'higher' | 'lower'): number {
  return better === 'higher' ? head.median / base.median : base.median / head.median;
}
