// Wireshark's relative numbers (contract/relative-seq.ts) of the packets of a timeline's growing trace,
// looked up by packet id: what the router list and the packet inspector print, so they read exactly as the
// ladder and the exports do (lab/packet-numbers.ts numbers a whole trace the same way, in one pass).
//
// Why numbering on demand, one conversation at a time: a packet's numbers depend only on the packets sent
// before it on its own conversation (its direction and the reverse one: RelativeSeq reads and resets nothing
// else), never on the cursor or on other conversations. A SYN flood of 1,000,000 events has ~285,000
// conversations, and numbering all of them kept a direction object and a Map entry for each of 570,000 keys
// (+50 MB of heap and seconds of the first router view after a seek), while the router view only asks for
// the few hundred packets still travelling. So the index only locates every packet (two typed-array slots
// per id, no string read), and numbers just the conversations it is asked about: their packets before the
// scanned frontier in one pass over the trace's columns (prepare() batches a whole view into that pass),
// later ones as the frontier moves on. A bulk transfer's one conversation is numbered once and then only
// extended, so a seek still costs only the events added since the last view.
//
// Conversation keys are "ip:port>ip:port" (one '>', so reverseConn is its own inverse): a set of directions
// closed under reverseConn holds every direction RelativeSeq may touch for them.
import { RelativeSeq, reverseConn } from '../contract/relative-seq.js';
import type { RelativeTo } from '../net/label.js';
import { START_KINDS } from './packet-numbers.js';
import type { TraceReader } from './trace-store.js';

/** Bits of a packet's state. */
const LOCATED = 1, NUMBERED = 2, HAS_ACK_BASE = 4, HAS_WIN_SHIFT = 8;
const FIRST_IDS = 1024;
/**
 * Directions tracked at most (beyond one batch): past it the conversations' states are dropped and rebuilt
 * when next asked, so a long live play of a flood, which asks about new SYNs all the time, stays bounded.
 */
export const MAX_TRACKED_DIRECTIONS = 4096;
/**
 * A lone relativeTo() for a conversation not numbered yet prepares the packets sent just after it too: a
 * pass over the trace is paid per batch, and asking packet after packet (the inspector stepping along, a
 * test comparing every packet) would otherwise pay one pass per conversation.
 */
const LOOKAHEAD_IDS = 256;

export class PacketNumberIndex {
  readonly #trace: TraceReader;
  #numbers = new RelativeSeq();
  /** Directions (both of each conversation asked about) whose packets below #scanned are all numbered. */
  #tracked = new Set<string>();
  /** Events [0, scanned) have been read: their packets located, those of tracked conversations numbered. */
  #scanned = 0;
  /** The highest packet id located so far: ids only grow along the trace. */
  #lastId = 0;
  #state = new Uint8Array(FIRST_IDS);
  #seqBase = new Uint32Array(FIRST_IDS);
  #ackBase = new Uint32Array(FIRST_IDS);
  #winShift = new Uint8Array(FIRST_IDS);
  /** The index of the event that put the packet on the wire (for a router duplicate's copy: the duplicate). */
  #startEvent = new Uint32Array(FIRST_IDS);
  /**
   * For a router duplicate's copy, the event whose `seg` it carries: its original's (the copies carry their
   * original's segment, as PacketNumbering does). Any other packet carries its own start event's.
   */
  readonly #copySegEvent = new Map<number, number>();

  constructor(trace: TraceReader) {
    this.#trace = trace;
  }

  /** How many directions have numbering state (tests: conversations never asked about have none). */
  get trackedDirections(): number {
    return this.#tracked.size;
  }

  /**
   * Packet #id's numbers for wiresharkLabel, or undefined when the trace has no packet #id: it is then
   * printed with absolute numbers. Reads the trace only as far as packet #id's start event.
   */
  relativeTo(id: number): RelativeTo | undefined {
    if (!Number.isInteger(id) || id < 1) return undefined;
    if (!this.#isNumbered(id)) this.prepare(Array.from({ length: LOOKAHEAD_IDS }, (_, k) => id + k));
    if (!this.#isNumbered(id)) return undefined;
    const state = this.#state[id]!;
    const out: RelativeTo = { seqBase: this.#seqBase[id]! };
    if ((state & HAS_ACK_BASE) !== 0) out.ackBase = this.#ackBase[id]!;
    if ((state & HAS_WIN_SHIFT) !== 0) out.winShift = this.#winShift[id]!;
    return out;
  }

  /**
   * Numbers the packets `ids` (a view's packets) in one pass over the trace for all of their conversations not
   * numbered yet, so that the relativeTo() calls that follow only read. Ids the trace has no packet for are
   * skipped. `conns`: the connection keys the caller expects them to have (the router view knows them): those
   * conversations are numbered while the frontier moves on to the ids, which spares the first view of a
   * timeline a second pass; a wrong or missing one only costs that pass.
   */
  prepare(ids: readonly number[], conns: readonly string[] = []): void {
    let maxId = 0;
    for (const id of ids) if (Number.isInteger(id) && id > maxId) maxId = id;
    this.#track(conns);
    this.#scanTo(maxId);
    const missing: string[] = [];
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 1 || id > this.#lastId || this.#isNumbered(id) || (this.#state[id]! & LOCATED) === 0) continue;
      const conn = this.#connOf(id);
      if (conn !== null) missing.push(conn);
    }
    this.#track(missing);
  }

  /** Numbers the conversations of `conns` not numbered yet: their packets before the frontier, in trace order. */
  #track(conns: readonly string[]): void {
    const fresh = new Set<string>();
    for (const conn of conns) {
      if (this.#tracked.has(conn)) continue;
      fresh.add(conn);
      fresh.add(reverseConn(conn));
    }
    if (fresh.size === 0) return;
    if (this.#tracked.size + fresh.size > MAX_TRACKED_DIRECTIONS) {
      // Forget every conversation's state: numbers already given stay (they never change), and a forgotten
      // conversation asked again is numbered again from the trace's start, to the same numbers.
      this.#tracked = new Set();
      this.#numbers = new RelativeSeq();
    }
    for (const conn of fresh) this.#tracked.add(conn);
    // Later packets are numbered as the frontier moves on (#scanTo numbers every tracked conversation).
    if (this.#scanned > 0) for (const i of this.#trace.eventsWithConn(0, this.#scanned, fresh, START_KINDS)) this.#read(i, fresh, false);
  }

  #isNumbered(id: number): boolean {
    return id < this.#state.length && (this.#state[id]! & NUMBERED) !== 0;
  }

  /** The connection key of packet #id's start event (a copy: its duplicate's). */
  #connOf(id: number): string | null {
    return this.#trace.connAt(this.#startEvent[id]!);
  }

  /** Reads events until packet #id (or a later one) is located, or the trace ends. */
  #scanTo(id: number): void {
    const trace = this.#trace;
    while (this.#lastId < id && this.#scanned < trace.length) this.#read(this.#scanned++, this.#tracked, true);
  }

  /**
   * Event i: when it starts packets, locates them (`locate`, on the frontier) and numbers them when their
   * conversation is in `numbering`. Only a start event's kind, id and key are read for others (no event object).
   */
  #read(i: number, numbering: ReadonlySet<string>, locate: boolean): void {
    const trace = this.#trace;
    const kind = trace.kindAt(i);
    if (kind === 'segment.send') {
      const id = trace.idAt(i);
      if (id === undefined || !Number.isInteger(id) || id < 1) return;
      if (locate) this.#locate(id, i, i);
      if (numbering.size > 0) this.#numberIf(numbering, id, i, i);
    } else if (kind === 'router.replay' || kind === 'router.edit') {
      const ev = trace.get(i) as { id: number };
      if (!Number.isInteger(ev.id) || ev.id < 1) return;
      if (locate) this.#locate(ev.id, i, i);
      this.#numberIf(numbering, ev.id, i, i);
    } else if (kind === 'router.duplicate') {
      const ev = trace.get(i);
      if (ev.kind !== 'router.duplicate') return;
      // A copy of a packet this trace never started (none in practice) is left unnumbered, as in PacketNumbering.
      if (!(Number.isInteger(ev.id) && ev.id >= 1 && ev.id < this.#state.length && (this.#state[ev.id]! & LOCATED) !== 0)) return;
      const from = this.#segEventOf(ev.id);
      if (trace.segAt(from) === undefined) return;
      for (const c of ev.copies) {
        if (!Number.isInteger(c) || c < 1) continue;
        if (locate) this.#locate(c, i, from);
        this.#numberIf(numbering, c, i, from);
      }
    }
  }

  #locate(id: number, startIndex: number, segIndex: number): void {
    this.#growTo(id);
    this.#state[id] = LOCATED;
    this.#startEvent[id] = startIndex;
    if (segIndex !== startIndex) this.#copySegEvent.set(id, segIndex);
    if (id > this.#lastId) this.#lastId = id;
  }

  #segEventOf(id: number): number {
    return this.#copySegEvent.get(id) ?? this.#startEvent[id]!;
  }

  /**
   * Feeds packet #id (started by event startIndex, carrying event segIndex's segment) to the numbering when
   * its conversation is one of `numbering`'s.
   */
  #numberIf(numbering: ReadonlySet<string>, id: number, startIndex: number, segIndex: number): void {
    const trace = this.#trace;
    const conn = trace.connAt(startIndex);
    if (conn === null || !numbering.has(conn)) return;
    const seg = trace.segAt(segIndex);
    if (seg === undefined) return;
    const n = this.#numbers.observe(conn, { flags: seg.flags, seq: seg.seq, ack: seg.ack, wscale: seg.options.wscale });
    let state = LOCATED | NUMBERED;
    this.#seqBase[id] = n.seqBase;
    if (n.ackBase !== undefined) {
      state |= HAS_ACK_BASE;
      this.#ackBase[id] = n.ackBase;
    }
    if (n.winShift !== undefined) {
      state |= HAS_WIN_SHIFT;
      this.#winShift[id] = n.winShift;
    }
    this.#state[id] = state;
  }

  /** Grows the columns (doubling) so that index id exists. */
  #growTo(id: number): void {
    if (id < this.#state.length) return;
    let size = this.#state.length;
    while (size <= id) size *= 2;
    const grow = <T extends Uint8Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.#state = grow(this.#state, (n) => new Uint8Array(n));
    this.#seqBase = grow(this.#seqBase, (n) => new Uint32Array(n));
    this.#ackBase = grow(this.#ackBase, (n) => new Uint32Array(n));
    this.#winShift = grow(this.#winShift, (n) => new Uint8Array(n));
    this.#startEvent = grow(this.#startEvent, (n) => new Uint32Array(n));
  }
}
