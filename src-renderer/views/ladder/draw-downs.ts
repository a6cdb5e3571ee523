// Paints the crashed stretches of downs.ts under the arrows, so a packet dropped at a down host ends in its
// cross on the shaded stretch: a translucent band on the host's column, a cross and "crashed" at the crash,
// a bar and "up again" where the host came back.
import { DOWN_HALF_PX, type DownRect } from './downs.js';

export interface DownStyle {
  danger: string;
  text: string;
  bg: string;
  crashLabel: string;
  upLabel: string;
  /** The canvas width: a column in the right half gets its labels on its left, toward the router. */
  widthPx: number;
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
    const left = r.x > s.widthPx / 2;
    ctx.textAlign = left ? 'right' : 'left';
    const x = left ? r.x - DOWN_HALF_PX - 4 : r.x + DOWN_HALF_PX + 4;
    label(s.crashLabel, x, r.top);
    if (r.up) label(s.upLabel, x, r.bottom);
  }
  ctx.restore();
}
