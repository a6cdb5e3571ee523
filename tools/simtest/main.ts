// `npm run simtest -- [--seeds N] [--from S] [--verbose]`         simulation over many seeds (VOPR-style)
// `npm run simtest -- --fuzz-segments N [--from S]`               N random/mutated segments into every state
// `npm run simtest -- --fuzz-files N [--from S]`                  N mutated scenario/session files
// Exit code 0 when every invariant held, 1 otherwise, 2 for a bad option; each failure prints its seed and a repro command.
import { fuzzFiles } from './fuzz-files.js';
import { fuzzSegments } from './fuzz-segments.js';
import { reproCommand, runSeed } from './run-seed.js';

interface Args { seeds: number; from: number; verbose: boolean; fuzzSegments: number; fuzzFiles: number }

function parse(argv: readonly string[]): Args {
  const a: Args = { seeds: 0, from: 1, verbose: false, fuzzSegments: 0, fuzzFiles: 0 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i], v = Number(argv[i + 1]);
    const num = () => {
      if (argv[i + 1] === undefined) throw new Error(`${k} needs a whole number`);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${k} needs a whole number, not "${argv[i + 1]}"`);
      i++;
      return v;
    };
    if (k === '--seeds') a.seeds = num();
    else if (k === '--from') a.from = num();
    else if (k === '--fuzz-segments') a.fuzzSegments = num();
    else if (k === '--fuzz-files') a.fuzzFiles = num();
    else if (k === '--verbose') a.verbose = true;
    else throw new Error(`unknown option "${k}" (known: --seeds N, --from S, --verbose, --fuzz-segments N, --fuzz-files N)`);
  }
  if (a.seeds === 0 && a.fuzzSegments === 0 && a.fuzzFiles === 0) a.seeds = 2000;
  return a;
}

function simulate(a: Args): number {
  const started = performance.now();
  let failed = 0, events = 0, maxSettleMs = 0, refused = 0, applied = 0;
  for (let seed = a.from; seed < a.from + a.seeds; seed++) {
    const r = runSeed(seed);
    events += r.events;
    refused += r.refused;
    applied += r.applied;
    maxSettleMs = Math.max(maxSettleMs, r.settleMs);
    if (a.verbose) console.log(`seed ${seed}: ${r.ok ? 'ok' : 'FAILED'} (${r.conns} connections, ${r.events} events, ${r.applied} applied, ${r.refused} refused)`);
    if (!r.ok) {
      failed++;
      console.log(`✗ seed ${seed}: ${r.failures.length} failure(s)\n  ${r.failures.slice(0, a.verbose ? 50 : 5).join('\n  ')}\n  repro: ${reproCommand(seed)}`);
    }
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`simtest: ${a.seeds} seeds (${a.from}-${a.from + a.seeds - 1}), ${failed} failed, ${events} events, ${applied} commands applied, ${refused} refused, longest tail ${maxSettleMs} ms, ${secs} s`);
  return failed === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  let a: Args;
  try {
    a = parse(process.argv.slice(2));
  } catch (err) {
    // A mistyped option is the user's mistake, not a crash: one line naming it, no stack trace.
    console.error(`simtest: ${(err as Error).message}`);
    return 2;
  }
  let code = 0;
  if (a.seeds > 0) code |= simulate(a);
  if (a.fuzzSegments > 0) {
    const started = performance.now();
    const r = fuzzSegments(a.fuzzSegments, a.from);
    console.log(`fuzz-segments: ${r.segments} engine segments in ${r.runs} runs over ${r.states} states, ${r.codecCases} codec cases, ${r.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const f of r.failures.slice(0, 20)) console.log(`✗ ${f}`);
    if (r.failures.length > 0) code = 1;
  }
  if (a.fuzzFiles > 0) {
    const started = performance.now();
    const r = await fuzzFiles(a.fuzzFiles, a.from);
    console.log(`fuzz-files: ${r.files} files (${r.loaded} loaded, ${r.rejected} rejected), ${r.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const f of r.failures.slice(0, 20)) console.log(`✗ ${f}`);
    if (r.failures.length > 0) code = 1;
  }
  return code;
}

process.exitCode = await main();
