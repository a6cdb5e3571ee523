// A crashed host on the ladder (src-main/net/crash.ts): its column is shaded from the crash to the moment it
// is up again (or to now while it is still down), with a cross and "crashed" at the top and "up" at the end.
// Pure geometry (unit-tested in node); draw-downs.ts paints it.
import type { HostDown } from '../../lib/host-downs.js';
import type { Column } from './geometry.js';

export interface DownRect {
  host: string;
  x: number;
  top: number;
  bottom: number;
  /** Whether the host came up again inside the trace (then the bottom gets the "up" label). */
  up: boolean;
}

/** Half the shaded band's width, in CSS pixels. */
export const DOWN_HALF_PX = 6;

export function downRects(downs: readonly HostDown[], cols: readonly Column[], y: (ms: number) => number, nowMs: number): DownRect[] {
  const out: DownRect[] = [];
  for (const d of downs) {
    const col = cols.find((c) => c.ip !== null && c.name === d.host);
    if (col === undefined) continue;
    const endMs = d.upMs ?? Math.max(d.fromMs, nowMs);
    out.push({ host: d.host, x: col.x, top: y(d.fromMs), bottom: y(endMs), up: d.upMs !== null });
  }
  return out;
}
