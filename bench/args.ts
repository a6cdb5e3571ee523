// The command line of `npm run bench`, checked before anything runs: a typo in a flag or a parameter used to be
// ignored (an unknown flag ran every benchmark, `--set nope=1` ran the default workload, `--set megabytes=abc`
// ran with NaN and failed with an unrelated message), so a half-hour measurement could be of the wrong thing.
import type { BenchDef } from './harness.js';

/** Marks the child process that runs one benchmark of a multi-benchmark run (bench/main.ts). */
export const ALONE_FLAG = '--alone';

export const USAGE = '--only NAME[,NAME…], --tiny, --set key=value (repeatable), --warmups N';

export interface BenchArgs {
  /** The benchmarks to run, in the harness's order. */
  chosen: BenchDef[];
  tiny: boolean;
  /** --set values by key, numbers parsed; each checked against a parameter of some chosen benchmark. */
  overrides: Record<string, number | string>;
  warmups?: number;
  /** This process is one benchmark's child of a multi-benchmark run. */
  alone: boolean;
}

/** The value after a flag, or an error naming the flag when there is none (or it is another flag). */
function valueOf(argv: readonly string[], i: number, what: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${argv[i]} needs ${what}`);
  return v;
}

/** Parses `npm run bench`'s arguments (not the memory child's: main.ts handles that flag first). */
export function parseBenchArgs(argv: readonly string[], all: readonly BenchDef[]): BenchArgs {
  let only: string[] | undefined;
  let tiny = false, alone = false;
  let warmups: number | undefined;
  const sets: Array<[string, string]> = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--tiny') tiny = true;
    else if (arg === ALONE_FLAG) alone = true;
    else if (arg === '--only') {
      only = valueOf(argv, i++, 'benchmark names, like engine.flood,lab.seek').split(',');
    } else if (arg === '--warmups') {
      const raw = valueOf(argv, i++, 'a whole number 0-100');
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n > 100) throw new Error(`--warmups needs a whole number 0-100, got "${raw}"`);
      warmups = n;
    } else if (arg === '--set') {
      const raw = valueOf(argv, i++, 'key=value, like megabytes=10');
      const eq = raw.indexOf('=');
      if (eq <= 0) throw new Error(`--set needs key=value, got "${raw}"`);
      sets.push([raw.slice(0, eq), raw.slice(eq + 1)]);
    } else {
      throw new Error(`unknown argument "${arg}" (known: ${USAGE})`);
    }
  }
  const unknown = only?.filter((n) => !all.some((b) => b.name === n)) ?? [];
  if (unknown.length > 0) throw new Error(`no benchmark named "${unknown.join('", "')}"; known: ${all.map((b) => b.name).join(', ')}`);
  const chosen = only ? all.filter((b) => only.includes(b.name)) : [...all];
  return { chosen, tiny, overrides: overridesFor(sets, chosen), ...(warmups !== undefined ? { warmups } : {}), alone };
}

/**
 * Each --set key must be a parameter of a chosen benchmark: a number of at least 0 where that parameter is a
 * number (each benchmark checks its own upper limits), else one of the benchmark's choices for it.
 */
function overridesFor(sets: ReadonlyArray<[string, string]>, chosen: readonly BenchDef[]): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, raw] of sets) {
    const owners = chosen.filter((b) => Object.hasOwn(b.params, key));
    if (owners.length === 0) {
      const known = chosen.map((b) => `${b.name}: ${Object.keys(b.params).join(', ') || 'none'}`).join('; ');
      throw new Error(`--set ${key}=${raw}: no chosen benchmark has a parameter "${key}" (${known})`);
    }
    const numeric = owners.some((b) => typeof b.params[key] === 'number');
    if (numeric) {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || n < 0) {
        throw new Error(`--set ${key}=${raw}: ${owners.map((b) => b.name).join(' and ')} take${owners.length > 1 ? '' : 's'} a number >= 0 for ${key}`);
      }
      out[key] = n;
      continue;
    }
    for (const b of owners) {
      const allowed = (b.choices as Record<string, readonly string[] | undefined> | undefined)?.[key];
      if (allowed !== undefined && !allowed.includes(raw)) throw new Error(`--set ${key}=${raw}: ${b.name} takes ${key} = ${allowed.join(' or ')}`);
    }
    out[key] = raw;
  }
  return out;
}

/** The overrides one benchmark takes: only its own parameters (one run may set several benchmarks' parameters). */
export function overridesOf(def: BenchDef, overrides: Readonly<Record<string, number | string>>): Record<string, number | string> {
  return Object.fromEntries(Object.entries(overrides).filter(([key]) => Object.hasOwn(def.params, key)));
}

/**
 * The arguments for a child that runs only `def`: the caller's, with --only naming it and the --set values of
 * other benchmarks' parameters left out (the child checks every --set against its one benchmark).
 */
export function aloneArgs(argv: readonly string[], def: BenchDef): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') {
      i++;
      continue;
    }
    if (arg === '--set') {
      const raw = argv[i + 1] ?? '';
      i++;
      if (Object.hasOwn(def.params, raw.slice(0, raw.indexOf('=')))) rest.push(arg, raw);
      continue;
    }
    rest.push(arg);
  }
  return [...rest, '--only', def.name, ALONE_FLAG];
}
