// `npm run bench [-- --only NAME[,NAME…]] [-- --tiny] [-- --set key=value …]`: runs the benchmarks one after
// another (never in parallel), each in a fresh Node process, and prints one JSON object per line. --set overrides a workload parameter
// of the benchmarks that have it (numbers are parsed), e.g. `--only engine.bulk --set megabytes=10`, for the growth
// table in docs/PERFORMANCE.md. --warmups N replaces each benchmark's own number of warm-up runs. bench/args.ts
// checks all of it first: an unknown flag, benchmark or parameter, or a value of the wrong type, is exit code 2.
import { spawnSync } from 'node:child_process';
import { runBench, type BenchDef, type RunOptions } from './harness.js';
import { aloneArgs, overridesOf, parseBenchArgs } from './args.js';
import { engineBulk } from './engine.js';
import { engineClients, engineFlood } from './engine-scale.js';
import { labSeek } from './lab-seek.js';
import { labTcbHistory } from './lab-tcb-history.js';
import { labExportPcapng, labExportSession } from './lab-export.js';
import { hostStream } from './host-stream.js';
import { memory, memoryChild, MEMORY_CHILD_FLAG } from './memory.js';
import { rendererLadder } from './renderer-ladder.js';
import { rendererLive } from './renderer-live.js';
import { appStart } from './app-start.js';

const ALL: BenchDef[] = [
  engineBulk, engineFlood, engineClients, labSeek, labTcbHistory, labExportPcapng, labExportSession, hostStream, memory, appStart, rendererLadder, rendererLive,
] as unknown as BenchDef[];

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
    const r = spawnSync(process.execPath, [...process.execArgv, script, ...aloneArgs(argv, def)], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      failed++;
      if (r.status === null) console.log(JSON.stringify({ name: def.name, error: `benchmark process ended by ${r.signal ?? 'an error'}` }));
    }
  }
  return failed ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const child = argv.indexOf(MEMORY_CHILD_FLAG);
  if (child >= 0) {
    await memoryChild(Number(argv[child + 1]), argv[child + 2] ?? 'bulk');
    return 0;
  }
  const args = parseBenchArgs(argv, ALL);
  if (args.chosen.length > 1 && !args.alone) return runEachAlone(args.chosen, argv);
  const runOpts: RunOptions = args.warmups !== undefined ? { warmups: args.warmups } : {};
  let failed = 0;
  for (const def of args.chosen) {
    try {
      console.log(JSON.stringify(await runBench(def, args.tiny, overridesOf(def, args.overrides), runOpts)));
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
