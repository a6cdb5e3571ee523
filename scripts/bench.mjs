// `npm run bench`: bundles bench/main.ts with esbuild (so we time compiled JS, not a TypeScript loader)
// and runs it with --expose-gc. Arguments pass through: --only NAME[,NAME], --tiny, --set key=value.
// The bundle is written inside the repository (node_modules/.cache) so that its external packages
// (playwright-core, ws) resolve from the project's node_modules.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(path.join(cache, 'tcplab-bench-'));
const outfile = path.join(dir, 'bench.mjs');
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['bench/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    external: ['playwright-core', 'ws', 'esbuild', 'vite'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // TCPLAB_BENCH_NODE_ARGS: more flags for that node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (Node refuses
  // --cpu-prof in NODE_OPTIONS, and the bundle is deleted afterwards, so this is the way to profile a benchmark).
  const nodeArgs = (process.env.TCPLAB_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', ...nodeArgs, outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: { ...process.env, TCPLAB_ROOT: root } });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
