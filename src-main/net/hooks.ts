// The two hooks each TcpStack gets: its trace sink and its transmit function. The sink is a class
// instance over the state (so a deep clone re-points it by itself); transmit is a closure, which is why
// Network.clone calls stack.rebind() with fresh ones.
import type { StackOptions, TransmitMeta } from '../tcp/api.js';
import { FLAG, type Segment } from '../tcp/segment.js';
import type { TcpTraceEvent, TcpTraceSink } from '../tcp/trace.js';
import { emit, type NetState } from './core.js';
import { launch, newPacket } from './journey.js';
import { connOf, segSummary, type Lineage } from './trace.js';
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

/** A host put a segment on the wire: give it an id and a lineage, trace it, start its journey. */
export function onTransmit(s: NetState, host: string, engineSeg: Segment, meta: TransmitMeta): void {
  // Copy: the engine may reuse its buffers; a packet's bytes must not change under the router.
  const seg: Segment = { ...engineSeg, options: { ...engineSeg.options }, payload: engineSeg.payload.slice() };
  const conn = connOf(seg);
  const exactKey = `${conn}|${seg.seq}|${seg.flags}`;
  const seqKey = `${conn}|${seg.seq}`;
  let lineage: Lineage = { type: 'original' };
  if (meta.retransmit) {
    // "the last packet of that connection that carried the same starting seq and flags" (else same seq)
    lineage = { type: 'retransmission', of: s.lastSentExact.get(exactKey) ?? s.lastSentSeq.get(seqKey) ?? null };
  }
  if (seg.flags & FLAG.SYN) s.isn.set(conn, seg.seq);
  const pkt = newPacket(s, seg, lineage, host, false);
  s.lastSentExact.set(exactKey, pkt.id);
  s.lastSentSeq.set(seqKey, pkt.id);
  if (lineage.type === 'retransmission' && lineage.of !== null) pkt.record.notes.push(`retransmission of #${lineage.of}`);
  emit(s, { t: s.nowMs, kind: 'segment.send', host, conn, id: pkt.id, seg: segSummary(seg), lineage, cause: meta.cause });
  launch(s, pkt);
}
