// RFC 9293 3.10.7.4 seventh (segment text) and eighth (FIN) steps: in-order delivery, out-of-order
// reassembly, what schedules an ACK (the policy itself is in delack.ts) and the FIN state changes.
import type { Conn } from './conn.js';
import { T_FINWAIT2 } from './conn.js';
import type { StackCore } from './core.js';
import { enterQuickack, onDataReceived, onFinReceived } from './delack.js';
import { enterTimeWait, restartTimeWait } from './close.js';
import { finAcked, sendAck } from './output.js';
import type { Segment } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd, seqDiff } from './seq.js';
import { stopTimer } from './timers.js';
import { rcvWindow, transition } from './transition.js';

function takesText(conn: Conn): boolean {
  return conn.state === 'ESTABLISHED' || conn.state === 'FIN-WAIT-1' || conn.state === 'FIN-WAIT-2';
}

/** The application reads `data` (it is recorded for received()). */
export function handToApp(st: StackCore, conn: Conn, data: Uint8Array, detail: string, nowMs: number): void {
  conn.delivered.add(data);
  st.emitApp(conn.key, 'data', data.length, detail, nowMs);
}

/** Hands in-order bytes to the application (auto-read) or queues them for read(). */
export function deliver(st: StackCore, conn: Conn, data: Uint8Array, nowMs: number): void {
  conn.rcvNxt = seqAdd(conn.rcvNxt, data.length);
  if (conn.autoRead) {
    handToApp(st, conn, data, '', nowMs);
  } else {
    conn.recvQueue.push(data);
    conn.recvQueued += data.length;
  }
}

/** Emits eof once the FIN is consumed and every byte before it has been read. */
export function maybeEof(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.finReceived && !conn.eofDelivered && conn.recvQueued === 0) {
    conn.eofDelivered = true;
    st.emitApp(conn.key, 'eof', 0, 'peer sent FIN and all data before it has been read', nowMs);
  }
}

/** Seventh step. `skipText`: data on the third handshake segment is refused (teaching variant). */
export function processText(st: StackCore, conn: Conn, seg: Segment, skipText: boolean, nowMs: number): void {
  let data = seg.payload;
  if (!takesText(conn) || data.length === 0 || skipText) return;
  let seq = seg.seq;
  const front = seqDiff(conn.rcvNxt, seq);
  if (front > 0) {
    data = data.subarray(Math.min(front, data.length));
    seq = conn.rcvNxt;
  }
  const room = rcvWindow(conn) - seqDiff(seq, conn.rcvNxt);
  if (data.length > room) data = data.subarray(0, Math.max(0, room));
  if (data.length === 0) {
    // Old duplicate or no room (Linux tcp_data_queue "out_of_window"): ACK at once, quick-ACK mode.
    enterQuickack(st, conn, seg.payload.length);
    conn.ackNow = true;
    return;
  }
  if (seq !== conn.rcvNxt) {
    conn.reasm.insert(seq, data, conn.rcvNxt);
    conn.ackNow = true; // RFC 5681 4.2: out-of-order data is acknowledged at once (a duplicate ACK, with SACK)
    return;
  }
  const fillsHole = !conn.reasm.empty;
  onDataReceived(st, conn, data.length, nowMs);
  deliver(st, conn, data, nowMs);
  for (let piece = conn.reasm.takeAt(conn.rcvNxt); piece; piece = conn.reasm.takeAt(conn.rcvNxt)) deliver(st, conn, piece, nowMs);
  if (fillsHole) conn.ackNow = true; // RFC 5681 4.2: ACK at once when a gap is filled
  // Otherwise ackSndCheck (delack.ts) decides at the end of the segment: now, or delayed.
}

/** Eighth step: a FIN at RCV.NXT is consumed; one beyond it waits in the reassembly queue. */
export function processFin(st: StackCore, conn: Conn, seg: Segment, skipText: boolean, nowMs: number): void {
  if (seg.flags & FLAG.FIN) {
    const fin = seqAdd(seg.seq, skipText ? 0 : seg.payload.length);
    if (skipText && seg.payload.length > 0) return; // the FIN follows refused data: not in sequence
    if (fin === conn.rcvNxt) consumeFin(st, conn, nowMs);
    else if (seqDiff(fin, conn.rcvNxt) > 0 && takesText(conn)) conn.reasm.holdFin(fin);
    return;
  }
  if (conn.reasm.finHeld && conn.reasm.finSeq === conn.rcvNxt && conn.reasm.heldBytes === 0) consumeFin(st, conn, nowMs);
}

function consumeFin(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.finReceived) return;
  conn.finReceived = true;
  conn.reasm.finHeld = false;
  conn.rcvNxt = seqAdd(conn.rcvNxt, 1);
  const why = 'RFC 9293 3.10.7.4 eighth: FIN received';
  switch (conn.state) {
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      transition(st, conn, 'CLOSE-WAIT', `${why} in ${conn.state}`, nowMs);
      // Linux tcp_fin schedules a delayed ACK and enters ping-pong mode: if the application closes (or answers)
      // within ato, its FIN carries the ACK and the close takes three segments. ato is 40 ms once data has
      // arrived, one tick if none has (delack.ts). BSD/RFC acknowledge at once.
      if (st.params.delayFinAck) onFinReceived(st, conn);
      else conn.ackNow = true;
      break;
    case 'FIN-WAIT-1':
      if (finAcked(conn)) {
        maybeEof(st, conn, nowMs);
        sendAck(st, conn, 'ACK of FIN', nowMs); // before TIME-WAIT, which may end at once (timeWaitMs 0)
        enterTimeWait(st, conn, `${why} with the ACK of our FIN in FIN-WAIT-1`, nowMs);
      } else {
        conn.ackNow = true;
        transition(st, conn, 'CLOSING', `${why} in FIN-WAIT-1 before our FIN was acknowledged (simultaneous close)`, nowMs);
      }
      break;
    case 'FIN-WAIT-2':
      stopTimer(st, conn, T_FINWAIT2, nowMs);
      maybeEof(st, conn, nowMs);
      sendAck(st, conn, 'ACK of FIN', nowMs);
      enterTimeWait(st, conn, `${why} in FIN-WAIT-2`, nowMs);
      break;
    case 'TIME-WAIT':
      conn.ackNow = true;
      restartTimeWait(st, conn, nowMs);
      break;
    default:
      conn.ackNow = true;
      break;
  }
  // After the state change, so an application that closes on eof does so from CLOSE-WAIT.
  maybeEof(st, conn, nowMs);
}
