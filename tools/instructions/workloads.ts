// The engine workloads `npm run instructions` counts, by name: the engine benchmarks' own scenarios
// (bench/engine.ts, bench/engine-scale.ts) at a size of n units, traced into a sink that only counts, as
// the flood and clients benchmarks' sinks do.
import { bulkSpec } from '../../bench/engine.js';
import { clientsSpec, floodSpec } from '../../bench/engine-scale.js';
import { Network } from '../../src-main/net/network.js';
import type { RunSpec } from '../../src-main/net/spec.js';

export interface Workload {
  /** What one unit of size is (the value is reported per unit). */
  unit: string;
  spec(n: number): RunSpec;
}

export const WORKLOADS: Record<string, Workload> = {
  flood: { unit: 'SYN', spec: (n) => floodSpec(n, 100) },
  bulk: { unit: 'KB', spec: (n) => bulkSpec(n * 1000, 0.01) },
  clients: { unit: 'client', spec: (n) => clientsSpec(n, 10_000) },
};

/** Runs the named workload at size n to its end; returns the number of trace events. */
export function runWorkload(name: string, n: number): number {
  const w = WORKLOADS[name];
  if (w === undefined) throw new Error(`no workload "${name}" (known: ${Object.keys(WORKLOADS).join(', ')})`);
  let events = 0;
  const sink = { emit: () => void events++, segment: () => void events++, timer: () => void events++, lazyConn: true };
  const spec = w.spec(n);
  new Network(spec, sink).runUntil(spec.untilMs);
  return events;
}
