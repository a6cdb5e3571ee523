// What each timer does when it fires: retransmission (RFC 6298 5.4-5.6, SYN schedule, tcp_retries2), SYN-ACK
// retries, zero-window probes (RFC 9293 3.8.6.1), delayed ACK, keepalive (RFC 1122 4.2.3.6), the orphaned
// FIN-WAIT-2 timeout (Linux tcp_fin_timeout) and the end of TIME-WAIT.
import * as cc from './cc.js';
import type { Conn } from './conn.js';
import { T_DELACK, T_FINWAIT2, T_KEEPALIVE, T_PERSIST, T_RETRANSMIT, T_SYNACK, T_TIMEWAIT, windowFactor } from './conn.js';
import type { StackCore } from './core.js';
import { onDelackFired } from './delack.js';
import { EMPTY, makeSegment, NO_OPTIONS, output, persistTimeoutMs, sendAck, sendDataAt, sendSyn } from './output.js';
import { backoff, synAckTimeoutMs, synBudgetMs, synTimeoutMs } from './rto.js';
import { FLAG } from './segment.js';
import { seqAdd, seqDiff, seqGt } from './seq.js';
import { fireTimer, startTimer } from './timers.js';
import { closeWith, rcvWindow, transition } from './transition.js';

export function fireSlot(st: StackCore, conn: Conn, slot: number, nowMs: number): void {
  fireTimer(st, conn, slot, nowMs);
  switch (slot) {
    case T_RETRANSMIT: return onRetransmit(st, conn, nowMs);
    case T_SYNACK: return onSynAck(st, conn, nowMs);
    case T_PERSIST: return onPersist(st, conn, nowMs);
    case T_DELACK: return onDelack(st, conn, nowMs);
    case T_KEEPALIVE: return onKeepalive(st, conn, nowMs);
    case T_FINWAIT2: return onFinWait2(st, conn, nowMs);
    case T_TIMEWAIT: return transition(st, conn, 'CLOSED', 'RFC 9293 3.10.8: 2MSL TIME-WAIT timeout', nowMs);
    default: return;
  }
}

function onDelack(st: StackCore, conn: Conn, nowMs: number): void {
  if (!conn.ackPending) return;
  onDelackFired(st, conn);
  sendAck(st, conn, 'delayed ACK', nowMs);
}

/** Arms the SYN timer after the n-th SYN transmission, never beyond connect()'s time budget. */
export function armSynTimer(st: StackCore, conn: Conn, nowMs: number): void {
  const p = st.params;
  const timeoutMs = synTimeoutMs(p, conn.synRetransmits, p.synLinearTimeouts);
  conn.rtoMs = timeoutMs;
  const dueMs = Math.min(nowMs + timeoutMs, conn.synStartMs + synBudgetMs(p));
  startTimer(st, conn, T_RETRANSMIT, dueMs, nowMs);
}

function onSynRetransmit(st: StackCore, conn: Conn, nowMs: number): void {
  const p = st.params;
  const budgetMs = synBudgetMs(p);
  const elapsedMs = nowMs - conn.synStartMs;
  if (elapsedMs >= budgetMs) {
    const detail = `connect() gave up after ${conn.synRetransmits} SYN retransmissions and ${elapsedMs} ms `
      + `(time budget ${budgetMs} ms: net.ipv4.tcp_syn_retries = ${p.synRetries}, `
      + `tcp_syn_linear_timeouts = ${p.synLinearTimeouts}${p.synTimeoutMs > 0 ? `, tcplab.syn_timeout_ms = ${p.synTimeoutMs}` : ''})`;
    closeWith(st, conn, 'timeout', detail, 'SYN retransmissions exhausted (net.ipv4.tcp_syn_retries)', nowMs);
    return;
  }
  conn.synRetransmits++;
  conn.rttStartMs = -1;
  sendSyn(st, conn, conn.state !== 'SYN-SENT', true, `SYN retransmission #${conn.synRetransmits}`, nowMs);
  armSynTimer(st, conn, nowMs);
}

function onRetransmit(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.sndUna === conn.iss && conn.listenerPort < 0) {
    onSynRetransmit(st, conn, nowMs);
    return;
  }
  if (conn.sndUna === conn.sndMax) return;
  const p = st.params;
  if (conn.rtxCount >= p.retries2) {
    const detail = `retransmission timeout: ${conn.rtxCount} retransmissions without an ACK (net.ipv4.tcp_retries2 = ${p.retries2})`;
    closeWith(st, conn, 'timeout', detail, 'RFC 9293 3.8.3 R2: retransmissions exhausted (net.ipv4.tcp_retries2)', nowMs);
    return;
  }
  conn.rtxCount++;
  backoff(conn, p); // RFC 6298 5.5
  cc.onRto(conn);
  conn.rttStartMs = -1; // Karn
  // RFC 6298 5.4: retransmit the earliest unacknowledged segment (go-back-N from there; SACKed data skipped).
  let len = conn.mss;
  for (const [l] of conn.sacked) if (seqGt(l, conn.sndUna)) len = Math.min(len, seqDiff(l, conn.sndUna));
  const space = sendDataAt(st, conn, conn.sndUna, len, `RTO retransmission #${conn.rtxCount}`, nowMs);
  conn.sndNxt = seqAdd(conn.sndUna, space);
  startTimer(st, conn, T_RETRANSMIT, nowMs + conn.rtoMs, nowMs); // RFC 6298 5.6
}

function onSynAck(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.sndUna !== conn.iss) return;
  const p = st.params;
  if (conn.synRetransmits >= p.synackRetries) {
    const detail = `half-open connection dropped after ${conn.synRetransmits} SYN-ACK retransmissions `
      + `(net.ipv4.tcp_synack_retries = ${p.synackRetries})`;
    closeWith(st, conn, 'timeout', detail, 'SYN-ACK retransmissions exhausted (net.ipv4.tcp_synack_retries)', nowMs);
    return;
  }
  conn.synRetransmits++;
  sendSyn(st, conn, true, true, `SYN-ACK retransmission #${conn.synRetransmits}`, nowMs);
  startTimer(st, conn, T_SYNACK, nowMs + synAckTimeoutMs(p, conn.synRetransmits), nowMs);
}

/** RFC 9293 3.8.6.1: send one octet beyond a zero window so a lost window update cannot deadlock us. */
function onPersist(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.sndWnd > 0) {
    // The window is open but too small for sender SWS avoidance: force what fits (BSD tcp_output "force").
    conn.persistBackoff = 0;
    const usable = Math.min(conn.sndWnd, conn.cwnd, conn.mss) - seqDiff(conn.sndNxt, conn.sndUna);
    const space = usable > 0 ? sendDataAt(st, conn, conn.sndNxt, usable, 'data (persist timer: window too small to wait)', nowMs) : 0;
    conn.sndNxt = seqAdd(conn.sndNxt, space);
    output(st, conn, nowMs);
    return;
  }
  const space = sendDataAt(st, conn, conn.sndUna, 1, 'zero-window probe', nowMs);
  if (space === 0) return;
  if (conn.sndNxt === conn.sndUna) conn.sndNxt = seqAdd(conn.sndUna, space);
  conn.persistBackoff++;
  startTimer(st, conn, T_PERSIST, nowMs + persistTimeoutMs(st, conn), nowMs);
}

/** RFC 1122 4.2.3.6: after keepalive_time idle, probe every keepalive_intvl; abort after keepalive_probes. */
function onKeepalive(st: StackCore, conn: Conn, nowMs: number): void {
  const p = st.params;
  if (!conn.keepaliveOn || (conn.state !== 'ESTABLISHED' && conn.state !== 'CLOSE-WAIT')) return;
  if (conn.keepaliveProbes === 0 && nowMs - conn.lastRecvMs < p.keepaliveTimeMs) {
    startTimer(st, conn, T_KEEPALIVE, conn.lastRecvMs + p.keepaliveTimeMs, nowMs);
    return;
  }
  if (conn.keepaliveProbes >= p.keepaliveProbes) {
    const detail = `keepalive: ${conn.keepaliveProbes} probes unanswered (net.ipv4.tcp_keepalive_probes)`;
    closeWith(st, conn, 'timeout', detail, 'RFC 1122 4.2.3.6: keepalive probes unanswered', nowMs);
    return;
  }
  conn.keepaliveProbes++;
  // A probe is an ACK with SEQ = SND.UNA − 1 (no data): the peer must answer it with an ACK.
  const win = Math.min(65535, Math.floor(rcvWindow(conn) / windowFactor(conn.rcvShift)));
  const seg = makeSegment(st, conn, (conn.sndUna - 1) >>> 0, conn.rcvNxt, FLAG.ACK, win, NO_OPTIONS, EMPTY);
  st.tx(seg, false, `keepalive probe #${conn.keepaliveProbes}`, conn.key);
  startTimer(st, conn, T_KEEPALIVE, nowMs + p.keepaliveIntvlMs, nowMs);
}

function onFinWait2(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.state !== 'FIN-WAIT-2') return;
  // Silent, as Linux: an orphaned FIN-WAIT-2 lives on as a timewait minisocket (tcp_time_wait(TCP_FIN_WAIT2))
  // and simply disappears; a FIN the peer sends later meets a closed port and draws an RST.
  closeWith(st, conn, null, '', `FIN-WAIT-2 timeout for an orphaned socket (net.ipv4.tcp_fin_timeout = ${st.params.finTimeoutMs / 1000} s)`, nowMs);
}
