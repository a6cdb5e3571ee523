// What the State pane reads from the trace, kept up to date as the trace grows: each host's connections,
// each connection's state events and its TCB samples. The incremental form of cause.ts `connectionsOf` /
// `stateEventsOf` and tcb/model.ts `tcbSamples` (those stay the from-scratch reference the tests compare
// against): during play they re-scanned every visible event on every frame (docs/PERFORMANCE.md).
import { GrowingList, PrefixMemo, type Fold } from '../../lib/prefix-memo.js';
import type { AnyTraceEvent, StateEvent, TcbSnapshot } from '../model/trace-types.js';
import type { TcbSample } from '../tcb/model.js';

/** Handed out for a host or connection the trace does not mention: one object, so nothing re-renders. */
const NONE = Object.freeze([]) as unknown as never[];

type PerConn<V> = Map<string, Map<string, GrowingList<V>>>;

function listOf<V>(m: PerConn<V>, host: string, conn: string): GrowingList<V> {
  let byConn = m.get(host);
  if (!byConn) m.set(host, (byConn = new Map()));
  let list = byConn.get(conn);
  if (!list) byConn.set(conn, (list = new GrowingList<V>()));
  return list;
}

export class StateIndex implements Fold<AnyTraceEvent> {
  /** Host → its connections in first-seen order (of state events, as connectionsOf). */
  readonly #conns = new Map<string, GrowingList<string>>();
  readonly #states: PerConn<StateEvent> = new Map();
  readonly #tcb: PerConn<TcbSample> = new Map();

  advance(events: readonly AnyTraceEvent[], from: number): void {
    for (let i = from; i < events.length; i++) {
      const e = events[i] as AnyTraceEvent;
      const rec = e as { host: string; conn?: unknown; tcb?: TcbSnapshot };
      if (typeof rec.conn !== 'string') continue;
      if (e.kind === 'state') {
        const states = listOf(this.#states, e.host, rec.conn);
        if (states.length === 0) this.#connsOf(e.host).push(rec.conn);
        states.push(e as StateEvent);
      }
      if (rec.tcb) listOf(this.#tcb, e.host, rec.conn).push({ t: e.t, tcb: rec.tcb });
    }
  }

  #connsOf(host: string): GrowingList<string> {
    let list = this.#conns.get(host);
    if (!list) this.#conns.set(host, (list = new GrowingList()));
    return list;
  }

  /** Snapshots: the same array until the list grows (never changed afterwards). */
  connections(host: string): string[] {
    return this.#conns.get(host)?.snapshot() ?? NONE;
  }

  stateEvents(host: string, conn: string): StateEvent[] {
    return this.#states.get(host)?.get(conn)?.snapshot() ?? NONE;
  }

  tcbSamples(host: string, conn: string): TcbSample[] {
    return this.#tcb.get(host)?.get(conn)?.snapshot() ?? NONE;
  }
}

const memo = new PrefixMemo<AnyTraceEvent, StateIndex>(() => new StateIndex());

/** = connectionsOf(host, events), scanning only what was added since the last call for this trace. */
export function connectionsIn(events: readonly AnyTraceEvent[], host: string): string[] {
  return memo.of(events).connections(host);
}

/** = stateEventsOf(host, conn, events), incrementally. */
export function stateEventsIn(events: readonly AnyTraceEvent[], host: string, conn: string): StateEvent[] {
  return memo.of(events).stateEvents(host, conn);
}

/** = tcbSamples(events, host, conn), incrementally. */
export function tcbSamplesIn(events: readonly AnyTraceEvent[], host: string, conn: string): TcbSample[] {
  return memo.of(events).tcbSamples(host, conn);
}
