// `npm run bench [-- --only NAME] [-- --tiny]`: runs the benchmarks and prints one JSON object per line.
import { runBench, type BenchDef } from './harness.js';
import { engineBulk } from './engine.js';
import { engineClients, engineFlood } from './engine-scale.js';

const ALL: BenchDef[] = [engineBulk, engineFlood, engineClients] as unknown as BenchDef[];

async function main(argv: string[]): Promise<number> {
  const onlyIdx = argv.indexOf('--only');
  const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;
  const tiny = argv.includes('--tiny');
  const chosen = only ? ALL.filter((b) => b.name === only) : ALL;
  if (only && chosen.length === 0) {
    console.error(`bench: no benchmark named "${only}"; known: ${ALL.map((b) => b.name).join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const def of chosen) {
    try {
      console.log(JSON.stringify(await runBench(def, tiny)));
    } catch (err) {
      failed++;
      console.log(JSON.stringify({ name: def.name, error: (err as Error).message }));
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
