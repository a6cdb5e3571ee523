// Benchmark harness: warm up, repeat, report the median as one JSON object per benchmark on stdout.
// Benchmarks are never part of `npm test` (the suite only runs a tiny workload to prove the harness works).
// Each report carries the 1-minute load average before and after: the machine is shared, so a number
// measured under load says so.
import os from 'node:os';

export interface BenchResult {
  value: number;
  /** Extra facts about the run (counts, peak memory…), reported with the median run. */
  extra?: Record<string, unknown>;
}

export interface BenchDef<P extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  metric: string;
  unit: string;
  target: number;
  /** Whether a larger value is better (throughput) or a smaller one (time). */
  better: 'higher' | 'lower';
  /**
   * How finely the value can be measured (e.g. 0.2 ms for frame intervals from coarsened rAF timestamps):
   * the target is met when the value is within it. Reported with the result; the target itself is unchanged.
   */
  resolution?: number;
  params: P;
  /** The values a string parameter may take (`--set` is checked against them before anything runs). */
  choices?: Partial<Record<keyof P, readonly string[]>>;
  /** A workload small enough for the test suite. */
  tinyParams: P;
  warmups: number;
  repeats: number;
  run(params: P): Promise<BenchResult> | BenchResult;
}

export interface BenchReport {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: number;
  pass: boolean;
  params: Record<string, unknown>;
  samples: number[];
  [extra: string]: unknown;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx] as number;
}

/** `--warmups N` on the command line: more warm-up runs than the benchmark's own (e.g. a small size of an
 * engine benchmark, whose one default warm-up is too short for the JIT to finish optimising). */
export interface RunOptions {
  warmups?: number;
}

export async function runBench(def: BenchDef, tiny: boolean, overrides: Record<string, unknown> = {}, opts: RunOptions = {}): Promise<BenchReport> {
  const params = { ...(tiny ? def.tinyParams : def.params), ...overrides };
  const loadBefore = loadAverage1();
  const warmups = opts.warmups ?? (tiny ? 0 : def.warmups);
  const repeats = tiny ? 1 : def.repeats;
  // No gc() between runs: a forced full collection shrinks the young generation and resets V8's
  // allocation feedback, which made the next run slower (engine.bulk at 10 MB: 0.06-0.10 s instead of
  // 0.02-0.04 s once warm). But each run starts after a pause on the event loop (SETTLE_MS), as the lab
  // host is idle between a student's actions: V8 finishes the concurrent marking and sweeping of the last
  // run's garbage in its own idle tasks, instead of charging it to the next run (engine.bulk's repeats
  // varied 1.5x when run back to back).
  const pauseMs = tiny ? 0 : SETTLE_MS; // (the test suite's tiny runs measure nothing)
  const faultUs = pageFaultUs();
  for (let i = 0; i < warmups; i++) await settled(pauseMs, () => def.run(params));
  const runs: BenchResult[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await settled(pauseMs, () => def.run(params)));
  const samples = runs.map((r) => r.value);
  const value = median(samples);
  const closest = runs.reduce((a, b) => (Math.abs(b.value - value) < Math.abs(a.value - value) ? b : a));
  const slack = def.resolution ?? 0;
  const pass = def.better === 'higher' ? value >= def.target - slack : value <= def.target + slack;
  return {
    name: def.name, metric: def.metric, value: round(value), unit: def.unit, target: def.target, pass, ...(slack > 0 ? { resolution: slack } : {}),
    params, ...(opts.warmups !== undefined ? { warmups } : {}), settleMs: pauseMs, samples: samples.map(round),
    ...closest.extra, loadAvg1: [loadBefore, loadAverage1()], pageFaultUs: faultUs, date: new Date().toISOString().slice(0, 10),
  };
}

/** Idle time before each run (see runBench). */
export const SETTLE_MS = 200;

async function settled<T>(pauseMs: number, run: () => T): Promise<Awaited<T>> {
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  return await run();
}

function loadAverage1(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** What the kernel did for this process between start and stop: first touches of memory, and system CPU time. */
export interface KernelCost {
  /** Minor page faults: pages touched for the first time since the kernel mapped them. */
  minorFaults: number;
  /** CPU seconds spent in the kernel by all of the process's threads (V8's GC helpers included). */
  systemCpuS: number;
}

/**
 * Starts counting the kernel's work for this process; the returned function stops and reports it. The engine
 * benchmarks report it for their timed part: on this machine (a Firecracker VM) a page fault costs ~11 µs
 * (pageFaultUs), so how much fresh memory a run touches shows in its wall time (docs/PERFORMANCE.md "Engine,
 * session 13").
 */
export function kernelMeter(): () => KernelCost {
  const before = process.resourceUsage();
  return () => {
    const after = process.resourceUsage();
    return { minorFaults: after.minorPageFault - before.minorPageFault, systemCpuS: round((after.systemCPUTime - before.systemCPUTime) / 1e6) };
  };
}

/** Pages the page-fault probe touches: 2,048 of 4 KiB (~25 ms on this VM). */
const PROBE_PAGES = 2048;
/**
 * The probe's allocation: above glibc's largest mmap threshold (32 MiB on 64-bit), so it is always a fresh
 * mapping whose pages the kernel has not handed out yet, never reused heap memory that raises no faults.
 */
const PROBE_BYTES = 33 << 20;

/**
 * Wall microseconds per minor page fault when fresh memory is touched once per page, measured now (once per
 * process; reported with every benchmark as context, like the load average). null when the touches raised
 * no faults to divide by. (Where the kernel backs first touches with 2 MiB pages, THP "always", one fault
 * covers 512 pages and costs more.)
 */
export function pageFaultUs(): number | null {
  const fresh = new Uint8Array(PROBE_BYTES); // zero pages the kernel maps on first touch, not written here
  const meter = kernelMeter();
  const started = process.hrtime.bigint();
  for (let page = 0; page < PROBE_PAGES; page++) fresh[page * 4096] = 1;
  const wallUs = Number(process.hrtime.bigint() - started) / 1e3;
  const { minorFaults } = meter();
  return minorFaults > 0 ? Math.round((wallUs / minorFaults) * 100) / 100 : null;
}

/** Peak resident set size of this process so far, in MB (Linux reports it in /proc; Node exposes maxRSS). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
