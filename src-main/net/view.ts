// Read-only views for the UI's router-queue list and packet inspector. They are fresh objects: the
// caller may keep or send them anywhere without touching the network's state.
import { senderIsn, type NetState } from './core.js';
import { wiresharkLabel, type RelativeTo } from './label.js';
import { keyOf, type LivePacket, type PacketRecord, type Where } from './packets.js';
import type { Lineage } from './trace.js';

export interface PacketView {
  id: number;
  conn: string;
  from: string;
  to: string | null;
  /**
   * Wireshark-like summary. Its Seq/Ack are relative by the numbering routerView() is given (the lab gives
   * Wireshark's exact rules, as the ladder, inspector and exports use); without one, by each side's latest SYN.
   */
  label: string;
  lineage: Lineage;
  where: Where;
  /** Index in its output queue (0 = the one on the wire when the link is busy); null elsewhere. */
  position: number | null;
  sinceMs: number;
  /** When it moves on by itself (link arrival, end of delay); null when parked or queued. */
  untilMs: number | null;
  /** Who parked it (held / delayed / reorder), or null. */
  by: string | null;
  notes: string[];
}

export interface QueueView {
  toward: string;
  capacity: number;
  bandwidthBps: number | null;
  /** When the packet on the wire finishes serializing, or null when the link is idle. */
  busyUntilMs: number | null;
  ids: number[];
}

export interface CachedView {
  id: number;
  conn: string;
  from: string;
  to: string | null;
  label: string;
  cachedMs: number;
  by: string;
}

export interface RouterView {
  nowMs: number;
  queues: QueueView[];
  /** Every packet still travelling, by id: on links, parked, queued. */
  packets: PacketView[];
  cached: CachedView[];
  cacheEvicted: number;
}

/**
 * The numbers to print packet #id of `conn` with; undefined prints absolute ones. net/ cannot know
 * Wireshark's numbering (it lives in contract/, which net/ must not import: see DESIGN.md "Layers"), so
 * whoever shows the view to a user passes it in (lab/session-views.ts routerViewOf).
 */
export type NumbersOf = (id: number, conn: string) => RelativeTo | undefined;

/**
 * net/'s own approximation, for a network used without the lab: relative to the latest SYN the router saw
 * from each side. Unlike Wireshark it ignores a new conversation on the same ports, numbers a packet by the
 * bases at view time (not at its send) and leaves a side without a SYN absolute.
 */
export function relativeTo(s: NetState, conn: string): RelativeTo {
  const [a = '', b = ''] = conn.split('>');
  const out: RelativeTo = {};
  const seqBase = senderIsn(s, conn);
  const ackBase = senderIsn(s, `${b}>${a}`);
  if (seqBase !== undefined) out.seqBase = seqBase;
  if (ackBase !== undefined) out.ackBase = ackBase;
  const mine = s.conns.get(conn)?.wscale, theirs = s.conns.get(`${b}>${a}`)?.wscale;
  if (mine !== undefined && theirs !== undefined) out.winShift = mine;
  return out;
}

function packetView(s: NetState, p: LivePacket, numbersOf: NumbersOf): PacketView {
  const r = p.record;
  let position: number | null = null;
  if (p.where === 'queued') position = s.queues.get(r.to!)!.ids.indexOf(p.id);
  const parked = p.where === 'held' || p.where === 'delayed' || p.where === 'reorder';
  return {
    id: p.id, conn: keyOf(r), from: r.from, to: r.to, label: wiresharkLabel(p.seg, numbersOf(p.id, keyOf(r))), lineage: { ...r.lineage },
    where: p.where, position, sinceMs: p.sinceMs, untilMs: p.untilMs, by: parked ? p.parkedBy : null, notes: [...r.notes],
  };
}

/** The packets routerView() labels (travelling, then cached), so a caller can number them in one batch first. */
export function routerViewPackets(s: NetState): { ids: number[]; conns: string[] } {
  const ids: number[] = [], conns: string[] = [];
  for (const p of s.live.values()) {
    ids.push(p.id);
    conns.push(keyOf(p.record));
  }
  for (const e of s.cache.values()) {
    ids.push(e.id);
    conns.push(e.conn);
  }
  return { ids, conns };
}

export function routerView(s: NetState, numbersOf: NumbersOf = (_id, conn) => relativeTo(s, conn)): RouterView {
  const queues: QueueView[] = [];
  for (const h of s.hosts.values()) {
    const q = s.queues.get(h.name)!;
    queues.push({ toward: h.name, capacity: h.link.queueCapacity, bandwidthBps: h.link.bandwidthBps, busyUntilMs: q.busyUntilMs, ids: [...q.ids] });
  }
  const packets = [...s.live.values()].sort((a, b) => a.id - b.id).map((p) => packetView(s, p, numbersOf));
  const cached = [...s.cache.values()].map((e) => ({
    id: e.id, conn: e.conn, from: e.from, to: e.to, label: wiresharkLabel(e.seg, numbersOf(e.id, e.conn)), cachedMs: e.cachedMs, by: e.by,
  }));
  return { nowMs: s.nowMs, queues, packets, cached, cacheEvicted: s.cacheEvicted };
}

/** A copy of a packet's record (the segment is copied too), or undefined when unknown or evicted. */
export function packetRecord(s: NetState, id: number): PacketRecord | undefined {
  const r = s.store.get(id);
  if (r === undefined) return undefined;
  const seg = { ...r.seg, options: { ...r.seg.options }, payload: r.seg.payload.slice() };
  const copy: PacketRecord = { ...r, conn: keyOf(r), lineage: { ...r.lineage }, seg, fate: { ...r.fate }, notes: [...r.notes] };
  if (r.corrupt !== undefined) copy.corrupt = { bytes: r.corrupt.bytes.slice(), by: r.corrupt.by };
  return copy;
}
