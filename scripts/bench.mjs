// `npm run bench`: bundles bench/main.ts with esbuild (so we time compiled JS, not a TypeScript loader)
// and runs it with --expose-gc. Arguments pass through: --only NAME, --tiny.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'tcplab-bench-')), 'bench.mjs');
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
const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env: { ...process.env, TCPLAB_ROOT: root } });
process.exit(r.status ?? 1);
