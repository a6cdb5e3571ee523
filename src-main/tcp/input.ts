// SEGMENT ARRIVES dispatch (RFC 9293 3.10.7): find the connection, else the listener, else answer as CLOSED.
import { arrivalKey } from './conn.js';
import type { Conn } from './conn.js';
import type { StackCore } from './core.js';
import { processSynchronized } from './input-sync.js';
import { processSynSent } from './input-synsent.js';
import { processListen } from './listen.js';
import { sendRstReply } from './output.js';
import type { Segment } from './segment.js';
import { FLAG } from './segment.js';
import { seqAdd } from './seq.js';

/**
 * The last connection hit, when seg belongs to it: bulk transfers skip building the key. It is still in
 * st.conns: addConn and removeConn forget it when its key is replaced or removed (a Map lookup per segment
 * checked that before, ~100 instructions a segment: docs/PERFORMANCE.md "Engine, session 21").
 */
function cachedConn(st: StackCore, seg: Segment): Conn | undefined {
  const last = st.lastConn;
  if (last && last.remotePort === seg.srcPort && last.localPort === seg.dstPort && last.remoteIp === seg.srcIp) return last;
  return undefined;
}

export function segmentArrives(st: StackCore, seg: Segment, nowMs: number, id: number): void {
  if (seg.dstIp !== st.ip) {
    st.emitDrop(arrivalKey(seg), id, `not addressed to this host (${st.ip})`, nowMs);
    return;
  }
  // The key is built at most once per segment, and only when some connection has the segment's source port:
  // a flood's SYNs miss that test, and the listener answers them without a key (listen.ts).
  let key: string | undefined;
  let conn = cachedConn(st, seg);
  let reopenIss: number | undefined;
  if (conn === undefined && st.remotePorts.has(seg.srcPort)) {
    key = arrivalKey(seg);
    conn = st.conns.get(key);
    if (conn) st.lastConn = conn;
  }
  if (conn) {
    if (conn.state === 'SYN-SENT') {
      processSynSent(st, conn, seg, nowMs, id);
      return;
    }
    const outcome = processSynchronized(st, conn, seg, nowMs, id);
    if (outcome === 'done') return;
    if (outcome === 'reopen' && st.params.timeWaitReopenIss === 'after-old') reopenIss = seqAdd(conn.sndNxt, 65537);
  }
  const l = st.listeners.get(seg.dstPort);
  if (l) {
    const rebuilt = processListen(st, l, seg, key ?? conn?.key, nowMs, id, reopenIss);
    if (rebuilt) processSynchronized(st, rebuilt, seg, nowMs, id);
    return;
  }
  closedPort(st, seg, key ?? conn?.key ?? arrivalKey(seg), nowMs, id);
}

/** RFC 9293 3.10.7.1: no TCB. An RST is dropped; anything else draws an RST with the RFC's seq/ack rules. */
function closedPort(st: StackCore, seg: Segment, key: string, nowMs: number, id: number): void {
  if (seg.flags & FLAG.RST) {
    st.emitDrop(key, id, 'RST for a closed port is ignored (RFC 9293 3.10.7.1)', nowMs);
    return;
  }
  sendRstReply(st, seg, 'RST: no connection and no listener on this port (RFC 9293 3.10.7.1)');
  st.emitDrop(key, id, 'closed port: RST sent', nowMs);
}
