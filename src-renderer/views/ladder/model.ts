// Trace events → one LadderPacket per packet id: where its arrow starts and ends and what happened to it.
// Pairing is by packet id (net/trace.ts: ids are stable across send, recv, drop and router actions).
import type { AnyTraceEvent, LadderEvent, LineageKind, LineageLike, SegSummary } from '../model/trace-types.js';
import { ROUTER_HOST } from '../model/trace-types.js';
import { SequenceAnnotator } from './relative.js';

/** 'replaced': the user edited it at the router, and an edited copy went on in its place. */
export type Fate = 'delivered' | 'dropped' | 'held' | 'in-flight' | 'replaced';

export interface LadderPacket {
  id: number;
  /** "srcIp:srcPort>dstIp:dstPort", sender first. */
  conn: string;
  /** Sender host name, or "router" for copies the router made (duplicates, replays, edits). */
  from: string;
  /** Receiver host name once known (recv, or a drop at the receiver); otherwise null. */
  to: string | null;
  srcIp: string;
  dstIp: string;
  startMs: number;
  /** Receive or drop time; Infinity while held or in flight. */
  endMs: number;
  fate: Fate;
  /** Where a dropped packet died. */
  dropAt: 'router' | 'receiver' | null;
  reason: string | null;
  holdMs: number | null;
  releaseMs: number | null;
  /** Extra delay the router added (sum of router.delay events). */
  delayMs: number;
  lineage: LineageKind;
  /** The packet this one re-sends or copies; null when unknown. */
  of: number | null;
  corrupted: boolean;
  /** Set when the receiving engine discarded the segment (tcp.drop). */
  discarded: string | null;
  seg: SegSummary;
  /** Sequence and ack relative to each direction's ISN (Wireshark); ack is null without a base. */
  relSeq: number;
  relAck: number | null;
  /** Window as Wireshark shows it: scaled by the sender's wscale once both SYNs carried one (RFC 7323 2.2). */
  winShown: number;
}

function ipOf(endpoint: string): string {
  const colon = endpoint.lastIndexOf(':');
  return colon < 0 ? endpoint : endpoint.slice(0, colon);
}

function lineageKind(l: LineageLike | undefined): LineageKind {
  return l?.type ?? l?.kind ?? 'original';
}

function newPacket(id: number, conn: string, from: string, startMs: number, seg: SegSummary): LadderPacket {
  const [src = '', dst = ''] = conn.split('>');
  return {
    id, conn, from, to: null, srcIp: ipOf(src), dstIp: ipOf(dst), startMs, endMs: Infinity, fate: 'in-flight',
    dropAt: null, reason: null, holdMs: null, releaseMs: null, delayMs: 0, lineage: 'original', of: null,
    corrupted: false, discarded: null, seg, relSeq: seg.seq, relAck: null, winShown: seg.win,
  };
}

/** The packets by id; `edit` hands out a packet that may be changed (a copy, if it was already published). */
interface Packets {
  get(id: number): LadderPacket | undefined;
  edit(id: number): LadderPacket | undefined;
  add(p: LadderPacket): void;
}

/** A router-made copy starts at the router column when the router makes it. */
function routerCopy(byId: Packets, id: number, conn: string, t: number, seg: SegSummary, kind: LineageKind, of: number): void {
  const known = byId.edit(id);
  if (known) {
    known.lineage = kind;
    known.of = of;
    return;
  }
  const p = newPacket(id, conn, ROUTER_HOST, t, seg);
  p.lineage = kind;
  p.of = of;
  byId.add(p);
}

function apply(byId: Packets, ev: LadderEvent): void {
  if (ev.kind === 'segment.send') {
    if (byId.get(ev.id)) return;
    const p = newPacket(ev.id, ev.conn, ev.host, ev.t, ev.seg);
    p.lineage = lineageKind(ev.lineage);
    p.of = ev.lineage?.of ?? null;
    byId.add(p);
    return;
  }
  if (ev.kind === 'router.duplicate') {
    const orig = byId.get(ev.id);
    if (orig) for (const copy of ev.copies) routerCopy(byId, copy, orig.conn, ev.t, orig.seg, 'duplicate', ev.id);
    return;
  }
  if (ev.kind === 'router.replay' || ev.kind === 'router.edit') {
    routerCopy(byId, ev.id, ev.conn, ev.t, ev.seg, ev.kind === 'router.replay' ? 'replay' : 'edited', ev.of);
    const orig = ev.kind === 'router.edit' ? byId.get(ev.of) : undefined;
    // The edited copy takes the original's place (net/interventions.ts editPacket): the original ends here.
    if (orig && !Number.isFinite(orig.endMs)) {
      const o = byId.edit(ev.of) as LadderPacket;
      if (o.holdMs !== null && o.releaseMs === null) o.releaseMs = ev.t;
      o.endMs = ev.t;
      o.fate = 'replaced';
    }
    return;
  }
  if (!byId.get(ev.id)) return;
  const p = byId.edit(ev.id) as LadderPacket;
  switch (ev.kind) {
    case 'segment.recv':
      p.to = ev.host;
      p.endMs = ev.t;
      p.fate = 'delivered';
      return;
    case 'segment.drop':
      p.endMs = ev.t;
      p.fate = 'dropped';
      p.dropAt = ev.host === ROUTER_HOST ? 'router' : 'receiver';
      p.reason = ev.reason ?? null;
      if (p.dropAt === 'receiver') p.to = ev.host;
      return;
    case 'router.hold':
      p.holdMs = ev.t;
      p.fate = 'held';
      return;
    case 'router.release':
      p.releaseMs = ev.t;
      p.fate = 'in-flight';
      return;
    case 'router.delay':
      p.delayMs += ev.delayMs;
      return;
    case 'router.corrupt':
      p.corrupted = true;
      return;
    case 'tcp.drop':
      p.discarded = ev.reason;
      return;
  }
}

const LADDER_KINDS = new Set([
  'segment.send', 'segment.recv', 'segment.drop', 'router.hold', 'router.release', 'router.delay',
  'router.duplicate', 'router.replay', 'router.edit', 'router.corrupt', 'tcp.drop',
]);

const byStart = (a: LadderPacket, b: LadderPacket): number => a.startMs - b.startMs || a.id - b.id;

/**
 * A ladder that grows with the trace: `append` pairs only the new events. Packets already handed out are
 * never changed: an event about one of them replaces it with an edited copy (so a derived value holding
 * the previous list still sees the previous state).
 */
export class LadderBuilder implements Packets {
  readonly #byId = new Map<number, LadderPacket>();
  /** Packet id → position in #order. */
  readonly #pos = new Map<number, number>();
  readonly #order: LadderPacket[] = [];
  /** Packets created or copied since the last `packets()`: safe to change in place. */
  #fresh = new Set<LadderPacket>();
  #annotator = new SequenceAnnotator();
  #published = false;

  get(id: number): LadderPacket | undefined {
    return this.#byId.get(id);
  }

  edit(id: number): LadderPacket | undefined {
    const p = this.#byId.get(id);
    if (!p || this.#fresh.has(p)) return p;
    const copy = { ...p };
    this.#fresh.add(copy);
    this.#byId.set(id, copy);
    this.#order[this.#pos.get(id) as number] = copy;
    return copy;
  }

  add(p: LadderPacket): void {
    this.#fresh.add(p);
    this.#byId.set(p.id, p);
    this.#pos.set(p.id, this.#order.length);
    this.#order.push(p);
  }

  /**
   * Pairs events[from..] (trace order). Returns false when a new packet sorts before one already handed
   * out: only a fresh build may re-sort, so the caller starts over.
   */
  append(events: readonly AnyTraceEvent[], from: number): boolean {
    const firstNew = this.#order.length;
    for (let i = from; i < events.length; i++) {
      const ev = events[i] as AnyTraceEvent;
      if (LADDER_KINDS.has(ev.kind)) apply(this, ev as LadderEvent);
    }
    const order = this.#order;
    let sorted = true;
    for (let i = Math.max(1, firstNew); i < order.length && sorted; i++) sorted = byStart(order[i - 1] as LadderPacket, order[i] as LadderPacket) <= 0;
    if (!sorted) {
      if (this.#published) return false;
      order.sort(byStart);
      order.forEach((p, i) => this.#pos.set(p.id, i));
      this.#annotator = new SequenceAnnotator();
      for (const p of order) this.#annotator.annotate(p);
      return true;
    }
    for (let i = firstNew; i < order.length; i++) this.#annotator.annotate(order[i] as LadderPacket);
    return true;
  }

  /** The packets sorted by start time, then id (a new array; its packets are never changed afterwards). */
  packets(): LadderPacket[] {
    this.#published = true;
    this.#fresh = new Set();
    return this.#order.slice();
  }
}

/** What buildLadder last returned for a trace, keyed by the trace's first event object. */
interface Built {
  builder: LadderBuilder;
  length: number;
  last: AnyTraceEvent;
  packets: LadderPacket[];
}

const builtFor = new WeakMap<AnyTraceEvent, Built>();

/** A fresh, uncached ladder of `events` (the reference the incremental path must equal). */
export function buildLadderFresh(events: readonly AnyTraceEvent[]): LadderPacket[] {
  const b = new LadderBuilder();
  b.append(events, 0);
  return b.packets();
}

/**
 * Pairs send/recv/drop and the router's actions by packet id. Events must be in trace order (time, then
 * sequence). The result is sorted by start time, then id, which is the order the ladder index needs.
 * A trace that only grew since the last call (same event objects in front, as the session's trace and
 * its cursor prefix do during play) costs only its new events: the renderer calls this every frame.
 */
export function buildLadder(events: readonly AnyTraceEvent[]): LadderPacket[] {
  const first = events[0];
  if (first === undefined) return [];
  const prev = builtFor.get(first);
  if (prev && events.length >= prev.length && events[prev.length - 1] === prev.last) {
    if (events.length === prev.length) return prev.packets;
    if (prev.builder.append(events, prev.length)) return remember(first, prev.builder, events);
  }
  const builder = new LadderBuilder();
  builder.append(events, 0);
  return remember(first, builder, events);
}

function remember(first: AnyTraceEvent, builder: LadderBuilder, events: readonly AnyTraceEvent[]): LadderPacket[] {
  const packets = builder.packets();
  builtFor.set(first, { builder, length: events.length, last: events[events.length - 1] as AnyTraceEvent, packets });
  return packets;
}
