// The browser benchmarks run the built app (dist/). If dist/ is missing or older than any source file the
// build reads, it is rebuilt first (`npm run build`), and the bench says so on stderr; with
// TCPLAB_BENCH_NO_BUILD=1 a stale build is an error instead (to time exactly what is there).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function repoRoot(): string {
  return process.env.TCPLAB_ROOT ?? process.cwd();
}

const OUTPUTS = ['dist/web/main.mjs', 'dist/renderer/index.html', 'dist/renderer/fixture.html'];
const INPUTS = ['src-renderer', 'src-main', 'package.json', 'vite.config.ts', 'svelte.config.js', 'scripts/build.mjs'];

function newestMtimeMs(p: string, depth = 0): number {
  if (!existsSync(p) || depth > 12) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtimeMs(path.join(p, name), depth + 1));
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
export function staleReason(root = repoRoot()): string | null {
  const missing = OUTPUTS.filter((o) => !existsSync(path.join(root, o)));
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  const builtMs = Math.min(...OUTPUTS.map((o) => statSync(path.join(root, o)).mtimeMs));
  const sourceMs = Math.max(...INPUTS.map((i) => newestMtimeMs(path.join(root, i))));
  return sourceMs > builtMs ? 'sources changed since the last build' : null;
}

let checked = false;

/** Builds dist/ when stale (once per bench process). Returns the build's wall time in s (0 if none). */
export function ensureBuilt(): number {
  if (checked) return 0;
  const root = repoRoot();
  const why = staleReason(root);
  checked = true;
  if (why === null) return 0;
  if (process.env.TCPLAB_BENCH_NO_BUILD === '1') throw new Error(`dist/ is stale (${why}): run "npm run build" first`);
  console.error(`bench: dist/ is stale (${why}); running "npm run build"`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-2000)}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
