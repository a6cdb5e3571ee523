// Segments that reach a connection the application has closed (close(), not shutdown(): conn.orphaned).
// Nobody can read any more, so new data is answered with RST, and Linux keeps an orphaned FIN-WAIT-2 as a
// timewait minisocket with its own rules for SYN and RST.
import type { Conn } from './conn.js';
import type { StackCore } from './core.js';
import type { Outcome } from './input-sync.js';
import { sendRstReply } from './output.js';
import type { Segment } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd, seqGt } from './seq.js';
import { closeWith } from './transition.js';

/** Linux TCP_TIMEWAIT_LEN: a fixed 60 s, whatever tcplab.msl_ms says. */
const LINUX_TIMEWAIT_LEN_MS = 60_000;

/**
 * Linux tcp_rcv_state_process, FIN-WAIT-1 on the ACK of our FIN: an orphaned socket whose tcp_fin_time() is at
 * most TCP_TIMEWAIT_LEN is replaced by a timewait minisocket in substate FIN-WAIT-2 (tcp_time_wait). The
 * engine keeps its Conn and applies the minisocket's rules (tcp_timewait_state_process) to it.
 */
export function isFinWait2Minisocket(st: StackCore, conn: Conn): boolean {
  const p = st.params;
  return p.finWait2Minisocket && conn.orphaned && conn.state === 'FIN-WAIT-2'
    && p.finTimeoutMs > 0 && p.finTimeoutMs <= LINUX_TIMEWAIT_LEN_MS;
}

/**
 * tcp_timewait_state_process, substate FIN-WAIT-2, for a segment inside the window (outside it the first
 * step's ACK is what the minisocket sends too): an RST ends it with no RFC 5961 check ("goto kill"), a SYN
 * draws RST (TCP_TW_RST; measured on 6.18: RST,ACK <SEQ=0><ACK=SEG.SEQ+1>). Data is the data-after-close rule.
 */
export function finWait2Minisocket(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): Outcome | 'continue' {
  if (seg.flags & FLAG.RST) {
    st.emitDrop(conn.key, id, 'RST in window: the orphaned FIN-WAIT-2 (Linux minisocket) is removed', nowMs);
    closeWith(st, conn, null, '', 'Linux tcp_timewait_state_process: in-window RST ends an orphaned FIN-WAIT-2', nowMs);
    return 'done';
  }
  if (seg.flags & FLAG.SYN) {
    sendRstReply(st, seg, 'RST for a SYN in the window (Linux FIN-WAIT-2 minisocket)', conn.key);
    st.emitDrop(conn.key, id, 'SYN in an orphaned FIN-WAIT-2: RST sent (Linux minisocket)', nowMs);
    closeWith(st, conn, null, '', 'Linux tcp_timewait_state_process: in-window SYN ends an orphaned FIN-WAIT-2', nowMs);
    return 'done';
  }
  return 'continue';
}

/**
 * Data beyond RCV.NXT (or a FIN beyond it) after close(), checked after the ACK field as Linux does (the
 * segment that acknowledges our FIN moves FIN-WAIT-1 to FIN-WAIT-2 first): `end_seq != seq &&
 * after(end_seq - fin, rcv_nxt)`. A retransmission of data already received is not new.
 */
export function isDataAfterClose(st: StackCore, conn: Conn, seg: Segment): boolean {
  if (!st.params.resetOnDataAfterClose || !conn.orphaned) return false;
  if (conn.state !== 'FIN-WAIT-1' && conn.state !== 'FIN-WAIT-2') return false;
  const fin = seg.flags & FLAG.FIN ? 1 : 0;
  if (seg.payload.length + fin === 0) return false;
  return seqGt(seqAdd(seg.seq, seg.payload.length), conn.rcvNxt);
}

/**
 * RFC 9293 3.6 (RFC 1122 4.2.2.13): after a "half-duplex" close, new data SHOULD draw RST "to show that data
 * was lost". Linux answers the segment (tcp_v4_send_reset: <SEQ=SEG.ACK><CTL=RST>, counted as TCPAbortOnData)
 * and the connection is gone; the orphaned application sees nothing.
 */
export function resetOnDataAfterClose(st: StackCore, conn: Conn, seg: Segment, nowMs: number, id: number): void {
  const s = conn.state;
  sendRstReply(st, seg, 'RST: new data after close(), nobody can read it (RFC 9293 3.6)', conn.key);
  st.emitDrop(conn.key, id, `new data after close() in ${s}: RST sent`, nowMs);
  closeWith(st, conn, null, '', `RFC 9293 3.6: new data after close() in ${s}: connection reset`, nowMs);
}
