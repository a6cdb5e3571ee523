// Trace events → one LadderPacket per packet id: where its arrow starts and ends and what happened to it.
// Pairing is by packet id (net/trace.ts: ids are stable across send, recv, drop and router actions).
import type { AnyTraceEvent, LadderEvent, LineageKind, LineageLike, SegSummary } from '../model/trace-types.js';
import { ROUTER_HOST } from '../model/trace-types.js';
import { annotateSequence } from './relative.js';

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

/** A router-made copy starts at the router column when the router makes it. */
function routerCopy(byId: Map<number, LadderPacket>, id: number, conn: string, t: number, seg: SegSummary, kind: LineageKind, of: number): void {
  const known = byId.get(id);
  if (known) {
    known.lineage = kind;
    known.of = of;
    return;
  }
  const p = newPacket(id, conn, ROUTER_HOST, t, seg);
  p.lineage = kind;
  p.of = of;
  byId.set(id, p);
}

function apply(byId: Map<number, LadderPacket>, ev: LadderEvent): void {
  if (ev.kind === 'segment.send') {
    if (byId.has(ev.id)) return;
    const p = newPacket(ev.id, ev.conn, ev.host, ev.t, ev.seg);
    p.lineage = lineageKind(ev.lineage);
    p.of = ev.lineage?.of ?? null;
    byId.set(ev.id, p);
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
      if (orig.holdMs !== null && orig.releaseMs === null) orig.releaseMs = ev.t;
      orig.endMs = ev.t;
      orig.fate = 'replaced';
    }
    return;
  }
  const p = byId.get(ev.id);
  if (!p) return;
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

/**
 * Pairs send/recv/drop and the router's actions by packet id. Events must be in trace order (time, then
 * sequence). The result is sorted by start time, then id, which is the order the ladder index needs.
 */
export function buildLadder(events: readonly AnyTraceEvent[]): LadderPacket[] {
  const byId = new Map<number, LadderPacket>();
  for (const ev of events) if (LADDER_KINDS.has(ev.kind)) apply(byId, ev as LadderEvent);
  const packets = [...byId.values()].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  annotateSequence(packets);
  return packets;
}
