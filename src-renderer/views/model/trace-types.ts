// Trace shapes the diagrams read. The engine's kinds come from the contract; the network's segment.* and
// router.* kinds are not re-exported by src-main/contract/trace.ts yet, so they are written here from
// src-main/net/trace.ts and the briefs. Everything is structural, so real trace events satisfy it.
import type { SegSummary, TcbSnapshot, TcpState } from '../../../src-main/contract/index.js';

export type { SegSummary, TcbSnapshot, TcpState };

export type LineageKind = 'original' | 'retransmission' | 'duplicate' | 'replay' | 'edited' | 'injected';

/** net/trace.ts spells the discriminant `type`; the diagrams brief spells it `kind`. Both are read. */
export interface LineageLike {
  type?: LineageKind;
  kind?: LineageKind;
  of?: number | null;
}

interface Base {
  t: number;
  host: string;
}

export interface SegmentSendEvent extends Base {
  kind: 'segment.send';
  conn: string;
  id: number;
  seg: SegSummary;
  lineage?: LineageLike;
}
export interface SegmentRecvEvent extends Base {
  kind: 'segment.recv';
  conn: string;
  id: number;
  seg: SegSummary;
}
export interface SegmentDropEvent extends Base {
  kind: 'segment.drop';
  conn: string;
  id: number;
  seg?: SegSummary;
  reason?: string;
}
export interface RouterHoldEvent extends Base {
  kind: 'router.hold';
  id: number;
}
export interface RouterReleaseEvent extends Base {
  kind: 'router.release';
  id: number;
}
export interface RouterDelayEvent extends Base {
  kind: 'router.delay';
  id: number;
  delayMs: number;
}
export interface RouterDuplicateEvent extends Base {
  kind: 'router.duplicate';
  conn: string;
  id: number;
  copies: number[];
}
/** A replayed or edited packet: `id` is the new packet, `of` the one it came from. */
export interface RouterCopyEvent extends Base {
  kind: 'router.replay' | 'router.edit';
  conn: string;
  id: number;
  of: number;
  seg: SegSummary;
}
export interface RouterCorruptEvent extends Base {
  kind: 'router.corrupt';
  id: number;
}
/** The receiving engine discarded a segment it did receive (tcp/trace.ts). */
export interface TcpDropEvent extends Base {
  kind: 'tcp.drop';
  conn: string;
  id: number;
  reason: string;
}
export interface StateEvent extends Base {
  kind: 'state';
  conn: string;
  from: TcpState;
  to: TcpState;
  cause: string;
  tcb?: TcbSnapshot;
}

export type LadderEvent =
  | SegmentSendEvent
  | SegmentRecvEvent
  | SegmentDropEvent
  | RouterHoldEvent
  | RouterReleaseEvent
  | RouterDelayEvent
  | RouterDuplicateEvent
  | RouterCopyEvent
  | RouterCorruptEvent
  | TcpDropEvent;

/** Any trace event: the kinds above, plus whatever else the trace carries (timers, app events, …). */
export type AnyTraceEvent = LadderEvent | StateEvent | { t: number; kind: string; host: string; [key: string]: unknown };

export const ROUTER_HOST = 'router';
