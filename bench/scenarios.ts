// Scenario files (tcplab.scenario/1) and sessions for the lab, host and memory benchmarks: a bulk transfer
// A → B through the router with seeded 1 % loss, long enough to reach any event count the bench asks for.
import { LabSession } from '../src-main/lab/session-lab.js';
import { newSession } from '../src-main/lab/session-model.js';
import { parseScenario } from '../src-main/lab/scenario.js';

/** Measured on this scenario: ~3,760 trace events and ~1,090 packets per MB (docs/PERFORMANCE.md). */
const EVENTS_PER_MB = 3_700;
const PACKETS_PER_MB = 1_080;
/** Headroom so a workload is never cut short by the transfer ending first. */
const SLACK = 1.25;

export const BULK_SEED = 11;

/** One send call takes at most 64 MiB (net/steps.ts); larger transfers are several calls in a row. */
const MAX_SEND_BYTES = 1 << 26;

function sendSteps(totalBytes: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let left = totalBytes, i = 0; left > 0; left -= MAX_SEND_BYTES, i++) {
    out.push({ atMs: 100 + i, host: 'A', call: 'send', port: 40000, bytes: Math.min(left, MAX_SEND_BYTES) });
  }
  return out;
}

/** A bulk-transfer scenario of `megabytes`, as a teacher would write it (validated by parseScenario). */
export function bulkScenario(megabytes: number, untilMs = 3_600_000): Record<string, unknown> {
  const sc = {
    format: 'tcplab.scenario/1',
    title: { en: 'Bulk transfer with 1% loss', 'zh-CN': '1% 丢包下的批量传输' },
    seed: BULK_SEED,
    profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    network: { delayMs: 5 },
    rules: [{ match: { probability: 0.01 }, action: 'drop' }],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      ...sendSteps(Math.max(1, Math.round(megabytes * 1e6))),
    ],
    untilMs,
  };
  const parsed = parseScenario(sc);
  if (!parsed.ok) throw new Error(`bench scenario rejected: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`);
  return sc;
}

/** Megabytes to transfer so the trace has at least `events` events. */
export function megabytesForEvents(events: number): number {
  return Math.ceil(((events / EVENTS_PER_MB) * SLACK) * 100) / 100;
}

/** Megabytes to transfer so at least `packets` packets go on the wire. */
export function megabytesForPackets(packets: number): number {
  return Math.ceil(((packets / PACKETS_PER_MB) * SLACK) * 100) / 100;
}

/** A session over the bulk scenario whose timeline has computed exactly `events` events. */
export function labWithEvents(events: number): LabSession {
  const lab = LabSession.open(newSession(bulkScenario(megabytesForEvents(events)), BULK_SEED, null));
  lab.timeline.computeToEvent(events);
  if (lab.timeline.events.length < events) throw new Error(`bulk scenario produced only ${lab.timeline.events.length} of ${events} events`);
  return lab;
}

/**
 * A SYN flood against a server with SYN cookies (like lesson 10, at 10,000 SYNs/s): many events, almost no
 * payload bytes, so a session's memory is the trace and the network state rather than transferred data.
 */
export function floodScenario(syns: number): Record<string, unknown> {
  const sc = {
    format: 'tcplab.scenario/1',
    title: { en: 'SYN flood with SYN cookies', 'zh-CN': '启用 SYN cookie 时的 SYN 洪泛' },
    seed: BULK_SEED,
    profile: 'linux',
    hosts: [
      { name: 'A', ip: '10.0.0.1' },
      { name: 'B', ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.tcp_max_syn_backlog': 128 } },
      { name: 'M', ip: '10.0.0.66' },
    ],
    network: { delayMs: 5 },
    rules: [],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 50, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
    ],
    floods: [{ from: 'M', target: '10.0.0.2:80', startMs: 0, ratePerSec: 10_000, count: syns }],
    untilMs: Math.ceil(syns / 10) + 10_000,
  };
  const parsed = parseScenario(sc);
  if (!parsed.ok) throw new Error(`bench scenario rejected: ${parsed.errors[0]?.path}: ${parsed.errors[0]?.message}`);
  return sc;
}
