// Wireshark's relative numbers (contract/relative-seq.ts) of every packet of a timeline's growing trace,
// looked up by packet id: what the router list and the packet inspector print, so they read exactly as the
// ladder and the exports do (lab/packet-numbers.ts numbers a whole trace the same way, in one pass).
//
// Why an index and not a pass per view: the router view is fetched after every seek and ten times a second
// while playing, and a pass over a 100,000-event trace costs milliseconds. A packet's numbers depend only
// on the packets sent before it (wire order = packet id order = trace order of their start events), never
// on the cursor, so the pass is kept and only extended: a view costs the events added since the last one.
// The numbers are kept in typed arrays by id (no object per packet for the collector to trace).
import { RelativeSeq } from '../contract/relative-seq.js';
import type { RelativeTo } from '../net/label.js';
import type { TraceEvent } from '../net/trace.js';
import type { SegSummary } from '../tcp/trace.js';
import { START_KINDS } from './packet-numbers.js';
import type { TraceReader } from './trace-store.js';

/** Bits of a packet's state. */
const NUMBERED = 1, HAS_ACK_BASE = 2, HAS_WIN_SHIFT = 4;
const FIRST_IDS = 1024;

export class PacketNumberIndex {
  readonly #trace: TraceReader;
  readonly #numbers = new RelativeSeq();
  /** Events [0, scanned) have been numbered. */
  #scanned = 0;
  /** The highest packet id numbered so far: ids only grow along the trace. */
  #lastId = 0;
  #state = new Uint8Array(FIRST_IDS);
  #seqBase = new Uint32Array(FIRST_IDS);
  #ackBase = new Uint32Array(FIRST_IDS);
  #winShift = new Uint8Array(FIRST_IDS);
  /**
   * The event whose `seg` the packet carries: its own start for a send, replay or edit; its original's for
   * a router duplicate's copy (the copies carry their original's segment, as PacketNumbering does).
   */
  #segEvent = new Uint32Array(FIRST_IDS);

  constructor(trace: TraceReader) {
    this.#trace = trace;
  }

  /**
   * Packet #id's numbers for wiresharkLabel, or undefined when the trace has no packet #id: it is then
   * printed with absolute numbers. Reads the trace only as far as packet #id's start event.
   */
  relativeTo(id: number): RelativeTo | undefined {
    if (!Number.isInteger(id) || id < 1) return undefined;
    this.#scanTo(id);
    if (id >= this.#state.length) return undefined;
    const state = this.#state[id]!;
    if ((state & NUMBERED) === 0) return undefined;
    const out: RelativeTo = { seqBase: this.#seqBase[id]! };
    if ((state & HAS_ACK_BASE) !== 0) out.ackBase = this.#ackBase[id]!;
    if ((state & HAS_WIN_SHIFT) !== 0) out.winShift = this.#winShift[id]!;
    return out;
  }

  /** Numbers start events until packet #id (or a later one) is numbered, or the trace ends. */
  #scanTo(id: number): void {
    const trace = this.#trace;
    while (this.#lastId < id && this.#scanned < trace.length) {
      const i = this.#scanned++;
      if (START_KINDS.has(trace.kindAt(i))) this.#onStart(trace.get(i), i);
    }
  }

  #onStart(ev: TraceEvent, index: number): void {
    if (ev.kind === 'segment.send' || ev.kind === 'router.replay' || ev.kind === 'router.edit') {
      this.#number(ev.id, ev.conn, ev.seg, index);
    } else if (ev.kind === 'router.duplicate') {
      // A copy of a packet this trace never started (none in practice) is left unnumbered, as in PacketNumbering.
      if (ev.id >= this.#state.length || (this.#state[ev.id]! & NUMBERED) === 0) return;
      const from = this.#segEvent[ev.id]!;
      const original = this.#trace.get(from);
      if (!('seg' in original)) return;
      for (const c of ev.copies) this.#number(c, ev.conn, original.seg, from);
    }
  }

  #number(id: number, conn: string, seg: SegSummary, carrierIndex: number): void {
    if (!Number.isInteger(id) || id < 1) return;
    this.#fit(id);
    const n = this.#numbers.observe(conn, { flags: seg.flags, seq: seg.seq, ack: seg.ack, wscale: seg.options.wscale });
    let state = NUMBERED;
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
    this.#segEvent[id] = carrierIndex;
    if (id > this.#lastId) this.#lastId = id;
  }

  /** Grows the columns (doubling) so that index id exists. */
  #fit(id: number): void {
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
    this.#segEvent = grow(this.#segEvent, (n) => new Uint32Array(n));
  }
}
