// `npm run oracle` (as root): records every scenario (or those named on the command line) on this machine's
// kernel and writes tests/oracle/<name>.json. See docs/ORACLE.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pairNames } from './netns.js';
import { recordScenario, teardown } from './run-scenario.js';
import { SCENARIOS } from './scenarios.js';
import type { OracleFixture } from './types.js';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'oracle');

let current: Parameters<typeof teardown>[0] | null = null;

function onSignal(sig: NodeJS.Signals): void {
  if (current) teardown(current);
  console.error(`\n${sig}: cleaned up, stopping.`);
  process.exit(130);
}

/** --refresh-known: rewrites each fixture's knownDifferences from known-differences.ts; no recording. */
function refreshKnown(): number {
  for (const sc of SCENARIOS) {
    const file = path.join(OUT_DIR, `${sc.name}.json`);
    const fx = JSON.parse(readFileSync(file, 'utf8')) as OracleFixture;
    fx.knownDifferences = sc.knownDifferences;
    writeFileSync(file, `${JSON.stringify(fx, null, 2)}\n`);
  }
  console.error(`knownDifferences refreshed in ${SCENARIOS.length} fixtures`);
  return 0;
}

async function main(): Promise<number> {
  if (process.argv.includes('--refresh-known')) return refreshKnown();
  if (process.getuid?.() !== 0) {
    console.error('npm run oracle needs root (network namespaces, nftables, packet capture).');
    return 2;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const [i, sc] of SCENARIOS.entries()) {
    if (wanted.length > 0 && !wanted.includes(sc.name)) continue;
    const started = Date.now();
    try {
      const fx = await recordScenario(sc, pairNames(process.pid, i), (live) => void (current = live));
      writeFileSync(path.join(OUT_DIR, `${sc.name}.json`), `${JSON.stringify(fx, null, 2)}\n`);
      console.error(`✓ ${sc.name}: ${fx.packets.length} packets (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.error(`✗ ${sc.name}: ${(e as Error).message}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
