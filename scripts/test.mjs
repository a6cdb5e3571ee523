// `npm test`: every check, in order — system packages, type checks, lint, unit tests, build, end-to-end.
// Stops at the first failure. Missing Debian packages are installed when we are root with apt; otherwise we
// stop and say what to install. Nothing is ever skipped silently.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const SYSTEM_PACKAGES = [
  { pkg: 'chromium', file: process.env.TCPLAB_CHROMIUM ?? '/usr/bin/chromium', why: 'end-to-end tests' },
  { pkg: 'tshark', file: '/usr/bin/tshark', why: 'pcapng export tests' },
  { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', why: 'Chinese text in PNG exports' },
  { pkg: 'valgrind', file: '/usr/bin/valgrind', why: 'the instruction-count tool\'s test (npm run instructions)' },
];

function run(title, cmd, args, opts = {}) {
  const started = Date.now();
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status ?? r.signal}) after ${secs} s`);
    process.exit(1);
  }
  console.log(`✓ ${title} (${secs} s)`);
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.file));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`tcplab tests need: ${missing.map((p) => `${p.pkg} (${p.why})`).join(', ')}.\nInstall them, e.g. "sudo apt-get install -y ${names}", then run npm test again.`);
    process.exit(1);
  }
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run(`apt-get install ${names}`, 'apt-get', ['install', '-y', '-qq', ...missing.map((p) => p.pkg)], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Vitest prints its own totals; we add one plain closing line that CI can read across both suites. */
function vitest(title, config) {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'tcplab-test-')), 'results.json');
  run(title, bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
}

const started = Date.now();
ensureSystemPackages();
run('type check (node code)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('type check (end-to-end tests)', bin('tsc'), ['-p', 'tsconfig.e2e.json', '--noEmit']);
run('type check (Svelte code)', bin('svelte-check'), ['--tsconfig', './tsconfig.renderer.json', '--fail-on-warnings', '--output', 'human']);
run('lint (with layer boundaries)', bin('eslint'), ['.']);
const unit = vitest('unit tests', 'vitest.config.ts');
run('build', process.execPath, ['scripts/build.mjs']);
const e2e = vitest('end-to-end tests (Chromium, browser mode)', 'vitest.e2e.config.ts');
const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
