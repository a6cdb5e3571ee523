// `npm run instructions`: how many machine instructions the engine spends per SYN of a flood, per KB of a
// bulk transfer and per client, counted by valgrind. Unlike wall time, which varies by ±30 % on this
// shared machine from one minute to the next, the count repeats to about 0.1 %, so it shows a 2 % change.
// V8 runs with --predictable (no background compiler or GC threads, fixed hash and random seeds) and a
// fixed 16 MB young generation, so collections fall at the same points in every run.
//   npm run instructions -- [--only flood|bulk|bulk-stored|clients] [--sizes 10000,100000] [--cache]
// Prints one JSON line per workload. Needs valgrind (Debian: apt-get install valgrind).
// --cache also simulates the data caches and counts their misses per unit: a change can cost the same
// instructions and still run slower or faster on the clock (docs/PERFORMANCE.md "Engine, session 12").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cacheMissesOf, instructionsOf, perUnit, type CacheMisses } from './count.js';
import { WORKLOADS } from './workloads.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NODE_FLAGS = ['--predictable', '--hash-seed=1', '--random-seed=1', '--min-semi-space-size=16', '--max-semi-space-size=16'];
/**
 * With --cache, the simulated last level is one core's share of this machine's L2 (1 MiB, 16-way, 64-byte
 * lines), not the 32 MiB L3 that other virtual machines share: a miss there is what costs time when the L3
 * is busy, and with the whole L3 simulated the misses were too few to tell two versions apart.
 */
const CACHE_FLAGS = ['--cache-sim=yes', '--LL=1048576,16,64'];
const DEFAULT_SIZES: Record<string, [number, number]> = { flood: [10_000, 100_000], bulk: [10_000, 50_000], 'bulk-stored': [10_000, 50_000], clients: [1_000, 4_000] };

export interface Options {
  only: string[];
  sizes: [number, number] | null;
  /** Also count data-cache misses (slower: valgrind simulates the caches). */
  cache: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const out: Options = { only: Object.keys(WORKLOADS), sizes: null, cache: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!, v = argv[i + 1];
    if (a === '--only' && v !== undefined) {
      out.only = v.split(',');
      for (const name of out.only) if (!(name in WORKLOADS)) throw new Error(`--only: no workload "${name}" (known: ${Object.keys(WORKLOADS).join(', ')})`);
      i++;
    } else if (a === '--sizes' && v !== undefined) {
      const sizes = v.split(',').map(Number);
      if (sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n > 0) || !(sizes[1]! > sizes[0]!)) {
        throw new Error(`--sizes "${v}": give two growing whole numbers, like 10000,100000`);
      }
      out.sizes = [sizes[0]!, sizes[1]!];
      i++;
    } else if (a === '--cache') {
      out.cache = true;
    } else {
      throw new Error(`unknown argument "${a}" (use --only NAME[,NAME], --sizes SMALL,LARGE and --cache)`);
    }
  }
  return out;
}

/** Bundles the driver into one file, so valgrind runs plain node (no TypeScript loader in the count). */
async function bundleDriver(dir: string): Promise<string> {
  const file = path.join(dir, 'driver.mjs');
  await build({ entryPoints: [path.join(HERE, 'driver.ts')], bundle: true, platform: 'node', format: 'esm', outfile: file, logLevel: 'error' });
  return file;
}

interface Count {
  n: number;
  instructions: number;
  misses: CacheMisses | null;
}

function count(driver: string, name: string, n: number, cache: boolean): Count {
  const sim = cache ? CACHE_FLAGS : ['--cache-sim=no'];
  const r = spawnSync('valgrind', ['--tool=cachegrind', ...sim, '--cachegrind-out-file=/dev/null', process.execPath, ...NODE_FLAGS, driver, name, String(n)], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.error !== undefined) throw new Error(`cannot run valgrind (${r.error.message}); on Debian: apt-get install valgrind`);
  if (r.status !== 0) throw new Error(`valgrind exited with ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { n, instructions: instructionsOf(r.stderr), misses: cache ? cacheMissesOf(r.stderr) : null };
}

/** The cache fields of a --cache line: misses per unit, from the same two runs as the instructions. */
function missFields(small: Count, large: Count): Record<string, unknown> {
  const a = small.misses, b = large.misses;
  if (a === null || b === null) return {};
  // perUnit's arithmetic, on miss totals instead of instruction totals.
  const per = (k: keyof CacheMisses): number => perUnit({ n: small.n, instructions: a[k] }, { n: large.n, instructions: b[k] });
  return { d1MissesPerUnit: per('d1'), l2MissesPerUnit: per('lld'), cacheSim: CACHE_FLAGS };
}

export async function measure(opts: Options, log: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcplab-instructions-'));
  try {
    const driver = await bundleDriver(dir);
    for (const name of opts.only) {
      const [a, b] = opts.sizes ?? DEFAULT_SIZES[name]!;
      const small = count(driver, name, a, opts.cache);
      const large = count(driver, name, b, opts.cache);
      log(JSON.stringify({
        name: `instructions.${name}`, metric: `machine instructions per ${WORKLOADS[name]!.unit} (valgrind, V8 --predictable)`,
        value: perUnit(small, large), unit: `instructions/${WORKLOADS[name]!.unit}`, sizes: [a, b], totals: [small.instructions, large.instructions],
        ...missFields(small, large),
        nodeFlags: NODE_FLAGS, date: new Date().toISOString().slice(0, 10),
      }));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  try {
    await measure(parseArgs(process.argv.slice(2)), (line) => console.log(line));
  } catch (e) {
    console.error(`instructions: ${(e as Error).message}`);
    process.exit(2);
  }
}
