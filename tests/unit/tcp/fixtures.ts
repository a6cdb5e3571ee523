// smoltcp-style fixtures: one TcpStack under test (10.0.0.2:80) and a scripted peer (10.0.0.1:40000).
// Each fixture leaves the connection in one RFC 9293 state with known sequence numbers; `recv` delivers a
// segment built from a template at an explicit time and `expectReply` asserts the exact answer.
import { expect } from 'vitest';
import type { ProfileName, StackOptions, TeachingVariants, TransmitMeta } from '../../../src-main/tcp/api.js';
import type { Segment, TcpOptions } from '../../../src-main/tcp/segment.js';
import { flagsToLetters, lettersToFlags } from '../../../src-main/tcp/segment.js';
import { TcpStack } from '../../../src-main/tcp/stack.js';
import type { TcpState, TcpTraceEvent } from '../../../src-main/tcp/trace.js';

export const LOCAL = '10.0.0.2';
export const PEER = '10.0.0.1';
export const LPORT = 80;
export const PPORT = 40000;
export const KEY = `${LOCAL}:${LPORT}>${PEER}:${PPORT}`;

export interface FixtureOptions {
  profile?: ProfileName;
  sysctl?: Record<string, number>;
  variants?: TeachingVariants;
  /** Our ISN (forced with tcplab.isn). */
  localIsn?: number;
  /** The peer's ISN. */
  peerIsn?: number;
}

export interface SegTemplate {
  flags: string;
  seq?: number;
  ack?: number;
  window?: number;
  data?: string | Uint8Array;
  options?: TcpOptions;
}

export interface Expected {
  flags: string;
  seq: number;
  ack?: number;
  win?: number;
  len?: number;
}

export class Fixture {
  readonly stack: TcpStack;
  readonly out: Array<{ seg: Segment; meta: TransmitMeta }> = [];
  readonly trace: TcpTraceEvent[] = [];
  readonly localIsn: number;
  readonly peerIsn: number;
  /** Next sequence number the peer sends, and the ACK it sends by default. */
  peerSeq: number;
  peerAck: number;
  nowMs = 0;
  private nextId = 1;

  constructor(o: FixtureOptions = {}) {
    this.localIsn = o.localIsn ?? 10000;
    this.peerIsn = o.peerIsn ?? 5000;
    this.peerSeq = this.peerIsn;
    this.peerAck = 0;
    const opts: StackOptions = {
      host: 'S', ip: LOCAL, profile: o.profile ?? 'rfc', seed: 3,
      sysctl: {
        'tcplab.isn': this.localIsn, 'tcplab.delack_ms': 0, 'tcplab.rcvbuf_bytes': 65535,
        'net.ipv4.tcp_window_scaling': 0, 'net.ipv4.tcp_sack': 0, ...o.sysctl,
      },
      variants: o.variants,
      sink: { emit: (ev) => { this.trace.push(ev); } },
      transmit: (seg, meta) => { this.out.push({ seg, meta }); },
    };
    this.stack = new TcpStack(opts);
  }

  seg(t: SegTemplate): Segment {
    const flags = lettersToFlags(t.flags);
    if (flags === undefined) throw new Error(`bad flags ${t.flags}`);
    const data = typeof t.data === 'string' ? new TextEncoder().encode(t.data) : (t.data ?? new Uint8Array(0));
    return {
      srcIp: PEER, srcPort: PPORT, dstIp: LOCAL, dstPort: LPORT,
      seq: (t.seq ?? this.peerSeq) >>> 0, ack: (t.ack ?? this.peerAck) >>> 0, flags, window: t.window ?? 65535, urgent: 0,
      options: t.options ?? {}, payload: data,
    };
  }

  /** Delivers a segment at atMs (timers due before it fire first). */
  recv(t: SegTemplate, atMs = this.nowMs): void {
    this.advance(atMs);
    this.stack.input(this.seg(t), atMs, this.nextId++);
  }

  advance(toMs: number): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const due = this.stack.nextDueMs();
      if (due > toMs) break;
      this.nowMs = due;
      this.stack.advance(due);
    }
    this.nowMs = Math.max(this.nowMs, toMs);
  }

  expectReply(e: Expected): Segment {
    const next = this.out.shift();
    expect(next, `expected a ${e.flags} reply`).toBeDefined();
    const seg = (next as { seg: Segment }).seg;
    const got: Expected = { flags: flagsToLetters(seg.flags), seq: seg.seq };
    if (e.ack !== undefined) got.ack = seg.ack;
    if (e.win !== undefined) got.win = seg.window;
    got.len = seg.payload.length;
    expect(got).toEqual({ len: 0, ...e });
    return seg;
  }

  expectNoReply(): void {
    expect(this.out.map((o) => `${flagsToLetters(o.seg.flags)} seq=${o.seg.seq} ack=${o.seg.ack}`)).toEqual([]);
  }

  state(key = KEY): TcpState {
    return this.stack.status(key)?.state ?? 'CLOSED';
  }

  appEvents(): string[] {
    return this.trace.filter((e) => e.kind === 'app' && e.conn === KEY).map((e) => (e.kind === 'app' ? e.event : ''));
  }

  drops(): string[] {
    return this.trace.filter((e) => e.kind === 'tcp.drop').map((e) => (e.kind === 'tcp.drop' ? e.reason : ''));
  }

  clear(): void {
    this.out.length = 0;
    this.trace.length = 0;
  }
}

// ---- one fixture per state. L = local ISN, P = peer ISN.

export function closedPort(o: FixtureOptions = {}): Fixture {
  return new Fixture(o);
}

export function listening(o: FixtureOptions = {}): Fixture {
  const f = new Fixture(o);
  f.stack.listen(LPORT, 128, 0);
  f.clear();
  return f;
}

/** Passive SYN-RECEIVED: we answered SYN(P) with SYN-ACK(L, P+1). */
export function synReceived(o: FixtureOptions = {}): Fixture {
  const f = listening(o);
  f.recv({ flags: 'S', seq: f.peerIsn, options: { mss: 1460 } }, 0);
  f.peerSeq = (f.peerIsn + 1) >>> 0;
  f.peerAck = (f.localIsn + 1) >>> 0;
  f.clear();
  return f;
}

/** Active SYN-SENT: we sent SYN(L) to the peer. */
export function synSent(o: FixtureOptions = {}): Fixture {
  const f = new Fixture(o);
  f.stack.connect(LPORT, `${PEER}:${PPORT}`, 0);
  f.peerAck = (f.localIsn + 1) >>> 0;
  f.clear();
  return f;
}

export function established(o: FixtureOptions = {}): Fixture {
  const f = synReceived(o);
  f.recv({ flags: 'A' }, 10);
  f.clear();
  return f;
}

/** We closed first: FIN(L+1) sent, not yet acknowledged. */
export function finWait1(o: FixtureOptions = {}): Fixture {
  const f = established(o);
  f.advance(20);
  f.stack.close(KEY, 20);
  f.clear();
  return f;
}

export function finWait2(o: FixtureOptions = {}): Fixture {
  const f = finWait1(o);
  f.peerAck = (f.localIsn + 2) >>> 0;
  f.recv({ flags: 'A' }, 30);
  f.clear();
  return f;
}

/** Simultaneous close: the peer's FIN crossed ours. */
export function closing(o: FixtureOptions = {}): Fixture {
  const f = finWait1(o);
  f.recv({ flags: 'FA' }, 30);
  f.peerSeq = (f.peerSeq + 1) >>> 0;
  f.peerAck = (f.localIsn + 2) >>> 0;
  f.clear();
  return f;
}

export function timeWait(o: FixtureOptions = {}): Fixture {
  const f = finWait2(o);
  f.recv({ flags: 'FA' }, 40);
  f.peerSeq = (f.peerSeq + 1) >>> 0;
  f.clear();
  return f;
}

/** The peer closed first: its FIN(P+1) acknowledged. */
export function closeWait(o: FixtureOptions = {}): Fixture {
  const f = established(o);
  f.recv({ flags: 'FA' }, 20);
  f.peerSeq = (f.peerSeq + 1) >>> 0;
  f.clear();
  return f;
}

export function lastAck(o: FixtureOptions = {}): Fixture {
  const f = closeWait(o);
  f.advance(30);
  f.stack.close(KEY, 30);
  f.clear();
  return f;
}
