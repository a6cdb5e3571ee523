// RFC 9293 3.10.7.4 SEGMENT ARRIVES in SYN-RECEIVED and the synchronized states, steps one to eight:
// sequence-number acceptability, RST (RFC 5961 3.2), SYN (RFC 5961 4.2 / RFC 793), ACK, text, FIN.
import type { Conn } from './conn.js';
import { T_SYNACK, windowFactor } from './conn.js';
import type { StackCore } from './core.js';
import { ackSndCheck, enterQuickack } from './delack.js';
import { onEstablished, restartTimeWait } from './close.js';
import { processAck, settleFinWait1 } from './input-ack.js';
import { processFin, processText } from './input-data.js';
import { finWait2Minisocket, isDataAfterClose, isFinWait2Minisocket, resetOnDataAfterClose } from './input-orphan.js';
import { admitEstablished, announceAccepted } from './listen.js';
import { controlSeq, output, sendAck, sendOowAck, sendRstFor, sendSyn } from './output.js';
import { rttSample, synAckTimeoutMs } from './rto.js';
import type { Segment } from './segment.js';
import { FLAG, segLen } from './segment.js';
import { seqAdd, seqGt, seqInRange, seqLe, seqLt } from './seq.js';
import { startTimer, stopTimer } from './timers.js';
import { closeWith, rcvWindow, transition } from './transition.js';

/** RFC 9293 3.10.7.4 first: the four-case acceptability test. */
export function acceptable(conn: Conn, seq: number, len: number): boolean {
  const wnd = rcvWindow(conn);
  const end = seqAdd(conn.rcvNxt, wnd);
  if (len === 0) return wnd === 0 ? seq === conn.rcvNxt : seqInRange(seq, conn.rcvNxt, end);
  if (wnd === 0) return false;
  return seqInRange(seq, conn.rcvNxt, end) || seqInRange(seqAdd(seq, len - 1), conn.rcvNxt, end);
}

/** 'reopen': a new SYN ended TIME-WAIT; the listener builds the new incarnation (input.ts reopenIss). */
export type Outcome = 'done' | 'to-listener' | 'reopen';

/** SYN-RECEIVED, or FIN-WAIT-1 entered from it by CLOSE before our SYN was acknowledged (sndUna is still ISS). */
function synUnacked(conn: Conn): boolean {
  return conn.state === 'SYN-RECEIVED' || conn.sndUna === conn.iss;
}

/** RFC 9293 3.10.7.4 fifth, SYN-RECEIVED: SND.UNA < SEG.ACK =< SND.NXT (sndMax: the highest sent). */
function ackOfOurSyn(conn: Conn, ack: number): boolean {
  return seqLt(conn.sndUna, ack) && seqLe(ack, conn.sndMax);
}

/** Entry point for a segment that matched an existing connection in any state but LISTEN/SYN-SENT. */
export function processSynchronized(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): Outcome {
  conn.lastRecvMs = nowMs;
  conn.keepaliveProbes = 0;
  const pre = preChecks(st, conn, seg, nowMs, id);
  if (pre !== 'continue') return pre;
  const len = segLen(seg);
  // RFC 5961 4.2: "irrespective of the sequence number" (Linux tcp_validate_incoming: syn_challenge).
  if ((seg.flags & (FLAG.SYN | FLAG.RST)) === FLAG.SYN && synChallengedAnySeq(st, conn)) return onSyn(st, conn, seg, nowMs, id);
  if (!acceptable(conn, seg.seq, len)) return unacceptable(st, conn, seg, len, nowMs, id);
  if (isFinWait2Minisocket(st, conn)) {
    const r = finWait2Minisocket(st, conn, seg, nowMs, id);
    if (r !== 'continue') return r;
  }
  if (seg.flags & FLAG.RST) {
    onRst(st, conn, seg, nowMs, id);
    return 'done';
  }
  if (seg.flags & FLAG.SYN) return onSyn(st, conn, seg, nowMs, id);
  if (!(seg.flags & FLAG.ACK)) {
    st.emitDrop(conn.key, id, 'no ACK bit (RFC 9293 3.10.7.4 fifth)', nowMs);
    return 'done';
  }
  let skipText = false;
  // sndUna === iss outside SYN-RECEIVED: CLOSE in SYN-RECEIVED went to FIN-WAIT-1 before our SYN was
  // acknowledged; this ACK still has to complete the handshake (RFC 9293 3.10.4, 3.10.7.4 fifth).
  if (synUnacked(conn)) {
    const r = ackInSynReceived(st, conn, seg, nowMs, id);
    if (r === 'drop') return 'done';
    skipText = r === 'established-skip-text';
  }
  if (conn.state === 'TIME-WAIT') {
    st.emitDrop(conn.key, id, 'segment in TIME-WAIT (only a retransmitted FIN is expected)', nowMs);
    return 'done';
  }
  if (processAck(st, conn, seg, nowMs, id) !== 'continue') return 'done';
  if (isDataAfterClose(st, conn, seg)) {
    resetOnDataAfterClose(st, conn, seg, nowMs, id);
    return 'done';
  }
  processText(st, conn, seg, skipText, nowMs);
  processFin(st, conn, seg, skipText, nowMs);
  settleFinWait1(st, conn, nowMs);
  if (conn.state === 'CLOSED') return 'done';
  output(st, conn, nowMs);
  ackSndCheck(st, conn, nowMs);
  if (conn.ackNow) sendAck(st, conn, 'ACK', nowMs);
  return 'done';
}

/** A SYN in this state draws the challenge ACK before the acceptability test (Params.synChallengeAnySeq). */
function synChallengedAnySeq(st: StackCore, conn: Conn): boolean {
  return st.params.synChallengeAnySeq.includes(conn.state) && !isFinWait2Minisocket(st, conn);
}

/** Special cases checked before the acceptability test. */
function preChecks(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): 'continue' | Outcome {
  const flags = seg.flags;
  const bare = (flags & (FLAG.RST | FLAG.ACK)) === 0;
  if (conn.state === 'TIME-WAIT') {
    // Linux tcp_timewait_state_process: a retransmitted FIN is re-ACKed and 2MSL restarts (RFC 9293 3.10.7.4).
    if (flags & FLAG.FIN && !(flags & FLAG.RST) && seqAdd(seg.seq, segLen(seg)) === conn.rcvNxt) {
      sendAck(st, conn, 'ACK of retransmitted FIN in TIME-WAIT (2MSL restarted)', nowMs);
      restartTimeWait(st, conn, nowMs);
      return 'done';
    }
    // RFC 1122 4.2.2.13 / RFC 6191: a new SYN above RCV.NXT may reopen the connection from TIME-WAIT.
    if (flags & FLAG.SYN && bare && seqGt(seg.seq, conn.rcvNxt) && st.listeners.has(conn.localPort)) {
      transition(st, conn, 'CLOSED', 'RFC 1122 4.2.2.13: new SYN with a higher sequence number ends TIME-WAIT', nowMs);
      return 'reopen';
    }
  }
  if (conn.state === 'SYN-RECEIVED' && conn.listenerPort >= 0 && flags & FLAG.SYN && bare && seg.seq === conn.irs) {
    answerRetransmittedSyn(st, conn, nowMs);
    return 'done';
  }
  if (conn.twoWay && conn.listenerPort >= 0 && st.params.twoWayHandshake && flags & FLAG.SYN && bare) {
    // Two-way handshake variant: a SYN (retried or old duplicate) cannot be told from a new request.
    st.emitNote(conn.key, 'two-way handshake: a SYN cannot be told from a new request; the server builds another connection', nowMs);
    closeWith(st, conn, null, '', 'two-way handshake variant: a new SYN replaces the connection', nowMs);
    return 'to-listener';
  }
  // Linux tcp_validate_incoming: in simultaneous open the peer's SYN-ACK repeats its SYN; pass it as an ACK.
  if (conn.state === 'SYN-RECEIVED' && conn.listenerPort < 0 && flags & FLAG.SYN && flags & FLAG.ACK
    && seqAdd(seg.seq, 1) === conn.rcvNxt && seg.ack === conn.sndNxt && seg.payload.length === 0) {
    const asAck: Segment = { ...seg, seq: conn.rcvNxt, flags: flags & ~FLAG.SYN };
    return processSynchronized(st, conn, asAck, nowMs, id);
  }
  return 'continue';
}

function unacceptable(st: StackCore, conn: Conn, seg: Segment, len: number, nowMs: number, id: number): Outcome {
  if (seg.flags & FLAG.RST) {
    st.emitDrop(conn.key, id, 'RST outside the receive window (RFC 9293 3.10.7.4 first)', nowMs);
    return 'done';
  }
  // RFC 9293 3.5.2 (2): before our SYN is acknowledged an unacceptable ACK draws a reset even when the sequence
  // number is out of window too. An ACK would answer an ACK: with an old incarnation in TIME-WAIT (a replayed
  // SYN reopened us) the two trade ACKs forever. FreeBSD tcp_input dropafterack ("ACK storm") and Linux
  // tcp_check_req (ACK tested before the sequence number) reset.
  if (seg.flags & FLAG.ACK && synUnacked(conn) && !ackOfOurSyn(conn, seg.ack)) {
    sendRstFor(st, conn, seg.ack, `RST for an unacceptable ACK in ${conn.state} (RFC 9293 3.5.2)`);
    st.emitDrop(conn.key, id, `unacceptable ACK and sequence number in ${conn.state}`, nowMs);
    return 'done';
  }
  // RFC 9293 3.10.7.4: with a zero window, valid ACKs must still be processed (zero-window probes carry them).
  if (rcvWindow(conn) === 0 && seg.seq === conn.rcvNxt && seg.flags & FLAG.ACK && conn.state !== 'SYN-RECEIVED'
    && !(seg.flags & FLAG.SYN)) {
    if (processAck(st, conn, seg, nowMs, id) !== 'continue') return 'done';
    output(st, conn, nowMs);
  }
  // Linux tcp_send_dupack: data starting below RCV.NXT is a retransmission (our ACK was lost): quick-ACK mode.
  if (seg.payload.length > 0 && seqLt(seg.seq, conn.rcvNxt)) enterQuickack(st, conn, seg.payload.length);
  sendOowAck(st, conn, seg, 'ACK for an unacceptable segment (RFC 9293 3.10.7.4 first)', nowMs);
  const why = len > 0 && rcvWindow(conn) === 0 ? 'receive window is zero' : 'sequence number outside the receive window';
  st.emitDrop(conn.key, id, `unacceptable segment: ${why}`, nowMs);
  return 'done';
}

/** RFC 9293 3.10.7.4 second step, with RFC 5961 3.2 in the linux profile. */
function onRst(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): void {
  if (st.params.rstChallenge && seg.seq !== conn.rcvNxt) {
    sendOowAck(st, conn, seg, 'challenge ACK for an in-window RST not at RCV.NXT (RFC 5961 3.2)', nowMs);
    st.emitDrop(conn.key, id, 'RST in window but not at RCV.NXT: challenge ACK sent (RFC 5961 3.2)', nowMs);
    return;
  }
  const rule = st.params.rstChallenge ? 'RFC 5961 3.2: RST exactly at RCV.NXT' : 'RFC 9293 3.10.7.4 second: in-window RST';
  const s = conn.state;
  if (s === 'SYN-RECEIVED' && conn.listenerPort >= 0) {
    closeWith(st, conn, null, '', `${rule} in SYN-RECEIVED (passive OPEN): half-open connection removed, listener stays in LISTEN`, nowMs);
  } else if (s === 'SYN-RECEIVED') {
    closeWith(st, conn, 'refused', 'connection refused (RST in SYN-RECEIVED)', `${rule} in SYN-RECEIVED (active OPEN): connection refused`, nowMs);
  } else if (s === 'CLOSING' || s === 'LAST-ACK' || s === 'TIME-WAIT') {
    closeWith(st, conn, null, '', `${rule} in ${s}`, nowMs);
  } else {
    closeWith(st, conn, 'reset', 'connection reset by peer', `${rule} in ${s}: connection reset`, nowMs);
  }
}

/** RFC 9293 3.10.7.4 fourth step. */
function onSyn(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): Outcome {
  if (conn.state === 'SYN-RECEIVED' && conn.listenerPort >= 0) {
    closeWith(st, conn, null, '', 'RFC 9293 3.10.7.4 fourth: SYN in SYN-RECEIVED (passive OPEN) returns it to LISTEN', nowMs);
    return 'to-listener';
  }
  if (st.params.synInSyncState === 'reset') {
    sendRstFor(st, conn, seg.flags & FLAG.ACK ? seg.ack : controlSeq(st, conn), 'RST for a SYN in the window (RFC 793 3.9)');
    closeWith(st, conn, 'reset', 'connection reset: SYN received in a synchronized state', `RFC 793 3.9: in-window SYN in ${conn.state} resets the connection`, nowMs);
    return 'done';
  }
  sendOowAck(st, conn, seg, 'challenge ACK for a SYN in a synchronized state (RFC 5961 4.2)', nowMs);
  st.emitDrop(conn.key, id, `SYN in ${conn.state}: challenge ACK sent (RFC 5961 4.2)`, nowMs);
  return 'done';
}

type SynRcvdResult = 'drop' | 'established' | 'established-skip-text';

/** RFC 9293 3.10.7.4 fifth, SYN-RECEIVED: an acceptable ACK completes the handshake, anything else draws RST. */
function ackInSynReceived(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): SynRcvdResult {
  if (!ackOfOurSyn(conn, seg.ack)) {
    sendRstFor(st, conn, seg.ack, 'RST for an unacceptable ACK in SYN-RECEIVED (RFC 9293 3.10.7.4 fifth)');
    st.emitDrop(conn.key, id, 'unacceptable ACK in SYN-RECEIVED', nowMs);
    return 'drop';
  }
  if (conn.listenerPort >= 0 && !admitEstablished(st, conn, seg.ack, nowMs, id)) return 'drop';
  if (conn.synRetransmits === 0) rttSample(conn, st.params, nowMs - conn.synStartMs, seg.ack);
  stopTimer(st, conn, T_SYNACK, nowMs);
  conn.sndWnd = seg.window * windowFactor(conn.sndShift);
  conn.maxSndWnd = Math.max(conn.maxSndWnd, conn.sndWnd);
  conn.sndWl1 = seg.seq;
  conn.sndWl2 = seg.ack;
  onEstablished(st, conn, nowMs);
  if (conn.state === 'SYN-RECEIVED') {
    transition(st, conn, 'ESTABLISHED', 'RFC 9293 3.10.7.4 fifth: ACK of our SYN in SYN-RECEIVED', nowMs);
  } else {
    st.emitNote(conn.key, `ACK of our SYN in ${conn.state} (closed in SYN-RECEIVED): handshake complete, FIN follows`, nowMs);
  }
  if (conn.listenerPort >= 0) announceAccepted(st, conn, nowMs);
  else st.emitApp(conn.key, 'connected', 0, 'simultaneous open completed', nowMs);
  if (conn.finQueued && conn.state === 'ESTABLISHED') {
    transition(st, conn, 'FIN-WAIT-1', 'RFC 9293 3.10.4: the CLOSE queued in SYN-RECEIVED is processed in ESTABLISHED', nowMs);
  }
  const refuse = !st.params.acceptDataOnThirdAck && seg.payload.length > 0;
  if (refuse) st.emitNote(conn.key, 'data on the third handshake segment discarded (acceptDataOnThirdAck = false)', nowMs);
  return refuse ? 'established-skip-text' : 'established';
}

/**
 * A retransmitted SYN in SYN-RECEIVED means our SYN-ACK was lost: answer it again. Linux (tcp_check_req) does so
 * at most once per tcp_invalid_ratelimit (tcp_oow_rate_limited, sharing the connection's out-of-window ACK
 * clock) and then restarts the SYN-ACK timer from now, with the timeout the timer would use next (1 s << its
 * expirations so far): "reset timer after retransmitting SYNACK, similar to the idea of fast retransmit".
 * The SYN-ACK sent here does not count towards tcp_synack_retries, which counts timer expirations, but it does
 * count as a retransmission for the initial window (req->num_retrans, cc.ts iwOneAfterSynLoss).
 */
function answerRetransmittedSyn(st: StackCore, conn: Conn, nowMs: number): void {
  const p = st.params;
  if (!p.synAckRestartOnSyn) {
    conn.synAckResendsForSyn++;
    sendSyn(st, conn, true, true, 'SYN-ACK again for a retransmitted SYN', nowMs);
    return;
  }
  if (p.invalidRateLimitMs > 0 && conn.lastOowAckMs >= 0 && nowMs - conn.lastOowAckMs < p.invalidRateLimitMs) {
    st.emitNote(conn.key, 'SYN-ACK for a retransmitted SYN suppressed by net.ipv4.tcp_invalid_ratelimit', nowMs);
    return;
  }
  conn.lastOowAckMs = nowMs;
  conn.synAckResendsForSyn++;
  sendSyn(st, conn, true, true, 'SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)', nowMs);
  startTimer(st, conn, T_SYNACK, nowMs + synAckTimeoutMs(p, conn.synRetransmits), nowMs);
}
