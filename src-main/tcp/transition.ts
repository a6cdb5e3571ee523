// The ONE place a connection changes state: it checks the edge against RFC_EDGES, emits the `state` trace
// event with the rule that fired and a TCB snapshot, and tears the connection down when it reaches CLOSED.
import type { Conn } from './conn.js';
import type { StackCore } from './core.js';
import { isLegalTransition } from './edges.js';
import type { TcbSnapshot, TcpState } from './trace.js';
import { stopAllTimers } from './timers.js';

export function snapshot(conn: Conn): TcbSnapshot {
  return {
    sndUna: conn.sndUna,
    sndNxt: conn.sndNxt,
    sndWnd: conn.sndWnd,
    rcvNxt: conn.rcvNxt,
    rcvWnd: rcvWindow(conn),
    iss: conn.iss,
    irs: conn.irs,
    cwnd: conn.cwnd,
    ssthresh: conn.ssthresh,
    srttMs: conn.srttMs,
    rttvarMs: conn.rttvarMs,
    rtoMs: conn.rtoMs,
  };
}

/** RCV.WND: free receive-buffer space (in-order bytes the application has not read use it up). */
export function rcvWindow(conn: Conn): number {
  return Math.max(0, conn.rcvBufBytes - conn.recvQueued);
}

export function transition(st: StackCore, conn: Conn, to: TcpState, cause: string, nowMs: number): void {
  const from = conn.state;
  if (from === to) return;
  if (!isLegalTransition(from, to)) st.emitNote(conn.key, `BUG: ${from} → ${to} is not in RFC_EDGES`, nowMs);
  conn.state = to;
  st.traceSink.emit({ t: nowMs, kind: 'state', host: st.host, conn: conn.key, from, to, cause, tcb: snapshot(conn) });
  if (to === 'CLOSED') destroy(st, conn, from, nowMs);
}

const ZERO_TCB: TcbSnapshot = {
  sndUna: 0, sndNxt: 0, sndWnd: 0, rcvNxt: 0, rcvWnd: 0, iss: 0, irs: 0, cwnd: 0, ssthresh: 0, srttMs: 0, rttvarMs: 0, rtoMs: 0,
};

/** State change of a listening socket (CLOSED ↔ LISTEN); it has no sequence space, so its TCB is all zero. */
export function listenerTransition(st: StackCore, key: string, from: TcpState, to: TcpState, cause: string, nowMs: number): void {
  st.traceSink.emit({ t: nowMs, kind: 'state', host: st.host, conn: key, from, to, cause, tcb: { ...ZERO_TCB } });
}

/** Closes conn with an application event first (reset, timeout, refused …) then `closed`. */
export function closeWith(
  st: StackCore, conn: Conn, event: 'reset' | 'timeout' | 'refused' | 'error' | null, detail: string, cause: string,
  nowMs: number,
): void {
  if (conn.state === 'CLOSED') return;
  if (event) st.emitApp(conn.key, event, 0, detail, nowMs);
  transition(st, conn, 'CLOSED', cause, nowMs);
}

function destroy(st: StackCore, conn: Conn, from: TcpState, nowMs: number): void {
  stopAllTimers(st, conn, nowMs);
  st.removeConn(conn);
  const l = conn.listenerPort >= 0 ? st.listeners.get(conn.listenerPort) : undefined;
  if (l) {
    removeKey(l.synQueue, conn.key);
    removeKey(l.acceptQueue, conn.key);
  }
  conn.sndBuf.consume(conn.sndBuf.length);
  conn.reasm.clear();
  st.retire(conn);
  st.emitApp(conn.key, 'closed', 0, `connection gone (was ${from})`, nowMs);
}

function removeKey(list: string[], key: string): void {
  const i = list.indexOf(key);
  if (i >= 0) list.splice(i, 1);
}
