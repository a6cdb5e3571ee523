// Entering TIME-WAIT and ESTABLISHED: the timers and counters that go with those two states.
import * as cc from './cc.js';
import type { Conn } from './conn.js';
import { T_DELACK, T_FINWAIT2, T_KEEPALIVE, T_PERSIST, T_RETRANSMIT, T_SYNACK, T_TIMEWAIT } from './conn.js';
import type { StackCore } from './core.js';
import type { Params } from './profiles.js';
import { startTimer, stopTimer } from './timers.js';
import { transition } from './transition.js';

/** RFC 9293 3.10.7.4: TIME-WAIT lasts 2·MSL (Linux: fixed 60 s; variants.timeWaitMs overrides, 0 allowed). */
export function enterTimeWait(st: StackCore, conn: Conn, cause: string, nowMs: number): void {
  transition(st, conn, 'TIME-WAIT', cause, nowMs);
  for (const slot of [T_RETRANSMIT, T_SYNACK, T_PERSIST, T_DELACK, T_KEEPALIVE, T_FINWAIT2]) stopTimer(st, conn, slot, nowMs);
  const waitMs = st.params.timeWaitMs;
  if (waitMs <= 0) {
    transition(st, conn, 'CLOSED', 'TIME-WAIT of 0 ms (teaching variant timeWaitMs = 0): TCB deleted at once', nowMs);
    return;
  }
  startTimer(st, conn, T_TIMEWAIT, nowMs + waitMs, nowMs);
}

/** RFC 9293 3.10.7.4: "restart the 2 MSL timeout" on a retransmitted FIN in TIME-WAIT. */
export function restartTimeWait(st: StackCore, conn: Conn, nowMs: number): void {
  startTimer(st, conn, T_TIMEWAIT, nowMs + st.params.timeWaitMs, nowMs);
}

/**
 * The RTO once data transmission begins (tcplab.rto_after_syn_loss_ms, 0 = keep it). RFC 6298 5.7: "if the timer
 * expires awaiting the ACK of a SYN segment" (rfc: the SYN or SYN-ACK timer fired). Linux tcp_init_metrics: the
 * handshake gave no RTT sample (srtt_us == 0), for whatever reason (params.rtoFallbackRule).
 */
function fallBackRto(conn: Conn, p: Params): boolean {
  if (p.rtoAfterSynLossMs <= 0 || conn.hasRttSample) return false;
  return p.rtoFallbackRule === 'no-rtt-sample' || conn.synRetransmits > 0;
}

/** Set-up when a connection becomes ESTABLISHED: congestion window, RTO after SYN loss, keepalive. */
export function onEstablished(st: StackCore, conn: Conn, nowMs: number): void {
  const p = st.params;
  cc.initCwnd(conn, p);
  if (fallBackRto(conn, p)) conn.rtoMs = p.rtoAfterSynLossMs;
  conn.rtxCount = 0;
  conn.lastRecvMs = nowMs;
  conn.keepaliveOn = p.keepalive;
  if (conn.keepaliveOn) startTimer(st, conn, T_KEEPALIVE, nowMs + p.keepaliveTimeMs, nowMs);
}
