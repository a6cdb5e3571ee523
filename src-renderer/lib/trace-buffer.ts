// Keeps the renderer's copy of the current branch's trace in step with the host's `trace` batches.
// A batch says where it starts (`from`); if that is past our end we missed events (a gap) and must refetch.
import type { HostEvent, SessionInfo, TraceEvent } from '../../src-main/contract/index.js';

export interface TraceApply<T> {
  trace: T[];
  /** Index to refetch from with trace.get when the batch left a hole; null when the trace is whole. */
  gapFrom: number | null;
}

/**
 * Merges one batch into `current`. An overlapping batch (from < length) replaces the tail, which is what
 * the host sends after an intervention rewrites the future; a batch past the end is a gap.
 */
export function applyTraceBatch<T>(current: readonly T[], from: number, events: readonly T[]): TraceApply<T> {
  if (from > current.length) return { trace: current as T[], gapFrom: current.length };
  if (events.length === 0) return { trace: current as T[], gapFrom: null };
  if (from === current.length) return { trace: current.concat(events), gapFrom: null };
  return { trace: current.slice(0, from).concat(events), gapFrom: null };
}

/**
 * The renderer's copy of the trace, append-only in place: a batch at our end is pushed onto the same array
 * (O(batch), where a copy per batch cost O(trace) every frame of play: docs/PERFORMANCE.md, renderer.live).
 * A rewritten tail, a truncation or a reset makes a new array, so the events of an array once handed out
 * never change: it can only grow at the end. Readers take what they need at once (`prefix` hands out
 * the live array itself when the prefix is all of it), and compare by prefix, as PrefixMemo and
 * buildLadder do. `version` counts every change, for a reactive wrapper to depend on.
 */
export class TraceLog<T> {
  #events: T[] = [];
  #version = 0;
  /** The last prefix sliced for a count below the length, and what it was sliced from. */
  #cut: { from: T[]; count: number; events: T[] } | null = null;

  get length(): number {
    return this.#events.length;
  }

  get version(): number {
    return this.#version;
  }

  /** The whole trace (the live array: it grows in place). */
  get events(): readonly T[] {
    return this.#events;
  }

  /** Merges a batch as applyTraceBatch does; returns the index to refetch from after a gap, else null. */
  apply(from: number, events: readonly T[]): number | null {
    const cur = this.#events;
    if (from > cur.length) return cur.length;
    if (events.length === 0) return null;
    if (from === cur.length) for (const e of events) cur.push(e);
    else this.#events = cur.slice(0, from).concat(events);
    this.#version++;
    return null;
  }

  /** Keeps the first `count` events (in a new array). */
  truncate(count: number): void {
    if (count >= this.#events.length) return;
    this.#events = this.#events.slice(0, Math.max(0, count));
    this.#version++;
  }

  reset(): void {
    this.#events = [];
    this.#version++;
  }

  /**
   * events[0, count): the live array itself when that is all of it (the common case while playing), else
   * a slice, the same one again while neither the count nor the array changes.
   */
  prefix(count: number): readonly T[] {
    const all = this.#events;
    if (count >= all.length) return all;
    const cut = this.#cut;
    if (cut && cut.from === all && cut.count === count) return cut.events;
    const events = all.slice(0, Math.max(0, count));
    this.#cut = { from: all, count, events };
    return events;
  }
}

/** Everything one animation frame of host events amounts to. */
export interface CoalescedUpdate {
  /** Set when the session itself changed: views are reset and the trace re-read. */
  session: SessionInfo | null;
  /** The newest cursor/head/playback info (from a session or status event), or null if none came. */
  info: SessionInfo | null;
  /** Trace batches for `branch` (only those after the last session event), in arrival order. */
  traces: Array<{ branch: string; from: number; events: TraceEvent[] }>;
}

function isHostEvent(x: unknown): x is HostEvent {
  if (typeof x !== 'object' || x === null) return false;
  const type = (x as { type?: unknown }).type;
  return type === 'session' || type === 'trace' || type === 'status';
}

/** Folds the events received since the last frame into one update; unknown items are ignored. */
export function coalesce(batch: readonly unknown[]): CoalescedUpdate {
  const out: CoalescedUpdate = { session: null, info: null, traces: [] };
  for (const ev of batch) {
    if (!isHostEvent(ev)) continue;
    if (ev.type === 'session') {
      out.session = ev.info;
      out.info = ev.info;
      out.traces = []; // the session event makes us re-read the whole trace anyway
    } else if (ev.type === 'status') {
      out.info = ev.info;
    } else {
      out.traces.push({ branch: ev.branch, from: ev.from, events: ev.events });
    }
  }
  return out;
}

/**
 * How long a host-event-driven refresh of the router/connection/packet views should wait: 0 (now) when
 * paused, else whatever is left of `everyMs` since the last refresh at `lastAtMs` (both in ms of one clock).
 */
export function viewsRefreshDelayMs(playing: boolean, lastAtMs: number, nowMs: number, everyMs: number): number {
  if (!playing) return 0;
  return Math.max(0, lastAtMs + everyMs - nowMs);
}
