// Coalesces what the renderer must hear into one batch per flush: at most one `session`, the trace events
// appended since the last flush (`from` = index of the first, so gaps are detectable), and one `status`.
// Nothing is ever skipped: a long stretch goes out in chunks over several flushes.
import type { HostEvent, SessionInfo } from '../contract/session.js';
import type { TraceEvent } from '../net/trace.js';

/** Events per batch: a 20,000-event batch is a few MB of JSON, about what one frame can absorb. */
export const MAX_EVENTS_PER_BATCH = 20_000;

export interface TraceSource {
  branch: string;
  /** The branch's trace (a TraceStore, or an array in tests): slice() gives the events to send. */
  events: { readonly length: number; slice(from: number, to: number): TraceEvent[] };
}

export class Publisher {
  private sent = 0;
  private sessionChanged = false;
  private statusChanged = false;

  constructor(
    private readonly publish: (batch: HostEvent[]) => void,
    private readonly maxEvents = MAX_EVENTS_PER_BATCH,
  ) {}

  /** The session was replaced or rewritten: the renderer re-reads [0, info.headEvent) with trace.get. */
  sessionChange(): void {
    this.sessionChanged = true;
  }

  statusChange(): void {
    this.statusChanged = true;
  }

  /** Trace events not yet published (for the host's flush loop). */
  pending(src: TraceSource | null): boolean {
    return src !== null && this.sent < src.events.length;
  }

  /** Publishes one batch if anything changed. `info` is read after the trace is settled. */
  flush(src: TraceSource | null, info: () => SessionInfo | null): void {
    const batch: HostEvent[] = [];
    if (this.sessionChanged) {
      const i = info();
      this.sessionChanged = false;
      this.statusChanged = false;
      if (i !== null) batch.push({ type: 'session', info: i });
      this.sent = src?.events.length ?? 0;
      if (batch.length > 0) this.publish(batch);
      return;
    }
    if (src !== null && this.sent < src.events.length) {
      const end = Math.min(src.events.length, this.sent + this.maxEvents);
      batch.push({ type: 'trace', branch: src.branch, from: this.sent, events: src.events.slice(this.sent, end) });
      this.sent = end;
      this.statusChanged = true;
    }
    if (this.statusChanged) {
      const i = info();
      if (i !== null) batch.push({ type: 'status', info: i });
      this.statusChanged = false;
    }
    if (batch.length > 0) this.publish(batch);
  }
}
