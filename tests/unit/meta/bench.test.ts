// `npm run bench` is not part of the suite; this only proves the harness runs and prints its JSON contract.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('benchmark harness', () => {
  it('runs a tiny workload and prints one JSON object per benchmark', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['name', 'metric', 'value', 'unit', 'target', 'pass', 'params']));
      expect(typeof line.value).toBe('number');
      expect(line.value as number).toBeGreaterThan(0);
    }
    expect(lines.find((l) => l.name === 'engine.bulk')).toMatchObject({ verified: true });
  });

  it('rejects an unknown benchmark name with exit code 2', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny', '--only', 'no.such'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no benchmark named "no.such"');
  });
});
