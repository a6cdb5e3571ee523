// `npm run simtest`'s command line: a mistyped option is named in one line with exit code 2, not a stack trace,
// and a good one runs (seeds 1-2 here, so the test stays quick).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const simtest = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'tools/simtest/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('simtest command line', () => {
  it('names a bad option and its value, with exit code 2 and no stack trace', () => {
    for (const [args, message] of [
      [['--frob'], 'simtest: unknown option "--frob" (known: --seeds N'],
      [['--seeds', 'x'], 'simtest: --seeds needs a whole number, not "x"'],
      [['--from'], 'simtest: --from needs a whole number\n'],
    ] as const) {
      const r = simtest(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    }
  });

  it('runs the seeds it is given and says how many failed', () => {
    const r = simtest('--seeds', '2', '--from', '5');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^simtest: 2 seeds \(5-6\), 0 failed, \d+ events/m);
  });
});
