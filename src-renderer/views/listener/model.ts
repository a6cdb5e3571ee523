// A listener's SYN queue and accept queue over time, for the listener panel: the host's reading at the
// cursor (view.listeners), the readings the panel was given as time moved (while playing, ten a second),
// and the host's history up to the cursor (view.listenerHistory, after a seek). The trace has no event per
// queue change, so these readings are all there is to plot.
/** The queue lengths at one time. */
export interface QueueSample {
  t: number;
  synQueue: number;
  acceptQueue: number;
}

/** The listener's "ip:port>*:*" name: a key with no remote end. */
export function isListenerKey(conn: string): boolean {
  return conn.endsWith('>*:*');
}

/** The text for net.ipv4.tcp_syncookies' value (0 off, 1 when the SYN queue is full, 2 always): an i18n key. */
export function syncookiesKey(mode: number): 'listener.cookies.off' | 'listener.cookies.whenFull' | 'listener.cookies.always' {
  return mode === 2 ? 'listener.cookies.always' : mode === 1 ? 'listener.cookies.whenFull' : 'listener.cookies.off';
}

/**
 * The samples to plot, in time order, ending with the reading at `atMs`: the earlier readings and history
 * points before it (any order; a history point and a reading at the same time are the same value).
 */
export function queuePlot(earlier: readonly QueueSample[], now: QueueSample | null): QueueSample[] {
  const end = now?.t ?? Infinity;
  const byTime = new Map<number, QueueSample>();
  for (const s of earlier) if (s.t < end) byTime.set(s.t, s);
  const out = [...byTime.values()].sort((a, b) => a.t - b.t);
  if (now) out.push(now);
  return out;
}

/** Readings kept per listener for the plot; beyond this, every second one is dropped (the shape stays). */
export const MAX_QUEUE_READINGS = 2000;

/**
 * The readings of one listener as the cursor moved (the TCB panel's ReadingLog for queues): a reading
 * earlier than the last one (a seek back) drops the later ones; another listener or trace starts over.
 */
export class QueueLog {
  #key = '';
  #origin: unknown = undefined;
  #readings: readonly QueueSample[] = [];

  /** Records `s` and returns the readings before it (a new array each time). */
  add(key: string, origin: unknown, s: QueueSample): readonly QueueSample[] {
    if (key !== this.#key || origin !== this.#origin) {
      this.#key = key;
      this.#origin = origin;
      this.#readings = [];
    }
    let before = this.#readings.filter((r) => r.t < s.t);
    if (before.length >= MAX_QUEUE_READINGS) before = before.filter((_, i) => i % 2 === 1);
    this.#readings = [...before, s];
    return before;
  }
}
