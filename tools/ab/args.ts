// Arguments of `npm run ab`: which engine benchmark, against which revision, how many rounds, which workload.
export const AB_BENCHMARKS = ['engine.bulk', 'engine.flood', 'engine.clients'] as const;
export type AbBenchmark = (typeof AB_BENCHMARKS)[number];

export interface AbOptions {
  /** The git revision the working tree is compared with. */
  base: string;
  only: AbBenchmark;
  /** Rounds of one run of each version (alternating which goes first). */
  rounds: number;
  /** Rounds left out of the summary at the start (the JIT is still warming up in both versions). */
  drop: number;
  /** Workload parameters over the benchmark's own (`--set megabytes=10`); checked against it by the runner. */
  set: Record<string, number>;
}

export function parseAbArgs(argv: readonly string[]): AbOptions {
  const out: AbOptions = { base: 'HEAD', only: 'engine.bulk', rounds: 10, drop: 2, set: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!, v = argv[i + 1];
    const need = (): string => {
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      i++;
      return v;
    };
    if (a === '--base') out.base = need();
    else if (a === '--only') {
      const name = need();
      if (!(AB_BENCHMARKS as readonly string[]).includes(name)) throw new Error(`--only ${name}: not an engine benchmark (use ${AB_BENCHMARKS.join(', ')})`);
      out.only = name as AbBenchmark;
    } else if (a === '--rounds' || a === '--drop') {
      const text = need();
      const n = Number(text);
      if (!Number.isInteger(n) || n < (a === '--rounds' ? 1 : 0)) throw new Error(`${a} ${text}: give a whole number${a === '--rounds' ? ' of at least 1' : ''}`);
      if (a === '--rounds') out.rounds = n;
      else out.drop = n;
    } else if (a === '--set') {
      const text = need();
      const m = /^([A-Za-z]\w*)=(.+)$/.exec(text);
      const n = m ? Number(m[2]) : NaN;
      if (!m || !Number.isFinite(n) || n < 0) throw new Error(`--set ${text}: give name=number, the number at least 0 (like megabytes=10)`);
      out.set[m[1]!] = n;
    } else {
      throw new Error(`unknown argument "${a}" (use --base REV, --only NAME, --rounds N, --drop N, --set name=number)`);
    }
  }
  if (out.drop >= out.rounds) throw new Error(`--drop ${out.drop} leaves none of the ${out.rounds} rounds`);
  return out;
}
