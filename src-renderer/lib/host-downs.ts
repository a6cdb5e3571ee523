// When each host was down (crashed, src-main/net/crash.ts) in a trace: one span per crash, from its
// `host.crash` event to the matching `host.up` (open while the host is still down at the trace's end).
// The ladder shades those stretches of the host's column and the socket controls say a host is down at the
// cursor. A fold for PrefixMemo, so playing scans only the new events.
import { GrowingList, PrefixMemo, type Fold } from './prefix-memo.js';

export interface HostDown {
  host: string;
  fromMs: number;
  /** When it came up again; null while it is still down at the end of the events read. */
  upMs: number | null;
  /** The crash's planned downtime (null: it stays down). */
  downMs: number | null;
}

interface HostEvent {
  t: number;
  kind: string;
  host: string;
  downMs?: number | null;
}

export class HostDownScanner implements Fold<HostEvent> {
  readonly #spans = new GrowingList<HostDown>();
  /** Index in #spans of each host's open span. */
  readonly #open = new Map<string, number>();
  #snap: HostDown[] = [];
  #dirty = false;

  advance(events: readonly HostEvent[], from: number): void {
    for (let i = from; i < events.length; i++) {
      const e = events[i] as HostEvent;
      // Every other kind fails this first test (no other kind starts with "host.").
      if (e.kind.charCodeAt(0) !== 104 /* h */ || !e.kind.startsWith('host.')) continue;
      if (e.kind === 'host.crash') {
        this.#open.set(e.host, this.#spans.length);
        this.#spans.push({ host: e.host, fromMs: e.t, upMs: null, downMs: e.downMs ?? null });
      } else if (e.kind === 'host.up') {
        const at = this.#open.get(e.host);
        if (at === undefined) continue;
        this.#open.delete(e.host);
        this.#dirty = true;
        this.#closed.set(at, e.t);
      }
    }
  }

  /** Up times of spans already handed out open (their objects are never changed: see spans()). */
  readonly #closed = new Map<number, number>();

  /** An immutable snapshot: the same array until something changes. */
  spans(): HostDown[] {
    const base = this.#spans.snapshot();
    if (!this.#dirty && this.#snap.length === base.length) return this.#snap;
    this.#snap = base.map((s, i) => {
      const upMs = this.#closed.get(i);
      return upMs === undefined ? s : { ...s, upMs };
    });
    this.#dirty = false;
    return this.#snap;
  }
}

const memo = new PrefixMemo<HostEvent, HostDownScanner>(() => new HostDownScanner());

/** Every crash span in `events` (scanning only what was added since the last call for this trace). */
export function hostDownsOf(events: readonly HostEvent[]): HostDown[] {
  return memo.of(events).spans();
}

/** The span during which `host` is down at `atMs` (after the last event read), if any. */
export function downAt(spans: readonly HostDown[], host: string, atMs: number): HostDown | undefined {
  return spans.find((s) => s.host === host && s.fromMs <= atMs && (s.upMs === null || atMs < s.upMs));
}
