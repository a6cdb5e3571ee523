// Runs inside the bundle `npm run ab` builds (main.ts): the benchmark of both versions, one run of each in turn.
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchDef } from '../../bench/harness.js';
import { SETTLE_MS } from '../../bench/harness.js';
import type { AbOptions } from './args.js';
import { speedup, summarize } from './stats.js';

/** The benchmark named `name` among a version's bench modules (their exported BenchDefs). */
export function findDef(modules: readonly Record<string, unknown>[], name: string, label: string): BenchDef {
  for (const m of modules) {
    for (const v of Object.values(m)) {
      if (typeof v === 'object' && v !== null && (v as BenchDef).name === name && typeof (v as BenchDef).run === 'function') return v as BenchDef;
    }
  }
  throw new Error(`${label} has no benchmark ${name}`);
}

/** def's parameters with `set` over them; a name def does not have is an error naming the ones it has. */
export function paramsOf(def: BenchDef, set: Record<string, number>, label: string): Record<string, unknown> {
  for (const k of Object.keys(set)) {
    if (!(k in def.params)) throw new Error(`--set ${k}: ${def.name} in ${label} has no parameter "${k}" (${Object.keys(def.params).join(', ')})`);
  }
  return { ...def.params, ...set };
}

export async function runAb(base: readonly Record<string, unknown>[], head: readonly Record<string, unknown>[], opts: AbOptions, log: (line: string) => void = (l) => console.log(l)): Promise<void> {
  const baseLabel = `base (${opts.base})`, headLabel = 'working tree';
  const a = findDef(base, opts.only, baseLabel), b = findDef(head, opts.only, headLabel);
  const pa = paramsOf(a, opts.set, baseLabel), pb = paramsOf(b, opts.set, headLabel);
  const kept: { base: number[]; head: number[] } = { base: [], head: [] };
  for (let round = 0; round < opts.rounds; round++) {
    // Alternate which version goes first, so neither always runs on the other's garbage.
    const order = round % 2 === 0 ? (['base', 'head'] as const) : (['head', 'base'] as const);
    for (const which of order) {
      await sleep(SETTLE_MS); // the same idle pause as npm run bench between runs
      const r = await (which === 'base' ? a.run(pa) : b.run(pb));
      if (round >= opts.drop) kept[which].push(r.value);
      process.stderr.write(`ab: round ${round + 1}/${opts.rounds} ${which} ${r.value}${round < opts.drop ? ' (warm-up, not kept)' : ''}\n`);
    }
  }
  const sb = summarize(baseLabel, kept.base, b.better), sh = summarize(headLabel, kept.head, b.better);
  log(JSON.stringify({
    name: opts.only, metric: b.metric, unit: b.unit, better: b.better, params: pb, rounds: opts.rounds, dropped: opts.drop,
    base: { rev: opts.base, ...sb }, head: sh, speedup: Math.round(speedup(sb, sh, b.better) * 1000) / 1000,
  }));
}
