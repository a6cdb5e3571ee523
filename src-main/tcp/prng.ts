// Seeded PRNG: sfc32, with child streams derived by name so adding a host never shifts another's numbers.
// Nothing in tcp/, net/ or lab/ may use Math.random; everything draws from one of these.

/** One FNV-1a step per UTF-16 unit of s. */
export function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The murmur3 finaliser: spreads every input bit over the whole word (FNV alone avalanches poorly). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const FNV_OFFSET = 0x811c9dc5;

function hashLabel(seed: number, label: string): number {
  // FNV-1a over the seed's bytes and the label, then the finaliser for avalanche.
  return fmix32(fnvString(FNV_OFFSET ^ (seed >>> 0), label));
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = this.seed;
    for (let i = 0; i < 15; i++) this.nextU32(); // warm up so nearby seeds diverge
  }

  /** A child stream whose numbers depend only on this stream's seed and the label. */
  derive(label: string): Prng {
    return new Prng(hashLabel(this.seed, label));
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
