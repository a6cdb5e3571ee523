// The trace: a public contract (DESIGN.md "Trace"). One TraceSink receives, in (time, sequence) order,
// the engine's events (tcp/trace.ts) and the network's own. Every event has t (virtual ms), kind, host;
// router events use host "router". Builders below fix each object's key order; traceLine() additionally
// canonicalises key order so a line never depends on how an object was built.
import { portText } from '../tcp/port-text.js';
import { flagsToLetters, type Segment, type TcpOptions } from '../tcp/segment.js';
import type { AppEventName, SegSummary, TcpTraceEvent, TimerName, TimerOp } from '../tcp/trace.js';
import type { AppCallName, CallName } from './spec.js';

/** Where a packet came from. "retransmission" has of = null when the original is no longer on record. */
export type Lineage =
  | { type: 'original' }
  | { type: 'retransmission'; of: number | null }
  | { type: 'duplicate'; of: number }
  | { type: 'replay'; of: number }
  | { type: 'edited'; of: number }
  | { type: 'injected' };

/** Who acted: "user" or a rule label such as "rule 2 (drop)". */
export type Actor = string;

export const ROUTER = 'router';

/** Shared (never mutated) lineage of every original packet, to keep a flood's memory small. */
export const ORIGINAL: Lineage = Object.freeze({ type: 'original' });

export type NetTraceEvent =
  | { t: number; kind: 'segment.send'; host: string; conn: string; id: number; seg: SegSummary; lineage: Lineage; cause: string }
  | { t: number; kind: 'segment.recv'; host: string; conn: string; id: number; seg: SegSummary }
  /** host: where it died (the router, or the receiver for a checksum failure). */
  | { t: number; kind: 'segment.drop'; host: string; conn: string; id: number; seg: SegSummary; reason: string }
  /** The packet entered a finite-bandwidth output queue toward `toward`; depth counts it. */
  | { t: number; kind: 'router.queue'; host: string; conn: string; id: number; toward: string; depth: number; capacity: number }
  | { t: number; kind: 'router.hold'; host: string; conn: string; id: number; by: Actor }
  | { t: number; kind: 'router.release'; host: string; conn: string; id: number; by: Actor; parkedMs: number }
  | { t: number; kind: 'router.delay'; host: string; conn: string; id: number; by: Actor; delayMs: number; untilMs: number }
  | { t: number; kind: 'router.reorder'; host: string; conn: string; id: number; by: Actor; after: number }
  | { t: number; kind: 'router.duplicate'; host: string; conn: string; id: number; by: Actor; copies: number[] }
  | { t: number; kind: 'router.corrupt'; host: string; conn: string; id: number; by: Actor }
  | { t: number; kind: 'router.cache'; host: string; conn: string; id: number; by: Actor }
  | { t: number; kind: 'router.move'; host: string; conn: string; id: number; by: Actor; from: number; to: number }
  | { t: number; kind: 'router.replay'; host: string; conn: string; id: number; by: Actor; of: number; seg: SegSummary }
  | { t: number; kind: 'router.edit'; host: string; conn: string; id: number; by: Actor; of: number; seg: SegSummary; changes: string[] }
  | { t: number; kind: 'step.call'; host: string; conn: string | null; call: AppCallName; port: number }
  /** A call that could not run. `port` is absent only for a crash step that names none. */
  | { t: number; kind: 'step.error'; host: string; conn: string | null; call: CallName; port?: number; code: string; message: string }
  /** The host crashed (net/crash.ts): downMs until it is up again, null when it stays down. */
  | { t: number; kind: 'host.crash'; host: string; downMs: number | null }
  /** A crashed host is up again, with no sockets; downMs: how long it was down. */
  | { t: number; kind: 'host.up'; host: string; downMs: number }
  /** A command scheduled for later that turned out to be impossible when its time came. */
  | { t: number; kind: 'command.error'; host: string; op: string; code: string; message: string }
  | { t: number; kind: 'rule.change'; host: string; op: string; rule: string; detail: string }
  | { t: number; kind: 'flood.start'; host: string; target: string; count: number; ratePerSec: number }
  | { t: number; kind: 'flood.end'; host: string; target: string; sent: number };

export type TraceEvent = TcpTraceEvent | NetTraceEvent;

/** The three packet events every sink stores alike (see TraceSink.segment). */
export type SegmentEventKind = 'segment.send' | 'segment.recv' | 'segment.drop';

export interface TraceSink {
  emit(ev: TraceEvent): void;
  /**
   * Optional: a segment.send / recv / drop event as its fields instead of an object. These are most of any
   * trace (a flood: all 4 events of each SYN), and a sink that stores them in columns (TraceStore) or counts them
   * needs neither an event object nor a summary object per packet. `seg` is the segment the event's summary
   * describes (read it, never keep or change it) and `options` is optionsSummary(seg.options), made once per
   * packet. `text` is the cause (send) or the reason (drop), '' for recv; `lineage` is null except for send.
   * A sink without this method gets the same event from emit(), built by segmentEvent() with the key order
   * it always had. `conn` is null only for a sink that set lazyConn.
   */
  segment?(kind: SegmentEventKind, t: number, host: string, conn: string | null, id: number, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void;
  /**
   * Optional: true when the sink never reads segment()'s `conn` (it counts, or it re-runs to a point for a
   * view). The engine then passes null instead of a key it has not built yet: the packets of a flood and
   * the replies to addresses no host has, whose keys are two unique strings per SYN (connOf(seg) is the
   * value null stands for). Read once per segment event, so a sink may change it between events.
   */
  readonly lazyConn?: boolean;
  /** Optional: a timer event as its fields (tcp/trace.ts TcpTraceSink.timer); without it, emit() gets timerEvent(...). */
  timer?(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void;
  /** Optional: an app event as its fields (tcp/trace.ts TcpTraceSink.app); without it, emit() gets appEvent(...). */
  app?(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void;
}

/** The event TraceSink.segment's fields stand for, with each kind's fixed key order. */
export function segmentEvent(
  kind: SegmentEventKind,
  t: number,
  host: string,
  conn: string,
  id: number,
  segment: Segment,
  options: TcpOptions,
  text: string,
  lineage: Lineage | null,
): TraceEvent {
  const seg = summaryWith(segment, options);
  switch (kind) {
    case 'segment.send':
      return { t, kind, host, conn, id, seg, lineage: lineage ?? ORIGINAL, cause: text };
    case 'segment.recv':
      return { t, kind, host, conn, id, seg };
    case 'segment.drop':
      return { t, kind, host, conn, id, seg, reason: text };
  }
}

/** Summary of a segment without options: one shared, frozen object (most segments carry none). */
export const NO_OPTIONS: TcpOptions = Object.freeze({});

/** Options with a fixed key order (mss, wscale, sackPermitted, sack, timestamp), absent ones omitted. */
export function optionsSummary(o: TcpOptions): TcpOptions {
  if (o.mss === undefined && o.wscale === undefined && o.sackPermitted === undefined && o.sack === undefined && o.timestamp === undefined) {
    return NO_OPTIONS;
  }
  // The last two frozen options seen first (a flood alternates its SYNs' and its cookie SYN-ACKs'), then
  // the WeakMap: a WeakMap lookup per packet was ~70 instructions of a flood's SYN (valgrind).
  if (o === recentIn0) return recentOut0;
  if (o === recentIn1) return recentOut1;
  const frozen = Object.isFrozen(o);
  if (frozen) {
    const shared = FROZEN_SUMMARIES.get(o);
    if (shared !== undefined) return rememberRecent(o, shared);
  }
  const out: TcpOptions = {};
  if (o.mss !== undefined) out.mss = o.mss;
  if (o.wscale !== undefined) out.wscale = o.wscale;
  if (o.sackPermitted !== undefined) out.sackPermitted = o.sackPermitted;
  if (o.sack !== undefined) out.sack = o.sack.map(([l, r]) => [l, r]);
  if (o.timestamp !== undefined) out.timestamp = { val: o.timestamp.val, ecr: o.timestamp.ecr };
  // A frozen options object is a shared constant (a flood's SYNs all carry one, and the cookie SYN-ACKs
  // answering them another): summarise each once.
  if (!frozen) return out;
  FROZEN_SUMMARIES.set(o, Object.freeze(out));
  return rememberRecent(o, out);
}

/** optionsSummary's cache for frozen (constant, shared) options objects; weak, so it never pins one. */
const FROZEN_SUMMARIES = new WeakMap<TcpOptions, TcpOptions>();

/** The two frozen options objects optionsSummary met last, and their summaries (derived data: any may be evicted). */
let recentIn0: TcpOptions | null = null;
let recentOut0: TcpOptions = NO_OPTIONS;
let recentIn1: TcpOptions | null = null;
let recentOut1: TcpOptions = NO_OPTIONS;

function rememberRecent(o: TcpOptions, summary: TcpOptions): TcpOptions {
  recentIn1 = recentIn0;
  recentOut1 = recentOut0;
  recentIn0 = o;
  recentOut0 = summary;
  return summary;
}

/** flagsToLetters by flag byte, computed once per value (it runs for every packet). */
const FLAG_LETTERS: Array<string | undefined> = [];

export function flagLetters(flags: number): string {
  if (flags < 0 || flags > 0xfff) return flagsToLetters(flags);
  return (FLAG_LETTERS[flags] ??= flagsToLetters(flags));
}

export function segSummary(seg: Segment): SegSummary {
  return summaryWith(seg, optionsSummary(seg.options));
}

/** segSummary(seg) with its options summary already made (`options` = optionsSummary(seg.options)). */
export function summaryWith(seg: Segment, options: TcpOptions): SegSummary {
  return { flags: flagLetters(seg.flags), seq: seg.seq, ack: seg.ack, len: seg.payload.length, win: seg.window, options };
}

/**
 * "srcIp:srcPort>dstIp:dstPort", sender first. A lab holding a flood keeps one key per packet (built by
 * keyOf), so a key is built from as few new pieces as possible: ports from portText's table, and the end
 * that names a host seen before ("10.0.0.2:80>" of a SYN-ACK, ">10.0.0.2:80" of a SYN) reused from a
 * small cache, so only the spoofed end is new (3 string pieces, ~96 bytes, instead of 6 and ~190).
 */
export function connOf(seg: Pick<Segment, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'>): string {
  const { srcIp, srcPort, dstIp, dstPort } = seg;
  const head = HEADS[srcPort & 63];
  if (head !== undefined && head.port === srcPort && head.ip === srcIp) return `${head.text}${dstIp}:${portText(dstPort)}`;
  const tail = TAILS[dstPort & 63];
  if (tail !== undefined && tail.port === dstPort && tail.ip === dstIp) return `${srcIp}:${portText(srcPort)}${tail.text}`;
  // Neither end seen: remember both (a flood's spoofed ends never get here, since its other end is cached).
  const headText = `${srcIp}:${portText(srcPort)}>`;
  const tailText = `>${dstIp}:${portText(dstPort)}`;
  HEADS[srcPort & 63] = { ip: srcIp, port: srcPort, text: headText };
  TAILS[dstPort & 63] = { ip: dstIp, port: dstPort, text: tailText };
  return `${headText}${dstIp}:${portText(dstPort)}`;
}

/** connOf's caches of "ip:port>" and ">ip:port" by port (derived data: any entry may be replaced). */
interface KeyEnd {
  readonly ip: string;
  readonly port: number;
  readonly text: string;
}
const HEADS: Array<KeyEnd | undefined> = new Array<KeyEnd | undefined>(64).fill(undefined);
const TAILS: Array<KeyEnd | undefined> = new Array<KeyEnd | undefined>(64).fill(undefined);

const LEAD_KEYS = ['t', 'kind', 'host', 'conn', 'id'];

/**
 * One JSON line per event with a canonical key order: t, kind, host, conn, id first, then the rest
 * sorted; nested objects sorted. Byte-identical for equal events however they were built.
 */
export function traceLine(ev: TraceEvent): string {
  const rec = ev as unknown as Record<string, unknown>;
  const keys = LEAD_KEYS.filter((k) => k in rec);
  const rest = Object.keys(rec).filter((k) => !LEAD_KEYS.includes(k)).sort();
  const parts: string[] = [];
  for (const k of [...keys, ...rest]) {
    if (rec[k] === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${canonical(rec[k])}`);
  }
  return `{${parts.join(',')}}`;
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonical(x))).join(',')}]`;
  const rec = v as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(rec).sort()) {
    if (rec[k] === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${canonical(rec[k])}`);
  }
  return `{${parts.join(',')}}`;
}
