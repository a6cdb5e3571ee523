// The ladder's arrows from a trace: one per packet id, pairing its start (segment.send, or the router
// event that made a copy) with its end (segment.recv / segment.drop) and any time it spent parked in
// the router (hold/release, delay, reorder). Pure; the SVG builder only draws what this returns.
import type { SegSummary } from '../../tcp/trace.js';
import { ROUTER, type Lineage, type TraceEvent } from '../../net/trace.js';
import { lineagePhrase } from './fate.js';
import { isnByConn, segLabel, wscaleByConn } from './svg-label.js';
import type { ExportHost } from './types.js';

export interface LadderArrow {
  id: number;
  conn: string;
  /** Sender host, or "router" for copies the router made (duplicates, replays, edits). */
  from: string;
  /** Receiver host; null when the destination address belongs to no host. */
  to: string | null;
  startMs: number;
  /** When it was delivered or dropped; null while still travelling at the end of the trace. */
  endMs: number | null;
  fate: 'delivered' | 'dropped' | 'in-flight';
  /** Where it died: "router" or the receiver (a failed checksum). */
  dropAt: string | null;
  dropReason: string | null;
  /** Time parked in the router (held, delayed, waiting to be reordered); parkEndMs null = still parked. */
  park: { kind: 'held' | 'delayed' | 'reorder'; startMs: number; endMs: number | null; by: string } | null;
  corrupted: boolean;
  lineage: Lineage;
  seg: SegSummary;
  label: string;
  /** "retransmission of #3", "duplicate of #7" …; null for an original. */
  tag: string | null;
}

export interface LadderModel {
  arrows: LadderArrow[];
  /** Arrows left out because of maxArrows. */
  omitted: number;
  /** State changes per host, in trace order. */
  states: Array<{ t: number; host: string; conn: string; to: string }>;
}

type Mutable = LadderArrow;

function hostByIp(hosts: readonly ExportHost[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const h of hosts) m.set(h.ip, h.name);
  return m;
}

function dstIpOf(conn: string): string {
  const dst = conn.split('>')[1] ?? '';
  return dst.slice(0, dst.lastIndexOf(':'));
}

export interface LadderOptions {
  /** Draw at most this many packets (the first ones by id); the rest are counted in `omitted`. */
  maxArrows: number;
  /** Sequence numbers relative to each direction's ISN (Wireshark's default). */
  relative: boolean;
}

/** Starts an arrow; copies made by the router take their segment from the event or the original. */
function startArrow(out: Map<number, Mutable>, ev: TraceEvent, ipToHost: Map<string, string>, isn: Map<string, number> | undefined, wscale: Map<string, number>): void {
  const make = (id: number, from: string, seg: SegSummary, lineage: Lineage, conn: string): void => {
    out.set(id, {
      id, conn, from, to: ipToHost.get(dstIpOf(conn)) ?? null, startMs: ev.t, endMs: null, fate: 'in-flight', dropAt: null,
      dropReason: null, park: null, corrupted: false, lineage, seg, label: segLabel(seg, conn, isn, wscale), tag: lineagePhrase(lineage),
    });
  };
  if (ev.kind === 'segment.send') make(ev.id, ev.host, ev.seg, ev.lineage, ev.conn);
  else if (ev.kind === 'router.replay') make(ev.id, ROUTER, ev.seg, { type: 'replay', of: ev.of }, ev.conn);
  else if (ev.kind === 'router.edit') make(ev.id, ROUTER, ev.seg, { type: 'edited', of: ev.of }, ev.conn);
  else if (ev.kind === 'router.duplicate') {
    const orig = out.get(ev.id);
    if (orig !== undefined) for (const c of ev.copies) make(c, ROUTER, orig.seg, { type: 'duplicate', of: ev.id }, ev.conn);
  }
}

/** Applies an end or park event to its arrow. */
function updateArrow(a: Mutable, ev: TraceEvent): void {
  switch (ev.kind) {
    case 'segment.recv': a.endMs = ev.t; a.fate = 'delivered'; break;
    case 'segment.drop': a.endMs = ev.t; a.fate = 'dropped'; a.dropAt = ev.host; a.dropReason = ev.reason; break;
    case 'router.hold': a.park = { kind: 'held', startMs: ev.t, endMs: null, by: ev.by }; break;
    case 'router.delay': a.park = { kind: 'delayed', startMs: ev.t, endMs: ev.untilMs, by: ev.by }; break;
    case 'router.reorder': a.park = { kind: 'reorder', startMs: ev.t, endMs: null, by: ev.by }; break;
    case 'router.release': if (a.park !== null) a.park.endMs = ev.t; break;
    case 'router.corrupt': a.corrupted = true; break;
    default: break;
  }
  // A delayed packet dropped or delivered before its planned end (released early, edited) ends there.
  if (a.park !== null && a.endMs !== null && (a.park.endMs === null || a.park.endMs > a.endMs)) a.park.endMs = a.endMs;
}

export function buildLadder(trace: readonly TraceEvent[], hosts: readonly ExportHost[], opts: LadderOptions): LadderModel {
  const ipToHost = hostByIp(hosts);
  const isn = opts.relative ? isnByConn(trace) : undefined;
  const wscale = wscaleByConn(trace); // (the window is scaled whether or not sequence numbers are relative)
  const arrows = new Map<number, Mutable>();
  const states: LadderModel['states'] = [];
  let omitted = 0;
  for (const ev of trace) {
    if (ev.kind === 'state') { states.push({ t: ev.t, host: ev.host, conn: ev.conn, to: ev.to }); continue; }
    const starts = ev.kind === 'segment.send' || ev.kind === 'router.replay' || ev.kind === 'router.edit' || ev.kind === 'router.duplicate';
    if (starts && ev.kind !== 'router.duplicate') {
      if (arrows.size >= opts.maxArrows) { omitted++; continue; }
      startArrow(arrows, ev, ipToHost, isn, wscale);
      continue;
    }
    if (ev.kind === 'router.duplicate') {
      const room = opts.maxArrows - arrows.size;
      if (room < ev.copies.length) omitted += ev.copies.length - Math.max(0, room);
      if (room > 0) startArrow(arrows, { ...ev, copies: ev.copies.slice(0, room) }, ipToHost, isn, wscale);
    }
    const id = (ev as { id?: number }).id;
    const a = id === undefined ? undefined : arrows.get(id);
    if (a !== undefined) updateArrow(a, ev);
  }
  return { arrows: [...arrows.values()].sort((x, y) => x.id - y.id), omitted, states };
}
