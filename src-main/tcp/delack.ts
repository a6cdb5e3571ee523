// When an ACK for received data goes out: RFC 1122 4.2.3.2 delayed ACK, with Linux's receiver-side ACK state
// in the linux profile (net/ipv4/tcp_input.c, tcp_output.c, tcp_timer.c; include/net/inet_connection_sock.h):
// - quick-ACK mode: the first data of a connection (tcp_event_data_recv → tcp_incr_quickack) earns up to 16
//   immediate ACKs; each ACK sent while an ACK was due spends one (tcp_dec_quickack_mode);
// - ping-pong (interactive) mode: entered when we send data within `ato` of the last data received
//   (tcp_event_data_sent, net.ipv4.tcp_pingpong_thresh = 1) and when a FIN arrives (tcp_fin); it switches
//   quick ACKs off, so a reply or close() within the delay carries the ACK. A delayed-ACK timer that has to
//   fire leaves it (tcp_delack_timer_handler);
// - ato: 0 until the first data segment, then TCP_ATO_MIN (tcplab.delack_ms, 40 ms). With ato 0 the delayed
//   ACK goes at the next timer tick (tcp_send_delayed_ack with jiffies + 0).
// Simplification: ato does not adapt to the inter-arrival time (tcp_event_data_recv's ato/2 + m arithmetic,
// the delayed-ACK "inflation" and the srtt bound); it stays at tcplab.delack_ms once data has arrived.
import type { Conn } from './conn.js';
import { T_DELACK } from './conn.js';
import type { StackCore } from './core.js';
import { seqDiff } from './seq.js';
import { startTimer, timerRunning } from './timers.js';
import { rcvWindow } from './transition.js';

/** Linux TCP_MAX_QUICKACKS. */
export const MAX_QUICKACKS = 16;
/** Linux TCP_MSS_DEFAULT: the receive-MSS guess before a full segment has arrived (tcp_initialize_rcv_mss). */
const RCV_MSS_DEFAULT = 536;
/**
 * One timer tick (a jiffy) of the recorded kernel (CONFIG_HZ=250): the delay of an ACK scheduled with ato 0.
 * The kernel oracle measured 5.8 ms in four-way-close (tests/oracle/four-way-close.json).
 */
export const LINUX_TICK_MS = 4;

/** tcp_incr_quickack: rcv_wnd / (2 · rcv_mss) quick ACKs, at least 2, at most 16; never lowers the count. */
function incrQuickack(conn: Conn, segBytes: number, mss: number): void {
  const wnd = rcvWindow(conn);
  const rcvMss = Math.min(mss, Math.max(Math.min(RCV_MSS_DEFAULT, Math.floor(wnd / 2)), segBytes));
  let quick = Math.floor(wnd / (2 * Math.max(1, rcvMss)));
  if (quick === 0) quick = 2;
  quick = Math.min(quick, MAX_QUICKACKS);
  if (quick > conn.quickAcks) conn.quickAcks = quick;
}

/** tcp_event_data_recv: in-order data arrived (segBytes of it). */
export function onDataReceived(st: StackCore, conn: Conn, segBytes: number, nowMs: number): void {
  conn.ackPending = true;
  const p = st.params;
  if (p.quickAck) {
    if (conn.atoMs === 0) {
      // The first data segment initialises the delayed-ACK engine in quick-ACK mode.
      incrQuickack(conn, segBytes, p.mss);
      conn.atoMs = p.delackMs;
    } else if (nowMs - conn.lastDataRecvMs > conn.rtoMs) {
      // "Too long gap. Apparently sender failed to restart window, so that we send ACKs quickly."
      incrQuickack(conn, segBytes, p.mss);
    }
  }
  conn.lastDataRecvMs = nowMs;
}

/**
 * tcp_enter_quickack_mode: data we already had (a retransmission: our ACK was lost or late) or data beyond
 * the window. Leaves ping-pong mode so the next data is ACKed at once. The caller sends or schedules the ACK.
 */
export function enterQuickack(st: StackCore, conn: Conn, segBytes: number): void {
  const p = st.params;
  if (!p.quickAck) return;
  incrQuickack(conn, segBytes, p.mss);
  conn.pingpong = false;
  conn.atoMs = p.delackMs;
}

/** tcp_fin: the ACK of a FIN is scheduled, not sent, and the connection becomes interactive (ping-pong). */
export function onFinReceived(st: StackCore, conn: Conn): void {
  conn.ackPending = true;
  if (st.params.quickAck) conn.pingpong = true;
}

/** tcp_event_ack_sent → tcp_dec_quickack_mode: a segment carrying an ACK goes out. */
export function onAckSent(st: StackCore, conn: Conn): void {
  if (conn.quickAcks > 0 && (conn.ackPending || conn.ackNow)) {
    conn.quickAcks--;
    if (conn.quickAcks === 0) conn.atoMs = st.params.delackMs; // "Leaving quickack mode we deflate ATO."
  }
}

/** tcp_event_data_sent: a reply within ato of the last data received makes the connection interactive. */
export function onDataSent(st: StackCore, conn: Conn, nowMs: number): void {
  if (st.params.quickAck && conn.atoMs > 0 && nowMs - conn.lastDataRecvMs < conn.atoMs) conn.pingpong = true;
}

/** tcp_delack_timer_handler: the delayed ACK had to be sent by the timer. */
export function onDelackFired(st: StackCore, conn: Conn): void {
  if (!st.params.quickAck || !conn.pingpong) return;
  // "Delayed ACK missed: leave pingpong mode and deflate ATO."
  conn.pingpong = false;
  conn.atoMs = st.params.delackMs;
}

/** The delay before a delayed ACK: ato in the linux profile (a tick while it is 0), else tcplab.delack_ms. */
export function delackDelayMs(st: StackCore, conn: Conn): number {
  if (!st.params.quickAck) return st.params.delackMs;
  return conn.atoMs > 0 ? conn.atoMs : LINUX_TICK_MS;
}

/**
 * At the end of an input segment (after our own output had the chance to carry the ACK), Linux
 * __tcp_ack_snd_check: ACK now after more than one full segment, in quick-ACK mode (not ping-pong), or with
 * delayed ACKs off; otherwise start the delayed-ACK timer (an earlier running one is kept).
 */
export function ackSndCheck(st: StackCore, conn: Conn, nowMs: number): void {
  if (!conn.ackPending || conn.ackNow) return;
  const p = st.params;
  const quick = p.quickAck && conn.quickAcks > 0 && !conn.pingpong;
  if (p.delackMs <= 0 || seqDiff(conn.rcvNxt, conn.rcvWup) > conn.mss || quick) {
    conn.ackNow = true;
    return;
  }
  if (!timerRunning(conn, T_DELACK)) startTimer(st, conn, T_DELACK, nowMs + delackDelayMs(st, conn), nowMs);
}
