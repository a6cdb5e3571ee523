// The trace as the renderer and exporters read it. Types only: the engine (tcp/trace.ts) and the network
// (net/trace.ts) own the definitions. Note: a packet's lineage is tagged by `type`
// ('original' | 'retransmission' | 'duplicate' | 'replay' | 'edited' | 'injected').
export type {
  TcpState,
  TcbSnapshot,
  SegSummary,
  TimerName,
  AppEventName,
  TcpTraceEvent,
} from '../tcp/trace.js';
export type { TcpOptions } from '../tcp/segment.js';
export type { TraceEvent, NetTraceEvent, Lineage, Actor } from '../net/trace.js';
