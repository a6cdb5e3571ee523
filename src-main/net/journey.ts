// A packet's journey: sender link -> router (rules) -> output queue -> receiver link -> receiver.
// See packets.ts for the states. Every function here keeps s.live, the queues and the record in step.
import { decodeIpv4Tcp } from '../tcp/codec.js';
import type { Segment } from '../tcp/segment.js';
import { emit, emitSegment, hostOf, isFloodAddress, syncTimer, type HostRuntime, type NetState, type OutQueue } from './core.js';
import { downReason, isDown } from './crash.js';
import { EV, evTag, LANE } from './events.js';
import { addNote, IN_FLIGHT, keyOf, newRecordNotes, optionsOf, wireBytes, type LivePacket, type KeptRecord, type Where } from './packets.js';
import { KLASS_SIM } from './scheduler.js';
import { connOf, optionsSummary, ROUTER, type Lineage } from './trace.js';

/**
 * Creates packet #next, sent by fromHost, with its record; it is nowhere yet (the caller launches or enqueues
 * it). `toHost`: the host with seg.dstIp (null: none), when the caller has already looked it up. (Hosts, not
 * names: a flood's SYN and its SYN-ACK looked hosts up by name and address six times on their way.)
 */
export function newPacket(
  s: NetState, seg: Segment, lineage: Lineage, fromHost: HostRuntime, bypassRules: boolean, conn: string | null = connOf(seg), bulk = false,
  toHost: HostRuntime | null = s.hostByIp.get(seg.dstIp) ?? null,
): LivePacket {
  const id = ++s.lastPacketId;
  const from = fromHost.name;
  const to = toHost === null ? null : toHost.name;
  const record: KeptRecord = { id, lineage, seg, from, to, conn, sentMs: s.nowMs, fate: IN_FLIGHT, notes: newRecordNotes() };
  s.store.add(record, bulk || to === null);
  const pkt: LivePacket = {
    id, record, seg, where: 'link-in', gen: 0, sinceMs: s.nowMs, untilMs: null, bypassRules, reorderLeft: 0, parkedBy: '', pendingCopies: null, pendingCache: null, options: null,
    fromHost, toHost,
  };
  s.live.set(id, pkt);
  return pkt;
}

/** Puts the packet on its sender's link toward the router. */
export function launch(s: NetState, pkt: LivePacket): void {
  const delayMs = pkt.fromHost.link.delayMs;
  place(s, pkt, 'link-in', s.nowMs + delayMs);
  s.sched.at(s.nowMs + delayMs, pkt, KLASS_SIM, evTag(EV.ROUTER_ARRIVE, pkt.gen), LANE.PACKETS);
}

/** Moves the packet to a new place, invalidating events scheduled for the old one. */
function place(s: NetState, pkt: LivePacket, where: Where, untilMs: number | null): void {
  pkt.gen++;
  pkt.where = where;
  pkt.sinceMs = s.nowMs;
  pkt.untilMs = untilMs;
}

/** Takes the packet out of wherever it is (queue, reorder wait …); its pending events go stale. */
export function detach(s: NetState, pkt: LivePacket): void {
  pkt.gen++;
  if (pkt.where === 'reorder') s.reorderWaiting = s.reorderWaiting.filter((id) => id !== pkt.id);
  if (pkt.where !== 'queued') return;
  const q = s.queues.get(pkt.record.to ?? '')!;
  const index = q.ids.indexOf(pkt.id);
  q.ids.splice(index, 1);
  if (index === 0 && q.busyUntilMs !== null) {
    // It was being serialized: that transmission is abandoned and the next packet starts now.
    q.busyGen++;
    q.busyUntilMs = null;
    if (q.ids.length > 0) startTx(s, q);
  }
}

export function dropPacket(s: NetState, pkt: LivePacket, at: string, reason: string): void {
  detach(s, pkt);
  s.live.delete(pkt.id);
  pkt.record.fate = { state: 'dropped', atMs: s.nowMs, reason };
  emitSegment(s, 'segment.drop', at, pkt.record, pkt.seg, optionsOf(pkt), reason, null);
  s.store.settle(pkt.record);
}

/** Parks the packet in the router (held, delayed until untilMs, or waiting for `after` packets). */
export function park(s: NetState, pkt: LivePacket, where: 'held' | 'delayed' | 'reorder', by: string, untilMs: number | null): void {
  detach(s, pkt);
  place(s, pkt, where, untilMs);
  pkt.parkedBy = by;
  if (where === 'reorder') s.reorderWaiting.push(pkt.id);
  if (where === 'delayed' && untilMs !== null) s.sched.at(untilMs, pkt, KLASS_SIM, evTag(EV.RESUME, pkt.gen));
}

/** No route: the destination address belongs to no host. */
function noRouteReason(s: NetState, ip: string): string {
  return isFloodAddress(ip) || s.spoofed.has(ip) ? `no route to spoofed address ${ip}` : `no route to address ${ip}`;
}

/** Sends the packet on from the router toward its receiver (after the rules, or on release). */
export function forward(s: NetState, pkt: LivePacket): void {
  const to = pkt.record.to;
  if (to === null) {
    dropPacket(s, pkt, ROUTER, noRouteReason(s, pkt.seg.dstIp));
    return;
  }
  enqueue(s, pkt, to);
  if (s.live.has(pkt.id)) countPassage(s, pkt, to); // a packet the full queue dropped did not pass
}

/** A packet passed toward `to`: packets waiting to be reordered behind it count down (rules.ts reorder). */
function countPassage(s: NetState, passed: LivePacket, to: string): void {
  if (s.reorderWaiting.length === 0) return;
  const ready: LivePacket[] = [];
  for (const id of s.reorderWaiting) {
    const w = s.live.get(id)!;
    if (w.record.to !== to || w.id === passed.id) continue;
    w.reorderLeft--;
    if (w.reorderLeft <= 0) ready.push(w);
  }
  for (const w of ready) {
    if (w.where !== 'reorder') continue; // released by an earlier one in this loop? (cannot, but be safe)
    const parkedMs = s.nowMs - w.sinceMs;
    detach(s, w);
    emit(s, { t: s.nowMs, kind: 'router.release', host: ROUTER, conn: keyOf(w.record), id: w.id, by: w.parkedBy, parkedMs });
    forward(s, w);
  }
}

function enqueue(s: NetState, pkt: LivePacket, to: string): void {
  const h = pkt.toHost!; // the host named `to`
  if (h.link.bandwidthBps === null) {
    sendOnLink(s, pkt); // (no queue: nothing waits on a link without a bandwidth)
    return;
  }
  const q = s.queues.get(to)!;
  if (q.ids.length >= h.link.queueCapacity) {
    dropPacket(s, pkt, ROUTER, `router queue full (capacity ${h.link.queueCapacity})`);
    return;
  }
  place(s, pkt, 'queued', null);
  q.ids.push(pkt.id);
  emit(s, { t: s.nowMs, kind: 'router.queue', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, toward: to, depth: q.ids.length, capacity: h.link.queueCapacity });
  if (q.ids.length === 1) startTx(s, q);
}

function startTx(s: NetState, q: OutQueue): void {
  const head = s.live.get(q.ids[0]!)!;
  const bps = hostOf(s, q.toward).link.bandwidthBps!;
  const serMs = (wireBytes(head.seg) * 8 * 1000) / bps;
  q.busyGen++;
  q.busyUntilMs = s.nowMs + serMs;
  s.sched.at(q.busyUntilMs, q, KLASS_SIM, evTag(EV.TX_DONE, q.busyGen));
}

/** The head of q has been serialized: it goes on the receiver's link; the next one starts. */
export function txDone(s: NetState, q: OutQueue): void {
  const id = q.ids.shift()!;
  q.busyUntilMs = null;
  sendOnLink(s, s.live.get(id)!); // (a packet in q goes toward q.toward)
  if (q.ids.length > 0) startTx(s, q);
}

/** Puts the packet on its receiver's link (it has one: a packet to no host is dropped before). */
function sendOnLink(s: NetState, pkt: LivePacket): void {
  const delayMs = pkt.toHost!.link.delayMs;
  place(s, pkt, 'link-out', s.nowMs + delayMs);
  s.sched.at(s.nowMs + delayMs, pkt, KLASS_SIM, evTag(EV.DELIVER, pkt.gen), LANE.PACKETS);
}

/** The packet reaches its receiver: dropped if the host is down; a corrupted one fails the checksum check, any other goes to TCP. */
export function deliver(s: NetState, pkt: LivePacket): void {
  const h = pkt.toHost!;
  if (h.downSinceMs >= 0 && isDown(s, h)) return dropPacket(s, pkt, h.name, downReason(h)); // crashed (crash.ts)
  let seg = pkt.seg;
  const corrupt = pkt.record.corrupt;
  if (corrupt !== undefined) {
    // The receiver checks what is on the wire (RFC 9293 3.10.7.1: a segment failing the checksum is dropped).
    const decoded = decodeIpv4Tcp(corrupt.bytes);
    if (!decoded.ok) return dropPacket(s, pkt, h.name, `malformed packet: ${decoded.error} (corrupted by ${corrupt.by})`);
    if (!decoded.tcpChecksumOk) return dropPacket(s, pkt, h.name, `bad TCP checksum (corrupted by ${corrupt.by})`);
    seg = decoded.seg; // the flips cancelled out: TCP gets the altered segment
  }
  s.live.delete(pkt.id);
  pkt.gen++;
  pkt.record.fate = { state: 'delivered', atMs: s.nowMs };
  emitSegment(s, 'segment.recv', h.name, pkt.record, seg, seg === pkt.seg ? optionsOf(pkt) : optionsSummary(seg.options), '', null);
  s.store.settle(pkt.record);
  h.stack.input(seg, s.nowMs, pkt.id);
  syncTimer(s, h);
}

/** Moves the next arrival of a packet on a link (or the end of its delay) to untilMs. */
export function retime(s: NetState, pkt: LivePacket, untilMs: number): void {
  pkt.gen++;
  pkt.untilMs = untilMs;
  const kind = pkt.where === 'link-in' ? EV.ROUTER_ARRIVE : pkt.where === 'link-out' ? EV.DELIVER : EV.RESUME;
  s.sched.at(untilMs, pkt, KLASS_SIM, evTag(kind, pkt.gen));
}

/** `next` (an edited copy) takes `old`'s exact place; old is marked replaced and leaves the network. */
export function replaceInPlace(s: NetState, old: LivePacket, next: LivePacket): void {
  next.where = old.where;
  next.sinceMs = old.sinceMs;
  next.reorderLeft = old.reorderLeft;
  next.parkedBy = old.parkedBy;
  next.pendingCopies = old.pendingCopies; // copies ordered before it reached the router: the router copies what arrives
  next.pendingCache = old.pendingCache; // likewise a cache order: the router keeps the edit, which is what arrives
  if (old.where === 'queued') {
    const q = s.queues.get(old.record.to!)!;
    q.ids[q.ids.indexOf(old.id)] = next.id;
  }
  if (old.where === 'reorder') s.reorderWaiting[s.reorderWaiting.indexOf(old.id)] = next.id;
  if (old.untilMs !== null) retime(s, next, old.untilMs);
  old.gen++;
  s.live.delete(old.id);
  old.record.fate = { state: 'replaced', atMs: s.nowMs, by: next.id };
  addNote(old.record, `replaced by its edit #${next.id}`);
  s.store.settle(old.record);
}
