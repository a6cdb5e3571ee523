// The V8 flags the app gives every process that runs the simulation (scripts/host-v8-flags.json). Benchmarks
// that start a host process pass the same ones, so they measure the app as users run it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './build-check.js';

export function hostNodeFlags(root = repoRoot()): string[] {
  const parsed = JSON.parse(readFileSync(path.join(root, 'scripts', 'host-v8-flags.json'), 'utf8')) as { nodeFlags?: unknown };
  const flags = parsed.nodeFlags;
  if (!Array.isArray(flags) || !flags.every((f): f is string => typeof f === 'string' && f.startsWith('--'))) {
    throw new Error('scripts/host-v8-flags.json: "nodeFlags" must be an array of "--flag" strings');
  }
  return flags;
}
