// Engine benchmarks: whole simulations through the real network layer (router, rules, scheduler) and
// the TCP engine, with the trace written to an in-memory sink.
import { Network } from '../src-main/net/network.js';
import type { RunSpec } from '../src-main/net/spec.js';
import type { Lineage, SegmentEventKind, TraceEvent } from '../src-main/net/trace.js';
import type { Segment, TcpOptions } from '../src-main/tcp/segment.js';
import type { AppEventName, TimerName, TimerOp } from '../src-main/tcp/trace.js';
import { TraceStore } from '../src-main/lab/trace-store.js';
import type { BenchDef } from './harness.js';
import { kernelMeter, peakRssMb } from './harness.js';

/** Keeps every event in memory, in the store the lab's timeline keeps them in, and counts segments put on the wire. */
class MemorySink {
  readonly events = new TraceStore();
  segments = 0;
  /** Bytes handed to applications, per host. */
  readonly deliveredBytes = new Map<string, number>();
  emit(ev: TraceEvent): void {
    if (ev.kind === 'segment.send') this.segments++;
    else if (ev.kind === 'app' && ev.event === 'data') this.deliveredBytes.set(ev.host, (this.deliveredBytes.get(ev.host) ?? 0) + ev.bytes);
    this.events.push(ev);
  }
  /** Segment events as fields, as the lab's Tap takes them (net/trace.ts TraceSink.segment). */
  segment(kind: SegmentEventKind, t: number, host: string, conn: string, id: number, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void {
    if (kind === 'segment.send') this.segments++;
    this.events.pushSegment(kind, t, host, conn, id, seg, options, text, lineage);
  }
  /** Timer events as fields (net/trace.ts TraceSink.timer), as the lab's Tap takes them. */
  timer(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void {
    this.events.pushTimer(t, host, conn, timer, op, dueMs);
  }
  /** App events as fields (net/trace.ts TraceSink.app), as the lab's Tap takes them. */
  app(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void {
    if (event === 'data') this.deliveredBytes.set(host, (this.deliveredBytes.get(host) ?? 0) + bytes);
    this.events.pushApp(t, host, conn, event, bytes, detail);
  }
}

/** The largest single send in the bulk run (a send step holds at most this many bytes). */
export const MAX_STEP_BYTES = 1 << 26;

/** totalBytes from A to B over one connection (RTT 20 ms), with random loss. */
export function bulkSpec(totalBytes: number, lossProbability: number): RunSpec {
  const sends = [];
  for (let left = totalBytes, i = 0; left > 0; left -= MAX_STEP_BYTES, i++) {
    sends.push({ atMs: 100 + i, host: 'A', call: 'send' as const, port: 40000, bytes: Math.min(left, MAX_STEP_BYTES) });
  }
  return {
    seed: 11,
    profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    // RTT 20 ms: 5 ms each way on each of the two links.
    network: { delayMs: 5 },
    rules: lossProbability > 0 ? [{ match: { probability: lossProbability }, action: 'drop' }] : [],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      ...sends,
    ],
    untilMs: 24 * 3600 * 1000,
  };
}

/**
 * Where B's received stream first differs from what A's sends carry ("abc…z" repeated, from "a" again at the
 * start of each send of up to MAX_STEP_BYTES; net/steps.ts), or -1 if every byte is right. It checks every
 * byte, outside the timed part, so a transfer that loses or reorders a single byte fails the benchmark.
 */
export function firstWrongByte(got: Uint8Array): number {
  let letter = 0;
  let inStep = 0;
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== 0x61 + letter) return i;
    if (++letter === 26) letter = 0;
    if (++inStep === MAX_STEP_BYTES) {
      inStep = 0;
      letter = 0;
    }
  }
  return -1;
}

export const engineBulk: BenchDef<{ megabytes: number; lossPercent: number }> = {
  name: 'engine.bulk',
  metric: 'simulated segments per wall second',
  unit: 'segments/s',
  target: 1_000_000,
  better: 'higher',
  params: { megabytes: 100, lossPercent: 1 },
  tinyParams: { megabytes: Number(process.env.TCPLAB_BENCH_TINY_MB ?? 0.2), lossPercent: 1 },
  warmups: 1,
  repeats: 3,
  run({ megabytes, lossPercent }) {
    const totalBytes = Math.round(megabytes * 1_000_000);
    const sink = new MemorySink();
    const net = new Network(bulkSpec(totalBytes, lossPercent / 100), sink);
    const kernel = kernelMeter();
    const started = process.hrtime.bigint();
    const conn = '10.0.0.2:80>10.0.0.1:40000';
    // Run until B's application has everything (bounded: a stuck transfer ends at untilMs).
    while ((sink.deliveredBytes.get('B') ?? 0) < totalBytes && net.step()) {
      // each step is one simulation event
    }
    const wallS = Number(process.hrtime.bigint() - started) / 1e9;
    const { minorFaults, systemCpuS } = kernel(); // (before the check below, which touches 100 MB more)
    const got = net.stack('B').received(conn);
    if (got.length !== totalBytes) throw new Error(`engine.bulk: B received ${got.length} of ${totalBytes} bytes`);
    const wrongAt = firstWrongByte(got);
    if (wrongAt >= 0) throw new Error(`engine.bulk: byte ${wrongAt} of what B received differs from what A sent`);
    return {
      value: sink.segments / wallS,
      extra: { wallS: Math.round(wallS * 1000) / 1000, segments: sink.segments, events: sink.events.length, virtualMs: net.nowMs, verified: true, peakRssMb: peakRssMb(), minorFaults, systemCpuS },
    };
  },
};
