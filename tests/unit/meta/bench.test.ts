// `npm run bench` is not part of the suite; this runs every benchmark at its tiny size (browser ones
// included: they rebuild dist/ first if it is stale) to prove each one works and prints its JSON contract,
// and checks the harness's own arithmetic on a fake benchmark.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { aloneArgs, median, percentile, runBench, SETTLE_MS, type BenchDef } from '../../../bench/harness.js';

const ALL = [
  'engine.bulk', 'engine.flood', 'engine.clients', 'lab.seek', 'lab.export.pcapng', 'lab.export.session', 'host.stream', 'memory',
  'app.start', 'renderer.ladder', 'renderer.live',
];

function fake(values: number[], extra: Partial<BenchDef<{ n: number }>> = {}): BenchDef {
  let i = 0;
  return {
    name: 'fake', metric: 'm', unit: 'ms', target: 10, better: 'lower', params: { n: 1 }, tinyParams: { n: 2 }, warmups: 1, repeats: 3,
    run: () => ({ value: values[i++ % values.length]!, extra: { call: i } }),
    ...extra,
  } as unknown as BenchDef;
}

describe('benchmark harness', () => {
  it('median and nearest-rank percentile', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });

  it('runs warm-ups then repeats, reports the median run with its extras, and compares with the target', async () => {
    // Warm-up gets 30 (discarded); repeats get 12, 8, 9 → median 9 (the third call's extras).
    const r = await runBench(fake([30, 12, 8, 9]), false);
    expect(r).toMatchObject({ name: 'fake', value: 9, target: 10, pass: true, params: { n: 1 }, samples: [12, 8, 9], call: 4 });
    const over = await runBench(fake([30, 12, 11, 10.1]), false);
    expect(over).toMatchObject({ value: 11, pass: false });
    // Tiny: no warm-up, one run, tiny params, and --set overrides.
    const tiny = await runBench(fake([3]), true, { n: 7 });
    expect(tiny).toMatchObject({ value: 3, samples: [3], params: { n: 7 } });
  });

  it('--warmups replaces the benchmark\'s own warm-up count, and the report says how many ran', async () => {
    // Three warm-ups take 30, 40, 50; the repeats get 12, 8, 9.
    const r = await runBench(fake([30, 40, 50, 12, 8, 9]), false, {}, { warmups: 3 });
    expect(r).toMatchObject({ value: 9, samples: [12, 8, 9], warmups: 3 });
    expect(await runBench(fake([30, 12, 8, 9]), false)).not.toHaveProperty('warmups');
  });

  it('gives the event loop a turn before every run, so timers (and V8\'s idle GC tasks) run between them', async () => {
    // Each run schedules a timer; the next run must find it fired. Back-to-back runs (awaiting a plain
    // value only yields a microtask) would find it still pending.
    let fired = 0, pendingAtStart = 0;
    const def = fake([1]);
    def.run = () => {
      if (fired === 0 && pendingAtStart++ > 0) throw new Error('the previous run\'s timer has not fired');
      fired = 0;
      setTimeout(() => { fired = 1; }, 0);
      return { value: 1 };
    };
    const r = await runBench(def, false);
    expect(r).toMatchObject({ samples: [1, 1, 1], settleMs: SETTLE_MS });
    expect(pendingAtStart).toBe(1);
    expect(await runBench(fake([3]), true)).toMatchObject({ settleMs: 0 });
  });

  it('runs each benchmark of a multi-benchmark run in a child of its own, with the caller\'s other arguments', () => {
    expect(aloneArgs(['--only', 'engine.bulk,engine.flood', '--set', 'megabytes=10', '--warmups', '3'], 'engine.flood'))
      .toEqual(['--set', 'megabytes=10', '--warmups', '3', '--only', 'engine.flood', '--alone']);
    expect(aloneArgs(['--tiny'], 'lab.seek')).toEqual(['--tiny', '--only', 'lab.seek', '--alone']);
  });

  it('counts a value within the stated measurement resolution as meeting the target, and reports it', async () => {
    expect(await runBench(fake([10.2]), true)).toMatchObject({ pass: false });
    const r = await runBench(fake([10.2], { resolution: 0.2 }), true);
    expect(r).toMatchObject({ value: 10.2, target: 10, pass: true, resolution: 0.2 });
    expect(await runBench(fake([10.3], { resolution: 0.2 }), true)).toMatchObject({ pass: false });
  });

  it('runs every benchmark at its tiny size and prints one JSON object each', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny'], { encoding: 'utf8', timeout: 240_000 });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'error' in l), r.stderr).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(lines.map((l) => l.name)).toEqual(ALL);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['name', 'metric', 'value', 'unit', 'target', 'pass', 'params', 'samples', 'loadAvg1']));
      expect(Number.isFinite(line.value)).toBe(true);
      expect(typeof line.pass).toBe('boolean');
    }
    const by = new Map(lines.map((l) => [l.name as string, l]));
    expect(by.get('engine.bulk')).toMatchObject({ verified: true });
    expect(by.get('lab.seek')).toMatchObject({ params: { events: 3_000, seeks: 20 } });
    expect(by.get('lab.seek')!.traceEvents as number).toBeGreaterThanOrEqual(3_000);
    expect(by.get('lab.export.pcapng')).toMatchObject({ packetBlocks: 2_000 });
    expect(by.get('lab.export.session')).toMatchObject({ identical: true, actions: 2 });
    const stream = by.get('host.stream')!;
    expect(stream).toMatchObject({ contiguous: true });
    expect(stream.streamed as number).toBeGreaterThan(4_900);
    expect(stream.traceEvents as number).toBeGreaterThanOrEqual(5_000);
    expect(by.get('memory')!.traceEvents as number).toBeGreaterThanOrEqual(5_000);
    expect(by.get('app.start')!.lessons as number).toBeGreaterThan(0);
    expect(by.get('renderer.ladder')!.redraws as number).toBeGreaterThan(0);
    expect(by.get('renderer.ladder')!.frames as number).toBeGreaterThan(10);
    expect(by.get('renderer.live')!.virtualMsPlayed as number).toBeGreaterThan(500);
  }, 300_000);

  it('rejects an unknown benchmark name with exit code 2', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny', '--only', 'no.such'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no benchmark named "no.such"');
  });
});
