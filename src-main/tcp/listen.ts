// RFC 9293 3.10.7.2 SEGMENT ARRIVES in LISTEN, the SYN queue (half-open children in SYN-RECEIVED, bounded as
// the profile says: user.ts synQueueLimit), the accept queue (bounded by the backlog) and SYN cookies (RFC 4987).
import { arrivalKey, Conn } from './conn.js';
import type { Listener } from './conn.js';
import { T_SYNACK } from './conn.js';
import type { StackCore } from './core.js';
import { onEstablished } from './close.js';
import { generateIsn } from './isn.js';
import { EMPTY, sendRstFor, sendRstReply, sendSyn } from './output.js';
import type { Segment, TcpOptions } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd } from './seq.js';
import { checkCookie, makeCookie } from './syncookie.js';
import { startTimer } from './timers.js';
import { closeWith, transition } from './transition.js';

/** Applies the options of the peer's SYN (RFC 9293 3.7.1 MSS, RFC 7323 wscale, RFC 2018 SACK-permitted). */
export function applySynOptions(st: StackCore, conn: Conn, seg: Segment): void {
  const p = st.params;
  conn.mss = Math.min(p.mss, seg.options.mss ?? 536);
  const peerShift = seg.options.wscale;
  if (conn.offeredShift >= 0 && peerShift !== undefined) {
    conn.sndShift = Math.min(14, peerShift); // RFC 7323 2.3: shifts above 14 are treated as 14
    conn.rcvShift = conn.offeredShift;
  } else {
    conn.sndShift = 0;
    conn.rcvShift = 0;
    conn.offeredShift = -1;
  }
  conn.sackOk = p.sack && seg.options.sackPermitted === true;
  conn.sndWnd = seg.window; // RFC 7323 2.2: the window of a SYN is never scaled
  conn.maxSndWnd = Math.max(conn.maxSndWnd, conn.sndWnd);
}

/** The window-scale shift we offer: the smallest that lets the 16-bit field cover the receive buffer. */
export function ourShift(st: StackCore): number {
  if (!st.params.windowScaling) return -1;
  let shift = 0;
  while (shift < 14 && st.params.rcvBufBytes / 2 ** shift > 65535) shift++;
  return shift;
}

/** The send sequence space of a connection that has sent nothing yet starts at `iss`. */
function setIss(conn: Conn, iss: number): void {
  conn.iss = iss;
  conn.sndUna = iss;
  conn.sndNxt = seqAdd(iss, 1);
  conn.sndMax = conn.sndNxt;
  conn.sndWl2 = iss;
  conn.recover = iss;
  conn.sndSml = iss;
}

export function newConn(st: StackCore, localPort: number, remoteIp: string, remotePort: number, nowMs: number): Conn {
  const conn = new Conn(st.nextConnId++, st.ip, localPort, remoteIp, remotePort);
  const p = st.params;
  conn.rcvBufBytes = p.rcvBufBytes;
  conn.rtoMs = p.rtoInitialMs;
  conn.mss = Math.min(p.mss, 536);
  conn.offeredShift = ourShift(st);
  setIss(conn, generateIsn(p, st.isnSecret, st.ip, localPort, remoteIp, remotePort, nowMs));
  conn.synStartMs = nowMs;
  st.addConn(conn);
  return conn;
}

/** Linux sk_acceptq_is_full (listen(2) backlog, capped by somaxconn; linux holds one more: see user.ts). */
function acceptQueueFull(l: Listener): boolean {
  return !l.autoAccept && l.acceptQueue.length >= l.acceptQueueLimit;
}

/**
 * Before a passive connection completes: with the accept queue full, Linux (tcp_check_req, listen_overflow)
 * drops the final ACK and lets the SYN-ACK timer try again, or, with tcp_abort_on_overflow = 1, drops the
 * half-open connection and answers the ACK with RST (embryonic_reset). `ack` is the ACK's acknowledgment number.
 */
export function admitEstablished(st: StackCore, conn: Conn, ack: number, nowMs: number, id: number): boolean {
  const l = st.listeners.get(conn.listenerPort);
  if (!l || !acceptQueueFull(l)) return true;
  if (st.params.abortOnOverflow) {
    sendRstFor(st, conn, ack, 'RST: accept queue full (tcp_abort_on_overflow = 1)');
    st.emitDrop(conn.key, id, ACCEPT_OVERFLOW_RST, nowMs);
    closeWith(st, conn, null, '', 'tcp_abort_on_overflow: accept queue full, half-open connection dropped', nowMs);
    return false;
  }
  st.emitDrop(conn.key, id, 'accept queue full: handshake ACK dropped (SYN-ACK will be retransmitted)', nowMs);
  return false;
}

/** The final ACK met a full accept queue and tcp_abort_on_overflow is 1. */
export const ACCEPT_OVERFLOW_RST = 'accept queue full: handshake ACK answered with RST (tcp_abort_on_overflow = 1)';

/** A passive connection is established: into the accept queue, or straight to the application (auto-accept). */
export function announceAccepted(st: StackCore, conn: Conn, nowMs: number): void {
  const l = st.listeners.get(conn.listenerPort);
  const i = l ? l.synQueue.indexOf(conn.key) : -1;
  if (l && i >= 0) l.synQueue.splice(i, 1);
  if (l && !l.autoAccept) {
    l.acceptQueue.push(conn.key);
    st.emitApp(conn.key, 'accepted', 0, `in accept queue (${l.acceptQueue.length}/${l.acceptQueueLimit})`, nowMs);
  } else {
    st.emitApp(conn.key, 'accepted', 0, 'accepted (auto-accept)', nowMs);
  }
}

/**
 * A segment for a listening port with no matching connection. Returns a connection rebuilt from a SYN cookie,
 * whose segment the caller then processes as ESTABLISHED (it may carry data).
 */
/**
 * `key` = arrivalKey(seg) when the caller's lookup built it, else undefined: a SYN answered with a cookie
 * needs no key (the network builds the SYN-ACK's only if a sink reads it), so a flood's SYNs build none.
 */
/**
 * `reopenIss`: the ISN Linux gives a connection that this SYN reopened from TIME-WAIT (input.ts), unless the
 * host's ISNs are forced (tcplab.isn) or the SYN is answered with a cookie.
 */
export function processListen(
  st: StackCore, l: Listener, seg: Segment, key: string | undefined, nowMs: number, id: number, reopenIss?: number,
): Conn | undefined {
  if (seg.flags & FLAG.RST) {
    st.emitDrop(key ?? arrivalKey(seg), id, 'RST in LISTEN is ignored (RFC 9293 3.10.7.2)', nowMs);
    return undefined;
  }
  if (seg.flags & FLAG.ACK) {
    if (!(seg.flags & FLAG.SYN) && st.params.syncookies > 0) {
      const r = cookieAck(st, l, seg, nowMs, id);
      if (r === 'dropped') return undefined;
      if (r) return r;
    }
    sendRstReply(st, seg, 'RST for an ACK to a listening socket (RFC 9293 3.10.7.2)');
    st.emitDrop(key ?? arrivalKey(seg), id, 'ACK to a listening socket: RST sent', nowMs);
    return undefined;
  }
  if (!(seg.flags & FLAG.SYN)) {
    st.emitDrop(key ?? arrivalKey(seg), id, 'segment without SYN, ACK or RST in LISTEN (RFC 9293 3.10.7.2)', nowMs);
    return undefined;
  }
  listenSyn(st, l, seg, key, nowMs, id, reopenIss);
  return undefined;
}

function listenSyn(
  st: StackCore, l: Listener, seg: Segment, key: string | undefined, nowMs: number, id: number, reopenIss: number | undefined,
): void {
  const p = st.params;
  if (acceptQueueFull(l)) {
    st.emitDrop(key ?? arrivalKey(seg), id, 'accept queue full: SYN dropped', nowMs);
    return;
  }
  const full = l.synQueue.length >= l.synQueueLimit;
  if (!p.twoWayHandshake && (p.syncookies === 2 || (full && p.syncookies === 1))) {
    // Why a cookie is in the SYN-ACK's cause, not in a note event of its own: a flood sends a million.
    sendCookieSynAck(st, seg, key, full ? COOKIE_QUEUE_FULL : COOKIE_ALWAYS, nowMs);
    return;
  }
  if (full && !p.twoWayHandshake) {
    st.emitDrop(key ?? arrivalKey(seg), id, 'SYN queue full', nowMs);
    return;
  }
  if (l.unprovenLimit !== null && l.synQueue.length >= l.unprovenLimit && !p.twoWayHandshake) {
    st.emitDrop(key ?? arrivalKey(seg), id, SYN_UNPROVEN_DROP, nowMs);
    return;
  }
  const conn = newConn(st, seg.dstPort, seg.srcIp, seg.srcPort, nowMs);
  if (reopenIss !== undefined && p.forcedIsn < 0) setIss(conn, reopenIss);
  conn.listenerPort = l.port;
  conn.state = 'LISTEN';
  conn.irs = seg.seq;
  conn.rcvNxt = seqAdd(seg.seq, 1);
  conn.rcvWup = conn.rcvNxt;
  conn.sndWl1 = seg.seq;
  applySynOptions(st, conn, seg);
  if (p.twoWayHandshake) {
    twoWayAccept(st, conn, nowMs);
    return;
  }
  l.synQueue.push(conn.key);
  transition(st, conn, 'SYN-RECEIVED', 'RFC 9293 3.10.7.2: SYN in LISTEN, SYN-ACK sent', nowMs);
  sendSyn(st, conn, true, false, 'SYN-ACK', nowMs);
  startTimer(st, conn, T_SYNACK, nowMs + p.rtoInitialMs, nowMs);
}

/** Teaching variant: the server is ESTABLISHED as soon as it answers the SYN, and nothing confirms it. */
function twoWayAccept(st: StackCore, conn: Conn, nowMs: number): void {
  conn.twoWay = true;
  sendSyn(st, conn, true, false, 'SYN-ACK (two-way handshake: server is done)', nowMs);
  conn.sndUna = conn.sndNxt; // the SYN-ACK is never retransmitted: the server assumes it arrived
  onEstablished(st, conn, nowMs);
  transition(st, conn, 'ESTABLISHED', 'two-way handshake variant: SYN received, SYN-ACK sent, no third segment awaited', nowMs);
  st.emitApp(conn.key, 'accepted', 0, 'accepted (two-way handshake)', nowMs);
}

/**
 * A cookie SYN-ACK's options, one frozen object per MSS value: a flood draws a million of these replies and
 * nothing downstream writes to a segment's options (net/hooks.ts), so they can all share one.
 */
const COOKIE_OPTIONS = new Map<number, TcpOptions>();
/** The last one cookieOptions returned (a listener answers with one MSS): no Map lookup per SYN-ACK. */
let lastCookieOptions: TcpOptions = Object.freeze({ mss: -1 });
function cookieOptions(mss: number): TcpOptions {
  if (lastCookieOptions.mss === mss) return lastCookieOptions;
  let o = COOKIE_OPTIONS.get(mss);
  if (o === undefined) COOKIE_OPTIONS.set(mss, (o = Object.freeze({ mss })));
  return (lastCookieOptions = o);
}

/** linux, tcp_syncookies = 0: the last quarter of tcp_max_syn_backlog is kept for peers proven alive. */
export const SYN_UNPROVEN_DROP = 'SYN queue 3/4 full (tcp_max_syn_backlog, no SYN cookies): SYN from an unproven peer dropped';

/** The causes of a cookie SYN-ACK: the SYN queue is full (tcp_syncookies = 1), or cookies are always on (2). */
export const COOKIE_QUEUE_FULL = 'SYN queue full: SYN-ACK with a SYN cookie, no state kept (RFC 4987)';
export const COOKIE_ALWAYS = 'SYN-ACK with a SYN cookie, no state kept (tcp_syncookies = 2)';

/**
 * `key`: the connection key as the listener sees it (ours first), which is also the reply's sender-first key,
 * when the caller has it (undefined: the network builds it if and when it is needed).
 */
function sendCookieSynAck(st: StackCore, seg: Segment, key: string | undefined, cause: string, nowMs: number): void {
  const p = st.params;
  const cookie = makeCookie(st.cookieSecret, seg.srcIp, seg.srcPort, seg.dstIp, seg.dstPort, seg.seq, seg.options.mss ?? 536, nowMs);
  const reply: Segment = {
    srcIp: seg.dstIp, srcPort: seg.dstPort, dstIp: seg.srcIp, dstPort: seg.srcPort,
    seq: cookie, ack: seqAdd(seg.seq, 1), flags: FLAG.SYN | FLAG.ACK, window: Math.min(65535, p.rcvBufBytes),
    urgent: 0, options: cookieOptions(p.mss), payload: EMPTY,
  };
  st.tx(reply, false, cause, key);
}

/** A returning ACK that carries a valid cookie recreates the connection (RFC 4987 3.6). */
function cookieAck(st: StackCore, l: Listener, seg: Segment, nowMs: number, id: number): Conn | 'dropped' | undefined {
  const clientIsn = (seg.seq - 1) >>> 0;
  const cookie = (seg.ack - 1) >>> 0;
  const mss = checkCookie(st.cookieSecret, seg.srcIp, seg.srcPort, seg.dstIp, seg.dstPort, clientIsn, cookie, nowMs);
  if (mss < 0) return undefined;
  if (acceptQueueFull(l)) {
    st.emitDrop(arrivalKey(seg), id, 'accept queue full: cookie ACK dropped', nowMs);
    return 'dropped';
  }
  const conn = newConn(st, seg.dstPort, seg.srcIp, seg.srcPort, nowMs);
  conn.listenerPort = l.port;
  conn.state = 'LISTEN';
  conn.iss = cookie;
  conn.sndUna = seg.ack;
  conn.sndNxt = seg.ack;
  conn.sndMax = seg.ack;
  conn.irs = clientIsn;
  conn.rcvNxt = seg.seq;
  conn.rcvWup = seg.seq;
  conn.mss = Math.min(st.params.mss, mss);
  conn.offeredShift = -1; // the cookie cannot remember window scaling or SACK (no timestamps)
  conn.sndWnd = seg.window;
  conn.maxSndWnd = seg.window;
  conn.sndWl1 = seg.seq;
  conn.sndWl2 = seg.ack;
  transition(st, conn, 'SYN-RECEIVED', 'RFC 4987 3.6: valid SYN cookie in the ACK, connection state rebuilt', nowMs);
  onEstablished(st, conn, nowMs);
  transition(st, conn, 'ESTABLISHED', 'RFC 4987 3.6: ACK of our (cookie) SYN-ACK completes the handshake', nowMs);
  announceAccepted(st, conn, nowMs);
  return conn;
}

