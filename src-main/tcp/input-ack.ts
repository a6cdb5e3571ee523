// RFC 9293 3.10.7.4 fifth step (the ACK field) for SYN-RECEIVED and the synchronized states: SND.UNA/SND.WND
// updates, RTT sampling (RFC 6298, Karn), NewReno fast retransmit / fast recovery (RFC 5681, RFC 6582), the
// SACK scoreboard (RFC 2018), RFC 5961 5.2 ACK validation, and the FIN-acknowledged state changes.
import * as cc from './cc.js';
import type { Conn } from './conn.js';
import { T_FINWAIT2, T_PERSIST, T_RETRANSMIT, windowFactor } from './conn.js';
import type { StackCore } from './core.js';
import { dataStartSeq, finAcked, sendDataAt, sendOowAck } from './output.js';
import { rttSample } from './rto.js';
import type { Segment } from './segment.js';
import type { TcpState } from './trace.js';
import { FLAG } from './segment.js';
import { seqDiff, seqGe, seqGt, seqLe, seqLt } from './seq.js';
import { startTimer, stopTimer, timerRunning } from './timers.js';
import { enterTimeWait } from './close.js';
import { transition } from './transition.js';

export type AckVerdict = 'continue' | 'drop' | 'closed';

/** Merges the peer's SACK blocks into the scoreboard (RFC 2018 5); ignores blocks outside (SND.UNA, sndMax]. */
function updateScoreboard(conn: Conn, seg: Segment): void {
  const blocks = seg.options.sack;
  if (!conn.sackOk || !blocks) return;
  for (const [l, r] of blocks) {
    if (!seqLt(l, r) || !seqGt(l, conn.sndUna) || seqGt(r, conn.sndMax)) continue;
    let left = l;
    let right = r;
    const kept: Array<[number, number]> = [];
    for (const b of conn.sacked) {
      if (seqLt(b[1], left) || seqGt(b[0], right)) kept.push(b);
      else {
        if (seqLt(b[0], left)) left = b[0];
        if (seqGt(b[1], right)) right = b[1];
      }
    }
    kept.push([left, right]);
    kept.sort((a, b) => seqDiff(a[0], b[0]));
    conn.sacked = kept;
  }
}

function pruneScoreboard(conn: Conn): void {
  if (conn.sacked.length === 0) return;
  conn.sacked = conn.sacked.filter((b) => seqGt(b[1], conn.sndUna));
}

/** Length of the hole at SND.UNA (up to the first SACKed block), at most one MSS. */
function holeLen(conn: Conn): number {
  let len = conn.mss;
  for (const [l] of conn.sacked) if (seqGt(l, conn.sndUna)) len = Math.min(len, seqDiff(l, conn.sndUna));
  return len;
}

function retransmitHole(st: StackCore, conn: Conn, cause: string, nowMs: number): void {
  sendDataAt(st, conn, conn.sndUna, holeLen(conn), cause, nowMs);
  if (seqLt(conn.sndNxt, conn.sndUna)) conn.sndNxt = conn.sndUna;
}

/** RFC 5681 2 "DUPLICATE ACKNOWLEDGMENT" (a)-(e). */
function isDupAck(conn: Conn, seg: Segment): boolean {
  return seg.ack === conn.sndUna && seg.payload.length === 0 && (seg.flags & (FLAG.SYN | FLAG.FIN)) === 0
    && seg.window * windowFactor(conn.sndShift) === conn.sndWnd && conn.sndMax !== conn.sndUna
    && conn.sndWnd > 0; // answers to zero-window probes repeat the ACK but are not a loss signal
}

function onDupAck(st: StackCore, conn: Conn, nowMs: number): void {
  conn.dupAcks++;
  if (conn.inRecovery) {
    cc.inflate(conn);
    return;
  }
  // RFC 6582 3.2 step 2: only when the cumulative ACK covers more than `recover` (avoids repeated halving).
  if (conn.dupAcks === st.params.dupAckThreshold && seqGe(conn.sndUna, conn.recover)) {
    cc.enterRecovery(conn);
    conn.rttStartMs = -1;
    retransmitHole(st, conn, `fast retransmit after ${conn.dupAcks} duplicate ACKs (RFC 5681 3.2)`, nowMs);
  }
}

function onNewAck(st: StackCore, conn: Conn, seg: Segment, nowMs: number): void {
  const ack = seg.ack;
  // Sequence space acknowledged, not counting our SYN (it carries no data for cwnd growth).
  const ackedSpace = seqDiff(ack, conn.sndUna) - (conn.sndUna === conn.iss ? 1 : 0);
  const dataBytes = Math.max(0, Math.min(conn.sndBuf.length, seqDiff(ack, dataStartSeq(conn))));
  if (conn.rttStartMs >= 0 && seqGe(ack, conn.rttSeq)) {
    rttSample(conn, st.params, nowMs - conn.rttStartMs, ack);
    conn.rttStartMs = -1;
  }
  conn.sndBuf.consume(dataBytes);
  conn.sndUna = ack;
  if (seqLt(conn.sndNxt, ack)) conn.sndNxt = ack;
  conn.rtxCount = 0;
  pruneScoreboard(conn);
  if (conn.inRecovery) {
    if (seqGe(ack, conn.recover)) cc.exitRecovery(conn);
    else {
      cc.onPartialAck(conn, ackedSpace);
      retransmitHole(st, conn, 'NewReno partial ACK: retransmit next hole (RFC 6582 3.2)', nowMs);
    }
  } else {
    conn.dupAcks = 0;
    cc.onAckedOpen(conn, ackedSpace);
  }
  // RFC 6298 5.2 / 5.3: stop the timer when all is acknowledged, otherwise restart it.
  if (conn.sndUna === conn.sndMax) stopTimer(st, conn, T_RETRANSMIT, nowMs);
  else startTimer(st, conn, T_RETRANSMIT, nowMs + conn.rtoMs, nowMs);
}

/** RFC 9293 3.10.7.4: update SND.WND if the segment is newer (SND.WL1/WL2 rule). */
function updateWindow(st: StackCore, conn: Conn, seg: Segment, nowMs: number): void {
  if (seqLt(conn.sndWl1, seg.seq) || (conn.sndWl1 === seg.seq && seqLe(conn.sndWl2, seg.ack))) {
    conn.sndWnd = seg.window * windowFactor(conn.sndShift);
    conn.sndWl1 = seg.seq;
    conn.sndWl2 = seg.ack;
    if (conn.sndWnd > conn.maxSndWnd) conn.maxSndWnd = conn.sndWnd;
    if (conn.sndWnd > 0 && timerRunning(conn, T_PERSIST)) {
      stopTimer(st, conn, T_PERSIST, nowMs);
      conn.persistBackoff = 0;
    }
  }
}

/** The ACK field in ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING, LAST-ACK. */
export function processAck(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): AckVerdict {
  const ack = seg.ack;
  if (seqGt(ack, conn.sndMax)) {
    sendOowAck(st, conn, seg, 'ACK of data not yet sent: reply ACK (RFC 9293 3.10.7.4 fifth)', nowMs);
    st.emitDrop(conn.key, id, 'ACK acknowledges data not yet sent', nowMs);
    return 'drop';
  }
  if (st.params.rstChallenge && seqLt(ack, (conn.sndUna - conn.maxSndWnd) >>> 0) && conn.maxSndWnd > 0) {
    sendOowAck(st, conn, seg, 'challenge ACK: ACK too old (RFC 5961 5.2)', nowMs);
    st.emitDrop(conn.key, id, 'ACK below SND.UNA - MAX.SND.WND (RFC 5961 5.2)', nowMs);
    return 'drop';
  }
  updateScoreboard(conn, seg);
  if (seqGt(ack, conn.sndUna)) onNewAck(st, conn, seg, nowMs);
  else if (isDupAck(conn, seg)) onDupAck(st, conn, nowMs);
  updateWindow(st, conn, seg, nowMs);
  return ackStateChanges(st, conn, seg, nowMs);
}

function ackStateChanges(st: StackCore, conn: Conn, seg: Segment, nowMs: number): AckVerdict {
  if (!finAcked(conn)) return 'continue';
  // A FIN,ACK in sequence that acknowledges our FIN takes FIN-WAIT-1 straight to TIME-WAIT (eighth step),
  // the arrow textbooks draw; the caller falls back to FIN-WAIT-2 if the FIN turns out not to be consumed.
  const finInOrder = (seg.flags & FLAG.FIN) !== 0 && seg.seq === conn.rcvNxt;
  if (conn.state === 'FIN-WAIT-1' && !finInOrder) {
    transition(st, conn, 'FIN-WAIT-2', 'RFC 9293 3.10.7.4 fifth: our FIN acknowledged in FIN-WAIT-1', nowMs);
    armFinWait2(st, conn, nowMs);
  } else if (conn.state === 'CLOSING') {
    enterTimeWait(st, conn, 'RFC 9293 3.10.7.4 fifth: our FIN acknowledged in CLOSING', nowMs);
    return (conn.state as TcpState) === 'CLOSED' ? 'closed' : 'continue';
  } else if (conn.state === 'LAST-ACK') {
    transition(st, conn, 'CLOSED', 'RFC 9293 3.10.7.4 fifth: our FIN acknowledged in LAST-ACK', nowMs);
    return 'closed';
  }
  return 'continue';
}

/** FIN-WAIT-1 with our FIN acknowledged but no FIN consumed: finish the move to FIN-WAIT-2. */
export function settleFinWait1(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.state !== 'FIN-WAIT-1' || !finAcked(conn)) return;
  transition(st, conn, 'FIN-WAIT-2', 'RFC 9293 3.10.7.4 fifth: our FIN acknowledged in FIN-WAIT-1', nowMs);
  armFinWait2(st, conn, nowMs);
}

/** Linux tcp_fin_timeout: only an orphaned socket (close(), not shutdown()) times out of FIN-WAIT-2. */
export function armFinWait2(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.state !== 'FIN-WAIT-2' || !conn.orphaned || st.params.finTimeoutMs <= 0) return;
  if (!timerRunning(conn, T_FINWAIT2)) startTimer(st, conn, T_FINWAIT2, nowMs + st.params.finTimeoutMs, nowMs);
}

