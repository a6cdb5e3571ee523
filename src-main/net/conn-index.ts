// Which connections each host has on each local port, so a step naming a port (steps.ts resolveConn)
// does not scan every connection of the host (10,000 clients x 3 steps made that quadratic).
//
// Built from the engine's `state` events (every connection announces itself with one when it is created,
// tcp/transition.ts) and purged lazily: a connection's move to CLOSED only queues its key, which is
// dropped once the stack no longer holds it (the state event is emitted before the stack forgets the
// connection, and a new incarnation may reuse the key). The index is therefore a superset of the live
// connections; lookups confirm each candidate with the stack (hasConnection). It only answers the common case (exactly
// one live match); anything else (none, several) goes to the full scan, which produces the exact errors.
import type { ConnKey } from '../tcp/api.js';
import type { TcpTraceEvent } from '../tcp/trace.js';
import type { HostRuntime, NetState } from './core.js';

/** Queued CLOSED keys are checked in batches of this many (and before every lookup). */
const CLOSED_BATCH = 64;

export interface ConnIndex {
  /** host -> local port -> keys (insertion order; only used to find a unique match, never to rank). */
  byHost: Map<string, Map<number, Set<ConnKey>>>;
  /** Flat [host, key, host, key …] of connections that reached CLOSED, to purge once gone. */
  closed: string[];
}

export function newConnIndex(): ConnIndex {
  return { byHost: new Map(), closed: [] };
}

function localPort(key: ConnKey): number {
  return Number(key.slice(key.indexOf(':') + 1, key.indexOf('>')));
}

/** Whether h's stack still holds conn (hasConnection when the stack has it: status() builds a snapshot). */
function holds(h: HostRuntime, key: ConnKey): boolean {
  return h.stack.hasConnection !== undefined ? h.stack.hasConnection(key) : h.stack.status(key) !== undefined;
}

/** Called for every engine event (HostSink); cheap unless it is a connection's state change. */
export function noteStateEvent(s: NetState, ev: TcpTraceEvent): void {
  if (ev.kind !== 'state' || ev.conn.endsWith('*')) return; // listeners ("ip:port>*:*") are not connections
  const idx = s.connIndex;
  if (idx.closed.length >= 2 * CLOSED_BATCH) purgeClosed(s);
  if (ev.to === 'CLOSED') {
    idx.closed.push(ev.host, ev.conn);
    return;
  }
  let ports = idx.byHost.get(ev.host);
  if (ports === undefined) idx.byHost.set(ev.host, (ports = new Map()));
  const port = localPort(ev.conn);
  let keys = ports.get(port);
  if (keys === undefined) ports.set(port, (keys = new Set()));
  keys.add(ev.conn);
}

/** Forgets queued CLOSED keys the stacks no longer hold. */
function purgeClosed(s: NetState): void {
  const closed = s.connIndex.closed;
  for (let i = 0; i < closed.length; i += 2) {
    const host = closed[i]!, key = closed[i + 1]!;
    const h = s.hosts.get(host);
    if (h === undefined || holds(h, key)) continue;
    const ports = s.connIndex.byHost.get(host);
    const keys = ports?.get(localPort(key));
    if (keys === undefined) continue;
    keys.delete(key);
    if (keys.size === 0) ports!.delete(localPort(key));
  }
  s.connIndex.closed = [];
}

/** The one live connection of h on `port` (with `peer`, if given); undefined when not exactly one. */
export function uniqueConn(s: NetState, h: HostRuntime, port: number, peer: string | undefined): ConnKey | undefined {
  if (s.connIndex.closed.length > 0) purgeClosed(s);
  const keys = s.connIndex.byHost.get(h.name)?.get(port);
  if (keys === undefined) return undefined;
  let found: ConnKey | undefined;
  for (const key of keys) {
    if (peer !== undefined && !(key.endsWith(peer) && key.length === key.indexOf('>') + 1 + peer.length)) continue;
    if (!holds(h, key)) {
      keys.delete(key); // gone without a CLOSED event we saw (cannot happen today; stay a superset anyway)
      continue;
    }
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}
