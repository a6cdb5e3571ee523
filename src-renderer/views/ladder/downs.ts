// A crashed host on the ladder (src-main/net/crash.ts): its column is shaded from the crash to the moment it
// is up again (or to now while it is still down), with a cross and "crashed" at the top and "up" at the end.
// Geometry is pure (unit-tested); drawDowns paints it under the arrows, so a packet dropped at the down host
// ends in its cross on the shaded stretch.
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

export interface DownStyle {
  danger: string;
  text: string;
  bg: string;
  crashLabel: string;
  upLabel: string;
}

export function drawDowns(ctx: CanvasRenderingContext2D, rects: readonly DownRect[], s: DownStyle): void {
  if (rects.length === 0) return;
  ctx.save();
  ctx.globalAlpha = 0.22;
  ctx.fillStyle = s.danger;
  for (const r of rects) ctx.fillRect(r.x - DOWN_HALF_PX, r.top, 2 * DOWN_HALF_PX, Math.max(2, r.bottom - r.top));
  ctx.globalAlpha = 1;
  ctx.strokeStyle = s.danger;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (const r of rects) {
    ctx.moveTo(r.x - DOWN_HALF_PX, r.top - DOWN_HALF_PX);
    ctx.lineTo(r.x + DOWN_HALF_PX, r.top + DOWN_HALF_PX);
    ctx.moveTo(r.x + DOWN_HALF_PX, r.top - DOWN_HALF_PX);
    ctx.lineTo(r.x - DOWN_HALF_PX, r.top + DOWN_HALF_PX);
    if (r.up) {
      ctx.moveTo(r.x - DOWN_HALF_PX - 2, r.bottom);
      ctx.lineTo(r.x + DOWN_HALF_PX + 2, r.bottom);
    }
  }
  ctx.stroke();
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  const label = (text: string, x: number, yPx: number) => {
    ctx.strokeStyle = s.bg;
    ctx.strokeText(text, x, yPx);
    ctx.fillStyle = s.danger;
    ctx.fillText(text, x, yPx);
  };
  for (const r of rects) {
    label(s.crashLabel, r.x + DOWN_HALF_PX + 4, r.top);
    if (r.up) label(s.upLabel, r.x + DOWN_HALF_PX + 4, r.bottom);
  }
  ctx.restore();
}
