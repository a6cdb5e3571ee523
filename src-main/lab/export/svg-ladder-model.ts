// The ladder's arrows from a trace: one per packet id, pairing its start (segment.send, or the router
// event that made a copy) with its end (segment.recv / segment.drop) and any time it spent parked in
// the router (hold/release, delay, reorder). Pure; the SVG builder only draws what this returns.
import type { SegSummary } from '../../tcp/trace.js';
import { ROUTER, type Lineage, type TraceEvent } from '../../net/trace.js';
import { PacketNumbering, START_KINDS } from '../packet-numbers.js';
import { lineagePhrase } from './fate.js';
import { segLabelParts } from './svg-label.js';
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
  /** The whole Wireshark label ("[SYN] Seq=0 Win=65535 Len=0 MSS=1460"). */
  label: string;
  /** The label without its options, for a crowded picture (the full one goes into a tooltip). */
  labelCore: string;
  /** "retransmission of #3", "duplicate of #7" …; null for an original. */
  tag: string | null;
}

export interface LadderModel {
  arrows: LadderArrow[];
  /** Arrows left out because of maxArrows. */
  omitted: number;
  /**
   * State changes per host, in trace order; `after` is the packet event just before it at the same host and
   * time (the receipt or send that caused it), so the picture can put both on one row.
   */
  states: Array<{ t: number; host: string; conn: string; to: string; after: { id: number; end: 'start' | 'end' } | null }>;
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

/** Starts the arrows of the packets `ev` puts on the wire (a send, or copies the router made). */
function startArrows(out: Map<number, Mutable>, ev: TraceEvent, ipToHost: Map<string, string>, numbering: PacketNumbering, opts: LadderOptions): number {
  let omitted = 0;
  for (const p of numbering.onEvent(ev)) {
    if (out.size >= opts.maxArrows) { omitted++; continue; }
    const lineage: Lineage = ev.kind === 'segment.send' ? ev.lineage : ev.kind === 'router.replay' ? { type: 'replay', of: ev.of }
      : ev.kind === 'router.edit' ? { type: 'edited', of: ev.of } : { type: 'duplicate', of: (ev as { id: number }).id };
    const parts = segLabelParts(p.seg, p.numbers, opts.relative);
    out.set(p.id, {
      id: p.id, conn: p.conn, from: ev.kind === 'segment.send' ? ev.host : ROUTER, to: ipToHost.get(dstIpOf(p.conn)) ?? null, startMs: ev.t, endMs: null,
      fate: 'in-flight', dropAt: null, dropReason: null, park: null, corrupted: false, lineage, seg: p.seg,
      label: parts.options === '' ? parts.core : `${parts.core} ${parts.options}`, labelCore: parts.core, tag: lineagePhrase(lineage),
    });
  }
  return omitted;
}

/** Applies an end or park event to its arrow. */
function updateArrow(a: Mutable, ev: TraceEvent): void {
  switch (ev.kind) {
    case 'segment.recv': a.endMs = ev.t; a.fate = 'delivered'; break;
    case 'segment.drop': a.endMs = ev.t; a.fate = 'dropped'; a.dropAt = ev.host; a.dropReason = ev.reason; break;
    case 'router.hold': a.park = { kind: 'held', startMs: ev.t, endMs: null, by: ev.by }; break;
    case 'router.delay':
      // Drawn as a wait of exactly delayMs from the moment it was ordered. (untilMs is not the end of a wait: for
      // a packet still on a link it is the new arrival at that link's end, the receiver's for one past the router.)
      // A second delay before the first ends lengthens the wait, as the app's "delayed N ms" sums them.
      if (a.park?.kind === 'delayed' && a.park.endMs !== null && a.park.endMs > ev.t) a.park.endMs += ev.delayMs;
      else a.park = { kind: 'delayed', startMs: ev.t, endMs: ev.t + ev.delayMs, by: ev.by };
      break;
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
  // Every packet is numbered, drawn or not: the window is scaled whether or not sequence numbers are relative.
  const numbering = new PacketNumbering();
  const arrows = new Map<number, Mutable>();
  const states: LadderModel['states'] = [];
  let omitted = 0;
  const lastPacketEv = new Map<string, { t: number; id: number; end: 'start' | 'end' }>();
  for (const ev of trace) {
    if (ev.kind === 'state') {
      const last = lastPacketEv.get(ev.host);
      states.push({ t: ev.t, host: ev.host, conn: ev.conn, to: ev.to, after: last !== undefined && last.t === ev.t ? { id: last.id, end: last.end } : null });
      continue;
    }
    if (ev.kind === 'segment.send' || ev.kind === 'segment.recv') lastPacketEv.set(ev.host, { t: ev.t, id: ev.id, end: ev.kind === 'segment.send' ? 'start' : 'end' });
    if (START_KINDS.has(ev.kind)) {
      omitted += startArrows(arrows, ev, ipToHost, numbering, opts);
      if (ev.kind !== 'router.duplicate') continue; // (a duplicate event also belongs to its original)
    }
    const id = (ev as { id?: number }).id;
    const a = id === undefined ? undefined : arrows.get(id);
    if (a !== undefined) updateArrow(a, ev);
  }
  return { arrows: [...arrows.values()].sort((x, y) => x.id - y.id), omitted, states };
}
