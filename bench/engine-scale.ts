// Scale benchmarks: a SYN flood with SYN cookies while legitimate clients connect, and many clients at once.
import { Network } from '../src-main/net/network.js';
import type { RunSpec, StepSpec } from '../src-main/net/spec.js';
import type { TraceEvent } from '../src-main/net/trace.js';
import type { BenchDef } from './harness.js';
import { kernelMeter, peakRssMb } from './harness.js';

/** Counts instead of keeping: a million-SYN flood's trace would itself be the memory being measured. */
class CountingSink {
  /** It never reads a segment event's key (TraceSink.lazyConn), like the lab's taps that keep nothing. */
  readonly lazyConn = true;
  events = 0;
  readonly connected = new Set<string>();
  readonly closedOnServer = new Set<string>();
  dataBytesToServer = 0;
  emit(ev: TraceEvent): void {
    this.events++;
    if (ev.kind !== 'app') return;
    if (ev.event === 'connected') this.connected.add(ev.conn);
    else if (ev.event === 'data' && ev.host === 'S') this.dataBytesToServer += ev.bytes;
    else if (ev.event === 'closed' && ev.host === 'S') this.closedOnServer.add(ev.conn);
  }
  /** Segment events as fields (net/trace.ts TraceSink.segment), as the lab's Tap takes them: counted. */
  segment(): void {
    this.events++;
  }
  /** Timer events as fields (TraceSink.timer): counted. */
  timer(): void {
    this.events++;
  }
}

function elapsedS(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The flood: spoofed SYNs at 100,000 per second with SYN cookies on, legitimate connects spread across it. */
export function floodSpec(spoofedSyns: number, legitimateClients: number): RunSpec {
  const ratePerSec = 100_000;
  const floodMs = Math.ceil((spoofedSyns / ratePerSec) * 1000);
  const steps: StepSpec[] = [{ atMs: 0, host: 'S', call: 'listen', port: 80, backlog: 128 }];
  for (let i = 0; i < legitimateClients; i++) {
    // Spread the legitimate connects across the flood, so they meet a full SYN queue.
    steps.push({ atMs: 100 + Math.floor((i * floodMs) / legitimateClients), host: 'C', call: 'connect', port: 20000 + i, to: '10.0.0.2:80' });
  }
  return {
    seed: 5,
    profile: 'linux',
    hosts: [
      { name: 'C', ip: '10.0.0.1' },
      { name: 'S', ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.tcp_max_syn_backlog': 128 } },
      { name: 'X', ip: '10.0.0.66' },
    ],
    network: { delayMs: 5 },
    rules: [],
    steps,
    floods: [{ from: 'X', target: '10.0.0.2:80', startMs: 50, ratePerSec, count: spoofedSyns }],
    untilMs: floodMs + 5_000,
  };
}

/** Builds and runs `spec` to its end into `sink`, timing both (the engine benchmarks' timed part). */
function timedRun(spec: RunSpec, sink: CountingSink): { net: Network; wallS: number; minorFaults: number; systemCpuS: number } {
  const kernel = kernelMeter();
  const started = process.hrtime.bigint();
  const net = new Network(spec, sink);
  net.runUntil(spec.untilMs);
  const wallS = elapsedS(started);
  return { net, wallS, ...kernel() };
}

export const engineFlood: BenchDef<{ spoofedSyns: number; legitimateClients: number }> = {
  name: 'engine.flood',
  metric: 'wall time',
  unit: 's',
  target: 2,
  better: 'lower',
  params: { spoofedSyns: 1_000_000, legitimateClients: 100 },
  tinyParams: { spoofedSyns: 2_000, legitimateClients: 5 },
  warmups: 1,
  repeats: 3,
  run({ spoofedSyns, legitimateClients }) {
    const sink = new CountingSink();
    const { net, wallS, minorFaults, systemCpuS } = timedRun(floodSpec(spoofedSyns, legitimateClients), sink);
    if (sink.connected.size !== legitimateClients) {
      throw new Error(`engine.flood: ${sink.connected.size} of ${legitimateClients} legitimate clients connected`);
    }
    return { value: wallS, extra: { events: sink.events, legitimateConnected: sink.connected.size, virtualMs: net.nowMs, peakRssMb: peakRssMb(), minorFaults, systemCpuS } };
  },
};

/** `clients` clients (1,000 per host) each connect, send bytesEach and close, arriving over half a second. */
export function clientsSpec(clients: number, bytesEach: number): RunSpec {
  const perHost = 1000;
  const hosts = [{ name: 'S', ip: '10.0.0.2' }];
  const steps: StepSpec[] = [{ atMs: 0, host: 'S', call: 'listen', port: 80, backlog: 4096 }, { on: 'eof', host: 'S', call: 'close', port: 80 }];
  for (let i = 0; i < clients; i++) {
    const host = `C${Math.floor(i / perHost)}`;
    if (i % perHost === 0) hosts.push({ name: host, ip: `10.1.${Math.floor(i / perHost)}.1` });
    const port = 10000 + (i % perHost);
    const t = 10 + (i % 500); // arrivals over half a second
    steps.push({ atMs: t, host, call: 'connect', port, to: '10.0.0.2:80' });
    steps.push({ atMs: t + 200, host, call: 'send', port, bytes: bytesEach });
    steps.push({ atMs: t + 400, host, call: 'close', port });
  }
  return { seed: 3, profile: 'linux', hosts, network: { delayMs: 5 }, rules: [], steps, untilMs: 60_000 };
}

export const engineClients: BenchDef<{ clients: number; bytesEach: number }> = {
  name: 'engine.clients',
  metric: 'wall time',
  unit: 's',
  target: 3,
  better: 'lower',
  params: { clients: 10_000, bytesEach: 10_000 },
  tinyParams: { clients: 20, bytesEach: 10_000 },
  warmups: 1,
  repeats: 3,
  run({ clients, bytesEach }) {
    const sink = new CountingSink();
    const { net, wallS, minorFaults, systemCpuS } = timedRun(clientsSpec(clients, bytesEach), sink);
    if (sink.dataBytesToServer !== clients * bytesEach) throw new Error(`engine.clients: server received ${sink.dataBytesToServer} of ${clients * bytesEach} bytes`);
    if (sink.closedOnServer.size !== clients) throw new Error(`engine.clients: ${sink.closedOnServer.size} of ${clients} server connections closed`);
    return { value: wallS, extra: { events: sink.events, connected: sink.connected.size, virtualMs: net.nowMs, peakRssMb: peakRssMb(), minorFaults, systemCpuS } };
  },
};
