// The engine workloads `npm run instructions` counts, by name: the engine benchmarks' own scenarios
// (bench/engine.ts, bench/engine-scale.ts) at a size of n units, traced into a sink that only counts, as
// the flood and clients benchmarks' sinks do; bulk-stored keeps the trace in a TraceStore, as engine.bulk's
// sink does, so that the store's cost per event is counted too.
import { bulkSpec } from '../../bench/engine.js';
import { clientsSpec, floodSpec } from '../../bench/engine-scale.js';
import { Network } from '../../src-main/net/network.js';
import type { RunSpec } from '../../src-main/net/spec.js';
import type { TraceSink } from '../../src-main/net/trace.js';
import { TraceStore } from '../../src-main/lab/trace-store.js';

export interface Workload {
  /** What one unit of size is (the value is reported per unit). */
  unit: string;
  spec(n: number): RunSpec;
  /** Keep the trace in a TraceStore (engine.bulk's MemorySink) instead of only counting it. */
  stored?: boolean;
}

export const WORKLOADS: Record<string, Workload> = {
  flood: { unit: 'SYN', spec: (n) => floodSpec(n, 100) },
  bulk: { unit: 'KB', spec: (n) => bulkSpec(n * 1000, 0.01) },
  'bulk-stored': { unit: 'KB', spec: (n) => bulkSpec(n * 1000, 0.01), stored: true },
  clients: { unit: 'client', spec: (n) => clientsSpec(n, 10_000) },
};

/** Runs the named workload at size n to its end; returns the number of trace events. */
export function runWorkload(name: string, n: number): number {
  const w = WORKLOADS[name];
  if (w === undefined) throw new Error(`no workload "${name}" (known: ${Object.keys(WORKLOADS).join(', ')})`);
  let events = 0;
  const store = new TraceStore();
  const sink: TraceSink = w.stored === true
    ? {
      emit: (ev) => store.push(ev),
      segment: (kind, t, host, conn, id, seg, options, text, lineage) => store.pushSegment(kind, t, host, conn!, id, seg, options, text, lineage),
      timer: (t, host, conn, timer, op, dueMs) => store.pushTimer(t, host, conn, timer, op, dueMs),
      app: (t, host, conn, event, bytes, detail) => store.pushApp(t, host, conn, event, bytes, detail),
    }
    : { emit: () => void events++, segment: () => void events++, timer: () => void events++, lazyConn: true };
  const spec = w.spec(n);
  new Network(spec, sink).runUntil(spec.untilMs);
  return w.stored === true ? store.length : events;
}
