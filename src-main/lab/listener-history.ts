// A listener's SYN queue and accept queue over time, for the listener panel's plot (a SYN flood fills the
// SYN queue in about a second). Like the TCB history (tcb-history.ts): one bounded re-run of the branch on a
// copy, read at evenly spaced times; the trace has no event per queue change to rebuild it from.
import type { Cursor, Timeline } from './timeline.js';
import { MAX_HISTORY_EVENTS, sampleHistory, type History } from './tcb-history.js';

export interface ListenerHistoryPoint {
  t: number;
  synQueue: number;
  acceptQueue: number;
}

/**
 * The queue lengths of `host`'s listener `listener` ("ip:port>*:*") at `count` evenly spaced times from
 * fromMs up to (not including) the cursor's time, where it was listening. The cursor's own values are what
 * view.listeners reads.
 */
export function listenerHistory(tl: Timeline, c: Cursor, host: string, listener: string, fromMs: number, count: number, maxEvents = MAX_HISTORY_EVENTS): History<ListenerHistoryPoint> {
  return sampleHistory(tl, c, fromMs, count, (net, t) => {
    const l = net.stack(host).listenerStatus?.(listener);
    return l === undefined ? undefined : { t, synQueue: l.synQueue, acceptQueue: l.acceptQueue };
  }, maxEvents);
}
