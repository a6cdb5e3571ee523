// Test harness: two TcpStacks (A = 10.0.0.1, B = 10.0.0.2) wired back to back through a tiny event loop with a
// fixed one-way delay, an optional per-segment route (drop / delay / duplicate) and a full record of the wire
// and the trace.
import type { StackOptions, TransmitMeta } from '../../../src-main/tcp/api.js';
import type { Segment } from '../../../src-main/tcp/segment.js';
import { flagsToLetters } from '../../../src-main/tcp/segment.js';
import { TcpStack } from '../../../src-main/tcp/stack.js';
import type { TcpTraceEvent } from '../../../src-main/tcp/trace.js';

export const A_IP = '10.0.0.1';
export const B_IP = '10.0.0.2';

export interface WireRecord {
  /** Virtual time the segment was sent. */
  t: number;
  from: 'A' | 'B';
  id: number;
  seg: Segment;
  meta: TransmitMeta;
  /** Flag letters, e.g. "SA". */
  flags: string;
  len: number;
}

interface InFlight {
  atMs: number;
  order: number;
  to: 'A' | 'B';
  rec: WireRecord;
}

export interface HarnessOptions {
  a?: Partial<StackOptions>;
  b?: Partial<StackOptions>;
  /** One-way delay, default 10 ms. */
  delayMs?: number;
  /** Delivery delays for a segment: [] drops it, [d] delivers once after d ms, [d1, d2] duplicates it. */
  route?: (rec: WireRecord, h: Harness) => number[];
  /** Keep trace events (default true). */
  keepTrace?: boolean;
}

export class Harness {
  readonly a: TcpStack;
  readonly b: TcpStack;
  nowMs = 0;
  readonly wire: WireRecord[] = [];
  readonly trace: TcpTraceEvent[] = [];
  readonly delayMs: number;
  route: ((rec: WireRecord, h: Harness) => number[]) | undefined;
  private inFlight: InFlight[] = [];
  private order = 0;
  private nextId = 1;

  constructor(opts: HarnessOptions = {}) {
    this.delayMs = opts.delayMs ?? 10;
    this.route = opts.route;
    const keep = opts.keepTrace !== false;
    const sink = { emit: (ev: TcpTraceEvent): void => { if (keep) this.trace.push(ev); } };
    const make = (name: 'A' | 'B', ip: string, o: Partial<StackOptions> | undefined): TcpStack => new TcpStack({
      host: name, ip, profile: 'linux', seed: name === 'A' ? 1 : 2, ...o, sink,
      transmit: (seg, meta) => this.transmit(name, seg, meta),
    });
    this.a = make('A', A_IP, opts.a);
    this.b = make('B', B_IP, opts.b);
  }

  private transmit(from: 'A' | 'B', seg: Segment, meta: TransmitMeta): void {
    const rec: WireRecord = {
      t: this.nowMs, from, id: this.nextId++, seg, meta, flags: flagsToLetters(seg.flags), len: seg.payload.length,
    };
    this.wire.push(rec);
    const delays = this.route ? this.route(rec, this) : [this.delayMs];
    for (const d of delays) this.schedule(rec, from === 'A' ? 'B' : 'A', this.nowMs + d);
  }

  private schedule(rec: WireRecord, to: 'A' | 'B', atMs: number): void {
    const item: InFlight = { atMs, order: this.order++, to, rec };
    let i = this.inFlight.length;
    while (i > 0) {
      const prev = this.inFlight[i - 1] as InFlight;
      if (prev.atMs < atMs || (prev.atMs === atMs && prev.order < item.order)) break;
      i--;
    }
    this.inFlight.splice(i, 0, item);
  }

  /** Injects a segment into `to` at atMs (as if it arrived from the network). */
  inject(to: 'A' | 'B', seg: Segment, atMs: number): void {
    const rec: WireRecord = {
      t: atMs, from: to === 'A' ? 'B' : 'A', id: this.nextId++, seg, meta: { retransmit: false, cause: 'injected' },
      flags: flagsToLetters(seg.flags), len: seg.payload.length,
    };
    this.schedule(rec, to, atMs);
  }

  /** Runs the loop until untilMs (inclusive). Packets due at a time are delivered before timers at that time. */
  run(untilMs: number, maxSteps = 5_000_000): void {
    for (let step = 0; step < maxSteps; step++) {
      const head = this.inFlight[0];
      const next = Math.min(head ? head.atMs : Infinity, this.a.nextDueMs(), this.b.nextDueMs());
      if (next > untilMs) {
        this.nowMs = Math.max(this.nowMs, untilMs);
        return;
      }
      this.nowMs = Math.max(this.nowMs, next);
      if (head && head.atMs <= this.nowMs) {
        this.inFlight.shift();
        const stack = head.to === 'A' ? this.a : this.b;
        stack.input(head.rec.seg, this.nowMs, head.rec.id);
        continue;
      }
      this.a.advance(this.nowMs);
      this.b.advance(this.nowMs);
    }
    throw new Error('harness: step limit reached');
  }

  /** Runs a user call at atMs (after running everything due before it). */
  at<T>(atMs: number, fn: () => T): T {
    this.run(atMs - 1e-9);
    this.nowMs = atMs;
    return fn();
  }

  sent(from: 'A' | 'B', flags?: string): WireRecord[] {
    return this.wire.filter((w) => w.from === from && (flags === undefined || w.flags === flags));
  }

  events<K extends TcpTraceEvent['kind']>(kind: K, host?: string): Array<Extract<TcpTraceEvent, { kind: K }>> {
    return this.trace.filter((e): e is Extract<TcpTraceEvent, { kind: K }> => e.kind === kind && (host === undefined || e.host === host));
  }

  /** States a host's connection went through, e.g. ["SYN-SENT", "ESTABLISHED"]. */
  states(host: string, conn?: string): string[] {
    return this.events('state', host).filter((e) => conn === undefined || e.conn === conn).map((e) => e.to);
  }

  bugs(): string[] {
    return this.events('note').filter((n) => n.text.startsWith('BUG')).map((n) => n.text);
  }
}

/** Deterministic test bytes. */
export function pattern(n: number, salt = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + salt * 7 + (i >> 8)) & 0xff;
  return out;
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
export const str = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Index of the first differing byte, or -1 when equal (fast; vitest deep equality on big arrays is slow). */
export function firstDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** "equal" or a short description of the first difference, for expect(...).toBe('equal'). */
export function sameBytes(got: Uint8Array, want: Uint8Array): string {
  const i = firstDiff(got, want);
  return i < 0 ? 'equal' : `differ at byte ${i} (got ${got.length} bytes, want ${want.length})`;
}
