// `npm run bench` is not part of the suite; this runs every benchmark at its tiny size (browser ones
// included: they rebuild dist/ first if it is stale) to prove each one works and prints its JSON contract,
// and checks the harness's own arithmetic on a fake benchmark.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kernelMeter, median, pageFaultUs, percentile, runBench, SETTLE_MS, type BenchDef } from '../../../bench/harness.js';
import { aloneArgs, overridesOf, parseBenchArgs } from '../../../bench/args.js';
import { firstWrongByte, MAX_STEP_BYTES } from '../../../bench/engine.js';

const ALL = [
  'engine.bulk', 'engine.flood', 'engine.clients', 'lab.seek', 'lab.tcbHistory', 'lab.export.pcapng', 'lab.export.session', 'host.stream', 'memory',
  'app.start', 'renderer.ladder', 'renderer.live',
];

function fake(values: number[], extra: Partial<BenchDef> = {}): BenchDef {
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
    const bulk = fake([1], { name: 'engine.bulk', params: { megabytes: 100, lossPercent: 1 } });
    const flood = fake([1], { name: 'engine.flood', params: { spoofedSyns: 1, legitimateClients: 1 } });
    const argv = ['--only', 'engine.bulk,engine.flood', '--set', 'megabytes=10', '--warmups', '3', '--set', 'spoofedSyns=5'];
    // Each child gets only its own benchmark's --set values (it checks every one it gets).
    expect(aloneArgs(argv, flood)).toEqual(['--warmups', '3', '--set', 'spoofedSyns=5', '--only', 'engine.flood', '--alone']);
    expect(aloneArgs(argv, bulk)).toEqual(['--set', 'megabytes=10', '--warmups', '3', '--only', 'engine.bulk', '--alone']);
    expect(aloneArgs(['--tiny'], fake([1], { name: 'lab.seek' }))).toEqual(['--tiny', '--only', 'lab.seek', '--alone']);
    // What the parent parses, each child parses too.
    for (const def of [bulk, flood]) expect(() => parseBenchArgs(aloneArgs(argv, def), [bulk, flood])).not.toThrow();
  });

  describe('arguments (bench/args.ts)', () => {
    const bulk = fake([1], { name: 'engine.bulk', params: { megabytes: 100, lossPercent: 1 } });
    const flood = fake([1], { name: 'engine.flood', params: { spoofedSyns: 1, legitimateClients: 1 } });
    const mem = fake([1], { name: 'memory', params: { events: 1, scenario: 'bulk' }, choices: { scenario: ['bulk', 'flood'] } });
    const all = [bulk, flood, mem];
    const parse = (...argv: string[]) => parseBenchArgs(argv, all);

    it('reads every flag, keeps the harness\'s order, and parses numbers', () => {
      const a = parse('--only', 'engine.flood,engine.bulk', '--tiny', '--set', 'megabytes=10', '--set', 'lossPercent=0', '--warmups', '0');
      expect(a.chosen.map((b) => b.name)).toEqual(['engine.bulk', 'engine.flood']);
      expect(a).toMatchObject({ tiny: true, alone: false, warmups: 0, overrides: { megabytes: 10, lossPercent: 0 } });
      expect(parse().chosen).toHaveLength(3);
      expect(parse('--only', 'memory', '--set', 'scenario=flood').overrides).toEqual({ scenario: 'flood' });
      // A benchmark takes only its own parameters.
      expect(overridesOf(flood, { megabytes: 10, spoofedSyns: 5 })).toEqual({ spoofedSyns: 5 });
    });

    it('names what is wrong: an unknown flag, benchmark or parameter, a bad value, a missing value', () => {
      expect(() => parse('--frobnicate')).toThrow('unknown argument "--frobnicate" (known: --only');
      expect(() => parse('--only', 'no.such')).toThrow('no benchmark named "no.such"; known: engine.bulk, engine.flood, memory');
      expect(() => parse('--only')).toThrow('--only needs benchmark names');
      expect(() => parse('--only', '--tiny')).toThrow('--only needs benchmark names');
      expect(() => parse('--only', 'engine.bulk', '--set', 'nope=1')).toThrow('--set nope=1: no chosen benchmark has a parameter "nope" (engine.bulk: megabytes, lossPercent)');
      // A parameter of a benchmark that is not chosen is a mistake too.
      expect(() => parse('--only', 'engine.flood', '--set', 'megabytes=10')).toThrow('no chosen benchmark has a parameter "megabytes"');
      expect(() => parse('--set', 'megabytes=abc')).toThrow('--set megabytes=abc: engine.bulk takes a number >= 0 for megabytes');
      expect(() => parse('--set', 'megabytes=')).toThrow('takes a number >= 0');
      expect(() => parse('--set', 'megabytes=-1')).toThrow('takes a number >= 0');
      expect(() => parse('--set', 'scenario=huge')).toThrow('--set scenario=huge: memory takes scenario = bulk or flood');
      expect(() => parse('--set', 'megabytes')).toThrow('--set needs key=value, got "megabytes"');
      expect(() => parse('--set')).toThrow('--set needs key=value');
      expect(() => parse('--warmups', '1.5')).toThrow('--warmups needs a whole number 0-100, got "1.5"');
      expect(() => parse('--warmups', '101')).toThrow('--warmups needs a whole number 0-100, got "101"');
    });
  });

  it('counts a value within the stated measurement resolution as meeting the target, and reports it', async () => {
    expect(await runBench(fake([10.2]), true)).toMatchObject({ pass: false });
    const r = await runBench(fake([10.2], { resolution: 0.2 }), true);
    expect(r).toMatchObject({ value: 10.2, target: 10, pass: true, resolution: 0.2 });
    expect(await runBench(fake([10.3], { resolution: 0.2 }), true)).toMatchObject({ pass: false });
  });

  it('counts the page faults of memory touched between start and stop, and none of memory touched before', () => {
    const PAGES = 1024;
    const fresh = new Uint8Array(64 << 20); // a fresh mapping: its pages fault on first touch
    const stop = kernelMeter();
    for (let page = 0; page < PAGES; page++) fresh[page * 4096] = 1;
    const touched = stop();
    // Each 4 KiB page faults once; a kernel that backs first touches with 2 MiB pages faults once per 512.
    expect(touched.minorFaults).toBeGreaterThanOrEqual(PAGES / 512);
    expect(touched.systemCpuS).toBeGreaterThanOrEqual(0);
    const again = kernelMeter();
    for (let page = 0; page < PAGES; page++) fresh[page * 4096] = 2; // the same pages, mapped already
    expect(again().minorFaults).toBeLessThan(touched.minorFaults);
  });

  it('measures the wall time of a page fault and reports it with every benchmark', async () => {
    const us = pageFaultUs();
    expect(us).not.toBeNull();
    expect(us!).toBeGreaterThan(0);
    const r = await runBench(fake([3]), true);
    expect(typeof r.pageFaultUs).toBe('number');
    expect(r.pageFaultUs as number).toBeGreaterThan(0);
  });

  it('runs every benchmark at its tiny size and prints one JSON object each', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny'], { encoding: 'utf8', timeout: 240_000 });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => 'error' in l), r.stderr).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(lines.map((l) => l.name)).toEqual(ALL);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['name', 'metric', 'value', 'unit', 'target', 'pass', 'params', 'samples', 'loadAvg1', 'pageFaultUs']));
      expect(Number.isFinite(line.value)).toBe(true);
      expect(typeof line.pass).toBe('boolean');
    }
    const by = new Map(lines.map((l) => [l.name as string, l]));
    expect(by.get('engine.bulk')).toMatchObject({ verified: true });
    for (const engine of ['engine.bulk', 'engine.flood', 'engine.clients']) {
      // Their timed part's kernel work: a run that makes a network and its trace touches fresh memory.
      expect(by.get(engine)!.minorFaults as number, engine).toBeGreaterThan(0);
      expect(by.get(engine)!.systemCpuS as number, engine).toBeGreaterThanOrEqual(0);
    }
    expect(by.get('lab.seek')).toMatchObject({ params: { events: 3_000, seeks: 20 } });
    expect(by.get('lab.seek')!.traceEvents as number).toBeGreaterThanOrEqual(3_000);
    expect(by.get('lab.tcbHistory')).toMatchObject({ points: 200, fromMs: 0 });
    expect(by.get('lab.export.pcapng')).toMatchObject({ packetBlocks: 2_000 });
    expect(by.get('lab.export.session')).toMatchObject({ identical: true, actions: 2 });
    const stream = by.get('host.stream')!;
    expect(stream).toMatchObject({ contiguous: true });
    expect(stream.streamed as number).toBeGreaterThan(4_900);
    expect(stream.traceEvents as number).toBeGreaterThanOrEqual(5_000);
    expect(by.get('memory')!.traceEvents as number).toBeGreaterThanOrEqual(5_000);
    expect(by.get('app.start')!.lessons as number).toBeGreaterThan(0);
    expect(by.get('app.start')).toMatchObject({ browserSettleMs: 1500 }); // the browser's own start is not timed
    expect(by.get('renderer.ladder')!.redraws as number).toBeGreaterThan(0);
    expect(by.get('renderer.ladder')!.frames as number).toBeGreaterThan(10);
    expect(by.get('renderer.live')!.virtualMsPlayed as number).toBeGreaterThan(500);
  }, 300_000);

  it('passes TCPLAB_BENCH_NODE_ARGS to the node that runs the benchmarks, so one can be profiled with --cpu-prof', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-bench-prof-'));
    try {
      const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny', '--only', 'lab.export.session'], {
        encoding: 'utf8', timeout: 120_000, env: { ...process.env, TCPLAB_BENCH_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${dir}` },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout.trim())).toMatchObject({ name: 'lab.export.session' });
      const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
      expect(profiles.length).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(path.join(dir, profiles[0]!), 'utf8'))).toHaveProperty('nodes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  it('rejects an unknown benchmark name, flag or parameter with exit code 2, before running anything', () => {
    for (const [args, message] of [
      [['--only', 'no.such'], 'bench: no benchmark named "no.such"'],
      [['--frobnicate'], 'bench: unknown argument "--frobnicate"'],
      [['--only', 'engine.bulk', '--set', 'megabytes=abc'], 'bench: --set megabytes=abc: engine.bulk takes a number >= 0 for megabytes'],
    ] as const) {
      const r = spawnSync(process.execPath, ['scripts/bench.mjs', '--tiny', ...args], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('engine.bulk checks every received byte', () => {
  /** The stream A's sends carry: "abc…z" repeated, from "a" again at the start of each send. */
  function sentStream(sendBytes: number[]): Uint8Array {
    const out = new Uint8Array(sendBytes.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const n of sendBytes) for (let i = 0; i < n; i++) out[at++] = 0x61 + (i % 26);
    return out;
  }

  it('accepts the sent stream and names the first byte that differs', () => {
    const got = sentStream([1_000]);
    expect(firstWrongByte(got)).toBe(-1);
    got[999] = 0x61;
    expect(firstWrongByte(got)).toBe(999);
    got[57] = 0;
    expect(firstWrongByte(got)).toBe(57);
    expect(firstWrongByte(new Uint8Array(0))).toBe(-1);
  });

  it('restarts the pattern where a send of MAX_STEP_BYTES ends, and only there', () => {
    const got = sentStream([MAX_STEP_BYTES, 40]);
    expect(firstWrongByte(got)).toBe(-1);
    // The same length, but the pattern runs on across the boundary as one send would.
    const oneSend = sentStream([MAX_STEP_BYTES + 40]);
    expect(MAX_STEP_BYTES % 26).not.toBe(0);
    expect(firstWrongByte(oneSend)).toBe(MAX_STEP_BYTES);
  });
});
