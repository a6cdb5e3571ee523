// The trace a timeline keeps, in columns instead of one object per event.
//
// Why: a long run keeps every event (a 100 MB transfer: ~374,000; a host session: up to millions). As objects
// (the event plus its segment summary) they all survive V8's young-generation collections, so every scavenge
// copies them and every full collection marks them: about half the time of a 100 MB bulk run went to the
// garbage collector (docs/PERFORMANCE.md "Engine, session 3"). Here the five kinds that make up nearly every
// trace (segment.send / recv / drop, timer, app) are split into typed arrays and arrays of shared strings
// and option objects, which the collector does not copy and marks as flat arrays. Every other kind is kept
// as the object itself.
//
// Reading is a copy: get(i) and slice() build a fresh event with the same keys in the same order as the
// code that emitted it (net/hooks.ts, net/flood.ts, net/journey.ts, tcp/core.ts), so JSON.stringify of a
// stored event is byte-identical to the original's (tests/unit/lab/trace-store.test.ts checks this on
// every lesson and scenario). Events are read-only by contract (DESIGN.md "Trace"), so nothing relied on
// getting the emitted object back.
import { flagLetters, ORIGINAL, segmentEvent, type Lineage, type SegmentEventKind, type TraceEvent } from '../net/trace.js';
import type { Segment, TcpOptions } from '../tcp/segment.js';
import type { AppEventName, SegSummary, TimerName, TimerOp } from '../tcp/trace.js';

/** How an event is stored. OBJECT: the event object itself (rare kinds, or a shape the codecs do not know). */
const OBJECT = 0, SEND = 1, RECV = 2, DROP = 3, TIMER = 4, APP = 5;

const KIND_OF_CODE = ['', 'segment.send', 'segment.recv', 'segment.drop', 'timer', 'app'] as const;

/**
 * Events per full chunk. Full chunks are never grown or copied (growing one array copied ~12 ns per element
 * per doubling), and their arrays of 32,768 pointers (256 KB) are big enough for V8 to put them straight
 * into its large-object space, where the young-generation collector never copies them (with 8,192 events
 * per chunk, in-run GC time of a 100 MB transfer was 1.5-2x higher).
 */
const CHUNK_BITS = 15;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** A store's first chunk starts this small and doubles up to CHUNK (most lesson traces have a few hundred events). */
const FIRST_CHUNK = 1024;

/** A uint32 field (sequence numbers, lengths, windows) that fits a Uint32Array slot exactly. */
function isU32(x: unknown): x is number {
  return typeof x === 'number' && x >>> 0 === x;
}

function isSummary(seg: unknown): seg is SegSummary {
  if (typeof seg !== 'object' || seg === null) return false;
  const s = seg as SegSummary;
  return typeof s.flags === 'string' && isU32(s.seq) && isU32(s.ack) && isU32(s.len) && isU32(s.win) && typeof s.options === 'object' && s.options !== null;
}

/** A read-only trace: what the publisher, the inspector and the views need of it. */
export interface TraceReader {
  readonly length: number;
  /** A fresh copy of event i (i < length). */
  get(i: number): TraceEvent;
  kindAt(i: number): string;
  tAt(i: number): number;
  /** Fresh copies of events [from, to). */
  slice(from: number, to?: number): TraceEvent[];
}

/**
 * The columns of up to `capacity` events. Every chunk but a store's last is full (CHUNK events) and is never
 * written again, so copies of a store share it.
 */
class Chunk {
  readonly t: Float64Array;
  readonly code: Uint8Array;
  /** id (segment events), dueMs (timer) or bytes (app). */
  readonly num: Float64Array;
  /** seq, ack, len, win of a segment summary, four per event. */
  readonly seg: Uint32Array;
  readonly host: string[];
  readonly conn: string[];
  /** flags (segment events), timer name (timer) or event name (app). */
  readonly s1: string[];
  /** cause (send), reason (drop), op (timer) or detail (app). */
  readonly s2: string[];
  /** The options object of a segment summary (shared, never mutated), or the whole event (OBJECT). */
  readonly r1: unknown[];
  /** The lineage (send): the shared ORIGINAL for nearly all. */
  readonly r2: unknown[];

  constructor(readonly capacity: number) {
    this.t = new Float64Array(capacity);
    this.code = new Uint8Array(capacity);
    this.num = new Float64Array(capacity);
    this.seg = new Uint32Array(capacity * 4);
    this.host = new Array<string>(capacity);
    this.conn = new Array<string>(capacity);
    this.s1 = new Array<string>(capacity);
    this.s2 = new Array<string>(capacity);
    this.r1 = new Array<unknown>(capacity);
    this.r2 = new Array<unknown>(capacity);
  }

  /** A chunk of `capacity` starting with this one's first n events. */
  copy(n: number, capacity: number): Chunk {
    const out = new Chunk(capacity);
    out.t.set(this.t.subarray(0, n));
    out.code.set(this.code.subarray(0, n));
    out.num.set(this.num.subarray(0, n));
    out.seg.set(this.seg.subarray(0, n * 4));
    for (let i = 0; i < n; i++) {
      out.host[i] = this.host[i]!;
      out.conn[i] = this.conn[i]!;
      out.s1[i] = this.s1[i]!;
      out.s2[i] = this.s2[i]!;
      out.r1[i] = this.r1[i];
      out.r2[i] = this.r2[i];
    }
    return out;
  }
}

export class TraceStore implements TraceReader {
  private n = 0;
  private chunks: Chunk[] = [];
  private last: Chunk = new Chunk(0);

  /** A store holding copies of `events` (tests, and readers that are handed a plain array). */
  static of(events: readonly TraceEvent[]): TraceStore {
    const out = new TraceStore();
    for (const ev of events) out.push(ev);
    return out;
  }

  get length(): number {
    return this.n;
  }

  /** The chunk the next event goes to (its index is n & CHUNK_MASK), made or grown as needed. */
  private chunkForNext(): Chunk {
    const i = this.n & CHUNK_MASK;
    let c = this.last;
    if (i === 0) {
      c = new Chunk(this.chunks.length === 0 ? FIRST_CHUNK : CHUNK);
      this.chunks.push(c);
      this.last = c;
    } else if (i === c.capacity) {
      c = c.copy(i, Math.min(CHUNK, i * 2));
      this.chunks[this.chunks.length - 1] = c;
      this.last = c;
    }
    return c;
  }

  /**
   * The event segmentEvent(kind, t, host, conn, id, seg, options, text, lineage) would build, stored without
   * building it or its summary (TraceSink.segment: the network's fast path for its most common events).
   */
  pushSegment(kind: SegmentEventKind, t: number, host: string, conn: string, id: number, seg: Segment, options: TcpOptions, text: string, lineage: Lineage | null): void {
    const len = seg.payload.length;
    if (!(isU32(seg.seq) && isU32(seg.ack) && isU32(seg.window))) return this.push(segmentEvent(kind, t, host, conn, id, seg, options, text, lineage));
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = t;
    this.n++;
    c.code[i] = kind === 'segment.send' ? SEND : kind === 'segment.recv' ? RECV : DROP;
    c.num[i] = id;
    const j = i * 4;
    c.seg[j] = seg.seq;
    c.seg[j + 1] = seg.ack;
    c.seg[j + 2] = len;
    c.seg[j + 3] = seg.window;
    c.host[i] = host;
    c.conn[i] = conn;
    c.s1[i] = flagLetters(seg.flags);
    c.s2[i] = kind === 'segment.recv' ? '' : text;
    c.r1[i] = options;
    c.r2[i] = kind === 'segment.send' ? (lineage ?? ORIGINAL) : null;
  }

  /** The event timerEvent(t, host, conn, timer, op, dueMs) would build, stored without building it (TraceSink.timer). */
  pushTimer(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void {
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = t;
    this.n++;
    putPlain(c, i, TIMER, host, conn, dueMs, timer, op);
  }

  push(ev: TraceEvent): void {
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = ev.t;
    this.n++;
    switch (ev.kind) {
      case 'segment.send':
        if (isSummary(ev.seg) && typeof ev.cause === 'string') return putSegment(c, i, SEND, ev.host, ev.conn, ev.id, ev.seg, ev.cause, ev.lineage);
        break;
      case 'segment.recv':
        if (isSummary(ev.seg)) return putSegment(c, i, RECV, ev.host, ev.conn, ev.id, ev.seg, '', null);
        break;
      case 'segment.drop':
        if (isSummary(ev.seg) && typeof ev.reason === 'string') return putSegment(c, i, DROP, ev.host, ev.conn, ev.id, ev.seg, ev.reason, null);
        break;
      case 'timer':
        if (typeof ev.dueMs === 'number') return putPlain(c, i, TIMER, ev.host, ev.conn, ev.dueMs, ev.timer, ev.op);
        break;
      case 'app':
        if (typeof ev.bytes === 'number' && typeof ev.detail === 'string') return putPlain(c, i, APP, ev.host, ev.conn, ev.bytes, ev.event, ev.detail);
        break;
    }
    putPlain(c, i, OBJECT, '', '', 0, '', '');
    c.r1[i] = ev;
  }

  tAt(i: number): number {
    this.check(i);
    return this.chunks[i >> CHUNK_BITS]!.t[i & CHUNK_MASK]!;
  }

  kindAt(i: number): string {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const code = c.code[k]!;
    return code === OBJECT ? (c.r1[k] as TraceEvent).kind : KIND_OF_CODE[code]!;
  }

  get(i: number): TraceEvent {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const t = c.t[k]!, host = c.host[k]!, conn = c.conn[k]!;
    switch (c.code[k]) {
      case SEND:
        return { t, kind: 'segment.send', host, conn, id: c.num[k]!, seg: summary(c, k), lineage: c.r2[k] as Lineage, cause: c.s2[k]! };
      case RECV:
        return { t, kind: 'segment.recv', host, conn, id: c.num[k]!, seg: summary(c, k) };
      case DROP:
        return { t, kind: 'segment.drop', host, conn, id: c.num[k]!, seg: summary(c, k), reason: c.s2[k]! };
      case TIMER:
        return { t, kind: 'timer', host, conn, timer: c.s1[k] as TimerName, op: c.s2[k] as TimerOp, dueMs: c.num[k]! };
      case APP:
        return { t, kind: 'app', host, conn, event: c.s1[k] as AppEventName, bytes: c.num[k]!, detail: c.s2[k]! };
      default:
        return c.r1[k] as TraceEvent;
    }
  }

  slice(from = 0, to = this.n): TraceEvent[] {
    const a = Math.max(0, Math.min(from, this.n)), b = Math.max(a, Math.min(to, this.n));
    const out = new Array<TraceEvent>(b - a);
    for (let i = a; i < b; i++) out[i - a] = this.get(i);
    return out;
  }

  /**
   * An independent store with the first n events (a timeline derived from this one shares its prefix). Full
   * chunks are shared, as nothing writes to them again; only the partly filled last one is copied.
   */
  copy(n = this.n): TraceStore {
    const k = Math.max(0, Math.min(n, this.n));
    const out = new TraceStore();
    out.n = k;
    const full = k >> CHUNK_BITS, rest = k & CHUNK_MASK;
    out.chunks = this.chunks.slice(0, full);
    if (rest > 0) out.chunks.push(this.chunks[full]!.copy(rest, Math.min(CHUNK, Math.max(FIRST_CHUNK, 2 ** Math.ceil(Math.log2(rest))))));
    // After a full chunk the next push starts a new one (n & CHUNK_MASK === 0), so `last` only matters here.
    out.last = out.chunks[out.chunks.length - 1] ?? out.last;
    return out;
  }

  /** How many events are kept as objects (tests and the memory benchmark's report). */
  objectCount(): number {
    let count = 0;
    for (let i = 0; i < this.n; i++) if (this.chunks[i >> CHUNK_BITS]!.code[i & CHUNK_MASK] === OBJECT) count++;
    return count;
  }

  private check(i: number): void {
    if (!(i >= 0 && i < this.n && (i | 0) === i)) throw new RangeError(`no event ${i} (the trace has ${this.n})`);
  }
}

function putSegment(c: Chunk, i: number, code: number, host: string, conn: string, id: number, seg: SegSummary, s2: string, lineage: Lineage | null): void {
  c.code[i] = code;
  c.num[i] = id;
  const j = i * 4;
  c.seg[j] = seg.seq;
  c.seg[j + 1] = seg.ack;
  c.seg[j + 2] = seg.len;
  c.seg[j + 3] = seg.win;
  c.host[i] = host;
  c.conn[i] = conn;
  c.s1[i] = seg.flags;
  c.s2[i] = s2;
  c.r1[i] = seg.options;
  c.r2[i] = lineage;
}

function putPlain(c: Chunk, i: number, code: number, host: string, conn: string, num: number, s1: string, s2: string): void {
  c.code[i] = code;
  c.num[i] = num;
  c.host[i] = host;
  c.conn[i] = conn;
  c.s1[i] = s1;
  c.s2[i] = s2;
  c.r1[i] = null;
  c.r2[i] = null;
}

function summary(c: Chunk, k: number): SegSummary {
  const j = k * 4;
  return { flags: c.s1[k]!, seq: c.seg[j]!, ack: c.seg[j + 1]!, len: c.seg[j + 2]!, win: c.seg[j + 3]!, options: c.r1[k] as TcpOptions };
}
