// The virtual network: hosts with their TCP stacks, links, one router with fault rules, user
// interventions, and a discrete-event scheduler over virtual time (ms). Deterministic: the same spec,
// seed and actions give a byte-identical trace.
//
// Live playback: net/ has no clock. The host layer calls runFor(wallElapsedMs * speed) from its own
// timer (e.g. each animation frame) and may sleep until nextEventMs() when nothing is due.
// Interventions: see interventions.ts for the timing contract of apply().
import type { TcpStackApi } from '../tcp/api.js';
import { TcpStack } from '../tcp/stack.js';
import { deepClone } from './clone.js';
import { DEFAULT_LIMITS, isLive, type NetLimits, type NetState } from './core.js';
import { buildState, type StackFactory } from './build.js';
import { dispatch } from './dispatch.js';
import { EV, type SimItem } from './events.js';
import { NetError } from './errors.js';
import { HostSink, makeTransmit } from './hooks.js';
import { checkStatic, execute, type ApplyResult, type Intervention } from './interventions.js';
import type { PacketRecord } from './packets.js';
import { ruleLabel } from './rules.js';
import { KLASS_COMMAND } from './scheduler.js';
import type { RuleAction, RuleMatch, RuleSpec, RunSpec, StepCall } from './spec.js';
import { callOf, type CallResult } from './steps.js';
import type { TraceSink } from './trace.js';
import { packetRecord, routerView, routerViewPackets, type NumbersOf, type RouterView } from './view.js';

export interface NetworkOptions {
  limits?: Partial<NetLimits>;
  /** For tests of net/ alone; defaults to the real engine. */
  createStack?: StackFactory;
}

export interface HostView {
  name: string;
  ip: string;
  link: { delayMs: number; bandwidthBps: number | null; queueCapacity: number };
}

export interface RuleView {
  id: string;
  label: string;
  enabled: boolean;
  match: RuleMatch;
  action: RuleAction;
  /** Packets that fitted the match / times the rule acted. */
  matches: number;
  fired: number;
}

/** rules(): the list plus edits, each applied now and logged like any intervention. */
export interface RuleControl {
  list(): RuleView[];
  add(rule: RuleSpec, index?: number): void;
  remove(id: string): void;
  move(id: string, toIndex: number): void;
  enable(id: string, enabled: boolean): void;
}

/** At most this many events at one instant: a guard against a zero-delay loop (an engine bug). */
const MAX_EVENTS_AT_ONE_TIME = 10_000_000;
/** stepToNextPacket gives up after this many events without a packet event. */
const MAX_EVENTS_PER_PACKET_STEP = 1_000_000;

/** isLive with the scheduler's (item, ctx, tag) arguments: one function, no closure per call. */
const liveIn = (item: SimItem, _s: NetState, tag: number): boolean => isLive(item, tag);

/** Events at one virtual time so far (a zero-delay loop never lets time advance). */
interface SameTimeGuard {
  lastMs: number;
  sameTime: number;
}

/** Events per runChunk call. */
const CHUNK_EVENTS = 4096;

/**
 * Runs up to CHUNK_EVENTS events due at or before tMs; false when none is left. runUntil calls this in a loop
 * instead of looping over a million events itself: V8 optimizes a function that is called often as a whole,
 * but one long loop only through on-stack replacement, and after a deoptimization the loop went on in
 * baseline code until the next replacement (~1,000 instructions per flood SYN, by valgrind).
 */
function runChunk(s: NetState, tMs: number, guard: SameTimeGuard): boolean {
  for (let i = 0; i < CHUNK_EVENTS; i++) {
    const ev = s.sched.popLive(tMs, liveIn, s);
    if (ev === undefined) return false;
    guard.sameTime = s.nowMs === guard.lastMs ? guard.sameTime + 1 : 0;
    guard.lastMs = s.nowMs;
    if (guard.sameTime > MAX_EVENTS_AT_ONE_TIME) throw new Error(`more than ${MAX_EVENTS_AT_ONE_TIME} events at ${guard.lastMs} ms: zero-delay loop?`);
    dispatch(s, ev, s.sched.poppedTag);
  }
  return true;
}

export class Network {
  private s: NetState;

  constructor(spec: RunSpec, sink: TraceSink, opts: NetworkOptions = {}) {
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.s = buildState(spec, sink, limits, opts.createStack ?? ((o) => new TcpStack(o)));
  }

  /** Re-runs spec + logged actions (Network.actions()) from scratch; the trace repeats byte for byte. */
  static replay(spec: RunSpec, sink: TraceSink, actions: readonly Intervention[], opts: NetworkOptions = {}): Network {
    const net = new Network(spec, sink, opts);
    for (const a of actions) net.apply(a);
    return net;
  }

  get nowMs(): number {
    return this.s.nowMs;
  }

  get spec(): RunSpec {
    return this.s.spec;
  }

  /** Runs every event due at or before tMs, then sets the clock to tMs. */
  runUntil(tMs: number): void {
    if (!Number.isFinite(tMs)) throw new NetError('invalid-command', `runUntil(${tMs}): need a finite time`);
    if (tMs < this.s.nowMs) throw new NetError('in-the-past', `cannot run until ${tMs} ms: it is already ${this.s.nowMs} ms`);
    const guard: SameTimeGuard = { lastMs: -1, sameTime: 0 };
    while (runChunk(this.s, tMs, guard)) {
      // each call runs up to CHUNK_EVENTS events
    }
    this.s.sched.advanceTo(tMs);
  }

  runFor(virtualMs: number): void {
    this.runUntil(this.s.nowMs + virtualMs);
  }

  /** runUntil(spec.untilMs). */
  run(): void {
    this.runUntil(this.s.spec.untilMs);
  }

  /** Runs exactly one (live) event; false when nothing is scheduled. */
  step(): boolean {
    const ev = this.s.sched.popLive(Infinity, liveIn, this.s);
    if (ev === undefined) return false;
    dispatch(this.s, ev, this.s.sched.poppedTag);
    return true;
  }

  /** Runs events until one sends, receives, drops or moves a packet (or limitMs / nothing left). */
  stepToNextPacket(limitMs = Infinity): boolean {
    const before = this.s.packetEvents;
    for (let i = 0; i < MAX_EVENTS_PER_PACKET_STEP; i++) {
      const ev = this.s.sched.popLive(limitMs, liveIn, this.s);
      if (ev === undefined) return false;
      dispatch(this.s, ev, this.s.sched.poppedTag);
      if (this.s.packetEvents !== before) return true;
    }
    return false;
  }

  /** When the next event is due (Infinity when nothing is scheduled). */
  nextEventMs(): number {
    return this.s.sched.nextLiveMs(liveIn, this.s);
  }

  /**
   * Applies cmd now (cmd.atMs === nowMs: the network first runs what is still due now) or schedules it
   * (cmd.atMs > nowMs). Refused commands throw NetError and change nothing. See interventions.ts.
   */
  apply(cmd: Intervention): ApplyResult {
    const now = this.s.nowMs;
    checkStatic(this.s, cmd);
    if (cmd.atMs < now) throw new NetError('in-the-past', `command at ${cmd.atMs} ms is in the past (now ${now} ms)`, 'atMs');
    const logged = deepClone(cmd);
    if (cmd.atMs > now) {
      this.s.sched.at(cmd.atMs, deepClone(cmd), KLASS_COMMAND, EV.COMMAND);
      this.s.log.push(logged);
      return { status: 'scheduled', atMs: cmd.atMs };
    }
    this.runUntil(now);
    const result = execute(this.s, logged);
    this.s.log.push(logged);
    return result;
  }

  /** An application call now (the UI's socket controls); logged like any intervention. */
  call(step: StepCall): CallResult {
    const result = this.apply({ atMs: this.s.nowMs, op: 'call', step: callOf(step) });
    return result.status === 'applied' && result.call !== null ? result.call : { ok: true, conn: null };
  }

  /** The router's queues, travelling and cached packets; labels numbered by `numbersOf` (view.ts NumbersOf). */
  routerView(numbersOf?: NumbersOf): RouterView {
    return routerView(this.s, numbersOf);
  }

  /** The ids and keys of the packets routerView() labels (view.ts routerViewPackets), in no particular order. */
  routerViewPackets(): { ids: number[]; conns: string[] } {
    return routerViewPackets(this.s);
  }

  /** A copy of packet #id's record; undefined when unknown or evicted from the bounded store. */
  packet(id: number): PacketRecord | undefined {
    return packetRecord(this.s, id);
  }

  /** Copies of every packet record still kept, by id. */
  packets(): PacketRecord[] {
    return this.s.store.all(this.s.lastPacketId).map((r) => packetRecord(this.s, r.id)!);
  }

  /** How many packets exist, and how many records the bounded store has evicted. */
  packetStats(): { lastId: number; evicted: number; live: number } {
    return { lastId: this.s.lastPacketId, evicted: this.s.store.evicted, live: this.s.live.size };
  }

  rules(): RuleControl {
    const at = () => this.s.nowMs;
    return {
      list: () => this.s.rules.rules.map((r) => ({
        id: r.id, label: ruleLabel(r), enabled: r.enabled, match: { ...r.match }, action: { ...r.action }, matches: r.matches, fired: r.fired,
      })),
      add: (rule, index) => void this.apply(index === undefined ? { atMs: at(), op: 'rule.add', rule } : { atMs: at(), op: 'rule.add', rule, index }),
      remove: (id) => void this.apply({ atMs: at(), op: 'rule.remove', rule: id }),
      move: (id, toIndex) => void this.apply({ atMs: at(), op: 'rule.move', rule: id, toIndex }),
      enable: (id, enabled) => void this.apply({ atMs: at(), op: 'rule.enable', rule: id, enabled }),
    };
  }

  /** The host's TCP stack (read its status; drive it only through call(), so actions stay logged). */
  stack(hostName: string): TcpStackApi {
    const h = this.s.hosts.get(hostName);
    if (h === undefined) throw new NetError('unknown-host', `no host "${hostName}" (hosts: ${[...this.s.hosts.keys()].join(', ')})`, 'host');
    return h.stack;
  }

  hosts(): HostView[] {
    return [...this.s.hosts.values()].map((h) => ({
      name: h.name, ip: h.ip, link: { delayMs: h.link.delayMs, bandwidthBps: h.link.bandwidthBps, queueCapacity: h.link.queueCapacity },
    }));
  }

  /** The action log: every accepted command, in the order applied or scheduled (copies). */
  actions(): Intervention[] {
    return deepClone(this.s.log);
  }

  /** An independent copy at the same instant, emitting to `sink` from now on (seek snapshots). */
  clone(sink: TraceSink): Network {
    const copy = deepClone(this.s, new Map<unknown, unknown>([[this.s.sink, sink]]), { snapshot: true });
    for (const h of copy.hosts.values()) h.stack.rebind(new HostSink(copy), makeTransmit(copy, h.name));
    const net = Object.create(Network.prototype) as Network;
    (net as unknown as { s: NetState }).s = copy;
    return net;
  }
}
