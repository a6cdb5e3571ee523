// The network's whole state as plain data (class instances, Maps, arrays: no closures except the two
// hooks each TcpStack holds, which Network.clone re-binds). Modules (journey, router, steps …) are
// functions over this state; network.ts is the public facade.
import type { StackOptions, TcpStackApi } from '../tcp/api.js';
import type { Prng } from '../tcp/prng.js';
import type { Segment, TcpOptions } from '../tcp/segment.js';
import type { TcpTraceSink } from '../tcp/trace.js';
import { BoundedMap } from './bounded.js';
import { newConnIndex, type ConnIndex } from './conn-index.js';
import { IdMap } from './id-map.js';
import { EV, evGen, evKind, evTag, LANE, type SimItem } from './events.js';
import type { Intervention } from './interventions.js';
import { keyOf, PacketStore, type KeptRecord, type LivePacket } from './packets.js';
import type { RuleBook } from './rules.js';
import { KLASS_SIM, Scheduler } from './scheduler.js';
import type { RunSpec, StepSpec, SynFloodSpec } from './spec.js';
import { segmentEvent, type Lineage, type SegmentEventKind, type TraceEvent, type TraceSink } from './trace.js';

/** The engine's stack plus the hook re-binding a clone needs (added to TcpStack for Network.clone). */
export interface NetStack extends TcpStackApi {
  rebind(sink: TcpTraceSink, transmit: StackOptions['transmit']): void;
}

export interface LinkState {
  delayMs: number;
  /** null = infinite (no serialization delay, nothing ever waits in the queue). */
  bandwidthBps: number | null;
  queueCapacity: number;
  /** Reserved stream for link faults (jitter, random loss); derived as "link:<host>". */
  prng: Prng;
}

export interface HostRuntime {
  name: string;
  ip: string;
  stack: NetStack;
  link: LinkState;
  /** Generation of the host's pending timer event; older ones are stale. */
  timerGen: number;
  /** Time the pending timer event was scheduled for (the stack's nextDueMs then), Infinity if none. */
  wakeAtMs: number;
  /** When the host crashed, while it is down (crash.ts); -1 while it is up. */
  downSinceMs: number;
  /** When a down host comes back up (Infinity: it stays down, or it is up). */
  upAtMs: number;
  /** Generation of the pending HOST_UP event (bumped when the host comes up, so that event goes stale). */
  upGen: number;
  /** How many times the host has crashed: boot n's stack draws its seed from "host:<name>#boot<n>". */
  crashes: number;
}

/** Makes a host's TCP stack (the real engine, or a test's stand-in); kept in the state for reboots. */
export type StackFactory = (opts: StackOptions) => NetStack;

/** Router output queue toward one host. ids[0] is being serialized while busyUntilMs !== null. */
export interface OutQueue {
  toward: string;
  ids: number[];
  busyGen: number;
  busyUntilMs: number | null;
}

export interface CacheEntry {
  id: number;
  seg: Segment;
  from: string;
  to: string | null;
  conn: string;
  cachedMs: number;
  by: string;
}

export interface FloodState {
  spec: SynFloodSpec;
  /** The attacker host (spec.from). */
  fromHost: HostRuntime;
  targetIp: string;
  targetPort: number;
  sent: number;
  prng: Prng;
  /** The `cause` of its SYNs' segment.send events (one string, not one per SYN). */
  cause: string;
}

/** Per direction of a connection (sender-first key), as the network saw it leave the sender. */
export interface ConnInfo {
  /** The sender's ISN (seq of its SYN), for relative sequence numbers and seqFrom/seqTo rules. */
  isn: number | undefined;
  /** The window scale shift its SYN offered (none: undefined), for the window labels show (net/label.ts). */
  wscale: number | undefined;
  /** The last RECENT_SENT segments as flat [seq, flags, packetId] triples: a ring once full. */
  recent: number[];
  /** Index in `recent` where the next triple goes (the oldest one, once the ring is full). */
  next: number;
}

export const RECENT_SENT = 16;

export interface NetLimits {
  /** Packet records kept (the oldest are evicted and counted). */
  packetRecords: number;
  /** Records kept of bulk packets (flood SYNs, packets to addresses no host has). */
  bulkRecords: number;
  /** Router cache entries kept for replay. */
  cacheEntries: number;
  /** Per-connection bookkeeping entries (lineage, ISNs, spoofed addresses). */
  bookkeeping: number;
}

export const DEFAULT_LIMITS: NetLimits = { packetRecords: 200_000, bulkRecords: 4096, cacheEntries: 1000, bookkeeping: 50_000 };

export class NetState {
  readonly sched = new Scheduler<SimItem>();
  readonly hosts = new Map<string, HostRuntime>();
  /** Each host by its address (the same objects as `hosts`). */
  readonly hostByIp = new Map<string, HostRuntime>();
  readonly queues = new Map<string, OutQueue>();
  readonly live = new IdMap<LivePacket>();
  /** Packets waiting for `after` later packets toward the same receiver (reorder), oldest first. */
  reorderWaiting: number[] = [];
  readonly cache: BoundedMap<number, CacheEntry>;
  cacheEvicted = 0;
  readonly store: PacketStore;
  lastPacketId = 0;
  readonly floods: FloodState[] = [];
  /** Steps with `on`, in spec order. */
  readonly reactive: StepSpec[] = [];
  /** Sender-first conn -> what the network remembers of it (ISN, recent segments: see ConnInfo). */
  readonly conns: BoundedMap<string, ConnInfo>;
  /** Source addresses the user spoofed in injected packets (flood addresses are recognised by range). */
  readonly spoofed: BoundedMap<string, true>;
  readonly log: Intervention[] = [];
  /** Connections by host and local port, for steps that name a port (conn-index.ts). */
  readonly connIndex: ConnIndex = newConnIndex();
  /** Count of segment.* and router.* events emitted, so stepToNextPacket knows when one happened. */
  packetEvents = 0;

  constructor(
    readonly spec: RunSpec,
    public sink: TraceSink,
    readonly rules: RuleBook,
    readonly prng: Prng,
    readonly userPrng: Prng,
    readonly limits: NetLimits,
    /** A plain function (no state of its own), so clones share it (clone.ts shares functions). */
    readonly createStack: StackFactory,
  ) {
    this.cache = new BoundedMap(limits.cacheEntries);
    this.store = new PacketStore(limits.packetRecords, limits.bulkRecords, this.live);
    this.conns = new BoundedMap(limits.bookkeeping);
    this.spoofed = new BoundedMap(limits.bookkeeping);
  }

  get nowMs(): number {
    return this.sched.nowMs;
  }
}

export function senderIsn(s: NetState, conn: string): number | undefined {
  return s.conns.get(conn)?.isn;
}

export function emit(s: NetState, ev: TraceEvent): void {
  if (isPacketKind(ev.kind)) s.packetEvents++;
  s.sink.emit(ev);
}

/**
 * A segment.send / recv / drop event for packet `rec` at the current time (`seg`: the segment as this event
 * sees it): as fields to a sink that takes them, else as an object. The record's key goes to the sink as it
 * is, null included, when the sink is lazy (TraceSink.lazyConn); any other sink gets it built (keyOf).
 */
export function emitSegment(s: NetState, kind: SegmentEventKind, host: string, rec: KeptRecord, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void {
  s.packetEvents++;
  const sink = s.sink;
  if (sink.segment !== undefined) sink.segment(kind, s.nowMs, host, sink.lazyConn === true ? rec.conn : keyOf(rec), rec.id, seg, options, text, lineage);
  else sink.emit(segmentEvent(kind, s.nowMs, host, keyOf(rec), rec.id, seg, options, text, lineage));
}

/**
 * kind starts with "segment." or "router.", tested on two characters (this runs for every event): no other
 * kind starts with "se" (state, step.*) or "ro" (rule.change). A new kind must keep that true.
 */
export function isPacketKind(kind: string): boolean {
  const c0 = kind.charCodeAt(0), c1 = kind.charCodeAt(1);
  return (c0 === 115 /* s */ && c1 === 101 /* e */) || (c0 === 114 /* r */ && c1 === 111 /* o */);
}

export function hostOf(s: NetState, name: string): HostRuntime {
  const h = s.hosts.get(name);
  if (h === undefined) throw new Error(`no host ${name}`); // callers validate names first
  return h;
}

/** Keeps one pending 'timers' event per host at the stack's nextDueMs (smoltcp's poll_at). */
export function syncTimer(s: NetState, h: HostRuntime): void {
  const dueMs = h.stack.nextDueMs();
  if (dueMs === h.wakeAtMs) return;
  h.timerGen++;
  h.wakeAtMs = dueMs;
  if (dueMs !== Infinity) s.sched.at(Math.max(dueMs, s.nowMs), h, KLASS_SIM, evTag(EV.TIMERS, h.timerGen), LANE.TIMERS);
}

/** Whether a popped event (item, tag) still means something (packets and timers move; old events go stale). */
export function isLive(item: SimItem, tag: number): boolean {
  switch (evKind(tag)) {
    case EV.ROUTER_ARRIVE:
    case EV.RESUME:
    case EV.DELIVER:
      return (item as LivePacket).gen === evGen(tag); // leaving the network bumps gen (events.ts)
    case EV.TX_DONE:
      return (item as OutQueue).busyGen === evGen(tag);
    case EV.TIMERS:
      return (item as HostRuntime).timerGen === evGen(tag);
    case EV.HOST_UP:
      return (item as HostRuntime).upGen === evGen(tag);
    default:
      return true;
  }
}

/** Spoofed flood sources come from 198.18.0.0/15, the benchmarking range (RFC 2544 appendix C.2.2). */
export function isFloodAddress(ip: string): boolean {
  // By character codes: two startsWith calls cost ~250 instructions per SYN-ACK of a flood (valgrind).
  const c5 = ip.charCodeAt(5);
  return (c5 === 56 || c5 === 57) && ip.charCodeAt(6) === 46 && ip.charCodeAt(0) === 49 && ip.charCodeAt(1) === 57
    && ip.charCodeAt(2) === 56 && ip.charCodeAt(3) === 46 && ip.charCodeAt(4) === 49; // "198.1" then "8." or "9."
}
