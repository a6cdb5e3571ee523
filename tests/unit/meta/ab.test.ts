// tools/ab (npm run ab): an engine benchmark of the working tree against a git revision, in one process.
import { describe, expect, it } from 'vitest';
import { parseAbArgs } from '../../../tools/ab/args.js';
import { entrySource, runAbCommand } from '../../../tools/ab/main.js';
import { findDef, paramsOf } from '../../../tools/ab/runner.js';
import { speedup, summarize } from '../../../tools/ab/stats.js';
import * as engine from '../../../bench/engine.js';

describe('npm run ab', () => {
  it('takes --base, --only, --rounds, --drop and --set, and names what is wrong', () => {
    expect(parseAbArgs([])).toEqual({ base: 'HEAD', only: 'engine.bulk', rounds: 10, drop: 2, set: {} });
    expect(parseAbArgs(['--base', 'abc123', '--only', 'engine.flood', '--rounds', '6', '--drop', '0', '--set', 'spoofedSyns=1000'])).toEqual({
      base: 'abc123', only: 'engine.flood', rounds: 6, drop: 0, set: { spoofedSyns: 1000 },
    });
    expect(() => parseAbArgs(['--only', 'lab.seek'])).toThrow('--only lab.seek: not an engine benchmark (use engine.bulk, engine.flood, engine.clients)');
    expect(() => parseAbArgs(['--rounds', '0'])).toThrow('--rounds 0: give a whole number of at least 1');
    expect(() => parseAbArgs(['--rounds', '3', '--drop', '3'])).toThrow('--drop 3 leaves none of the 3 rounds');
    expect(() => parseAbArgs(['--set', 'megabytes'])).toThrow('--set megabytes: give name=number');
    expect(() => parseAbArgs(['--set', 'megabytes=-1'])).toThrow('--set megabytes=-1');
    expect(() => parseAbArgs(['--base'])).toThrow('--base needs a value');
    expect(() => parseAbArgs(['--fast'])).toThrow('unknown argument "--fast"');
  });

  it('summarizes each version by median and best, and the speedup in the benchmark\'s own direction', () => {
    const a = summarize('a', [3, 1, 2], 'higher');
    expect(a).toMatchObject({ median: 2, best: 3, samples: [3, 1, 2] });
    expect(summarize('b', [4, 1, 3, 2], 'lower')).toMatchObject({ median: 2.5, best: 1 });
    // More segments per second is better; less time is better.
    expect(speedup(summarize('x', [100], 'higher'), summarize('y', [120], 'higher'), 'higher')).toBeCloseTo(1.2);
    expect(speedup(summarize('x', [2], 'lower'), summarize('y', [1.6], 'lower'), 'lower')).toBeCloseTo(1.25);
    expect(() => summarize('c', [], 'lower')).toThrow('c: no samples');
  });

  it('finds a version\'s benchmark by name and checks --set against its parameters', () => {
    const def = findDef([{ unrelated: 1 }, engine], 'engine.bulk', 'head');
    expect(def).toBe(engine.engineBulk);
    expect(paramsOf(def, { megabytes: 2 }, 'head')).toEqual({ megabytes: 2, lossPercent: 1 });
    expect(() => paramsOf(def, { spoofedSyns: 2 }, 'base (HEAD~1)')).toThrow('--set spoofedSyns: engine.bulk in base (HEAD~1) has no parameter "spoofedSyns" (megabytes, lossPercent)');
    expect(() => findDef([engine], 'engine.flood', 'base (abc)')).toThrow('base (abc) has no benchmark engine.flood');
  });

  it('imports both versions\' bench modules into one entry', () => {
    const src = entrySource('/nowhere', { base: 'HEAD', only: 'engine.bulk', rounds: 2, drop: 0, set: {} });
    expect(src).toContain('/bench/engine.ts";');
    expect(src).not.toContain('/nowhere'); // a revision without the modules adds none
    expect(src).toMatch(/await runAb\(\[\], \[head0, head1\], \{"base":"HEAD"/);
  });

  it('names a revision that does not exist, with exit code 2', async () => {
    const err: string[] = [];
    expect(await runAbCommand(['--base', 'no-such-revision-x'], () => {}, (t) => err.push(t))).toBe(2);
    expect(err.join('')).toBe('ab: --base no-such-revision-x: no such commit in this repository\n');
  });

  it('runs a small bulk transfer of HEAD and of the working tree in turn and prints one JSON line', async () => {
    const out: string[] = [], err: string[] = [];
    const code = await runAbCommand(['--base', 'HEAD', '--set', 'megabytes=0.05', '--rounds', '3', '--drop', '1'], (t) => out.push(t), (t) => err.push(t));
    expect(code, err.join('')).toBe(0);
    const r = JSON.parse(out.join('').trim()) as { name: string; params: unknown; base: { rev: string; samples: number[] }; head: { samples: number[] }; speedup: number };
    expect(r).toMatchObject({ name: 'engine.bulk', params: { megabytes: 0.05, lossPercent: 1 }, base: { rev: 'HEAD' } });
    expect(r.base.samples).toHaveLength(2);
    expect(r.head.samples).toHaveLength(2);
    expect(r.speedup).toBeGreaterThan(0);
    // Six runs, alternating which version goes first, the first round marked as not kept.
    const rounds = err.join('').split('\n').filter((l) => l.startsWith('ab: round'));
    expect(rounds.map((l) => l.split(' ').slice(2, 4).join(' '))).toEqual(['1/3 base', '1/3 head', '2/3 head', '2/3 base', '3/3 base', '3/3 head']);
    expect(rounds[0]).toContain('(warm-up, not kept)');
  }, 120_000);
});
