// tools/trace-digest.ts proves an engine refactor changes nothing, so it must be stable for an unchanged
// engine and must notice any change in what the engine does.
import { describe, expect, it } from 'vitest';
import { chosenWorkloads, digest, workloads, type Workload } from '../../../tools/trace-digest.js';

const byName = (name: string): Workload => {
  const w = workloads().find((x) => x.name === name);
  if (w === undefined) throw new Error(`no workload ${name}`);
  return w;
};

describe('trace-digest', () => {
  it('covers every lesson under each profile, floods, bulk with loss, many clients and user interventions', () => {
    const names = workloads().map((w) => w.name);
    expect(names.filter((n) => n.startsWith('lesson ')).length).toBe(72);
    for (const n of ['flood 100k cookies', 'flood 20k no cookies', 'bulk 3MB loss 0.01 linux', 'clients 600 queued', 'bulk with interventions']) expect(names).toContain(n);
  });

  it('gives the same line for the same workload, and a different one when the run differs', () => {
    const w = byName('lesson syn-flood linux');
    const line = digest(w);
    expect(digest(w)).toBe(line);
    expect(line).toMatch(/^lesson syn-flood linux +\d+ [0-9a-f]{24}$/);
    expect(digest({ ...w, spec: { ...w.spec, seed: w.spec.seed + 1 } }).split(/ +/).at(-1)).not.toBe(line.split(/ +/).at(-1));
  });

  it('covers user actions: the interventions workload differs from the same run without them', () => {
    const w = byName('bulk with interventions');
    const withActions = digest(w);
    const without = digest({ ...w, drive: undefined });
    expect(withActions.split(/ +/).at(-1)).not.toBe(without.split(/ +/).at(-1));
    expect(withActions).toBe(digest(w));
  });

  it('--only keeps the workloads whose name contains the text, and a filter that keeps nothing is an error', () => {
    const all = workloads();
    expect(chosenWorkloads([], all)).toHaveLength(all.length);
    expect(chosenWorkloads(['--only', 'flood 100k'], all).map((w) => w.name)).toEqual(['flood 100k cookies']);
    // An empty digest before and after a change would diff as identical.
    expect(() => chosenWorkloads(['--only', 'flod'], all)).toThrow('no workload name contains "flod"');
    expect(() => chosenWorkloads(['--only'], all)).toThrow('--only needs part of a workload name');
    expect(() => chosenWorkloads(['--olny', 'flood'], all)).toThrow('unknown argument "--olny" (use --only TEXT)');
  });
});
