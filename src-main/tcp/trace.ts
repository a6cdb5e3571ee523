// Trace events the TCP engine emits. The net layer adds its own kinds (net/trace.ts); the contract
// layer re-exports the union. Key order inside each event object is fixed by the code that builds it,
// which keeps JSON.stringify output byte-identical across runs.
import type { TcpOptions } from './segment.js';

/** RFC 9293 state names, exactly as the RFC prints them. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

export const TCP_STATES: readonly TcpState[] = [
  'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1',
  'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
];

/** Transmission control block values shown in the UI; sequence numbers are absolute 32-bit. */
export interface TcbSnapshot {
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  rcvNxt: number;
  rcvWnd: number;
  iss: number;
  irs: number;
  cwnd: number;
  ssthresh: number;
  srttMs: number;
  rttvarMs: number;
  rtoMs: number;
}

export interface SegSummary {
  /** Flag letters in canonical order, e.g. "SA". */
  flags: string;
  seq: number;
  ack: number;
  len: number;
  win: number;
  options: TcpOptions;
}

export type TimerName = 'retransmit' | 'time-wait' | 'fin-wait-2' | 'delayed-ack' | 'persist' | 'keepalive' | 'syn-ack';

export type AppEventName = 'connected' | 'accepted' | 'data' | 'eof' | 'reset' | 'timeout' | 'refused' | 'closed' | 'error';

/** `conn` is always "localIp:localPort>remoteIp:remotePort" for state/timer/app events. */
export type TcpTraceEvent =
  | { t: number; kind: 'state'; host: string; conn: string; from: TcpState; to: TcpState; cause: string; tcb: TcbSnapshot }
  | { t: number; kind: 'timer'; host: string; conn: string; timer: TimerName; op: TimerOp; dueMs: number }
  | {
      t: number;
      kind: 'app';
      host: string;
      conn: string;
      event: AppEventName;
      /** Bytes delivered, for `data`; otherwise 0. */
      bytes: number;
      /** Human-readable reason, e.g. why a timeout or reset happened. */
      detail: string;
    }
  | {
      t: number;
      kind: 'tcp.drop';
      host: string;
      conn: string;
      /** Packet id of the segment the engine discarded (as passed to input()). */
      id: number;
      reason: string;
    }
  | { t: number; kind: 'note'; host: string; conn: string; text: string };

export type TimerOp = 'start' | 'stop' | 'fire';

export interface TcpTraceSink {
  emit(ev: TcpTraceEvent): void;
  /**
   * Optional: a timer event as its fields (timerEvent() builds the object a sink without it gets from emit).
   * A bulk transfer starts or stops a timer for nearly every segment, and a sink that stores events in
   * columns or counts them needs no object, nor the two boxed times in it, for each.
   */
  timer?(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): void;
  /**
   * Optional: an app event as its fields (appEvent() builds the object a sink without it gets from emit).
   * A bulk receiver's application gets data for most segments (68,000 events in a 100 MB transfer), and a
   * sink that stores events in columns or counts them needs no object for each (docs/PERFORMANCE.md
   * "Engine, session 21").
   */
  app?(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): void;
}

/** The app event TcpTraceSink.app's fields stand for, in the key order it always had. */
export function appEvent(t: number, host: string, conn: string, event: AppEventName, bytes: number, detail: string): Extract<TcpTraceEvent, { kind: 'app' }> {
  return { t, kind: 'app', host, conn, event, bytes, detail };
}

/** The timer event TcpTraceSink.timer's fields stand for, in the key order it always had. */
export function timerEvent(t: number, host: string, conn: string, timer: TimerName, op: TimerOp, dueMs: number): TcpTraceEvent {
  return { t, kind: 'timer', host, conn, timer, op, dueMs };
}
