// Links a packet to the state change it caused, and picks what the diagram lights.
import type { AnyTraceEvent, SegmentRecvEvent, StateEvent } from '../model/trace-types.js';

/**
 * The state event at the receiving host right after packet `packetId` was received: same host, same
 * virtual time (the engine processes a segment in no time), before the host receives anything else.
 * Null when the packet was never received or changed no state.
 */
export function edgeCausedBy(packetId: number, events: readonly AnyTraceEvent[]): StateEvent | null {
  const at = events.findIndex((e) => e.kind === 'segment.recv' && (e as SegmentRecvEvent).id === packetId);
  if (at < 0) return null;
  const recv = events[at] as SegmentRecvEvent;
  // The receiver names the connection from its own side: local first.
  const [src = '', dst = ''] = recv.conn.split('>');
  const localConn = `${dst}>${src}`;
  let first: StateEvent | null = null;
  for (let i = at + 1; i < events.length; i++) {
    const e = events[i] as AnyTraceEvent;
    if (e.t > recv.t) break;
    if (e.host !== recv.host) continue;
    if (e.kind === 'segment.recv') break;
    if (e.kind !== 'state') continue;
    const st = e as StateEvent;
    if (st.conn === localConn) return st;
    first ??= st;
  }
  return first;
}

/** The connections (conn strings) a host's state events mention, in first-seen order. */
export function connectionsOf(host: string, events: readonly AnyTraceEvent[]): string[] {
  const seen = new Set<string>();
  for (const e of events) if (e.kind === 'state' && e.host === host) seen.add((e as StateEvent).conn);
  return [...seen];
}

/** The state events of one connection at one host, in trace order. */
export function stateEventsOf(host: string, conn: string, events: readonly AnyTraceEvent[]): StateEvent[] {
  return events.filter((e): e is StateEvent => e.kind === 'state' && e.host === host && (e as StateEvent).conn === conn);
}
