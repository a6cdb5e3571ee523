// RFC 9293 3.10.7.3 SEGMENT ARRIVES in SYN-SENT: ACK check, RST (refused), SYN / SYN-ACK (RFC 5961 3.2
// for RST acceptability), simultaneous open (SYN-SENT → SYN-RECEIVED) and the two-way-handshake variant.
import type { Conn } from './conn.js';
import { T_RETRANSMIT } from './conn.js';
import type { StackCore } from './core.js';
import { ackSndCheck } from './delack.js';
import { onEstablished } from './close.js';
import { processFin, processText } from './input-data.js';
import { applySynOptions } from './listen.js';
import { output, sendAck, sendRstReply, sendSyn } from './output.js';
import { rttSample } from './rto.js';
import type { Segment } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd, seqGt, seqLe } from './seq.js';
import { startTimer, stopTimer } from './timers.js';
import { closeWith, transition } from './transition.js';

export function processSynSent(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): void {
  const hasAck = (seg.flags & FLAG.ACK) !== 0;
  if (hasAck && (seqLe(seg.ack, conn.iss) || seqGt(seg.ack, conn.sndMax))) {
    // Linux re-arms before it looks at the RST bit, so a RST with an unacceptable ACK brings the SYN forward too.
    retrySynSoon(st, conn, nowMs);
    if (seg.flags & FLAG.RST) {
      st.emitDrop(conn.key, id, 'RST with an unacceptable ACK in SYN-SENT', nowMs);
      return;
    }
    sendRstReply(st, seg, 'RST for an unacceptable ACK in SYN-SENT (RFC 9293 3.10.7.3)');
    st.emitDrop(conn.key, id, 'unacceptable ACK in SYN-SENT: RST sent', nowMs);
    return;
  }
  if (seg.flags & FLAG.RST) {
    if (!hasAck) {
      st.emitDrop(conn.key, id, 'RST without ACK in SYN-SENT is ignored (RFC 9293 3.10.7.3)', nowMs);
      return;
    }
    closeWith(st, conn, 'refused', 'connection refused: RST in answer to our SYN',
      'RFC 9293 3.10.7.3: RST with an acceptable ACK in SYN-SENT (connection refused)', nowMs);
    return;
  }
  if (!(seg.flags & FLAG.SYN)) {
    st.emitDrop(conn.key, id, 'neither SYN nor RST in SYN-SENT (RFC 9293 3.10.7.3)', nowMs);
    return;
  }
  conn.irs = seg.seq;
  conn.rcvNxt = seqAdd(seg.seq, 1);
  conn.rcvWup = conn.rcvNxt;
  applySynOptions(st, conn, seg);
  conn.sndWl1 = seg.seq;
  conn.sndWl2 = seg.ack;
  if (hasAck) synAckArrived(st, conn, seg, nowMs);
  else simultaneousOpen(st, conn, nowMs);
}

/**
 * Linux tcp_rcv_synsent_state_process ("Previous FIN/ACK or RST/ACK might be ignored"): the peer still has an
 * old connection on this pair, which our RST may just have ended, so while the SYN has not been retransmitted
 * yet the SYN timer is re-armed to TCP_TIMEOUT_MIN instead of waiting a full second. Only the timer moves: the
 * SYN that follows is an ordinary retransmission (it counts, and the timeout after it is the schedule's next).
 */
function retrySynSoon(st: StackCore, conn: Conn, nowMs: number): void {
  const delayMs = st.params.synSentBadAckRetryMs;
  if (delayMs <= 0 || conn.synRetransmits > 0) return;
  startTimer(st, conn, T_RETRANSMIT, nowMs + delayMs, nowMs);
  st.emitNote(conn.key, `SYN retransmission brought forward to ${delayMs} ms from now: the peer may still hold an old connection that is going away (tcplab.synsent_bad_ack_retry_ms)`, nowMs);
}

function synAckArrived(st: StackCore, conn: Conn, seg: Segment, nowMs: number): void {
  conn.sndUna = seg.ack;
  stopTimer(st, conn, T_RETRANSMIT, nowMs);
  // Karn's rule: a SYN that was retransmitted gives no RTT sample.
  if (conn.synRetransmits === 0) rttSample(conn, st.params, nowMs - conn.synStartMs, seg.ack);
  const twoWay = st.params.twoWayHandshake;
  const cause = twoWay
    ? 'two-way handshake variant: SYN,ACK received, no third segment sent'
    : 'RFC 9293 3.10.7.3: SYN,ACK acknowledging our SYN in SYN-SENT';
  conn.twoWay = twoWay;
  onEstablished(st, conn, nowMs);
  transition(st, conn, 'ESTABLISHED', cause, nowMs);
  st.emitApp(conn.key, 'connected', 0, 'active open completed', nowMs);
  // The text of a SYN starts one past its sequence number (RFC 9293 3.10.7.3 "continue processing at step 6").
  const rest: Segment = { ...seg, seq: seqAdd(seg.seq, 1), flags: seg.flags & ~FLAG.SYN };
  processText(st, conn, rest, false, nowMs);
  processFin(st, conn, rest, false, nowMs);
  if (conn.state === 'CLOSED') return;
  const sent = output(st, conn, nowMs);
  ackSndCheck(st, conn, nowMs);
  if (!twoWay && sent === 0) sendAck(st, conn, 'ACK (third segment of the handshake)', nowMs);
  else if (conn.ackNow) sendAck(st, conn, 'ACK', nowMs);
}

/** RFC 9293 3.10.7.3: a SYN without ACK in SYN-SENT is a simultaneous open; answer SYN,ACK. */
function simultaneousOpen(st: StackCore, conn: Conn, nowMs: number): void {
  transition(st, conn, 'SYN-RECEIVED', 'RFC 9293 3.10.7.3: SYN without ACK in SYN-SENT (simultaneous open)', nowMs);
  sendSyn(st, conn, true, false, 'SYN-ACK (simultaneous open)', nowMs);
}
