// A connection's TCB over time, read from the network itself. The trace carries a TCB only at state
// changes, so a cwnd plot built from it alone is flat for the whole of ESTABLISHED. This re-runs the
// branch (from a snapshot, on a copy: the session, its cursor and its view state are untouched) and reads
// the connection at evenly spaced times, which is what the TCB panel's plot needs after a seek.
import type { Cursor, Timeline } from './timeline.js';
import type { TcbSnapshot } from '../tcp/trace.js';
import type { Network } from '../net/network.js';

export interface TcbHistoryPoint {
  t: number;
  tcb: TcbSnapshot;
}

export interface History<P> {
  /** The time of the first point (later than asked when the session is long: see MAX_HISTORY_EVENTS). */
  fromMs: number;
  points: P[];
}

export type TcbHistory = History<TcbHistoryPoint>;

/**
 * Events a history may re-execute: 225 ms of the host's time (npm run bench -- --only lab.tcbHistory, docs/PERFORMANCE.md).
 * Further back than this before the cursor, the history starts later.
 */
export const MAX_HISTORY_EVENTS = 250_000;

/**
 * `read(network)` at `count` evenly spaced times from fromMs up to (not including) the cursor's time, where
 * it gives a value: one re-run of the branch on a copy, from the latest snapshot before fromMs (or, when
 * that is more than maxEvents before the cursor, the earliest one within maxEvents). Each time is read at
 * the end of its instant, as a seek to that time shows it. `count` >= 2.
 */
export function sampleHistory<P>(tl: Timeline, c: Cursor, fromMs: number, count: number, read: (net: Network, t: number) => P | undefined, maxEvents = MAX_HISTORY_EVENTS): History<P> {
  const exec = tl.executorBefore(c, fromMs, maxEvents);
  // Up to the microsecond (times print to the microsecond), never before the executor's own time.
  const startMs = Math.min(Math.ceil(Math.max(fromMs, exec.nowMs) * 1000) / 1000, c.tMs);
  const points: P[] = [];
  const stepMs = (c.tMs - startMs) / count;
  for (let i = 0; i < count && stepMs > 0; i++) {
    const t = Math.round((startMs + i * stepMs) * 1000) / 1000; // to the microsecond, as the trace prints times
    if (t >= c.tMs) break;
    exec.runTo(t);
    const p = read(exec.network, t);
    if (p !== undefined) points.push(p);
  }
  return { fromMs: startMs, points };
}

/**
 * The TCB of `conn` on `host` at `count` evenly spaced times from fromMs up to (not including) the cursor's
 * time, where the connection exists. The cursor's own values are what view.connections reads.
 */
export function tcbHistory(tl: Timeline, c: Cursor, host: string, conn: string, fromMs: number, count: number, maxEvents = MAX_HISTORY_EVENTS): TcbHistory {
  return sampleHistory(tl, c, fromMs, count, (net, t) => {
    const st = net.stack(host).status(conn);
    return st === undefined ? undefined : { t, tcb: { ...st.tcb } };
  }, maxEvents);
}
