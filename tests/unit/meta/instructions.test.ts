// tools/instructions counts machine instructions per unit of engine work under valgrind: its arithmetic,
// its arguments, its workloads, and one real counting run (npm test installs valgrind as it does chromium).
import { describe, expect, it } from 'vitest';
import { cacheMissesOf, instructionsOf, perUnit } from '../../../tools/instructions/count.js';
import { measure, parseArgs } from '../../../tools/instructions/main.js';
import { runWorkload } from '../../../tools/instructions/workloads.js';


describe('npm run instructions', () => {
  it('reads the instruction total from valgrind output, and names what is missing', () => {
    expect(instructionsOf('==12== \n==12== I   refs:      3,619,324,366\n')).toBe(3_619_324_366);
    expect(instructionsOf('==7== I refs: 42')).toBe(42);
    expect(() => instructionsOf('==12== ERROR SUMMARY: 0 errors')).toThrow('no "I refs" line');
  });

  it('reads the data-cache misses of a cache-simulating run, and names what is missing', () => {
    const out = [
      '==9841== D1  misses:       43,330,063  (   32,105,041 rd   +  11,225,022 wr)',
      '==9841== LLd misses:       16,941,753  (    8,505,541 rd   +   8,436,212 wr)',
    ].join('\n');
    expect(cacheMissesOf(out)).toEqual({ d1: 43_330_063, lld: 16_941_753 });
    expect(() => cacheMissesOf('==12== I   refs:      3,619,324,366')).toThrow('was --cache-sim=yes given?');
  });

  it('counts per unit the growth between two sizes, each run twice', () => {
    expect(perUnit({ n: 10, instructions: 1000 }, { n: 30, instructions: 5000 })).toBe(100);
    expect(() => perUnit({ n: 30, instructions: 1 }, { n: 30, instructions: 2 })).toThrow('sizes must grow: 30 then 30');
  });

  it('takes --only, --sizes and --cache, and names a bad argument', () => {
    expect(parseArgs([])).toEqual({ only: ['flood', 'bulk', 'bulk-stored', 'clients'], sizes: null, cache: false });
    expect(parseArgs(['--only', 'bulk,flood', '--sizes', '100,300'])).toEqual({ only: ['bulk', 'flood'], sizes: [100, 300], cache: false });
    expect(parseArgs(['--cache', '--only', 'flood'])).toEqual({ only: ['flood'], sizes: null, cache: true });
    expect(() => parseArgs(['--only', 'nope'])).toThrow('--only: no workload "nope" (known: flood, bulk, bulk-stored, clients)');
    expect(() => parseArgs(['--sizes', '300,100'])).toThrow('--sizes "300,100": give two growing whole numbers');
    expect(() => parseArgs(['--sizes', '1.5,3'])).toThrow('--sizes "1.5,3"');
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument "--fast"');
  });

  it('runs the benchmarks\' own scenarios, whose work grows with the size', () => {
    // Once the SYN queue is full, a flood SYN is four events: its send and arrival, the cookie SYN-ACK's
    // send (whose cause says why there is a cookie) and its drop.
    expect(runWorkload('flood', 2000) - runWorkload('flood', 1000)).toBe(4000);
    expect(runWorkload('bulk', 40)).toBeGreaterThan(runWorkload('bulk', 20));
    // bulk-stored keeps what bulk counts: the same events, in a TraceStore (engine.bulk's sink).
    expect(runWorkload('bulk-stored', 40)).toBe(runWorkload('bulk', 40));
    expect(runWorkload('clients', 4)).toBeGreaterThan(runWorkload('clients', 2));
    expect(() => runWorkload('nope', 1)).toThrow('no workload "nope"');
  });

  it('counts a small flood under valgrind, with its cache misses, and prints one JSON line', async () => {
    const lines: string[] = [];
    await measure({ only: ['flood'], sizes: [200, 1200], cache: true }, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!) as { name: string; value: number; unit: string; sizes: number[]; totals: number[]; d1MissesPerUnit: number; l2MissesPerUnit: number };
    expect(r).toMatchObject({ name: 'instructions.flood', unit: 'instructions/SYN', sizes: [200, 1200] });
    expect(r.totals[1]!).toBeGreaterThan(r.totals[0]!);
    // Thousands of instructions per SYN (~11,000 at full size; a small run is dominated by compiling).
    expect(r.value).toBeGreaterThan(1000);
    // Every SYN misses the first-level cache somewhere, and a last-level miss was a first-level miss first.
    expect(r.d1MissesPerUnit).toBeGreaterThan(0);
    expect(r.l2MissesPerUnit).toBeGreaterThanOrEqual(0);
    expect(r.l2MissesPerUnit).toBeLessThanOrEqual(r.d1MissesPerUnit);
  }, 240_000);
});
