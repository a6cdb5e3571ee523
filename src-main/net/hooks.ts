// The two hooks each TcpStack gets: its trace sink and its transmit function. The sink is a class
// instance over the state (so a deep clone re-points it by itself); transmit is a closure, which is why
// Network.clone calls stack.rebind() with fresh ones.
import type { StackOptions, TransmitMeta } from '../tcp/api.js';
import { FLAG, type Segment } from '../tcp/segment.js';
import { appEvent, timerEvent, type AppEventName, type TcpTraceEvent, type TcpTraceSink, type TimerName, type TimerOp } from '../tcp/trace.js';
import { noteStateEvent } from './conn-index.js';
import { emit, emitSegment, hostOf, RECENT_SENT, type ConnInfo, type HostRuntime, type NetState } from './core.js';
import { launch, newPacket } from './journey.js';
import { EMPTY_PAYLOAD, optionsOf } from './packets.js';
import { connOf, ORIGINAL, type Lineage } from './trace.js';
import { onAppEvent } from './steps.js';

export class HostSink implements TcpTraceSink {
  constructor(private readonly s: NetState) {}
  emit(ev: TcpTraceEvent): void {
    emit(this.s, ev);
    if (ev.kind === 'app') onAppEvent(this.s, ev.host, ev.conn, ev.event);
    else if (ev.kind === 'state') noteStateEvent(this.s, ev);
  }
  /** An app event as fields, passed on as fields to a network sink that takes them (TraceSink.app). */
  app(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void {
    const sink = this.s.sink;
    if (sink.app !== undefined) sink.app(t, host, conn, event, bytes, detail);
    else sink.emit(appEvent(t, host, conn, event, bytes, detail));
    onAppEvent(this.s, host, conn, event);
  }
  /** A timer event as fields, passed on as fields to a network sink that takes them (TraceSink.timer). */
  timer(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void {
    const sink = this.s.sink;
    if (sink.timer !== undefined) sink.timer(t, host, conn, timer, op, dueMs);
    else sink.emit(timerEvent(t, host, conn, timer, op, dueMs));
  }
}

/** The last connection key a host's transmit built (consecutive segments are nearly always one conn's). */
interface ConnMemo {
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  conn: string;
  /** The transmitting host, looked up on its first segment (the closure is made before the hosts are). */
  fromHost: HostRuntime | null;
  /** The last destination address and the host that has it (null: none), so a run of one connection's segments does one lookup. */
  toIp: string;
  toHost: HostRuntime | null;
}

export function makeTransmit(s: NetState, host: string): StackOptions['transmit'] {
  // Derived data only (a cache), so it may live in the closure: a clone gets fresh hooks and a fresh memo.
  const memo: ConnMemo = { srcIp: '', srcPort: -1, dstIp: '', dstPort: -1, conn: '', fromHost: null, toIp: '', toHost: null };
  return (seg, meta) => onTransmit(s, host, seg, meta, memo);
}

/** connOf(seg), reusing the memo's string when the 4-tuple is the same as last time (no string per packet). */
function connKey(seg: Segment, memo: ConnMemo): string {
  if (seg.srcPort !== memo.srcPort || seg.dstPort !== memo.dstPort || seg.srcIp !== memo.srcIp || seg.dstIp !== memo.dstIp) {
    memo.srcIp = seg.srcIp;
    memo.srcPort = seg.srcPort;
    memo.dstIp = seg.dstIp;
    memo.dstPort = seg.dstPort;
    memo.conn = connOf(seg);
  }
  return memo.conn;
}

/**
 * The packet a retransmission repeats: "the last packet of that connection that carried the same
 * starting seq and flags", else the last with the same seq (e.g. a FIN retransmitted with PSH).
 */
function repeated(info: ConnInfo | undefined, seq: number, flags: number): number | null {
  if (info === undefined) return null;
  const r = info.recent;
  const n = r.length;
  let sameSeq: number | null = null;
  // Newest first: the ring's newest triple is the one just before `next`.
  for (let k = 3; k <= n; k += 3) {
    let i = info.next - k;
    if (i < 0) i += n;
    if (r[i] !== seq) continue;
    if (r[i + 1] === flags) return r[i + 2]!;
    sameSeq ??= r[i + 2]!;
  }
  return sameSeq;
}

function remember(s: NetState, conn: string, info: ConnInfo | undefined, seg: Segment, id: number): void {
  let c = info;
  if (c === undefined) {
    c = { isn: undefined, wscale: undefined, recent: [], next: 0 };
    s.conns.set(conn, c);
  }
  if (seg.flags & FLAG.SYN) {
    c.isn = seg.seq;
    c.wscale = seg.options.wscale;
  }
  const r = c.recent;
  if (r.length < 3 * RECENT_SENT) {
    r.push(seg.seq, seg.flags, id);
    c.next = r.length === 3 * RECENT_SENT ? 0 : r.length;
  } else {
    // A ring of RECENT_SENT triples: overwrite the oldest (no array shifting per packet).
    const i = c.next;
    r[i] = seg.seq;
    r[i + 1] = seg.flags;
    r[i + 2] = id;
    c.next = i + 3 === r.length ? 0 : i + 3;
  }
}

/**
 * A host put a segment on the wire: give it an id and a lineage, trace it, start its journey.
 * The segment is taken as is, without a copy: the engine builds a fresh Segment (and options object) for
 * every transmit and never writes to a payload after handing it over (payloads are views on send-buffer
 * chunks copied in once by send(), tcp/sendbuf.ts). Nothing in net/ mutates a segment either (edits and
 * corruption make new ones), so a packet's bytes cannot change under the router.
 */
export function onTransmit(s: NetState, host: string, seg: Segment, meta: TransmitMeta, memo: ConnMemo): void {
  // An empty payload is the same to everyone: swap a fresh zero-length array (e.g. a cookie SYN-ACK's) for the
  // shared one, so a flood's records do not keep an ArrayBuffer each alive. The segment is ours (see above).
  if (seg.payload.length === 0 && seg.payload !== EMPTY_PAYLOAD) seg.payload = EMPTY_PAYLOAD;
  // Segments to addresses no host has (replies to spoofed SYNs) are not remembered: a flood must not
  // grow or churn the per-connection bookkeeping. Their retransmissions say "retransmission" (of: null).
  // (looked up once, for newPacket too; hosts and their addresses never change after build.ts)
  if (seg.dstIp !== memo.toIp) {
    memo.toIp = seg.dstIp;
    memo.toHost = s.hostByIp.get(seg.dstIp) ?? null;
  }
  const toHost = memo.toHost;
  const routable = toHost !== null;
  // The engine passes a connection's key when it has it. A reply to no host gets none built here: a
  // flood's cookie SYN-ACKs are a million unique keys that a counting sink never reads (keyOf builds it).
  const conn = meta.conn ?? (routable ? connKey(seg, memo) : null);
  const info = conn !== null && routable ? s.conns.get(conn) : undefined;
  const lineage: Lineage = meta.retransmit ? { type: 'retransmission', of: repeated(info, seg.seq, seg.flags) } : ORIGINAL;
  const pkt = newPacket(s, seg, lineage, (memo.fromHost ??= hostOf(s, host)), false, conn, false, toHost);
  if (conn !== null && routable) remember(s, conn, info, seg, pkt.id);
  emitSegment(s, 'segment.send', host, pkt.record, seg, optionsOf(pkt), meta.cause, lineage);
  launch(s, pkt);
}
