// What the router does to a packet: the rule actions on arrival, and the same operations for user
// interventions. Each action is traced with `by` ("rule 2 (delay)" or "user") and noted on the record.
import { corruptBytes, encodeIpv4Tcp } from '../tcp/codec.js';
import type { Prng } from '../tcp/prng.js';
import { seqNorm } from '../tcp/seq.js';
import { emit, hostOf, senderIsn, type NetState } from './core.js';
import { detach, dropPacket, forward, newPacket, park } from './journey.js';
import { addNote, keyOf, summaryOf, type LivePacket } from './packets.js';
import { ruleLabel, type RuleState } from './rules.js';
import { ROUTER } from './trace.js';

/** Who acts: label for traces ("rule 2 (drop)" / "user"), short name ("rule 2" / "user"), its PRNG. */
export interface Actor {
  label: string;
  short: string;
  prng: Prng;
}

export function ruleActor(r: RuleState): Actor {
  return { label: ruleLabel(r), short: `rule ${r.id}`, prng: r.prng };
}

export function userActor(s: NetState): Actor {
  return { label: 'user', short: 'user', prng: s.userPrng };
}

/** Sequence number relative to the sender's ISN as the router saw it (absolute when unknown). */
export function seqRelative(s: NetState, pkt: LivePacket): number {
  const isn = senderIsn(s, keyOf(pkt.record));
  return isn === undefined ? pkt.seg.seq : seqNorm(pkt.seg.seq - isn);
}

/** The packet reached the router at the end of its sender's link. */
export function routerArrive(s: NetState, pkt: LivePacket): void {
  // Copies the user ordered while the packet was on its way are made now, before the rules (the router copies
  // what reaches it, whatever a rule then does to the original: its record may be settled after the rules),
  // and sent on right behind the original.
  const copies = pkt.pendingCopies === null ? null : makeOrderedCopies(s, pkt);
  if (pkt.pendingCache !== null) keepOrderedCache(s, pkt);
  if (!pkt.bypassRules && s.rules.rules.length > 0) {
    const rule = s.rules.decide({ from: pkt.record.from, to: pkt.record.to, seg: pkt.seg, seqRel: () => seqRelative(s, pkt) });
    if (rule !== undefined) applyRule(s, pkt, rule);
    else forward(s, pkt);
  } else {
    forward(s, pkt);
  }
  if (copies !== null) sendCopies(s, copies);
}

function makeOrderedCopies(s: NetState, pkt: LivePacket): LivePacket[] {
  const counts = pkt.pendingCopies!;
  pkt.pendingCopies = null;
  const user = userActor(s);
  return counts.flatMap((count) => makeCopies(s, pkt, user, count));
}

function keepOrderedCache(s: NetState, pkt: LivePacket): void {
  const label = pkt.pendingCache!;
  pkt.pendingCache = null;
  store(s, pkt, label);
}

function applyRule(s: NetState, pkt: LivePacket, rule: RuleState): void {
  const by = ruleActor(rule);
  const a = rule.action;
  switch (a.action) {
    case 'drop':
      return dropPacket(s, pkt, ROUTER, by.label);
    case 'delay':
      return delayParked(s, pkt, by, a.delayMs);
    case 'duplicate': // the original goes on first, the copies right behind it
      forward(s, pkt);
      sendCopies(s, makeCopies(s, pkt, by, a.count));
      return;
    case 'reorder':
      pkt.reorderLeft = a.after;
      park(s, pkt, 'reorder', by.label, null);
      addNote(pkt.record, `${by.label}: waits for ${a.after} later packet(s)`);
      return emit(s, { t: s.nowMs, kind: 'router.reorder', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label, after: a.after });
    case 'corrupt':
      corrupt(s, pkt, by);
      return forward(s, pkt);
    case 'hold':
      return hold(s, pkt, by);
    case 'cache': // the packet is at the router now (still marked link-in until forward() moves it)
      store(s, pkt, by.label);
      return forward(s, pkt);
  }
}

/** Parks the packet in the router for delayMs, then it continues toward its receiver. */
export function delayParked(s: NetState, pkt: LivePacket, by: Actor, delayMs: number): void {
  const untilMs = s.nowMs + delayMs;
  park(s, pkt, 'delayed', by.label, untilMs);
  addNote(pkt.record, `delayed ${delayMs} ms by ${by.label}`);
  emit(s, { t: s.nowMs, kind: 'router.delay', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label, delayMs, untilMs });
}

export function hold(s: NetState, pkt: LivePacket, by: Actor): void {
  park(s, pkt, 'held', by.label, null);
  addNote(pkt.record, `held by ${by.label} at ${s.nowMs} ms`);
  emit(s, { t: s.nowMs, kind: 'router.hold', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label });
}

/** A parked packet (held, delayed, waiting to be reordered) goes on toward its receiver now. */
export function release(s: NetState, pkt: LivePacket, by: Actor): void {
  const parkedMs = s.nowMs - pkt.sinceMs;
  detach(s, pkt);
  addNote(pkt.record, `released by ${by.label} after ${parkedMs} ms`);
  emit(s, { t: s.nowMs, kind: 'router.release', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label, parkedMs });
  forward(s, pkt);
}

/**
 * count copies, made in the router and sent on toward the receiver (they skip the rules). A packet still on
 * its sender's link has not reached the router: the copies are only ordered now and made when it arrives
 * (routerArrive), so none can overtake it; the result is then empty. (Dropped before it arrives: no copies.
 * Delayed: they wait with it. Edited: the edit inherits the order, the router copies what reaches it.)
 */
export function duplicate(s: NetState, pkt: LivePacket, by: Actor, count: number): LivePacket[] {
  if (pkt.where === 'link-in') {
    (pkt.pendingCopies ??= []).push(count);
    addNote(pkt.record, `${count} duplicate(s) ordered by ${by.label} at ${s.nowMs} ms: made when it reaches the router`);
    return [];
  }
  const copies = makeCopies(s, pkt, by, count);
  sendCopies(s, copies);
  return copies;
}

function makeCopies(s: NetState, pkt: LivePacket, by: Actor, count: number): LivePacket[] {
  const copies: LivePacket[] = [];
  for (let i = 0; i < count; i++) {
    const c = newPacket(s, pkt.seg, { type: 'duplicate', of: pkt.id }, pkt.fromHost, true);
    if (pkt.record.corrupt !== undefined) c.record.corrupt = pkt.record.corrupt;
    addNote(c.record, `duplicate of #${pkt.id} made by ${by.label}`);
    copies.push(c);
  }
  addNote(pkt.record, `duplicated ${count}x by ${by.label}: ${copies.map((c) => `#${c.id}`).join(', ')}`);
  emit(s, { t: s.nowMs, kind: 'router.duplicate', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label, copies: copies.map((c) => c.id) });
  return copies;
}

function sendCopies(s: NetState, copies: LivePacket[]): void {
  for (const c of copies) {
    detach(s, c);
    forward(s, c);
  }
}

/** Flips bits in the packet's wire bytes (codec.corruptBytes); the receiver's checksum check drops it. */
export function corrupt(s: NetState, pkt: LivePacket, by: Actor): void {
  const before = pkt.record.corrupt?.bytes ?? encodeIpv4Tcp(pkt.seg);
  pkt.record.corrupt = { bytes: corruptBytes(before, by.prng), by: by.short };
  addNote(pkt.record, `corrupted by ${by.label}`);
  emit(s, { t: s.nowMs, kind: 'router.corrupt', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label });
}

/** Note on a packet cached before it reached the router (interventions.ts reads it to explain a refusal). */
export const CACHE_ORDERED = 'cache ordered by';

/**
 * Keeps a copy in the router's cache (bounded: the oldest entry goes first) for a later replay. A packet still
 * on its sender's link has not reached the router: the order is kept and the copy made when it arrives
 * (routerArrive), as for duplicates, so a packet dropped on its way leaves nothing to replay.
 */
export function cache(s: NetState, pkt: LivePacket, by: Actor): void {
  if (pkt.where === 'link-in') {
    pkt.pendingCache = by.label;
    addNote(pkt.record, `${CACHE_ORDERED} ${by.label} at ${s.nowMs} ms: kept when it reaches the router`);
    return;
  }
  store(s, pkt, by.label);
}

function store(s: NetState, pkt: LivePacket, by: string): void {
  if (!s.cache.has(pkt.id) && s.cache.size >= s.cache.limit) s.cacheEvicted++;
  const r = pkt.record;
  s.cache.set(pkt.id, { id: pkt.id, seg: pkt.seg, from: r.from, to: r.to, conn: keyOf(r), cachedMs: s.nowMs, by });
  addNote(r, `cached by ${by}`);
  emit(s, { t: s.nowMs, kind: 'router.cache', host: ROUTER, conn: keyOf(r), id: pkt.id, by });
}

/** Re-sends a cached packet from the router as a new packet ("replay of #n"). */
export function replay(s: NetState, cachedId: number, by: Actor): LivePacket {
  const entry = s.cache.get(cachedId)!;
  const pkt = newPacket(s, entry.seg, { type: 'replay', of: cachedId }, hostOf(s, entry.from), true);
  addNote(pkt.record, `replay of #${cachedId} by ${by.label}`);
  emit(s, { t: s.nowMs, kind: 'router.replay', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: by.label, of: cachedId, seg: summaryOf(pkt) });
  detach(s, pkt);
  forward(s, pkt);
  return pkt;
}
