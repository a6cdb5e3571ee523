// User calls (RFC 9293 3.10.1-3.10.6): OPEN (connect / listen), SEND, RECEIVE (read, auto-read), CLOSE,
// SHUTDOWN (half-close) and ABORT. Errors are TcpUserError with the RFC's "error: …" meaning.
import { TcpUserError } from './api.js';
import type { ConnKey } from './api.js';
import type { Conn } from './conn.js';
import { Listener, T_PERSIST } from './conn.js';
import type { StackCore } from './core.js';
import type { Params } from './profiles.js';
import { armFinWait2 } from './input-ack.js';
import { handToApp, maybeEof } from './input-data.js';
import { newConn } from './listen.js';
import { output, queueFin, sendAck, sendActiveRst, sendSyn } from './output.js';
import { armSynTimer } from './timer-fire.js';
import { stopTimer } from './timers.js';
import { closeWith, listenerTransition, rcvWindow, transition } from './transition.js';

function parseEndpoint(remote: string): { ip: string; port: number } {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(remote);
  const port = m ? Number(m[2]) : NaN;
  if (!m || !m[1] || !(port >= 1 && port <= 65535)) {
    throw new TcpUserError('invalid-argument', `remote "${remote}" is not "a.b.c.d:port"`);
  }
  return { ip: m[1], port };
}

function checkPort(port: number, allowZero: boolean): void {
  if (!Number.isInteger(port) || port < (allowZero ? 0 : 1) || port > 65535) {
    throw new TcpUserError('invalid-argument', `port ${port} is not in ${allowZero ? 0 : 1}..65535`);
  }
}

function ephemeralPort(st: StackCore, ip: string, port: number): number {
  const p = st.params;
  const span = p.ephemeralMax - p.ephemeralMin + 1;
  const start = st.portPrng.int(0, span - 1);
  for (let i = 0; i < span; i++) {
    const candidate = p.ephemeralMin + ((start + i) % span);
    if (!st.conns.has(`${st.ip}:${candidate}>${ip}:${port}`) && !st.listeners.has(candidate)) return candidate;
  }
  throw new TcpUserError('port-in-use', 'no free ephemeral port');
}

export function connect(st: StackCore, localPort: number, remote: string, nowMs: number): ConnKey {
  checkPort(localPort, true);
  const peer = parseEndpoint(remote);
  const port = localPort === 0 ? ephemeralPort(st, peer.ip, peer.port) : localPort;
  if (st.conns.has(`${st.ip}:${port}>${peer.ip}:${peer.port}`)) {
    throw new TcpUserError('connection-exists', `${st.ip}:${port}>${remote} already exists`);
  }
  const conn = newConn(st, port, peer.ip, peer.port, nowMs);
  transition(st, conn, 'SYN-SENT', 'RFC 9293 3.10.1: active OPEN, SYN sent', nowMs);
  sendSyn(st, conn, false, false, 'SYN', nowMs);
  armSynTimer(st, conn, nowMs);
  return conn.key;
}

export function listen(st: StackCore, port: number, backlog: number, nowMs: number): void {
  checkPort(port, false);
  if (!Number.isInteger(backlog) || backlog < 0) throw new TcpUserError('invalid-argument', `backlog ${backlog} must be an integer ≥ 0`);
  if (st.listeners.has(port)) throw new TcpUserError('port-in-use', `port ${port} is already listening`);
  const p = st.params;
  const maxAckBacklog = Math.min(backlog, p.somaxconn);
  const acceptLimit = Math.max(1, maxAckBacklog);
  // Linux sk_acceptq_is_full() is sk_ack_backlog > sk_max_ack_backlog: listen(fd, 1) holds 2, listen(fd, 0)
  // holds 1 (acceptQueueExtra 1). rfc/classic keep "the backlog is the limit, 0 counts as 1".
  const acceptQueueLimit = p.acceptQueueExtra > 0 ? maxAckBacklog + p.acceptQueueExtra : acceptLimit;
  const l = new Listener(st.ip, port, acceptLimit, synQueueLimit(p, acceptLimit, acceptQueueLimit), acceptQueueLimit, unprovenLimit(p));
  st.listeners.set(port, l);
  listenerTransition(st, l.key, 'CLOSED', 'LISTEN', 'RFC 9293 3.10.1: passive OPEN', nowMs);
}

/**
 * The SYN queue's bound. textbook: min(tcp_max_syn_backlog, backlog). linux: the kernel's
 * inet_csk_reqsk_queue_is_full() compares the queue with sk_max_ack_backlog (the backlog capped by somaxconn)
 * with `>`, so it holds as many as the accept queue: a 6.18 kernel with listen(fd, 128) and cookies on held
 * 129 half-open connections before the first cookie (docs/TCP.md "Listener").
 */
function synQueueLimit(p: Params, acceptLimit: number, acceptQueueLimit: number): number {
  return p.synQueueRule === 'linux' ? acceptQueueLimit : Math.max(1, Math.min(p.maxSynBacklog, acceptLimit));
}

/**
 * linux without SYN cookies (tcp_conn_request): `max_syn_backlog - qlen < max_syn_backlog >> 2` drops a SYN
 * from a peer not proven alive, so the queue takes unproven peers while it holds fewer than this many (97 for
 * the default 128, as a 6.18 kernel held). Proven peers (the kernel's tcp_metrics RTT cache) are not
 * modelled: every peer counts as unproven.
 */
function unprovenLimit(p: Params): number | null {
  if (p.synQueueRule !== 'linux' || p.syncookies !== 0) return null;
  return p.maxSynBacklog - (p.maxSynBacklog >> 2) + 1;
}

export function closeListener(st: StackCore, l: Listener, nowMs: number): void {
  st.listeners.delete(l.port);
  // Linux inet_csk_listen_stop: half-open children vanish, established-but-unaccepted ones are reset.
  for (const key of [...l.synQueue]) {
    const c = st.conns.get(key);
    if (c) closeWith(st, c, null, '', 'listener closed: half-open connection dropped', nowMs);
  }
  for (const key of [...l.acceptQueue]) {
    const c = st.conns.get(key);
    if (c) abort(st, c, nowMs);
  }
  listenerTransition(st, l.key, 'LISTEN', 'CLOSED', 'RFC 9293 3.10.4: CLOSE in LISTEN', nowMs);
  st.emitApp(l.key, 'closed', 0, 'listener closed', nowMs);
}

export function send(st: StackCore, conn: Conn, data: Uint8Array, nowMs: number, transfer = false): void {
  const s = conn.state;
  if (conn.finQueued || s === 'FIN-WAIT-1' || s === 'FIN-WAIT-2' || s === 'CLOSING' || s === 'LAST-ACK' || s === 'TIME-WAIT') {
    throw new TcpUserError('connection-closing', `${conn.key} is closing (${s})`);
  }
  conn.sndBuf.push(data, transfer);
  output(st, conn, nowMs);
}

export function read(st: StackCore, conn: Conn, maxBytes: number, nowMs: number): Uint8Array {
  const before = rcvWindow(conn);
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes && conn.recvQueue.length > 0) {
    const head = conn.recvQueue[0] as Uint8Array;
    const take = Math.min(head.length, maxBytes - total);
    chunks.push(head.subarray(0, take));
    if (take === head.length) conn.recvQueue.shift();
    else conn.recvQueue[0] = head.subarray(take);
    total += take;
  }
  conn.recvQueued -= total;
  const out = concat(chunks, total);
  if (total > 0) {
    handToApp(st, conn, out, 'read()', nowMs);
    windowUpdate(st, conn, before, nowMs);
  }
  maybeEof(st, conn, nowMs);
  return out;
}

/** RFC 1122 4.2.3.3 receiver SWS avoidance: announce the reopened window once it grew by min(buf/2, MSS). */
function windowUpdate(st: StackCore, conn: Conn, beforeBytes: number, nowMs: number): void {
  const s = conn.state;
  if (s !== 'ESTABLISHED' && s !== 'FIN-WAIT-1' && s !== 'FIN-WAIT-2') return;
  const grown = rcvWindow(conn) - conn.lastAdvWnd;
  if (grown >= Math.min(conn.rcvBufBytes / 2, conn.mss) && beforeBytes < rcvWindow(conn)) {
    sendAck(st, conn, 'window update', nowMs);
  }
}

export function setAutoRead(st: StackCore, conn: Conn, on: boolean, nowMs: number): void {
  conn.autoRead = on;
  if (on && conn.recvQueued > 0) {
    const before = rcvWindow(conn);
    const queued = conn.recvQueue;
    conn.recvQueue = [];
    conn.recvQueued = 0;
    for (const chunk of queued) handToApp(st, conn, chunk, 'auto-read on', nowMs);
    windowUpdate(st, conn, before, nowMs);
  }
  maybeEof(st, conn, nowMs);
}

/** Half-close (SHUT_WR): FIN after the queued data; the receive side stays open. */
export function shutdown(st: StackCore, conn: Conn, nowMs: number): void {
  const s = conn.state;
  if (s === 'SYN-SENT') {
    closeWith(st, conn, null, '', 'RFC 9293 3.10.4: CLOSE in SYN-SENT deletes the TCB', nowMs);
    return;
  }
  if (conn.finQueued) return;
  if (s === 'SYN-RECEIVED' && conn.sndBuf.length > 0) {
    // RFC 9293 3.10.4 CLOSE in SYN-RECEIVED with data to send: "queue for processing after entering
    // ESTABLISHED state" (input-sync.ts completes the handshake, then moves to FIN-WAIT-1).
    queueFin(conn);
    st.emitNote(conn.key, 'CLOSE in SYN-RECEIVED with data queued: FIN deferred until ESTABLISHED (RFC 9293 3.10.4)', nowMs);
  } else if (s === 'SYN-RECEIVED' || s === 'ESTABLISHED') {
    queueFin(conn);
    transition(st, conn, 'FIN-WAIT-1', `RFC 9293 3.10.4: CLOSE in ${s}, FIN queued after the data`, nowMs);
  } else if (s === 'CLOSE-WAIT') {
    queueFin(conn);
    transition(st, conn, 'LAST-ACK', 'RFC 9293 3.10.4: CLOSE in CLOSE-WAIT, FIN queued after the data', nowMs);
  }
  stopTimer(st, conn, T_PERSIST, nowMs);
  output(st, conn, nowMs);
}

export function close(st: StackCore, conn: Conn, nowMs: number): void {
  if (conn.orphaned) throw new TcpUserError('connection-closing', `${conn.key} is already closed by the application`);
  conn.orphaned = true;
  if (conn.recvQueued > 0) {
    // RFC 2525 2.17 / Linux tcp_close: closing with unread data resets the connection (data would be lost).
    st.emitNote(conn.key, `close() with ${conn.recvQueued} unread bytes: RST instead of FIN (RFC 2525 2.17)`, nowMs);
    abort(st, conn, nowMs);
    return;
  }
  shutdown(st, conn, nowMs);
  armFinWait2(st, conn, nowMs);
}

/** RFC 9293 3.10.5 ABORT: RST in SYN-RECEIVED and the synchronized states (not CLOSING/LAST-ACK/TIME-WAIT). */
export function abort(st: StackCore, conn: Conn, nowMs: number): void {
  const s = conn.state;
  if (s !== 'SYN-SENT' && s !== 'CLOSING' && s !== 'LAST-ACK' && s !== 'TIME-WAIT') {
    // <SEQ=SND.NXT> in the RFC's sense: the highest sequence sent, not a go-back-N SND.NXT (output.ts controlSeq).
    sendActiveRst(st, conn, 'RST: the application aborted the connection (RFC 9293 3.10.5)');
  }
  closeWith(st, conn, null, '', `RFC 9293 3.10.5: ABORT in ${s}`, nowMs);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return (chunks[0] as Uint8Array).slice();
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
