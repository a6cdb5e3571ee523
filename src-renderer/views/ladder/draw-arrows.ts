// The ladder's arrows: batched per style (and dashed or not), a few hundred to a stroke. Typed against the
// few canvas members they use, so node tests can record the calls without a DOM
// (tests/unit/renderer/ladder-draw-strokes.test.ts).
import type { LadderPacket } from './model.js';
import type { Point } from './geometry.js';
import { batchOf } from './lod.js';
import { ARROW_STYLES, type ArrowStyle } from './tags.js';
import { ARROWHEAD_MAX_VISIBLE, ARROWS_PER_STROKE } from './constants.js';

/** Sub-paths of lines: what CanvasPath and Path2D both are. */
export interface LinePath {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/** The part of CanvasRenderingContext2D the arrows need. `ArrowPath` is Path2D in the page. */
export interface ArrowContext<ArrowPath extends LinePath> extends LinePath {
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  beginPath(): void;
  setLineDash(segments: number[]): void;
  stroke(): void;
  fill(path: ArrowPath): void;
}

/** The colours an arrow can be drawn in (a subset of draw.ts LadderColors). */
export interface ArrowColors {
  muted: string;
  danger: string;
  retrans: string;
  copy: string;
}

export interface ArrowFrame {
  packets: readonly LadderPacket[];
  visible: readonly number[];
  colors: ArrowColors;
}

function styleColor(c: ArrowColors, s: ArrowStyle): string {
  return s === 'dropped' ? c.danger : s === 'retransmission' ? c.retrans : s === 'copy' ? c.copy : c.muted;
}

export function tracePath(ctx: LinePath, pts: readonly Point[]): void {
  pts.forEach((pt, i) => (i === 0 ? ctx.moveTo(pt.x, pt.y) : ctx.lineTo(pt.x, pt.y)));
}

export function arrowHead(ctx: LinePath, pts: readonly Point[], sizePx: number): void {
  const b = pts[pts.length - 1] as Point;
  const a = pts[pts.length - 2] as Point;
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  ctx.moveTo(b.x, b.y);
  ctx.lineTo(b.x - sizePx * Math.cos(ang - 0.4), b.y - sizePx * Math.sin(ang - 0.4));
  ctx.lineTo(b.x - sizePx * Math.cos(ang + 0.4), b.y - sizePx * Math.sin(ang + 0.4));
  // No closePath: heads are only filled, and fill() closes every sub-path itself (same pixels, and
  // closePath was the single most expensive canvas call of a live frame).
}

/**
 * Strokes the arrows in `paths` (by packet position) and fills their heads, ARROWS_PER_STROKE to a path:
 * one path of thousands of sub-paths rasterized several times slower (constants.ts).
 */
export function drawArrows<P extends LinePath>(ctx: ArrowContext<P>, f: ArrowFrame, paths: ReadonlyMap<number, Point[]>, newPath: () => P): void {
  // Counted over every packet in view, not the merged paths: merged arrows lie a pixel apart, so their
  // heads would overlap into a smear, and building them was 14 % of a live frame's main-thread time.
  const heads = f.visible.length <= ARROWHEAD_MAX_VISIBLE;
  // One pass sorts the arrows into their (style, dashed) batch, in the same order the batches are drawn.
  const batches: number[][] = ARROW_STYLES.flatMap(() => [[], []]);
  for (const i of paths.keys()) (batches[batchOf(f.packets[i] as LadderPacket)] as number[]).push(i);
  for (const [b, batch] of batches.entries()) {
    if (batch.length === 0) continue;
    const style = ARROW_STYLES[b >> 1] as ArrowStyle;
    const dashed = (b & 1) === 1;
    ctx.strokeStyle = styleColor(f.colors, style);
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = 1.25;
    ctx.setLineDash(dashed ? [6, 4] : []);
    for (let from = 0; from < batch.length; from += ARROWS_PER_STROKE) {
      ctx.beginPath();
      const ends = newPath();
      const to = Math.min(batch.length, from + ARROWS_PER_STROKE);
      for (let k = from; k < to; k++) {
        const i = batch[k] as number;
        const pts = paths.get(i) as Point[];
        tracePath(ctx, pts);
        if ((f.packets[i] as LadderPacket).fate === 'delivered' && heads) arrowHead(ends, pts, 7);
      }
      ctx.stroke();
      ctx.fill(ends);
    }
  }
  ctx.setLineDash([]);
}
