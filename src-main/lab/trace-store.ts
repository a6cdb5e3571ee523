// The trace a timeline keeps, in columns instead of one object per event.
//
// Why: a long run keeps every event (a 100 MB transfer: ~374,000; a host session: up to millions). As objects
// (the event plus its segment summary) they all survive V8's young-generation collections, so every scavenge
// copies them and every full collection marks them: about half the time of a 100 MB bulk run went to the
// garbage collector (docs/PERFORMANCE.md "Engine, session 3"). Here the five kinds that make up nearly every
// trace (segment.send / recv / drop, timer, app) are split into typed arrays only: strings and option summaries
// become codes into tables the store and its copies share, and the rare values (lineages other than ORIGINAL,
// events of other kinds, kept as the object itself) go into small maps per chunk. Typed arrays
// cost the collector nothing, and their pages are only touched when written.
//
// Reading is a copy: get(i) and slice() build a fresh event with the same keys in the same order as the
// code that emitted it (net/hooks.ts, net/flood.ts, net/journey.ts, tcp/core.ts), so JSON.stringify of a
// stored event is byte-identical to the original's (tests/unit/lab/trace-store.test.ts checks this on
// every lesson and scenario). Events are read-only by contract (DESIGN.md "Trace"), so nothing relied on
// getting the emitted object back.
import { flagLetters, ORIGINAL, segmentEvent, type Lineage, type SegmentEventKind, type TraceEvent } from '../net/trace.js';
import { lettersToFlags, type Segment, type TcpOptions } from '../tcp/segment.js';
import { appEvent, timerEvent, type AppEventName, type SegSummary, type TimerName, type TimerOp } from '../tcp/trace.js';

/** How an event is stored. OBJECT: the event object itself (rare kinds, or a shape the codecs do not know). */
const OBJECT = 0, SEND = 1, RECV = 2, DROP = 3, TIMER = 4, APP = 5;

const KIND_OF_CODE = ['', 'segment.send', 'segment.recv', 'segment.drop', 'timer', 'app'] as const;

/**
 * Events per full chunk. Full chunks are never grown or copied (growing one array copied ~12 ns per element
 * per doubling). (When chunks still held arrays of pointers, 32,768 made each big enough for V8's
 * large-object space, which the young-generation collector never copies; they now hold typed arrays only.)
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
  return typeof s.flags === 'string' && maskOfLetters(s.flags) >= 0 && isU32(s.seq) && isU32(s.ack) && isU32(s.len) && isU32(s.win) && typeof s.options === 'object' && s.options !== null;
}

/** A read-only trace: what the publisher, the inspector and the views need of it. */
export interface TraceReader {
  readonly length: number;
  /** A fresh copy of event i (i < length). */
  get(i: number): TraceEvent;
  kindAt(i: number): string;
  tAt(i: number): number;
  /**
   * The connection key of event i, the packet id of a segment event (undefined for other kinds) and its
   * segment: the fields that number packets, read without copying the whole event (a SYN flood's
   * trace has hundreds of thousands of sends).
   */
  connAt(i: number): string | null;
  idAt(i: number): number | undefined;
  /** Event i's segment summary (a fresh copy), or undefined for kinds without one. */
  segAt(i: number): SegSummary | undefined;
  /**
   * The indices, in order, of the events in [from, to) of one of `kinds` whose connection key is one of
   * `conns`: a search of the columns (a conversation's packets in a million-event flood) without a call or
   * a string comparison per event where the key has a code.
   */
  eventsWithConn(from: number, to: number, conns: ReadonlySet<string>, kinds: ReadonlySet<string>): number[];
  /** Fresh copies of events [from, to). */
  slice(from: number, to?: number): TraceEvent[];
}

/** The names a timer or app event can carry, as the one-byte codes `k1` holds (an unknown name: OBJECT). */
const TIMER_NAMES: readonly TimerName[] = ['retransmit', 'time-wait', 'fin-wait-2', 'delayed-ack', 'persist', 'keepalive', 'syn-ack'];
const APP_EVENTS: readonly AppEventName[] = ['connected', 'accepted', 'data', 'eof', 'reset', 'timeout', 'refused', 'closed', 'error'];
/** The flags mask of a summary's letters, when flagLetters() gives exactly those letters back; else -1. */
const MASK_OF_LETTERS = new Map<string, number>();

function maskOfLetters(letters: string): number {
  let mask = MASK_OF_LETTERS.get(letters);
  if (mask === undefined) {
    const parsed = lettersToFlags(letters);
    mask = parsed !== undefined && flagLetters(parsed) === letters ? parsed : -1;
    if (MASK_OF_LETTERS.size < 4096) MASK_OF_LETTERS.set(letters, mask);
  }
  return mask;
}

/**
 * An append-only table of values (hosts, connection keys, causes, option summaries …) and their codes, shared
 * by a store and its copies: a code, once given, names the same value forever, so chunks shared by copies
 * stay readable. The two values coded last are remembered, which spares nearly every Map lookup (a trace
 * alternates between two hosts and the two keys of a connection). Values are compared by identity
 * (SameValueZero), so strings by content and objects by reference.
 */
class Codes<T> {
  /**
   * At most this many values get a code. A flood's trace holds two keys and a drop reason per SYN that no
   * other event repeats, and a lossy transfer a SACK option per ACK: in a table, each would cost a Map entry
   * (~50 bytes) on top of the value itself, more than the 8-byte pointer a spilled one takes (CodedColumn).
   * Codes are 16 bits, and the last 16-bit value marks a spilled one (SPILLED).
   */
  static readonly MAX = 0xffff;
  readonly values: T[] = [];
  private readonly byValue = new Map<T, number>();
  private last0: T | undefined = undefined;
  private code0 = -1;
  private last1: T | undefined = undefined;
  private code1 = -1;

  /** value's code, or -1 when it has none (the table is not changed). */
  find(value: T): number {
    return this.byValue.get(value) ?? -1;
  }

  /** value's code, or -1 when it has none and the table is full. */
  code(value: T): number {
    if (value === this.last0 && this.code0 >= 0) return this.code0;
    if (value === this.last1 && this.code1 >= 0) {
      const code = this.code1;
      this.last1 = this.last0;
      this.code1 = this.code0;
      this.last0 = value;
      this.code0 = code;
      return code;
    }
    let code = this.byValue.get(value);
    if (code === undefined) {
      if (this.values.length >= Codes.MAX) return -1;
      code = this.values.length;
      this.values.push(value);
      this.byValue.set(value, code);
    }
    this.last1 = this.last0;
    this.code1 = this.code0;
    this.last0 = value;
    this.code0 = code;
    return code;
  }
}

/** The tables of a store and its copies. */
interface Tables {
  readonly host: Codes<string>;
  readonly conn: Codes<string>;
  /** cause (send), reason (drop), op (timer) or detail (app). */
  readonly text: Codes<string>;
  /** A segment summary's options (shared summaries: NO_OPTIONS, a flood's SYN options …). */
  readonly options: Codes<TcpOptions>;
}

function newTables(): Tables {
  return { host: new Codes(), conn: new Codes(), text: new Codes(), options: new Codes() };
}

/** Marks a value kept in a CodedColumn's `spill` instead of the table. */
const SPILLED = 0xffff;

/** A column of values as codes into a shared table; values the full table cannot take are kept as they are. */
class CodedColumn<T> {
  /** 16 bits a value: 8 bytes an event less than 32-bit codes over its four columns. */
  readonly codes: Uint16Array;
  /** Made the first time a value spills (most traces never fill a table). */
  spill: T[] | null = null;

  constructor(readonly capacity: number) {
    this.codes = new Uint16Array(capacity);
  }

  set(i: number, value: T, table: Codes<T>): void {
    const code = table.code(value);
    if (code >= 0) {
      this.codes[i] = code;
      return;
    }
    this.codes[i] = SPILLED;
    (this.spill ??= new Array<T>(this.capacity))[i] = value;
  }

  get(i: number, table: Codes<T>): T {
    const code = this.codes[i]!;
    return code === SPILLED ? this.spill![i]! : table.values[code]!;
  }

  /** A column of `capacity` starting with this one's first n values. */
  copy(n: number, capacity: number): CodedColumn<T> {
    const out = new CodedColumn<T>(capacity);
    out.codes.set(this.codes.subarray(0, n));
    if (this.spill !== null) {
      out.spill = new Array<T>(capacity);
      for (let i = 0; i < n; i++) if (this.codes[i] === SPILLED) out.spill[i] = this.spill[i]!;
    }
    return out;
  }
}

/**
 * The columns of up to `capacity` events. Every chunk but a store's last is full (CHUNK events) and is never
 * written again, so copies of a store share it. Each byte per event costs a 100 MB transfer's 374,000-event
 * trace ~1 ms on the benchmark VM, where a fresh page costs ~13 µs to fault in (docs/PERFORMANCE.md "Engine,
 * session 15"): so the flags and names are codes, and the rare values are kept aside.
 */
class Chunk {
  readonly t: Float64Array;
  readonly code: Uint8Array;
  /** The flags mask (segment events, up to 0xfff), or the index of the timer (TIMER_NAMES) or app event (APP_EVENTS). */
  readonly k1: Uint16Array;
  /** id (segment events), dueMs (timer) or bytes (app). */
  readonly num: Float64Array;
  /** seq, ack, len, win of a segment summary, four per event. */
  readonly seg: Uint32Array;
  /** Strings coded into the store's tables: host, connection key, text (Tables.text). */
  readonly host: CodedColumn<string>;
  readonly conn: CodedColumn<string>;
  readonly text: CodedColumn<string>;
  /** A segment summary's options (unset for other kinds). */
  readonly options: CodedColumn<TcpOptions>;
  /** The lineage of a send other than the shared ORIGINAL (a retransmission, a replay …), by index. */
  lineage: Map<number, Lineage> | null = null;
  /** The events kept as objects (OBJECT), by index. */
  objects: Map<number, TraceEvent> | null = null;

  constructor(readonly capacity: number, from?: { n: number; chunk: Chunk }) {
    this.t = new Float64Array(capacity);
    this.code = new Uint8Array(capacity);
    this.k1 = new Uint16Array(capacity);
    this.num = new Float64Array(capacity);
    this.seg = new Uint32Array(capacity * 4);
    this.host = from?.chunk.host.copy(from.n, capacity) ?? new CodedColumn(capacity);
    this.conn = from?.chunk.conn.copy(from.n, capacity) ?? new CodedColumn(capacity);
    this.text = from?.chunk.text.copy(from.n, capacity) ?? new CodedColumn(capacity);
    this.options = from?.chunk.options.copy(from.n, capacity) ?? new CodedColumn(capacity);
  }

  /** A chunk of `capacity` starting with this one's first n events. */
  copy(n: number, capacity: number): Chunk {
    const out = new Chunk(capacity, { n, chunk: this });
    out.t.set(this.t.subarray(0, n));
    out.code.set(this.code.subarray(0, n));
    out.k1.set(this.k1.subarray(0, n));
    out.num.set(this.num.subarray(0, n));
    out.seg.set(this.seg.subarray(0, n * 4));
    out.lineage = prefixOf(this.lineage, n);
    out.objects = prefixOf(this.objects, n);
    return out;
  }

  /** Event i's lineage (a send): ORIGINAL is not stored. */
  setLineage(i: number, lineage: Lineage): void {
    if (lineage !== ORIGINAL) (this.lineage ??= new Map()).set(i, lineage);
  }

  setObject(i: number, ev: TraceEvent): void {
    this.code[i] = OBJECT;
    (this.objects ??= new Map()).set(i, ev);
  }

  lineageAt(i: number): Lineage {
    return this.lineage?.get(i) ?? ORIGINAL;
  }

  objectAt(i: number): TraceEvent {
    return this.objects!.get(i)!;
  }
}

/** The entries of `map` below index n (null when none). */
function prefixOf<V>(map: Map<number, V> | null, n: number): Map<number, V> | null {
  if (map === null) return null;
  const out = new Map<number, V>();
  for (const [i, v] of map) if (i < n) out.set(i, v);
  return out.size > 0 ? out : null;
}

export class TraceStore implements TraceReader {
  private n = 0;
  private chunks: Chunk[] = [];
  private last: Chunk = new Chunk(0);
  private tables: Tables = newTables();

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
    const flags = seg.flags;
    if (!(isU32(seg.seq) && isU32(seg.ack) && isU32(seg.window) && flags >>> 0 === flags && flags <= 0xfff)) {
      return this.push(segmentEvent(kind, t, host, conn, id, seg, options, text, lineage));
    }
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = t;
    this.n++;
    c.code[i] = kind === 'segment.send' ? SEND : kind === 'segment.recv' ? RECV : DROP;
    c.k1[i] = flags;
    c.num[i] = id;
    const j = i * 4;
    c.seg[j] = seg.seq;
    c.seg[j + 1] = seg.ack;
    c.seg[j + 2] = len;
    c.seg[j + 3] = seg.window;
    const tables = this.tables;
    c.host.set(i, host, tables.host);
    c.conn.set(i, conn, tables.conn);
    c.text.set(i, kind === 'segment.recv' ? '' : text, tables.text);
    c.options.set(i, options, tables.options);
    if (kind === 'segment.send' && lineage !== null) c.setLineage(i, lineage);
  }

  /** The event timerEvent(t, host, conn, timer, op, dueMs) would build, stored without building it (TraceSink.timer). */
  pushTimer(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void {
    const name = TIMER_NAMES.indexOf(timer);
    if (name < 0) return this.push(timerEvent(t, host, conn, timer, op, dueMs));
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = t;
    this.n++;
    putPlain(c, i, this.tables, TIMER, host, conn, dueMs, name, op);
  }

  /** The event appEvent(t, host, conn, event, bytes, detail) would build, stored without building it (TraceSink.app). */
  pushApp(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void {
    const name = APP_EVENTS.indexOf(event);
    if (name < 0) return this.push(appEvent(t, host, conn, event, bytes, detail));
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = t;
    this.n++;
    putPlain(c, i, this.tables, APP, host, conn, bytes, name, detail);
  }

  push(ev: TraceEvent): void {
    const c = this.chunkForNext();
    const i = this.n & CHUNK_MASK;
    c.t[i] = ev.t;
    this.n++;
    switch (ev.kind) {
      case 'segment.send':
        if (isSummary(ev.seg) && typeof ev.cause === 'string' && typeof ev.lineage === 'object' && ev.lineage !== null) return putSegment(c, i, this.tables, SEND, ev.host, ev.conn, ev.id, ev.seg, ev.cause, ev.lineage);
        break;
      case 'segment.recv':
        if (isSummary(ev.seg)) return putSegment(c, i, this.tables, RECV, ev.host, ev.conn, ev.id, ev.seg, '', null);
        break;
      case 'segment.drop':
        if (isSummary(ev.seg) && typeof ev.reason === 'string') return putSegment(c, i, this.tables, DROP, ev.host, ev.conn, ev.id, ev.seg, ev.reason, null);
        break;
      case 'timer': {
        const name = TIMER_NAMES.indexOf(ev.timer);
        if (typeof ev.dueMs === 'number' && name >= 0) return putPlain(c, i, this.tables, TIMER, ev.host, ev.conn, ev.dueMs, name, ev.op);
        break;
      }
      case 'app': {
        const name = APP_EVENTS.indexOf(ev.event);
        if (typeof ev.bytes === 'number' && typeof ev.detail === 'string' && name >= 0) return putPlain(c, i, this.tables, APP, ev.host, ev.conn, ev.bytes, name, ev.detail);
        break;
      }
    }
    c.setObject(i, ev);
  }

  tAt(i: number): number {
    this.check(i);
    return this.chunks[i >> CHUNK_BITS]!.t[i & CHUNK_MASK]!;
  }

  kindAt(i: number): string {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const code = c.code[k]!;
    return code === OBJECT ? c.objectAt(k).kind : KIND_OF_CODE[code]!;
  }

  connAt(i: number): string | null {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    if (c.code[k] !== OBJECT) return c.conn.get(k, this.tables.conn);
    const ev = c.objectAt(k);
    return 'conn' in ev ? ev.conn : null;
  }

  idAt(i: number): number | undefined {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const code = c.code[k]!;
    if (code === SEND || code === RECV || code === DROP) return c.num[k]!;
    if (code !== OBJECT) return undefined;
    const ev = c.objectAt(k);
    return 'id' in ev ? ev.id : undefined;
  }

  segAt(i: number): SegSummary | undefined {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const code = c.code[k]!;
    if (code === SEND || code === RECV || code === DROP) return summary(c, k, this.tables);
    if (code !== OBJECT) return undefined;
    const ev = c.objectAt(k);
    return 'seg' in ev ? ev.seg : undefined;
  }

  eventsWithConn(from: number, to: number, conns: ReadonlySet<string>, kinds: ReadonlySet<string>): number[] {
    const out: number[] = [];
    const a = Math.max(0, Math.min(from, this.n)), b = Math.max(a, Math.min(to, this.n));
    if (conns.size === 0 || kinds.size === 0 || a === b) return out;
    // Which of the table's codes name one of conns (a spilled key is compared as a string).
    const table = this.tables.conn;
    const wanted = new Uint8Array(Codes.MAX + 1);
    for (const conn of conns) {
      const code = table.find(conn);
      if (code >= 0) wanted[code] = 1;
    }
    const kindOfCode = KIND_OF_CODE.map((k) => (kinds.has(k) ? 1 : 0));
    for (let ci = a >> CHUNK_BITS; ci <= (b - 1) >> CHUNK_BITS; ci++) {
      const c = this.chunks[ci]!, base = ci << CHUNK_BITS;
      const codes = c.code, connCodes = c.conn.codes;
      const k0 = Math.max(a - base, 0), k1 = Math.min(b - base, CHUNK);
      for (let k = k0; k < k1; k++) {
        const code = codes[k]!;
        if (code === OBJECT) {
          const ev = c.objectAt(k);
          if (kinds.has(ev.kind) && 'conn' in ev && ev.conn !== null && conns.has(ev.conn)) out.push(base + k);
        } else if (kindOfCode[code] === 1) {
          const cc = connCodes[k]!;
          if (cc === SPILLED ? conns.has(c.conn.spill![k]!) : wanted[cc] === 1) out.push(base + k);
        }
      }
    }
    return out;
  }

  get(i: number): TraceEvent {
    this.check(i);
    const c = this.chunks[i >> CHUNK_BITS]!, k = i & CHUNK_MASK;
    const code = c.code[k]!;
    if (code === OBJECT) return c.objectAt(k);
    const tables = this.tables;
    const t = c.t[k]!, host = c.host.get(k, tables.host), conn = c.conn.get(k, tables.conn), text = c.text.get(k, tables.text);
    switch (code) {
      case SEND:
        return { t, kind: 'segment.send', host, conn, id: c.num[k]!, seg: summary(c, k, tables), lineage: c.lineageAt(k), cause: text };
      case RECV:
        return { t, kind: 'segment.recv', host, conn, id: c.num[k]!, seg: summary(c, k, tables) };
      case DROP:
        return { t, kind: 'segment.drop', host, conn, id: c.num[k]!, seg: summary(c, k, tables), reason: text };
      case TIMER:
        return { t, kind: 'timer', host, conn, timer: TIMER_NAMES[c.k1[k]!]!, op: text as TimerOp, dueMs: c.num[k]! };
      default:
        return { t, kind: 'app', host, conn, event: APP_EVENTS[c.k1[k]!]!, bytes: c.num[k]!, detail: text };
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
    out.tables = this.tables;
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

/** A segment event from its summary (whose flags are canonical letters: push() checks). */
function putSegment(c: Chunk, i: number, tables: Tables, code: number, host: string, conn: string, id: number, seg: SegSummary, text: string, lineage: Lineage | null): void {
  c.code[i] = code;
  c.k1[i] = maskOfLetters(seg.flags);
  c.num[i] = id;
  const j = i * 4;
  c.seg[j] = seg.seq;
  c.seg[j + 1] = seg.ack;
  c.seg[j + 2] = seg.len;
  c.seg[j + 3] = seg.win;
  c.host.set(i, host, tables.host);
  c.conn.set(i, conn, tables.conn);
  c.text.set(i, text, tables.text);
  c.options.set(i, seg.options, tables.options);
  if (lineage !== null) c.setLineage(i, lineage);
}

function putPlain(c: Chunk, i: number, tables: Tables, code: number, host: string, conn: string, num: number, k1: number, text: string): void {
  c.code[i] = code;
  c.k1[i] = k1;
  c.num[i] = num;
  c.host.set(i, host, tables.host);
  c.conn.set(i, conn, tables.conn);
  c.text.set(i, text, tables.text);
}

function summary(c: Chunk, k: number, tables: Tables): SegSummary {
  const j = k * 4;
  return { flags: flagLetters(c.k1[k]!), seq: c.seg[j]!, ack: c.seg[j + 1]!, len: c.seg[j + 2]!, win: c.seg[j + 3]!, options: c.options.get(k, tables.options) };
}
