// SYN flood: an attacker host sends `count` SYNs at `ratePerSec` with random spoofed sources from
// 198.18.0.0/15 (RFC 2544's benchmarking range, so no host of the scenario owns one). Replies to them
// die at the router ("no route to spoofed address …"). One scheduled event per due time (several SYNs
// share it at rates above 1 per microsecond); nothing per SYN is kept beyond the bounded packet store.
import { FLAG, type Segment, type TcpOptions } from '../tcp/segment.js';
import { emit, emitSegment, hostOf, type NetState } from './core.js';
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
 * u32ToIp(SPOOF_BASE + k) as one concatenation: "198.18.x." or "198.19.x." by bits 8-16 of k, then the
 * last octet. Building it octet by octet took 7 string additions and 4 number conversions per SYN.
 */
const SPOOF_PREFIX: readonly string[] = Array.from({ length: 512 }, (_, i) => `198.${18 + (i >> 8)}.${i & 255}.`);
const OCTET: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));

/**
 * Each spoofed address string, made the first time it is drawn. A flood draws from only SPOOF_SPAN
 * addresses, so after a few hundred thousand SYNs every SYN reuses a string instead of building one: a
 * string of 13 or more characters is built as a two-part (cons) string, which the cookie hash and the
 * router's address lookups each had to flatten and hash again (~700 instructions per SYN, by valgrind).
 * Bounded: at most SPOOF_SPAN strings (~5 MB) per process, whatever the number of SYNs. The strings are a
 * pure function of k, so sharing them between networks (and snapshot clones) changes nothing they trace.
 */
let spoofed: Array<string | undefined> | null = null;

/** The dotted address of SPOOF_BASE + k (0 <= k < SPOOF_SPAN): equal to u32ToIp(SPOOF_BASE + k). */
export function spoofedIp(k: number): string {
  // Allocated whole on first use (1 MB): writes far past the end of a growing array would make it a dictionary.
  spoofed ??= new Array<string | undefined>(SPOOF_SPAN).fill(undefined);
  return (spoofed[k] ??= SPOOF_PREFIX[(k >>> 8) & 0x1ff]! + OCTET[k & 0xff]!);
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
