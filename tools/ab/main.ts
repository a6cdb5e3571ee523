// `npm run ab -- [--base REV] [--only engine.bulk|engine.flood|engine.clients] [--rounds N] [--drop N] [--set name=number]`:
// the working tree's engine benchmark against the same benchmark at another git revision, interleaved in one Node
// process: round by round, one run of each version, alternating which goes first, with the bench's idle pause
// before each run. Separate processes, or runs one after the other, mix the comparison with this machine's drift
// (its speed moves by up to 2× from hour to hour: docs/PERFORMANCE.md "Results"). Prints progress on stderr and
// one JSON line: each version's kept samples, their median and best, and `speedup` (> 1: the working tree is
// better). An A/A run (`--base HEAD` on a clean tree) shows what the machine resolves: about 5 % on the VMs so far.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseAbArgs, type AbOptions } from './args.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bench modules that define the engine benchmarks (a revision may lack the second). */
const BENCH_MODULES = ['bench/engine.ts', 'bench/engine-scale.ts'];

/** Writes `rev`'s bench/, src-main/ and package.json into dir (git archive: the repository is not touched). */
export function exportRevision(rev: string, dir: string, cwd = ROOT): void {
  const check = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd, encoding: 'utf8' });
  if (check.error !== undefined) throw new Error(`cannot run git (${check.error.message})`);
  if (check.status !== 0) throw new Error(`--base ${rev}: no such commit in this repository`);
  fs.mkdirSync(dir, { recursive: true });
  // (pipefail: a failing git archive must not pass as an empty tree that tar extracted without complaint)
  const tar = spawnSync('bash', ['-c', 'set -o pipefail; git archive --format=tar "$1" bench src-main package.json | tar -x -C "$2"', 'bash', rev, dir], { cwd, encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`git archive ${rev}: ${tar.stderr.trim() || `exit ${tar.status}`}`);
}

/** The bundle's entry: both versions' bench modules and the runner, with the options baked in. */
export function entrySource(baseDir: string, opts: AbOptions): string {
  const present = (dir: string): string[] => BENCH_MODULES.map((m) => path.join(dir, m)).filter((f) => fs.existsSync(f));
  const lines: string[] = [];
  const names = (prefix: string, files: string[]): string[] => files.map((f, i) => {
    lines.push(`import * as ${prefix}${i} from ${JSON.stringify(f)};`);
    return `${prefix}${i}`;
  });
  const base = names('base', present(baseDir));
  const head = names('head', present(ROOT));
  lines.push(`import { runAb } from ${JSON.stringify(path.join(ROOT, 'tools/ab/runner.ts'))};`);
  lines.push(`await runAb([${base.join(', ')}], [${head.join(', ')}], ${JSON.stringify(opts)});`);
  return lines.join('\n') + '\n';
}

/** Runs the comparison; resolves to the exit code (2: bad arguments or revision). */
export async function runAbCommand(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let opts: AbOptions;
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  // Inside node_modules, so that the base tree's imports of packages resolve from the project's node_modules.
  const dir = fs.mkdtempSync(path.join(cache, 'tcplab-ab-'));
  try {
    try {
      opts = parseAbArgs(argv);
      exportRevision(opts.base, path.join(dir, 'base'));
    } catch (e) {
      err(`ab: ${(e as Error).message}\n`);
      return 2;
    }
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, entrySource(path.join(dir, 'base'), opts));
    const outfile = path.join(dir, 'ab.mjs');
    await build({
      absWorkingDir: ROOT, entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', logLevel: 'error',
      external: ['playwright-core', 'ws', 'esbuild', 'vite'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    // The flags npm run bench gives its benchmarks (scripts/bench.mjs).
    const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => out(String(d)));
    child.stderr.on('data', (d) => err(String(d)));
    return await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  process.exitCode = await runAbCommand(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
}
