// Congestion control: NewReno (RFC 5681 slow start / congestion avoidance, RFC 6582 fast recovery).
// cwnd and ssthresh are in bytes.
import type { Conn } from './conn.js';
import type { Params } from './profiles.js';

export function flightSize(conn: Conn): number {
  return (conn.sndMax - conn.sndUna) >>> 0;
}

/** The initial window: IW, or one segment when the handshake lost segments (iwOneAfterSynLoss). */
export function initCwnd(conn: Conn, p: Params): void {
  conn.cwnd = (iwOneAfterSynLoss(conn, p) ? 1 : p.initCwndSegments) * conn.mss;
}

/**
 * RFC 5681 3.1: "if the SYN or SYN/ACK is lost, the initial window used by a sender after a correctly
 * transmitted SYN MUST be one segment" (rfc, classic: from the first SYN or SYN-ACK sent again). Linux
 * tcp_init_transfer cuts to 1 only when `tp->total_retrans > 1 && tp->undo_marker` ("more than 1 SYN/SYN-ACK
 * retransmission", in light of RFC 6298's 1 s initial RTO): total_retrans counts every SYN or SYN-ACK sent
 * again (a server's req->num_retrans includes the SYN-ACKs answering a retransmitted SYN); undo_marker is set
 * only once a timer has fired (tcp_enter_loss; req->num_timeout) and cleared again only by TCP timestamps
 * (tcp_try_undo_spurious_syn), which the lab does not send. Measured on 6.18: docs/ORACLE.md.
 */
export function iwOneAfterSynLoss(conn: Conn, p: Params): boolean {
  const resent = conn.synRetransmits + conn.synAckResendsForSyn;
  if (p.iwOneSynRetrans === 0 || resent < p.iwOneSynRetrans) return false;
  return !p.iwOneNeedsTimeout || conn.synRetransmits > 0;
}

/** New data acknowledged outside fast recovery (RFC 5681 3.1, with byte counting in congestion avoidance). */
export function onAckedOpen(conn: Conn, ackedBytes: number): void {
  if (conn.cwnd < conn.ssthresh) {
    conn.cwnd += Math.min(ackedBytes, conn.mss);
    return;
  }
  conn.caAckedBytes += ackedBytes;
  if (conn.caAckedBytes >= conn.cwnd) {
    conn.caAckedBytes -= conn.cwnd;
    conn.cwnd += conn.mss;
  }
}

/** RFC 5681 3.2 step 2-3 / RFC 6582 3.2 step 2: enter fast recovery on the third duplicate ACK. */
export function enterRecovery(conn: Conn): void {
  conn.ssthresh = Math.max(Math.floor(flightSize(conn) / 2), 2 * conn.mss);
  conn.cwnd = conn.ssthresh + 3 * conn.mss;
  conn.recover = conn.sndMax;
  conn.inRecovery = true;
  conn.caAckedBytes = 0;
}

/** RFC 5681 3.2 step 4: each further duplicate ACK inflates cwnd by one segment. */
export function inflate(conn: Conn): void {
  conn.cwnd += conn.mss;
}

/** RFC 6582 3.2 step 5 partial ACK: deflate by the amount acked, add back one SMSS if that much was acked. */
export function onPartialAck(conn: Conn, ackedBytes: number): void {
  conn.cwnd = Math.max(conn.mss, conn.cwnd - ackedBytes + (ackedBytes >= conn.mss ? conn.mss : 0));
}

/** RFC 6582 3.2 step 3 full ACK: cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS). */
export function exitRecovery(conn: Conn): void {
  conn.cwnd = Math.min(conn.ssthresh, Math.max(flightSize(conn), conn.mss) + conn.mss);
  conn.inRecovery = false;
  conn.dupAcks = 0;
}

/** RFC 5681 3.1 (4): on RTO, ssthresh = max(FlightSize/2, 2·SMSS), cwnd = loss window (1 SMSS). */
export function onRto(conn: Conn): void {
  conn.ssthresh = Math.max(Math.floor(flightSize(conn) / 2), 2 * conn.mss);
  conn.cwnd = conn.mss;
  conn.inRecovery = false;
  conn.dupAcks = 0;
  conn.caAckedBytes = 0;
  conn.recover = conn.sndMax;
}
