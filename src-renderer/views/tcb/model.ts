// TCB values over time for one connection: samples come from every trace event that carries a `tcb`
// snapshot (today: state events), so richer engines need no change here. Between samples the panel shows
// the host's reading of the connection (tcbShown).
import type { AnyTraceEvent, TcbSnapshot } from '../model/trace-types.js';
import { seqDiff } from '../ladder/relative.js';

export interface TcbSample {
  t: number;
  tcb: TcbSnapshot;
}

export type TcbField = 'sndUna' | 'sndNxt' | 'sndWnd' | 'rcvNxt' | 'rcvWnd' | 'iss' | 'irs' | 'cwnd' | 'ssthresh' | 'srttMs' | 'rtoMs';

/** Rows in RFC 9293 3.3.1 order, then congestion control (RFC 5681) and timers (RFC 6298). */
export const TCB_ROWS: readonly { field: TcbField; name: string }[] = [
  { field: 'sndUna', name: 'SND.UNA' },
  { field: 'sndNxt', name: 'SND.NXT' },
  { field: 'sndWnd', name: 'SND.WND' },
  { field: 'iss', name: 'ISS' },
  { field: 'rcvNxt', name: 'RCV.NXT' },
  { field: 'rcvWnd', name: 'RCV.WND' },
  { field: 'irs', name: 'IRS' },
  { field: 'cwnd', name: 'cwnd' },
  { field: 'ssthresh', name: 'ssthresh' },
  { field: 'srttMs', name: 'SRTT' },
  { field: 'rtoMs', name: 'RTO' },
];

/** Linux reports an unset ssthresh as 0x7fffffff ("infinity"); anything that large is shown as ∞. */
export const SSTHRESH_INFINITE = 0x7fffffff;

export function tcbSamples(events: readonly AnyTraceEvent[], host: string, conn: string): TcbSample[] {
  const out: TcbSample[] = [];
  for (const e of events) {
    const rec = e as { host: string; conn?: unknown; tcb?: TcbSnapshot };
    if (rec.tcb && rec.host === host && rec.conn === conn) out.push({ t: e.t, tcb: rec.tcb });
  }
  return out;
}

export interface TcbAt {
  current: TcbSnapshot | null;
  /** Fields the latest sample at or before the time changed, compared with the sample before it. */
  changed: ReadonlySet<TcbField>;
  index: number;
}

/** The last sample at or before timeMs (binary search: samples are in time order). */
export function tcbAt(samples: readonly TcbSample[], timeMs: number): TcbAt {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((samples[mid] as TcbSample).t <= timeMs) lo = mid + 1;
    else hi = mid;
  }
  const index = lo - 1;
  const cur = samples[index]?.tcb ?? null;
  const prev = samples[index - 1]?.tcb ?? null;
  const changed = new Set<TcbField>();
  if (cur && prev) for (const { field } of TCB_ROWS) if (cur[field] !== prev[field]) changed.add(field);
  return { current: cur, changed, index };
}

/** A connection's TCB read from the host at a virtual time (view.connections), between trace samples. */
export interface TcbReading {
  atMs: number;
  tcb: TcbSnapshot;
}

export interface TcbShown {
  /** The time the values are for. */
  timeMs: number;
  at: TcbAt;
  /** The samples to plot, ending at timeMs. */
  plot: readonly TcbSample[];
}

/**
 * What the TCB panel shows. The trace carries a TCB only at state changes, so during a transfer in
 * ESTABLISHED its last sample is stale: SND.NXT, cwnd and SRTT move without a state change. A reading of
 * the connection from the host (`reading`, exact at its time) is shown instead, at its own time; fields
 * that differ from the last sample before it are marked as changed too, and the plot ends with it.
 * Without a reading (no host, or a connection the host no longer has), the samples at timeMs, and the
 * plot also takes the earlier readings up to it. `earlier`: readings the panel was given as time moved
 * (ReadingLog) and the host's history of the connection (view.tcbHistory), in any order.
 */
export function tcbShown(samples: readonly TcbSample[], timeMs: number, reading: TcbReading | null, earlier: readonly TcbSample[] = []): TcbShown {
  if (reading === null) {
    const at = tcbAt(samples, timeMs);
    if (earlier.length === 0) return { timeMs, at, plot: samples };
    const plot = [...samples.slice(0, at.index + 1), ...earlier.filter((r) => r.t <= timeMs)].sort((a, b) => a.t - b.t);
    return { timeMs, at, plot };
  }
  const before = tcbAt(samples, reading.atMs);
  const changed = new Set(before.changed);
  if (before.current) for (const { field } of TCB_ROWS) if (reading.tcb[field] !== before.current[field]) changed.add(field);
  // The plot: the samples and the earlier readings up to this one, in time order (a sample first at equal times).
  const plot: TcbSample[] = [...samples.slice(0, before.index + 1)];
  for (const r of earlier) if (r.t < reading.atMs) plot.push(r);
  plot.sort((a, b) => a.t - b.t);
  plot.push({ t: reading.atMs, tcb: reading.tcb });
  return { timeMs: reading.atMs, at: { current: reading.tcb, changed, index: before.index }, plot };
}

/** Readings kept per connection for the plot; beyond this, every second one is dropped (the shape stays). */
export const MAX_READINGS = 2000;

/**
 * The readings of one connection as the cursor moved, so that the cwnd plot has points between state
 * changes (10 per second while playing). A reading earlier than the last one (a seek back) drops the
 * later ones; another connection, or another trace (`origin`: its first sample), starts over.
 */
export class ReadingLog {
  #conn = '';
  #origin: object | undefined = undefined;
  #readings: readonly TcbSample[] = [];

  /** Records `reading` and returns the readings before it (a new array each time). */
  add(conn: string, origin: object | undefined, reading: TcbReading): readonly TcbSample[] {
    if (conn !== this.#conn || origin !== this.#origin) {
      this.#conn = conn;
      this.#origin = origin;
      this.#readings = [];
    }
    let before = this.#readings.filter((r) => r.t < reading.atMs);
    if (before.length >= MAX_READINGS) before = before.filter((_, i) => i % 2 === 1);
    this.#readings = [...before, { t: reading.atMs, tcb: reading.tcb }];
    return before;
  }
}

/**
 * Sequence fields relative to ISS (send side) or IRS (receive side), as the ladder's relative mode. `msText`
 * writes a time in the UI's language (tf('common.ms'): "1000 毫秒" in Chinese).
 */
export function formatTcbValue(field: TcbField, tcb: TcbSnapshot, relative: boolean, msText: (ms: number) => string = (ms) => `${ms} ms`): string {
  const v = tcb[field];
  if (relative && (field === 'sndUna' || field === 'sndNxt')) return String(seqDiff(v, tcb.iss));
  if (relative && field === 'rcvNxt') return String(seqDiff(v, tcb.irs));
  if (field === 'ssthresh' && v >= SSTHRESH_INFINITE) return '∞';
  // Times are sums of fractional RTT samples (40.519999999999996): show them to the microsecond.
  if (field === 'srttMs' || field === 'rtoMs') return msText(Number(v.toFixed(3)));
  return String(v);
}
