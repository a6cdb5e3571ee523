// A refactoring check for the engine: runs fixed workloads (every lesson under each profile, a SYN flood
// with and without cookies, bulk transfers with loss, many clients, a run with router interventions) and
// prints one SHA-256 per workload over every trace event (JSON.stringify, so key order counts too) and
// every packet record. Run it before and after a change that must not alter behaviour, and diff:
//   npm run trace-digest > before.txt   …change…   npm run trace-digest | diff before.txt -
// `--only TEXT` keeps the workloads whose name contains TEXT.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Network } from '../src-main/net/network.js';
import type { RunSpec, StepSpec } from '../src-main/net/spec.js';
import type { TraceEvent } from '../src-main/net/trace.js';
import { LESSONS } from '../src-main/lab/lessons/index.js';

/**
 * emit() only, so segment events arrive as the objects segmentEvent() builds (net/trace.ts); that the field
 * path (TraceSink.segment, the lab's Tap) stores the same events is tests/unit/lab/trace-store.test.ts's job.
 */
class HashSink {
  readonly hash = createHash('sha256');
  events = 0;
  emit(ev: TraceEvent): void {
    this.events++;
    this.hash.update(JSON.stringify(ev));
    this.hash.update('\n');
  }
}

export interface Workload {
  name: string;
  spec: RunSpec;
  /** User actions during the run (the network then runs to spec.untilMs). */
  drive?: (net: Network) => void;
}

/** "name  events  digest": the digest covers every event, every packet record still kept, and the packet counts. */
export function digest(w: Workload): string {
  const sink = new HashSink();
  const net = new Network(w.spec, sink);
  if (w.drive) w.drive(net);
  net.runUntil(w.spec.untilMs);
  for (const p of net.packets()) sink.hash.update(JSON.stringify(p)); // payload bytes included (a Uint8Array prints as {"0":…})
  sink.hash.update(JSON.stringify(net.packetStats()));
  return `${w.name.padEnd(40)} ${String(sink.events).padStart(8)} ${sink.hash.digest('hex').slice(0, 24)}`;
}

function flood(syns: number, cookies: number): RunSpec {
  const steps: StepSpec[] = [{ atMs: 0, host: 'S', call: 'listen', port: 80, backlog: 128 }];
  for (let i = 0; i < 20; i++) steps.push({ atMs: 100 + i * 40, host: 'C', call: 'connect', port: 20000 + i, to: '10.0.0.2:80' });
  return {
    seed: 5, profile: 'linux',
    hosts: [
      { name: 'C', ip: '10.0.0.1' },
      { name: 'S', ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookies': cookies, 'net.ipv4.tcp_max_syn_backlog': 128 } },
      { name: 'X', ip: '10.0.0.66' },
    ],
    network: { delayMs: 5 }, rules: [], steps,
    floods: [{ from: 'X', target: '10.0.0.2:80', startMs: 50, ratePerSec: 100_000, count: syns }],
    untilMs: 10_000,
  };
}

function bulk(bytes: number, loss: number, profile: 'linux' | 'rfc' | 'classic'): RunSpec {
  return {
    seed: 11, profile,
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    network: { delayMs: 5 },
    rules: loss > 0 ? [{ match: { probability: loss }, action: 'drop' }] : [],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      { atMs: 100, host: 'A', call: 'send', port: 40000, bytes },
      { atMs: 20_000, host: 'A', call: 'close', port: 40000 },
      { on: 'eof', host: 'B', call: 'close', port: 80 },
    ],
    untilMs: 200_000,
  };
}

function clients(n: number): RunSpec {
  const hosts = [{ name: 'S', ip: '10.0.0.2' }];
  const steps: StepSpec[] = [{ atMs: 0, host: 'S', call: 'listen', port: 80, backlog: 64 }, { on: 'eof', host: 'S', call: 'close', port: 80 }];
  for (let i = 0; i < n; i++) {
    const host = `C${Math.floor(i / 100)}`;
    if (i % 100 === 0) hosts.push({ name: host, ip: `10.1.${Math.floor(i / 100)}.1` });
    const port = 10000 + (i % 100), t = 10 + (i % 50);
    steps.push({ atMs: t, host, call: 'connect', port, to: '10.0.0.2:80' });
    steps.push({ atMs: t + 200, host, call: 'send', port, bytes: 3000 });
    steps.push({ atMs: t + 400, host, call: 'close', port });
  }
  return { seed: 3, profile: 'linux', hosts, network: { delayMs: 5, bandwidthBps: 2_000_000, queueCapacity: 20 }, rules: [], steps, untilMs: 60_000 };
}

export function workloads(): Workload[] {
  const out: Workload[] = [];
  for (const lesson of LESSONS) {
    for (const profile of ['rfc', 'linux', 'classic'] as const) out.push({ name: `lesson ${lesson.id} ${profile}`, spec: { ...lesson.run, profile } });
  }
  out.push({ name: 'flood 100k cookies', spec: flood(100_000, 1) });
  out.push({ name: 'flood 20k no cookies', spec: flood(20_000, 0) });
  for (const loss of [0, 0.01, 0.05]) {
    out.push({ name: `bulk 3MB loss ${loss} linux`, spec: bulk(3_000_000, loss, 'linux') });
    out.push({ name: `bulk 1MB loss ${loss} classic`, spec: bulk(1_000_000, loss, 'classic') });
  }
  out.push({ name: 'clients 600 queued', spec: clients(600) });
  out.push({ name: 'bulk with interventions', spec: bulk(200_000, 0.02, 'linux'), drive: intervene });
  return out;
}

/** Per-packet operations on whatever is travelling at fixed instants, then rules added mid-run. */
function intervene(net: Network): void {
  const ops = ['hold', 'cache', 'duplicate', 'delay', 'edit', 'drop', 'replay', 'release'] as const;
  for (let k = 0; k < 40; k++) {
    net.runUntil(120 + k * 7);
    const live = net.routerView().packets;
    if (live.length === 0) continue;
    const id = live[k % live.length]!.id;
    const op = ops[k % ops.length]!;
    const atMs = net.nowMs;
    try {
      if (op === 'delay') net.apply({ atMs, op, id, delayMs: 13 });
      else if (op === 'edit') net.apply({ atMs, op, id, fields: { window: 1000 + k } });
      else if (op === 'duplicate') net.apply({ atMs, op, id, count: 2 });
      else net.apply({ atMs, op, id });
    } catch {
      // A refused command (e.g. release of a packet not held) changes nothing; the trace shows the rest.
    }
  }
  net.rules().add({ match: { probability: 0.3 }, action: 'duplicate', count: 1 });
  net.runUntil(700);
  net.rules().add({ match: { probability: 0.2 }, action: 'delay', delayMs: 30 });
  net.runUntil(900);
  net.rules().add({ match: { probability: 0.1 }, action: 'reorder', after: 2 });
}

/**
 * The workloads `--only TEXT` keeps (every one without it). Anything else on the command line, or a TEXT that
 * matches nothing, is an error: a mistyped filter printed nothing, and "nothing" before and after a change
 * diffs as identical.
 */
export function chosenWorkloads(argv: readonly string[], all: readonly Workload[]): Workload[] {
  let only = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--only') throw new Error(`unknown argument "${argv[i]}" (use --only TEXT)`);
    const text = argv[++i];
    if (text === undefined || text === '') throw new Error('--only needs part of a workload name, like "flood"');
    only = text;
  }
  const chosen = all.filter((w) => w.name.includes(only));
  if (chosen.length === 0) throw new Error(`no workload name contains "${only}" (names like "${all[0]?.name ?? ''}"; run without --only to list them all)`);
  return chosen;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    for (const w of chosenWorkloads(process.argv.slice(2), workloads())) console.log(digest(w));
  } catch (err) {
    console.error(`trace-digest: ${(err as Error).message}`);
    process.exitCode = 2;
  }
}
