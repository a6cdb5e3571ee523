// `npm run bench [-- --only NAME[,NAME…]] [-- --tiny] [-- --set key=value …]`: runs the benchmarks one after
// another (never in parallel), each in a fresh Node process, and prints one JSON object per line. --set overrides a workload parameter
// (numbers are parsed), e.g. `--only engine.bulk --set megabytes=10`, for the growth table in
// docs/PERFORMANCE.md. --warmups N replaces each benchmark's own number of warm-up runs.
import { spawnSync } from 'node:child_process';
import { aloneArgs, ALONE_FLAG, runBench, type BenchDef, type RunOptions } from './harness.js';
import { engineBulk } from './engine.js';
import { engineClients, engineFlood } from './engine-scale.js';
import { labSeek } from './lab-seek.js';
import { labExportPcapng, labExportSession } from './lab-export.js';
import { hostStream } from './host-stream.js';
import { memory, memoryChild, MEMORY_CHILD_FLAG } from './memory.js';
import { rendererLadder } from './renderer-ladder.js';
import { rendererLive } from './renderer-live.js';
import { appStart } from './app-start.js';

const ALL: BenchDef[] = [
  engineBulk, engineFlood, engineClients, labSeek, labExportPcapng, labExportSession, hostStream, memory, appStart, rendererLadder, rendererLive,
] as unknown as BenchDef[];

function overridesOf(argv: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  argv.forEach((arg, i) => {
    if (arg !== '--set') return;
    const [key, raw] = (argv[i + 1] ?? '').split('=');
    if (!key || raw === undefined) throw new Error(`--set needs key=value, got "${argv[i + 1] ?? ''}"`);
    out[key] = raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  });
  return out;
}

/**
 * Runs each benchmark in a child process of its own and passes its output through. In one process the
 * benchmarks changed each other's numbers: V8 keeps per-allocation-site feedback, and after engine.bulk
 * (whose trace events all survive) it allocated engine.flood's short-lived events straight into the old
 * generation, so engine.flood took 9.3 s after engine.bulk and 5.3 s alone.
 */
function runEachAlone(chosen: readonly BenchDef[], argv: readonly string[]): number {
  const script = process.argv[1];
  if (script === undefined) throw new Error('cannot find the bench script to re-run');
  let failed = 0;
  for (const def of chosen) {
    const r = spawnSync(process.execPath, [...process.execArgv, script, ...aloneArgs(argv, def.name)], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      failed++;
      if (r.status === null) console.log(JSON.stringify({ name: def.name, error: `benchmark process ended by ${r.signal ?? 'an error'}` }));
    }
  }
  return failed ? 1 : 0;
}

function runOptionsOf(argv: string[]): RunOptions {
  const i = argv.indexOf('--warmups');
  if (i < 0) return {};
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new Error(`--warmups needs a whole number 0-100, got "${argv[i + 1] ?? ''}"`);
  return { warmups: n };
}

async function main(argv: string[]): Promise<number> {
  const child = argv.indexOf(MEMORY_CHILD_FLAG);
  if (child >= 0) {
    await memoryChild(Number(argv[child + 1]), argv[child + 2] ?? 'bulk');
    return 0;
  }
  const onlyIdx = argv.indexOf('--only');
  const only = onlyIdx >= 0 ? (argv[onlyIdx + 1] ?? '').split(',') : undefined;
  const tiny = argv.includes('--tiny');
  const unknown = only?.filter((n) => !ALL.some((b) => b.name === n)) ?? [];
  if (unknown.length > 0) {
    console.error(`bench: no benchmark named "${unknown.join('", "')}"; known: ${ALL.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const chosen = only ? ALL.filter((b) => only.includes(b.name)) : ALL;
  const overrides = overridesOf(argv);
  const runOpts = runOptionsOf(argv);
  if (chosen.length > 1 && !argv.includes(ALONE_FLAG)) return runEachAlone(chosen, argv);
  let failed = 0;
  for (const def of chosen) {
    try {
      console.log(JSON.stringify(await runBench(def, tiny, overrides, runOpts)));
    } catch (err) {
      failed++;
      console.log(JSON.stringify({ name: def.name, error: (err as Error).message }));
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`bench: ${(err as Error).message}`);
    process.exitCode = 2;
  },
);
