// The trace as the renderer and exporters read it. Types only: the engine and network own the definitions.
export type {
  TcpState,
  TcbSnapshot,
  SegSummary,
  TimerName,
  AppEventName,
  TcpTraceEvent,
} from '../tcp/trace.js';
export type { TcpOptions } from '../tcp/segment.js';
