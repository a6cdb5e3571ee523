// When each host was down (crashed, net/crash.ts) in a trace, and where a ladder shades it: one span per crash,
// from its `host.crash` event to the matching `host.up` (open while the host is still down at the end of the
// events read), drawn as a band on the host's column from the crash to the reboot (or to "now" while it is
// down). One computation for the app's ladder, socket controls and scrub bar (src-renderer/lib/host-downs.ts
// wraps the scanner for live play) and the exported ladder (lab/export/svg-ladder.ts): it lives in contract/,
// the one layer both may import.

export interface HostDown {
  host: string;
  fromMs: number;
  /** When it came up again; null while it is still down at the end of the events read. */
  upMs: number | null;
  /** The crash's planned downtime (null: it stays down). */
  downMs: number | null;
}

/** The fields of a trace event the scan reads (any trace event has them; only host.* events matter). */
export interface HostEventLike {
  t: number;
  kind: string;
  host: string;
  downMs?: number | null;
}

/**
 * Pairs crashes with reboots, scanning events[from..] on each advance (so a growing trace is read once). It
 * hands out immutable snapshots: spans() returns the same array until something changes, and a span already
 * handed out is replaced, never changed, when its host comes up.
 */
export class HostDownScanner {
  readonly #spans: HostDown[] = [];
  /** Index in #spans of each host's open span. */
  readonly #open = new Map<string, number>();
  #snap: HostDown[] = [];
  #dirty = false;

  advance(events: readonly HostEventLike[], from: number): void {
    for (let i = from; i < events.length; i++) {
      const e = events[i] as HostEventLike;
      // Nearly every event fails this first test (no other kind starts with "host.").
      if (e.kind.charCodeAt(0) !== 104 /* h */ || !e.kind.startsWith('host.')) continue;
      if (e.kind === 'host.crash') {
        this.#open.set(e.host, this.#spans.length);
        this.#spans.push({ host: e.host, fromMs: e.t, upMs: null, downMs: e.downMs ?? null });
        this.#dirty = true;
      } else if (e.kind === 'host.up') {
        const at = this.#open.get(e.host);
        if (at === undefined) continue;
        this.#open.delete(e.host);
        this.#spans[at] = { ...(this.#spans[at] as HostDown), upMs: e.t };
        this.#dirty = true;
      }
    }
  }

  spans(): HostDown[] {
    if (this.#dirty) {
      this.#snap = this.#spans.slice();
      this.#dirty = false;
    }
    return this.#snap;
  }
}

/** Every crash span in `events`, in crash order (one scan; the app memoizes it per trace). */
export function hostDowns(events: readonly HostEventLike[]): HostDown[] {
  const scan = new HostDownScanner();
  scan.advance(events, 0);
  return scan.spans();
}

/** The span during which `host` is down at `atMs` (after the last event read), if any. */
export function downAt(spans: readonly HostDown[], host: string, atMs: number): HostDown | undefined {
  return spans.find((s) => s.host === host && s.fromMs <= atMs && (s.upMs === null || atMs < s.upMs));
}

/** A ladder column as the shading needs it: the router's column has no address and is never shaded. */
export interface DownColumn {
  name: string;
  ip: string | null;
  x: number;
}

export interface DownRect {
  host: string;
  x: number;
  top: number;
  bottom: number;
  /** Whether the host came up again inside the trace (then the bottom gets the "up again" mark). */
  up: boolean;
}

/**
 * The shaded stretch of each crash on its host's column: from y(crash) to y(up), or to y(now) while the host
 * is still down (never above the crash). Crashes of hosts without a column are left out.
 */
export function downRects(downs: readonly HostDown[], cols: readonly DownColumn[], y: (ms: number) => number, nowMs: number): DownRect[] {
  const out: DownRect[] = [];
  for (const d of downs) {
    const col = cols.find((c) => c.ip !== null && c.name === d.host);
    if (col === undefined) continue;
    const endMs = d.upMs ?? Math.max(d.fromMs, nowMs);
    out.push({ host: d.host, x: col.x, top: y(d.fromMs), bottom: y(endMs), up: d.upMs !== null });
  }
  return out;
}
