// The two hooks each TcpStack gets: its trace sink and its transmit function. The sink is a class
// instance over the state (so a deep clone re-points it by itself); transmit is a closure, which is why
// Network.clone calls stack.rebind() with fresh ones.
import type { StackOptions, TransmitMeta } from '../tcp/api.js';
import { FLAG, type Segment } from '../tcp/segment.js';
import type { TcpTraceEvent, TcpTraceSink } from '../tcp/trace.js';
import { emit, RECENT_SENT, type ConnInfo, type NetState } from './core.js';
import { launch, newPacket } from './journey.js';
import { summaryOf } from './packets.js';
import { connOf, ORIGINAL, type Lineage } from './trace.js';
import { onAppEvent } from './steps.js';

export class HostSink implements TcpTraceSink {
  constructor(private readonly s: NetState) {}
  emit(ev: TcpTraceEvent): void {
    emit(this.s, ev);
    if (ev.kind === 'app') onAppEvent(this.s, ev);
  }
}

export function makeTransmit(s: NetState, host: string): StackOptions['transmit'] {
  return (seg, meta) => onTransmit(s, host, seg, meta);
}

const EMPTY = new Uint8Array(0);

/**
 * The packet a retransmission repeats: "the last packet of that connection that carried the same
 * starting seq and flags", else the last with the same seq (e.g. a FIN retransmitted with PSH).
 */
function repeated(info: ConnInfo | undefined, seq: number, flags: number): number | null {
  if (info === undefined) return null;
  const r = info.recent;
  let sameSeq: number | null = null;
  for (let i = r.length - 3; i >= 0; i -= 3) {
    if (r[i] !== seq) continue;
    if (r[i + 1] === flags) return r[i + 2]!;
    sameSeq ??= r[i + 2]!;
  }
  return sameSeq;
}

function remember(s: NetState, conn: string, info: ConnInfo | undefined, seg: Segment, id: number): void {
  let c = info;
  if (c === undefined) {
    c = { isn: undefined, recent: [] };
    s.conns.set(conn, c);
  }
  if (seg.flags & FLAG.SYN) c.isn = seg.seq;
  c.recent.push(seg.seq, seg.flags, id);
  if (c.recent.length > 3 * RECENT_SENT) c.recent.splice(0, 3);
}

/** A host put a segment on the wire: give it an id and a lineage, trace it, start its journey. */
export function onTransmit(s: NetState, host: string, engineSeg: Segment, meta: TransmitMeta): void {
  // Copy: the engine may reuse its buffers; a packet's bytes must not change under the router.
  const payload = engineSeg.payload.length === 0 ? EMPTY : engineSeg.payload.slice();
  const seg: Segment = { ...engineSeg, options: { ...engineSeg.options }, payload };
  const conn = connOf(seg);
  // Segments to addresses no host has (replies to spoofed SYNs) are not remembered: a flood must not
  // grow or churn the per-connection bookkeeping. Their retransmissions say "retransmission" (of: null).
  const routable = s.hostByIp.has(seg.dstIp);
  const info = routable ? s.conns.get(conn) : undefined;
  const lineage: Lineage = meta.retransmit ? { type: 'retransmission', of: repeated(info, seg.seq, seg.flags) } : ORIGINAL;
  const pkt = newPacket(s, seg, lineage, host, false, conn);
  if (routable) remember(s, conn, info, seg, pkt.id);
  emit(s, { t: s.nowMs, kind: 'segment.send', host, conn, id: pkt.id, seg: summaryOf(pkt), lineage, cause: meta.cause });
  launch(s, pkt);
}
