// `npm run instructions`: how many machine instructions the engine spends per SYN of a flood, per KB of a
// bulk transfer and per client, counted by valgrind. Unlike wall time, which varies by ±30 % on this
// shared machine from one minute to the next, the count repeats to about 0.1 %, so it shows a 2 % change.
// V8 runs with --predictable (no background compiler or GC threads, fixed hash and random seeds) and a
// fixed 16 MB young generation, so collections fall at the same points in every run.
//   npm run instructions -- [--only flood|bulk|clients] [--sizes 10000,100000]
// Prints one JSON line per workload. Needs valgrind (Debian: apt-get install valgrind).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { instructionsOf, perUnit } from './count.js';
import { WORKLOADS } from './workloads.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NODE_FLAGS = ['--predictable', '--hash-seed=1', '--random-seed=1', '--min-semi-space-size=16', '--max-semi-space-size=16'];
const DEFAULT_SIZES: Record<string, [number, number]> = { flood: [10_000, 100_000], bulk: [10_000, 50_000], clients: [1_000, 4_000] };

export interface Options {
  only: string[];
  sizes: [number, number] | null;
}

export function parseArgs(argv: readonly string[]): Options {
  const out: Options = { only: Object.keys(WORKLOADS), sizes: null };
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
    } else {
      throw new Error(`unknown argument "${a}" (use --only NAME[,NAME] and --sizes SMALL,LARGE)`);
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

function count(driver: string, name: string, n: number): number {
  const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...NODE_FLAGS, driver, name, String(n)], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.error !== undefined) throw new Error(`cannot run valgrind (${r.error.message}); on Debian: apt-get install valgrind`);
  if (r.status !== 0) throw new Error(`valgrind exited with ${r.status}:\n${r.stderr.slice(-2000)}`);
  return instructionsOf(r.stderr);
}

export async function measure(opts: Options, log: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcplab-instructions-'));
  try {
    const driver = await bundleDriver(dir);
    for (const name of opts.only) {
      const [a, b] = opts.sizes ?? DEFAULT_SIZES[name]!;
      const small = { n: a, instructions: count(driver, name, a) };
      const large = { n: b, instructions: count(driver, name, b) };
      log(JSON.stringify({
        name: `instructions.${name}`, metric: `machine instructions per ${WORKLOADS[name]!.unit} (valgrind, V8 --predictable)`,
        value: perUnit(small, large), unit: `instructions/${WORKLOADS[name]!.unit}`, sizes: [a, b], totals: [small.instructions, large.instructions],
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
