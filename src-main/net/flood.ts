// SYN flood: an attacker host sends `count` SYNs at `ratePerSec` with random spoofed sources from
// 198.18.0.0/15 (RFC 2544's benchmarking range, so no host of the scenario owns one). Replies to them
// die at the router ("no route to spoofed address …"). One scheduled event per due time (several SYNs
// share it at rates above 1 per microsecond); nothing per SYN is kept beyond the bounded packet store.
import { FLAG, type Segment, type TcpOptions } from '../tcp/segment.js';
import { emit, emitSegment, hostOf, type NetState } from './core.js';
import { isDown } from './crash.js';
import { NetError } from './errors.js';
import { EV, evTag, LANE } from './events.js';
import { launch, newPacket } from './journey.js';
import { KLASS_SIM } from './scheduler.js';
import type { SynFloodSpec } from './spec.js';
import { EMPTY_PAYLOAD, optionsOf } from './packets.js';
import { ORIGINAL } from './trace.js';

/** 198.18.0.0/15 (RFC 2544), where spoofed sources come from. */
export const SPOOF_BASE = 0xc6120000;
export const SPOOF_SPAN = 0x20000;

/**
 * The dotted address of SPOOF_BASE + k (0 <= k < SPOOF_SPAN): equal to u32ToIp(SPOOF_BASE + k), written out
 * character by character as one flat string, new for every SYN. Measured on the 1,000,000-SYN benchmark
 * (docs/PERFORMANCE.md "Engine, session 12"):
 * - sessions 7-11 kept one string per address (up to 131,072 of them, megabytes). That counts 5 % fewer
 *   instructions but is slower on the clock: each SYN read a random one of them, and the first reads of it
 *   (the table, the cookie hash, the router's address check) held a fifth of the CPU profile's samples. A
 *   string made just now is close to everything else the SYN touches: 10-15 % faster (interleaved
 *   medians: 1.86 s -> 1.71 s and 1.79 s -> 1.51 s, 10 rounds each);
 * - joined with `+` instead, an address of 13 or more characters is a two-part (cons) string that every
 *   reader has to flatten first: slower than the table (2.47 s against 2.28 s in the same rounds).
 */
export function spoofedIp(k: number): string {
  // 198.18.c.d or 198.19.c.d: the /15's second octet is 18 + bit 16 of k.
  const b = 56 + ((k >>> 16) & 1);
  const c = (k >>> 8) & 255, d = k & 255;
  const c1 = 48 + Math.floor(c / 100), c2 = 48 + (Math.floor(c / 10) % 10), c3 = 48 + (c % 10);
  const d1 = 48 + Math.floor(d / 100), d2 = 48 + (Math.floor(d / 10) % 10), d3 = 48 + (d % 10);
  const f = String.fromCharCode; // (fixed arity per case: a spread or an array would allocate again)
  if (c >= 100) {
    if (d >= 100) return f(49, 57, 56, 46, 49, b, 46, c1, c2, c3, 46, d1, d2, d3);
    return d >= 10 ? f(49, 57, 56, 46, 49, b, 46, c1, c2, c3, 46, d2, d3) : f(49, 57, 56, 46, 49, b, 46, c1, c2, c3, 46, d3);
  }
  if (c >= 10) {
    if (d >= 100) return f(49, 57, 56, 46, 49, b, 46, c2, c3, 46, d1, d2, d3);
    return d >= 10 ? f(49, 57, 56, 46, 49, b, 46, c2, c3, 46, d2, d3) : f(49, 57, 56, 46, 49, b, 46, c2, c3, 46, d3);
  }
  if (d >= 100) return f(49, 57, 56, 46, 49, b, 46, c3, 46, d1, d2, d3);
  return d >= 10 ? f(49, 57, 56, 46, 49, b, 46, c3, 46, d2, d3) : f(49, 57, 56, 46, 49, b, 46, c3, 46, d3);
}

/** What a Linux SYN would carry at minimum; shared (never mutated) to keep a flood's memory small. */
const FLOOD_OPTIONS: TcpOptions = Object.freeze({ mss: 1460 });

function parseTarget(target: string): { ip: string; port: number } | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(target);
  if (m === null || Number(m[2]) > 65535) return undefined;
  return { ip: m[1]!, port: Number(m[2]) };
}

export function checkFlood(f: SynFloodSpec, hostNames: ReadonlySet<string>, path: string): void {
  if (!hostNames.has(f.from)) throw new NetError('unknown-host', `flood from unknown host "${f.from}"`, `${path}.from`);
  if (parseTarget(f.target) === undefined) throw new NetError('invalid-command', `flood target "${f.target}" is not "ip:port"`, `${path}.target`);
  if (!(Number.isFinite(f.startMs) && f.startMs >= 0)) throw new NetError('invalid-command', `startMs ${f.startMs} is not a time >= 0`, `${path}.startMs`);
  if (!(Number.isFinite(f.ratePerSec) && f.ratePerSec > 0 && f.ratePerSec <= 1e9)) {
    throw new NetError('invalid-command', `ratePerSec ${f.ratePerSec} is not in (0, 1e9]`, `${path}.ratePerSec`);
  }
  if (!(Number.isInteger(f.count) && f.count >= 0 && f.count <= 1e8)) throw new NetError('invalid-command', `count ${f.count} is not an integer 0-1e8`, `${path}.count`);
}

/** Registers a (checked) flood; its first SYN goes at max(startMs, now). */
export function startFlood(s: NetState, spec: SynFloodSpec): void {
  const target = parseTarget(spec.target)!;
  const index = s.floods.length;
  s.floods.push({
    // The target host's own address string when it has one: TCP input compares every segment's destination
    // with its address, and the same string compares by pointer, not character by character.
    spec: { ...spec }, fromHost: hostOf(s, spec.from), targetIp: s.hostByIp.get(target.ip)?.ip ?? target.ip, targetPort: target.port, sent: 0, prng: s.prng.derive(`flood:${index}`),
    cause: `SYN flood ${index + 1} (spoofed source)`,
  });
  s.sched.at(Math.max(spec.startMs, s.nowMs), s.floods[index]!, KLASS_SIM, evTag(EV.FLOOD, index), LANE.FLOODS);
}

/** Time of SYN number i, rounded to the microsecond so times print cleanly. */
function dueMs(spec: SynFloodSpec, i: number): number {
  return spec.startMs + Math.round((i * 1e6) / spec.ratePerSec) / 1000;
}

export function floodTick(s: NetState, index: number): void {
  const f = s.floods[index]!;
  const { spec } = f;
  if (f.fromHost.downSinceMs >= 0 && isDown(s, f.fromHost)) {
    // The attacker crashed (crash.ts): its flood program died with it and sends nothing more.
    emit(s, { t: s.nowMs, kind: 'flood.end', host: spec.from, target: spec.target, sent: f.sent });
    return;
  }
  if (f.sent === 0) emit(s, { t: s.nowMs, kind: 'flood.start', host: spec.from, target: spec.target, count: spec.count, ratePerSec: spec.ratePerSec });
  while (f.sent < spec.count && dueMs(spec, f.sent) <= s.nowMs) {
    sendSpoofedSyn(s, index);
    f.sent++;
  }
  if (f.sent < spec.count) s.sched.at(dueMs(spec, f.sent), f, KLASS_SIM, evTag(EV.FLOOD, index), LANE.FLOODS);
  else emit(s, { t: s.nowMs, kind: 'flood.end', host: spec.from, target: spec.target, sent: f.sent });
}

function sendSpoofedSyn(s: NetState, index: number): void {
  const f = s.floods[index]!;
  const srcIp = spoofedIp(f.prng.int(1, SPOOF_SPAN - 2));
  const srcPort = f.prng.int(1024, 65535);
  const seg: Segment = {
    srcIp,
    srcPort,
    dstIp: f.targetIp,
    dstPort: f.targetPort,
    seq: f.prng.nextU32(),
    ack: 0,
    flags: FLAG.SYN,
    window: 64240,
    urgent: 0,
    options: FLOOD_OPTIONS,
    payload: EMPTY_PAYLOAD,
  };
  // No key: a sink that keeps events builds it (keyOf), one that only counts never needs it (TraceSink.lazyConn).
  const pkt = newPacket(s, seg, ORIGINAL, f.fromHost, false, null, true);
  emitSegment(s, 'segment.send', f.spec.from, pkt.record, seg, optionsOf(pkt), f.cause, ORIGINAL);
  launch(s, pkt);
}
