// User interventions: commands at a virtual time, recorded in the action log (Network.actions()).
//
// Timing contract (scheduler.ts): a command for time T takes effect after every simulation event due at
// or before T. Network.apply(cmd) with cmd.atMs === now first settles the network at now (runs what is
// still due at now), then checks and applies the command; with cmd.atMs > now it checks what it can and
// schedules it (if it turns out impossible when T comes, a command.error event says why). Both give the
// same result, so re-running the spec and then apply()ing the logged actions in order reproduces the
// trace byte for byte.
//
// Refusals: every check runs before the first change, and throws NetError; a refused command is not
// logged and leaves state and trace untouched.
import { emit, emitSegment, type NetState } from './core.js';
import { refuseIfDown } from './crash.js';
import { applyEdit, craftSegment, type CraftedSegment, type PacketEdit } from './edits.js';
import { NetError } from './errors.js';
import { checkFlood, startFlood } from './flood.js';
import { dropPacket, launch, newPacket, replaceInPlace, retime } from './journey.js';
import { addNote, keyOf, type LivePacket } from './packets.js';
import { CACHE_ORDERED, cache, corrupt, delayParked, duplicate, hold, release, replay, userActor } from './router.js';
import type { RuleSpec, StepCall, SynFloodSpec } from './spec.js';
import { callOf, checkStep, runStep, type CallResult } from './steps.js';
import { ROUTER, optionsSummary, segSummary } from './trace.js';

export type { CraftedSegment, PacketEdit };

export type Intervention =
  | { atMs: number; op: 'drop'; id: number }
  | { atMs: number; op: 'delay'; id: number; delayMs: number }
  | { atMs: number; op: 'hold'; id: number }
  /** Sends a held, delayed or reorder-waiting packet on now. */
  | { atMs: number; op: 'release'; id: number }
  /** toIndex among the packets waiting in the queue (0 = next to be sent; the one on the wire stays). */
  | { atMs: number; op: 'move'; id: number; toIndex: number }
  | { atMs: number; op: 'duplicate'; id: number; count?: number }
  | { atMs: number; op: 'corrupt'; id: number }
  | { atMs: number; op: 'cache'; id: number }
  | { atMs: number; op: 'edit'; id: number; fields: PacketEdit }
  /** A crafted packet sent from host `from` (its srcIp may be spoofed); it skips the rules. */
  | { atMs: number; op: 'inject'; from: string; seg: CraftedSegment }
  /** Re-sends a cached packet from the router. */
  | { atMs: number; op: 'replay'; id: number }
  | { atMs: number; op: 'call'; step: StepCall }
  | { atMs: number; op: 'rule.add'; rule: RuleSpec; index?: number }
  | { atMs: number; op: 'rule.remove'; rule: string }
  | { atMs: number; op: 'rule.move'; rule: string; toIndex: number }
  | { atMs: number; op: 'rule.enable'; rule: string; enabled: boolean }
  | { atMs: number; op: 'flood'; flood: SynFloodSpec };

export type ApplyResult =
  | { status: 'applied'; newIds: number[]; call: CallResult | null }
  | { status: 'scheduled'; atMs: number };

const MAX_DELAY_MS = 86_400_000;

function isInt(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

function badCmd(path: string, message: string): NetError {
  return new NetError('invalid-command', message, path);
}

/** Checks that do not depend on the moment: shapes, numbers, host names, edit values. */
export function checkStatic(s: NetState, cmd: Intervention): void {
  const names = new Set(s.hosts.keys());
  if (!(typeof cmd.atMs === 'number' && Number.isFinite(cmd.atMs) && cmd.atMs >= 0)) throw badCmd('atMs', `atMs ${cmd.atMs} is not a time >= 0`);
  if ('id' in cmd && !isInt(cmd.id, 1, Number.MAX_SAFE_INTEGER)) throw new NetError('unknown-packet', `packet id ${JSON.stringify(cmd.id)} is not an integer >= 1`, 'id');
  switch (cmd.op) {
    case 'drop': case 'hold': case 'release': case 'corrupt': case 'cache': case 'replay': case 'rule.remove':
      return;
    case 'delay':
      if (!(typeof cmd.delayMs === 'number' && cmd.delayMs > 0 && cmd.delayMs <= MAX_DELAY_MS)) throw badCmd('delayMs', `delayMs ${cmd.delayMs} is not in (0, ${MAX_DELAY_MS}]`);
      return;
    case 'move':
      if (!isInt(cmd.toIndex, 0, 1e9)) throw badCmd('toIndex', `toIndex ${cmd.toIndex} is not an integer >= 0`);
      return;
    case 'duplicate':
      if (cmd.count !== undefined && !isInt(cmd.count, 1, 100)) throw badCmd('count', `count ${cmd.count} is not an integer 1-100`);
      return;
    case 'edit':
      applyEdit({ srcIp: '0.0.0.0', srcPort: 0, dstIp: '0.0.0.0', dstPort: 0, seq: 0, ack: 0, flags: 0, window: 0, urgent: 0, options: {}, payload: new Uint8Array(0) }, cmd.fields);
      return;
    case 'inject':
      if (!names.has(cmd.from)) throw new NetError('unknown-host', `no host "${cmd.from}"`, 'from');
      craftSegment(cmd.seg, s.hosts.get(cmd.from)!.ip);
      return;
    case 'call':
      return checkStep(cmd.step, names, 'step');
    case 'rule.add':
      s.rules.build(cmd.rule);
      if (cmd.index !== undefined) s.rules.checkIndex(cmd.index, 1);
      return;
    case 'rule.move':
      if (!isInt(cmd.toIndex, 0, 1e6)) throw badCmd('toIndex', `toIndex ${cmd.toIndex} is not an integer >= 0`);
      return;
    case 'rule.enable':
      if (typeof cmd.enabled !== 'boolean') throw badCmd('enabled', 'enabled must be true or false');
      return;
    case 'flood':
      return checkFlood(cmd.flood, names, 'flood');
    default:
      throw badCmd('op', `unknown op "${(cmd as { op: unknown }).op}"`);
  }
}

/** The live packet #id, or a NetError saying exactly why it cannot be touched. */
export function livePacket(s: NetState, id: number): LivePacket {
  const pkt = s.live.get(id);
  if (pkt !== undefined) return pkt;
  if (!(id >= 1 && id <= s.lastPacketId)) {
    throw new NetError('unknown-packet', s.lastPacketId === 0 ? `no packet #${id}: no packet has been sent yet` : `no packet #${id} (packets so far: #1-#${s.lastPacketId})`, 'id');
  }
  const rec = s.store.get(id);
  if (rec === undefined) throw new NetError('unknown-packet', `packet #${id} is no longer on record (only the last ${s.store.limit} are kept)`, 'id');
  switch (rec.fate.state) {
    case 'delivered': throw new NetError('already-delivered', `packet #${id} was already delivered at ${rec.fate.atMs} ms`, 'id');
    case 'dropped': throw new NetError('already-dropped', `packet #${id} was already dropped at ${rec.fate.atMs} ms (${rec.fate.reason})`, 'id');
    case 'replaced': throw new NetError('not-interceptable', `packet #${id} was replaced by its edit #${rec.fate.by} at ${rec.fate.atMs} ms`, 'id');
    default: throw new Error(`packet #${id} is in flight but not live`); // invariant
  }
}

const PLACE_TEXT = {
  'link-in': 'on its sender\'s link', delayed: 'delayed in the router', reorder: 'waiting to be reordered',
  held: 'held in the router', queued: 'in the router queue', 'link-out': 'on the link to its receiver',
} as const;

function notHere(pkt: LivePacket, what: string): NetError {
  return new NetError('not-interceptable', `packet #${pkt.id} cannot be ${what}: it is ${PLACE_TEXT[pkt.where]}`, 'id');
}

/** Applies cmd at the current time (checked first; throws NetError and changes nothing if refused). */
export function execute(s: NetState, cmd: Intervention): ApplyResult {
  checkStatic(s, cmd);
  const done = (newIds: number[] = [], call: CallResult | null = null): ApplyResult => ({ status: 'applied', newIds, call });
  const user = userActor(s);
  switch (cmd.op) {
    case 'drop':
      dropPacket(s, livePacket(s, cmd.id), ROUTER, 'dropped by user');
      return done();
    case 'delay':
      delayPacket(s, livePacket(s, cmd.id), cmd.delayMs);
      return done();
    case 'hold': {
      const pkt = livePacket(s, cmd.id);
      if (pkt.where === 'held') throw notHere(pkt, 'held');
      hold(s, pkt, user);
      return done();
    }
    case 'release': {
      const pkt = livePacket(s, cmd.id);
      if (pkt.where !== 'held' && pkt.where !== 'delayed' && pkt.where !== 'reorder') throw notHere(pkt, 'released');
      release(s, pkt, user);
      return done();
    }
    case 'move':
      movePacket(s, livePacket(s, cmd.id), cmd.toIndex);
      return done();
    case 'duplicate':
      return done(duplicate(s, livePacket(s, cmd.id), user, cmd.count ?? 1).map((p) => p.id));
    case 'corrupt':
      corrupt(s, livePacket(s, cmd.id), user);
      return done();
    case 'cache':
      cache(s, livePacket(s, cmd.id), user);
      return done();
    case 'edit':
      return done([editPacket(s, livePacket(s, cmd.id), cmd.fields)]);
    case 'inject':
      refuseIfDown(s, s.hosts.get(cmd.from)!, 'send', 'from');
      return done([inject(s, cmd.from, cmd.seg)]);
    case 'replay':
      if (!s.cache.has(cmd.id)) throw notCached(s, cmd.id);
      return done([replay(s, cmd.id, user).id]);
    case 'call':
      // A user's call on a down host is refused (not logged); a scenario's step there becomes a step.error.
      refuseIfDown(s, s.hosts.get(cmd.step.host)!, cmd.step.call, 'step.host');
      return done([], runStep(s, callOf(cmd.step), null));
    case 'flood':
      refuseIfDown(s, s.hosts.get(cmd.flood.from)!, 'flood', 'flood.from');
      startFlood(s, cmd.flood);
      return done();
    default:
      ruleCommand(s, cmd);
      return done();
  }
}

/**
 * Why packet #id has no cache entry. A cache ordered while the packet was on its sender's link is kept only
 * when it reaches the router (router.ts cache), so say when it will, or that it never did.
 */
function notCached(s: NetState, id: number): NetError {
  const live = s.live.get(id);
  if (live !== undefined && live.pendingCache !== null) {
    return new NetError('not-cached', `packet #${id} cannot be replayed yet: it has not reached the router (it arrives at ${live.untilMs} ms); the router keeps its copy then`, 'id');
  }
  const rec = live === undefined ? s.store.get(id) : undefined;
  if (rec !== undefined && rec.notes.some((n) => n.startsWith(CACHE_ORDERED))) {
    const f = rec.fate;
    if (f.state === 'dropped') {
      return new NetError('not-cached', `packet #${id} cannot be replayed: it was dropped at ${f.atMs} ms (${f.reason}) before it reached the router, so the router never had a copy`, 'id');
    }
    if (f.state === 'replaced') {
      return new NetError('not-cached', `packet #${id} cannot be replayed: it was replaced by its edit #${f.by} before it reached the router; the router keeps #${f.by} instead`, 'id');
    }
  }
  const ids = [...s.cache.values()].map((e) => `#${e.id}`).join(', ') || 'none';
  return new NetError('not-cached', `packet #${id} is not in the router cache (cached: ${ids})`, 'id');
}

function delayPacket(s: NetState, pkt: LivePacket, delayMs: number): void {
  if (pkt.where === 'link-in' || pkt.where === 'link-out' || pkt.where === 'delayed') {
    const untilMs = pkt.untilMs! + delayMs;
    retime(s, pkt, untilMs);
    addNote(pkt.record, `delayed ${delayMs} ms by user`);
    emit(s, { t: s.nowMs, kind: 'router.delay', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: 'user', delayMs, untilMs });
  } else {
    delayParked(s, pkt, userActor(s), delayMs);
  }
}

function movePacket(s: NetState, pkt: LivePacket, toIndex: number): void {
  if (pkt.where !== 'queued') throw notHere(pkt, 'moved within the queue');
  const q = s.queues.get(pkt.record.to!)!;
  const onWire = q.busyUntilMs !== null ? 1 : 0;
  const from = q.ids.indexOf(pkt.id) - onWire;
  if (from < 0) throw new NetError('not-interceptable', `packet #${pkt.id} is already being sent on the wire`, 'id');
  const waiting = q.ids.length - onWire;
  if (toIndex > waiting - 1) throw badCmd('toIndex', `toIndex ${toIndex} is past the end of the queue (${waiting} waiting: 0-${waiting - 1})`);
  q.ids.splice(from + onWire, 1);
  q.ids.splice(toIndex + onWire, 0, pkt.id);
  addNote(pkt.record, `moved in the queue by user from ${from} to ${toIndex}`);
  emit(s, { t: s.nowMs, kind: 'router.move', host: ROUTER, conn: keyOf(pkt.record), id: pkt.id, by: 'user', from, to: toIndex });
}

function editPacket(s: NetState, pkt: LivePacket, fields: PacketEdit): number {
  const { seg, changes } = applyEdit(pkt.seg, fields);
  const next = newPacket(s, seg, { type: 'edited', of: pkt.id }, pkt.fromHost, pkt.bypassRules);
  replaceInPlace(s, pkt, next);
  addNote(next.record, `edited from #${pkt.id} by user: ${changes.join(', ')}`);
  emit(s, { t: s.nowMs, kind: 'router.edit', host: ROUTER, conn: keyOf(next.record), id: next.id, by: 'user', of: pkt.id, seg: segSummary(seg), changes });
  return next.id;
}

function inject(s: NetState, from: string, crafted: CraftedSegment): number {
  const h = s.hosts.get(from)!;
  const seg = craftSegment(crafted, h.ip);
  if (seg.srcIp !== h.ip) s.spoofed.set(seg.srcIp, true);
  const pkt = newPacket(s, seg, { type: 'injected' }, h, true);
  addNote(pkt.record, seg.srcIp !== h.ip ? `injected by user from ${from}, spoofing ${seg.srcIp}` : `injected by user from ${from}`);
  emitSegment(s, 'segment.send', from, pkt.record, seg, optionsSummary(seg.options), 'injected by user', { type: 'injected' });
  launch(s, pkt);
  return pkt.id;
}

type RuleCommand = Extract<Intervention, { op: 'rule.add' | 'rule.remove' | 'rule.move' | 'rule.enable' }>;

function ruleCommand(s: NetState, cmd: RuleCommand): void {
  const note = (rule: string, detail: string) => emit(s, { t: s.nowMs, kind: 'rule.change', host: ROUTER, op: cmd.op, rule, detail });
  switch (cmd.op) {
    case 'rule.add': {
      const r = s.rules.build(cmd.rule);
      s.rules.insert(r, cmd.index);
      return note(r.id, `added at position ${s.rules.rules.indexOf(r)}: ${r.action.action}`);
    }
    case 'rule.remove':
      s.rules.remove(cmd.rule);
      return note(cmd.rule, 'removed');
    case 'rule.move':
      s.rules.move(cmd.rule, cmd.toIndex);
      return note(cmd.rule, `moved to position ${cmd.toIndex}`);
    case 'rule.enable':
      s.rules.find(cmd.rule).enabled = cmd.enabled;
      return note(cmd.rule, cmd.enabled ? 'enabled' : 'disabled');
  }
}
