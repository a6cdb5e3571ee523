// Runs a kernel-oracle fixture's scenario in tcplab's engine (linux profile, same sysctls, real network
// layer) and returns its trace normalised exactly like the kernel capture. Vantage point: segment.send
// events (every packet sent, also those the router then drops) — the capture sees every packet on the
// veth, also those nft then drops at the receiver's ingress.
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { KNOB_BY_NAME } from '../../../src-main/tcp/profiles.js';
import { TcpStack } from '../../../src-main/tcp/stack.js';
import { HOST_IPS } from '../../../tools/kernel-oracle/scenarios.js';
import { normalise } from '../../../tools/kernel-oracle/normalise.js';
import type { NormPacket, OracleFixture, RawPacket } from '../../../tools/kernel-oracle/types.js';

/** Linux sysctls whose engine knob has another name or unit. */
const RENAMED: Record<string, { knob: string; scale: number }> = {
  'net.ipv4.tcp_rto_min_us': { knob: 'tcplab.rto_min_ms', scale: 1 / 1000 },
  'net.ipv4.tcp_rto_max_ms': { knob: 'tcplab.rto_max_ms', scale: 1 },
};

/** The kernel's values for the knobs the engine has; the rest (e.g. tcp_timestamps) are kernel-only. */
export function engineSysctl(kernel: Record<string, number>): { sysctl: Record<string, number>; kernelOnly: string[] } {
  const sysctl: Record<string, number> = {};
  const kernelOnly: string[] = [];
  for (const name of Object.keys(kernel).sort()) {
    const v = kernel[name]!;
    const r = RENAMED[name];
    if (r) sysctl[r.knob] = Math.round(v * r.scale);
    else if (KNOB_BY_NAME.has(name)) sysctl[name] = v;
    else kernelOnly.push(name);
  }
  return { sysctl, kernelOnly };
}

export function runSpecOf(fx: OracleFixture): RunSpec {
  return {
    seed: 1,
    profile: 'linux',
    hosts: [
      { name: 'A', ip: HOST_IPS.A, sysctl: engineSysctl(fx.sysctl.client).sysctl },
      { name: 'B', ip: HOST_IPS.B, sysctl: engineSysctl(fx.sysctl.server).sysctl },
    ],
    network: { delayMs: fx.link.oneWayDelayMs / 2 }, // host→router→host costs both links' delays
    rules: fx.scenario.rules,
    steps: fx.scenario.steps,
    untilMs: fx.scenario.durationMs,
  };
}

const MAX_SETUP_EVENTS = 100;

function hasListener(stack: TcpStack, port: number): boolean {
  try {
    stack.accept(port, 0); // throws when there is no listener; the accept queue is still empty here
    return true;
  } catch {
    return false;
  }
}

function rawOf(ev: Extract<TraceEvent, { kind: 'segment.send' }>): RawPacket {
  const [src = '', dst = ''] = ev.conn.split('>');
  const port = (ep: string) => Number(ep.slice(ep.lastIndexOf(':') + 1));
  const fromClient = ev.host === 'A';
  return { tMs: ev.t, fromClient, clientPort: fromClient ? port(src) : port(dst), flags: ev.seg.flags, seq: ev.seg.seq, ack: ev.seg.ack, len: ev.seg.len };
}

/** The engine's trace of the fixture's scenario, normalised; `events` is the full trace for diagnostics. */
export function runEngine(fx: OracleFixture): { packets: NormPacket[]; events: TraceEvent[] } {
  const events: TraceEvent[] = [];
  const net = new Network(runSpecOf(fx), { emit: (e) => events.push(e) });
  const paused = fx.scenario.acceptPausedUntilMs;
  if (paused !== undefined) {
    // The kernel side blocks the server's event loop so it never calls accept(); the engine's equivalent
    // is turning auto-accept off on the listener (not a scenario step yet, so set on the stack directly).
    const server = net.stack('B');
    if (!(server instanceof TcpStack)) throw new Error('expected the real engine');
    // One event at a time until the listen step has run, so auto-accept is off before the first SYN.
    for (let i = 0; !hasListener(server, 80); i++) {
      if (i > MAX_SETUP_EVENTS || !net.step()) throw new Error('the scenario never listens on port 80');
    }
    server.setAutoAccept(80, false, net.nowMs);
    net.runUntil(paused);
    server.setAutoAccept(80, true, paused);
  }
  net.run();
  const sends = events.filter((e): e is Extract<TraceEvent, { kind: 'segment.send' }> => e.kind === 'segment.send');
  const droppedIds = new Set(events.filter((e) => e.kind === 'segment.drop' && e.host === 'router').map((e) => (e as { id: number }).id));
  const packets = normalise(sends.map(rawOf));
  // normalise() sorts stably by time; engine sends are already in time order, so indices line up.
  sends.forEach((s, i) => {
    if (droppedIds.has(s.id)) packets[i]!.dropped = true;
  });
  return { packets, events };
}
