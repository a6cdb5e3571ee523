// Everything the engine puts on the wire: SYN / SYN-ACK, ACKs (plain, delayed, challenge), RSTs, and data/FIN
// segments under the send window, cwnd, Nagle (RFC 896) and sender SWS avoidance (RFC 9293 3.8.6.2.1).
import type { ConnKey } from './api.js';
import type { Conn } from './conn.js';
import { T_DELACK, T_PERSIST, T_RETRANSMIT, windowFactor } from './conn.js';
import type { StackCore } from './core.js';
import { onAckSent, onDataSent } from './delack.js';
import type { Segment, TcpOptions } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from './seq.js';
import { startTimer, stopTimer, timerRunning } from './timers.js';
import { rcvWindow } from './transition.js';

/** The payload of segments that carry none (shared: a payload is never written after it is made). */
export const EMPTY = new Uint8Array(0);
/** Options of segments that carry none: one shared frozen object (a bulk run keeps a record of every segment). */
export const NO_OPTIONS: TcpOptions = Object.freeze({});
/** RFC 2018 3: at most 4 SACK blocks fit in the option space without timestamps. */
const MAX_SACK_BLOCKS = 4;

export function makeSegment(
  st: StackCore, conn: Conn, seq: number, ack: number, flags: number, window: number, options: TcpOptions,
  payload: Uint8Array,
): Segment {
  return {
    srcIp: st.ip, srcPort: conn.localPort, dstIp: conn.remoteIp, dstPort: conn.remotePort,
    seq, ack, flags, window, urgent: 0, options, payload,
  };
}

/** The window field to advertise now (scaled by our shift; SYNs are never scaled, RFC 7323 2.2). */
function windowField(conn: Conn, syn: boolean): number {
  const wnd = rcvWindow(conn);
  if (syn) return Math.min(wnd, 65535);
  return Math.min(65535, Math.floor(wnd / windowFactor(conn.rcvShift)));
}

/** Any segment that carries ACK acknowledges everything received so far. */
function noteAckSent(st: StackCore, conn: Conn, window: number, nowMs: number): void {
  onAckSent(st, conn);
  conn.rcvWup = conn.rcvNxt;
  conn.lastAdvWnd = window * windowFactor(conn.rcvShift);
  conn.ackNow = false;
  conn.ackPending = false;
  if (timerRunning(conn, T_DELACK)) stopTimer(st, conn, T_DELACK, nowMs);
}

function ackOptions(conn: Conn): TcpOptions {
  if (!conn.sackOk || conn.reasm.empty) return NO_OPTIONS;
  const sack = conn.reasm.sackBlocks(conn.rcvNxt, MAX_SACK_BLOCKS);
  return sack.length > 0 ? { sack } : NO_OPTIONS;
}

/** SYN (active open) or SYN-ACK (passive / simultaneous open) with our options (RFC 9293 3.10.7.2-3). */
export function sendSyn(st: StackCore, conn: Conn, withAck: boolean, retransmit: boolean, cause: string, nowMs: number): void {
  const p = st.params;
  const options: TcpOptions = { mss: p.mss };
  if (conn.offeredShift >= 0) options.wscale = conn.offeredShift;
  if (p.sack && (!withAck || conn.sackOk)) options.sackPermitted = true;
  const flags = FLAG.SYN | (withAck ? FLAG.ACK : 0);
  const win = windowField(conn, true);
  const seg = makeSegment(st, conn, conn.iss, withAck ? conn.rcvNxt : 0, flags, win, options, EMPTY);
  if (withAck) noteAckSent(st, conn, win, nowMs);
  st.tx(seg, retransmit, cause, conn.key);
}

/**
 * SEQ for a segment with no data, SYN or FIN (pure ACK, RST). Not SND.NXT: after an RTO it is back at SND.UNA
 * (go-back-N) while the peer may hold data beyond it, and would find such an ACK unacceptable (RFC 9293
 * 3.10.7.4 first) and answer it — two rolled-back ends then ACK each other forever. Real stacks use the
 * highest sequence number sent: RFC 9293's SND.NXT (retransmission never moves it), 4.4BSD tcp_output's
 * snd_max (snd_nxt while persisting, pulled back to snd_una), Linux tcp_acceptable_seq() (snd_nxt, which
 * Linux never rolls back, unless it lies beyond the peer's window end by a window-scale unit or more).
 */
export function controlSeq(st: StackCore, conn: Conn): number {
  const rule = st.params.controlSeq;
  if (rule === 'bsd' && timerRunning(conn, T_PERSIST)) return conn.sndUna;
  if (rule !== 'linux') return conn.sndMax;
  const wndEnd = seqAdd(conn.sndUna, conn.sndWnd);
  return seqDiff(conn.sndMax, wndEnd) < windowFactor(conn.rcvShift) ? conn.sndMax : wndEnd;
}

export function sendAck(st: StackCore, conn: Conn, cause: string, nowMs: number): void {
  const win = windowField(conn, false);
  const seg = makeSegment(st, conn, controlSeq(st, conn), conn.rcvNxt, FLAG.ACK, win, ackOptions(conn), EMPTY);
  noteAckSent(st, conn, win, nowMs);
  st.tx(seg, false, cause, conn.key);
}

/**
 * An ACK answering an invalid segment (out of window, bad ACK, challenge). Linux tcp_oow_rate_limited: when the
 * segment carries no data (or is a SYN), at most one such ACK per net.ipv4.tcp_invalid_ratelimit ms, which stops
 * two confused endpoints from trading ACKs forever ("ACK war").
 */
export function sendOowAck(st: StackCore, conn: Conn, seg: Segment, cause: string, nowMs: number): void {
  const limitMs = st.params.invalidRateLimitMs;
  const pureOrSyn = seg.payload.length === 0 || (seg.flags & FLAG.SYN) !== 0;
  if (limitMs > 0 && pureOrSyn) {
    if (conn.lastOowAckMs >= 0 && nowMs - conn.lastOowAckMs < limitMs) {
      st.emitNote(conn.key, `ACK suppressed by net.ipv4.tcp_invalid_ratelimit (${cause})`, nowMs);
      return;
    }
    conn.lastOowAckMs = nowMs;
  }
  sendAck(st, conn, cause, nowMs);
}

/** RST for a connection: <SEQ=seq><CTL=RST> (RFC 9293 3.10.7.4, 3.10.4 ABORT). */
export function sendRstFor(st: StackCore, conn: Conn, seq: number, cause: string): void {
  st.tx(makeSegment(st, conn, seq, 0, FLAG.RST, 0, NO_OPTIONS, EMPTY), false, cause, conn.key);
}

/**
 * ABORT's RST (RFC 9293 3.10.5 <SEQ=SND.NXT><CTL=RST>; also close() with unread data). Linux
 * tcp_send_active_reset adds ACK = RCV.NXT (kernel oracle close-unread: RST,ACK).
 */
export function sendActiveRst(st: StackCore, conn: Conn, cause: string): void {
  const withAck = st.params.activeRstAck;
  const flags = withAck ? FLAG.RST | FLAG.ACK : FLAG.RST;
  st.tx(makeSegment(st, conn, controlSeq(st, conn), withAck ? conn.rcvNxt : 0, flags, 0, NO_OPTIONS, EMPTY), false, cause, conn.key);
}

/**
 * RST answering `seg` (RFC 9293 3.10.7.1: <SEQ=SEG.ACK><CTL=RST>, or <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>),
 * when no connection exists, or (`conn` given) for one that ends with it (Linux tcp_v4_send_reset).
 */
export function sendRstReply(st: StackCore, seg: Segment, cause: string, conn?: ConnKey): void {
  const hasAck = (seg.flags & FLAG.ACK) !== 0;
  const len = seg.payload.length + (seg.flags & FLAG.SYN ? 1 : 0) + (seg.flags & FLAG.FIN ? 1 : 0);
  const reply: Segment = {
    srcIp: seg.dstIp, srcPort: seg.dstPort, dstIp: seg.srcIp, dstPort: seg.srcPort,
    seq: hasAck ? seg.ack : 0,
    ack: hasAck ? 0 : seqAdd(seg.seq, len),
    flags: hasAck ? FLAG.RST : FLAG.RST | FLAG.ACK,
    window: 0, urgent: 0, options: NO_OPTIONS, payload: EMPTY,
  };
  st.tx(reply, false, cause, conn);
}

/** Sequence number of the first byte in the send buffer. */
export function dataStartSeq(conn: Conn): number {
  return conn.sndUna === conn.iss ? seqAdd(conn.iss, 1) : conn.sndUna;
}

/** Queues our FIN after the last byte of data (shutdown / close). */
export function queueFin(conn: Conn): void {
  if (conn.finQueued) return;
  conn.finQueued = true;
  conn.finSeq = seqAdd(dataStartSeq(conn), conn.sndBuf.length);
}

export function finAcked(conn: Conn): boolean {
  return conn.finQueued && seqGt(conn.sndUna, conn.finSeq);
}

function mayCarryData(conn: Conn): boolean {
  const s = conn.state;
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT' || s === 'FIN-WAIT-1' || s === 'CLOSING' || s === 'LAST-ACK';
}

/** End of the SACKed range containing seq, or seq itself. Also returns the next SACKed start above seq. */
function skipSacked(conn: Conn, seq: number): number {
  let s = seq;
  for (const [l, r] of conn.sacked) if (seqGe(s, l) && seqLt(s, r)) s = r;
  return s;
}

function nextSackedStart(conn: Conn, seq: number): number {
  let best = -1;
  for (const [l] of conn.sacked) if (seqGt(l, seq) && (best < 0 || seqLt(l, best))) best = l;
  return best;
}

/**
 * Sends one segment of data (and/or FIN) starting at seq, at most maxLen bytes. Does not move SND.NXT.
 * Returns the sequence space sent.
 */
export function sendDataAt(st: StackCore, conn: Conn, seq: number, maxLen: number, cause: string, nowMs: number): number {
  const start = dataStartSeq(conn);
  const off = seqDiff(seq, start);
  const remaining = conn.sndBuf.length - off;
  const len = Math.max(0, Math.min(maxLen, remaining));
  const fin = conn.finQueued && len === remaining;
  if (len === 0 && !fin) return 0;
  const payload = len > 0 ? conn.sndBuf.read(off, len) : EMPTY;
  let flags = FLAG.ACK;
  if (len > 0 && len === remaining) flags |= FLAG.PSH;
  if (fin) flags |= FLAG.FIN;
  const win = windowField(conn, false);
  const seg = makeSegment(st, conn, seq, conn.rcvNxt, flags, win, ackOptions(conn), payload);
  noteAckSent(st, conn, win, nowMs);
  const retransmit = seqLt(seq, conn.sndMax);
  const space = len + (fin ? 1 : 0);
  if (retransmit) {
    // Karn: no RTT sample from a retransmitted range.
    if (conn.rttStartMs >= 0 && seqLt(seq, conn.rttSeq)) conn.rttStartMs = -1;
  } else if (conn.rttStartMs < 0) {
    conn.rttSeq = seqAdd(seq, space);
    conn.rttStartMs = nowMs;
  }
  if (len > 0) onDataSent(st, conn, nowMs);
  st.tx(seg, retransmit, cause === 'data' && len === 0 ? 'FIN' : cause, conn.key);
  const end = seqAdd(seq, space);
  if (len < conn.mss) conn.sndSml = end;
  if (seqGt(end, conn.sndMax)) conn.sndMax = end;
  return space;
}

/** Whether Nagle / SWS avoidance hold back a new segment of `len` bytes out of `remaining`. */
function holdBack(st: StackCore, conn: Conn, len: number, remaining: number): boolean {
  if (len >= conn.mss) return false;
  if (len < remaining) return len < Math.floor(conn.maxSndWnd / 2); // window-limited: SWS avoidance
  if (conn.finQueued) return false;
  // Nagle with Minshall's variant (Linux tcp_minshall_check): a small segment waits only while an earlier
  // small segment is unacknowledged.
  return st.params.nagle && seqGt(conn.sndSml, conn.sndUna) && seqLe(conn.sndSml, conn.sndMax);
}

/** RFC 9293 3.10.2 SEND / 3.8.6: transmit what the windows allow, starting at SND.NXT. */
export function output(st: StackCore, conn: Conn, nowMs: number): number {
  if (!mayCarryData(conn) || conn.sndUna === conn.iss || finAcked(conn)) return 0;
  let sent = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    if (conn.sacked.length > 0 && seqLt(conn.sndNxt, conn.sndMax)) conn.sndNxt = skipSacked(conn, conn.sndNxt);
    const start = dataStartSeq(conn);
    const remaining = conn.sndBuf.length - seqDiff(conn.sndNxt, start);
    if (remaining < 0 || (remaining === 0 && !conn.finQueued)) break;
    const usable = Math.min(conn.sndWnd, conn.cwnd) - seqDiff(conn.sndNxt, conn.sndUna);
    let len = Math.min(conn.mss, remaining, Math.max(0, usable));
    const rtx = seqLt(conn.sndNxt, conn.sndMax);
    if (rtx) {
      const hole = nextSackedStart(conn, conn.sndNxt);
      if (hole >= 0) len = Math.min(len, seqDiff(hole, conn.sndNxt));
    }
    if (remaining > 0 && (len <= 0 || (!rtx && holdBack(st, conn, len, remaining)))) break;
    if (remaining === 0 && usable < 0 && !rtx) break;
    const space = sendDataAt(st, conn, conn.sndNxt, len, rtx ? 'go-back-N retransmission after RTO' : 'data', nowMs);
    if (space === 0) break;
    conn.sndNxt = seqAdd(conn.sndNxt, space);
    sent++;
  }
  afterOutput(st, conn, nowMs);
  return sent;
}

/** RFC 6298 5.1: run the retransmission timer while data is outstanding; else persist if the window is shut. */
function afterOutput(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.sndMax !== conn.sndUna) {
    if (!timerRunning(conn, T_RETRANSMIT) && !timerRunning(conn, T_PERSIST)) {
      startTimer(st, conn, T_RETRANSMIT, nowMs + conn.rtoMs, nowMs);
    }
    return;
  }
  const unsent = conn.sndBuf.length - seqDiff(conn.sndNxt, dataStartSeq(conn));
  if (unsent > 0 && !timerRunning(conn, T_PERSIST) && !timerRunning(conn, T_RETRANSMIT)) {
    startTimer(st, conn, T_PERSIST, nowMs + persistTimeoutMs(st, conn), nowMs);
  }
}

/** RFC 9293 3.8.6.1 / RFC 1122 4.2.2.17: probes back off exponentially like the RTO, capped at rtoMax. */
export function persistTimeoutMs(st: StackCore, conn: Conn): number {
  return Math.min(st.params.rtoMaxMs, conn.rtoMs * 2 ** conn.persistBackoff);
}
