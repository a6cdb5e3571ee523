// Builds everything `npm start`, `npm run web` and the Electron app need: the renderer (Vite) and the
// Node-side entry points (esbuild bundles, so start-up does not pay for TypeScript at run time).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const started = Date.now();

const nodeCommon = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

// CommonJS bundles (Electron main/preload) get a real import.meta.url, for code that uses createRequire.
const cjsImportMeta = {
  define: { 'import.meta.url': '__tcplabImportMetaUrl' },
  banner: { js: "const __tcplabImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// ESM bundles that pull in CommonJS packages (ws) need a real `require`.
const esmBanner = { js: "import { createRequire as __tcplabCreateRequire } from 'node:module'; const require = __tcplabCreateRequire(import.meta.url);" };

await Promise.all([
  viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }),
  esbuild({ ...nodeCommon, entryPoints: { 'web/main': 'src-main/web/main.ts', 'cli/main': 'src-main/cli/main.ts' }, outdir: 'dist', format: 'esm', outExtension: { '.js': '.mjs' }, banner: esmBanner, external: ['@resvg/resvg-js'] }),
  esbuild({ ...nodeCommon, entryPoints: { 'electron/main': 'src-main/electron/main.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron', '@resvg/resvg-js'], ...cjsImportMeta }),
  esbuild({ ...nodeCommon, entryPoints: { 'electron/preload': 'src-main/electron/preload.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
]);

if (!quiet) console.log(`tcplab: built dist/ in ${Date.now() - started} ms`);
