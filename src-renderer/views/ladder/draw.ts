// Paints the ladder on a 2D canvas: columns, time axis, arrows (draw-arrows.ts),
// drop crosses, parked packets, then the hovered and selected arrows on top, then labels.
import type { LadderPacket } from './model.js';
import { packetPath, type Column, type Point } from './geometry.js';
import { pathsToDraw } from './lod.js';
import { arrowHead, drawArrows, tracePath } from './draw-arrows.js';
import { AXIS_PX, HEADER_PX, LABEL_GAP_PX, LABEL_MAX_VISIBLE } from './constants.js';
import { fitLabel, LABEL_EDGE_PX, placeLabel, type LabelBox, type PlotArea } from './label-place.js';
import { downRects } from './downs.js';
import { drawDowns } from './draw-downs.js';
import type { HostDown } from '../../lib/host-downs.js';
import { drawLabel } from './label-plate.js';

export interface LadderColors {
  bg: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  danger: string;
  retrans: string;
  copy: string;
}

export interface DrawFrame {
  widthPx: number;
  heightPx: number;
  cols: readonly Column[];
  y: ((ms: number) => number) & { ticks(count?: number): number[] };
  packets: readonly LadderPacket[];
  visible: readonly number[];
  nowMs: number;
  selectedId: number | null;
  hoverId: number | null;
  colors: LadderColors;
  /** The label text for a packet (Wireshark info plus tags), computed only for drawn labels. */
  label: (p: LadderPacket) => string;
  /** The router column's heading in the current language (the column's name stays "router" in the data). */
  routerLabel: string;
  /** When hosts were down (crashed), and the words marking a crash and the host being up again. */
  downs: readonly HostDown[];
  crashLabel: string;
  upLabel: string;
}

function cross(ctx: CanvasPath, at: Point, r: number): void {
  ctx.moveTo(at.x - r, at.y - r);
  ctx.lineTo(at.x + r, at.y + r);
  ctx.moveTo(at.x + r, at.y - r);
  ctx.lineTo(at.x - r, at.y + r);
}

function drawFrameChrome(ctx: CanvasRenderingContext2D, f: DrawFrame): void {
  const c = f.colors;
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, f.widthPx, f.heightPx);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.strokeStyle = c.border;
  ctx.lineWidth = 1;
  ctx.fillStyle = c.muted;
  ctx.beginPath();
  for (const ms of f.y.ticks(Math.max(2, Math.floor(f.heightPx / 60)))) {
    const y = Math.round(f.y(ms)) + 0.5;
    if (y < HEADER_PX) continue;
    ctx.moveTo(AXIS_PX - 4, y);
    ctx.lineTo(f.widthPx, y);
    ctx.fillText(String(ms), AXIS_PX - 8, y);
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  for (const col of f.cols) {
    ctx.fillStyle = c.text;
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillText(col.ip ? col.name : f.routerLabel, col.x, 12);
    ctx.fillStyle = c.muted;
    ctx.font = '11px system-ui, sans-serif';
    if (col.ip) ctx.fillText(col.ip, col.x, 27);
    ctx.strokeStyle = col.ip ? c.text : c.border;
    ctx.lineWidth = col.ip ? 1.5 : 1;
    ctx.setLineDash(col.ip ? [] : [4, 4]);
    ctx.beginPath();
    ctx.moveTo(col.x, HEADER_PX);
    ctx.lineTo(col.x, f.heightPx);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function drawMarks(ctx: CanvasRenderingContext2D, f: DrawFrame, paths: Map<number, Point[]>): void {
  ctx.beginPath();
  for (const [i, pts] of paths) {
    const p = f.packets[i] as LadderPacket;
    if (p.fate === 'dropped') cross(ctx, pts.at(-1) as Point, 5);
  }
  ctx.strokeStyle = f.colors.danger;
  ctx.lineWidth = 2;
  ctx.stroke();
  ctx.fillStyle = f.colors.retrans;
  for (const [i, pts] of paths) {
    const p = f.packets[i] as LadderPacket;
    if (p.holdMs === null) continue;
    // The parked stretch: a bar down the router column from hold to release (or now).
    const top = pts[p.from === 'router' ? 0 : 1] as Point;
    const bottom = pts[p.from === 'router' ? 1 : 2] as Point;
    ctx.fillRect(top.x - 3, top.y, 6, Math.max(3, bottom.y - top.y));
  }
}

function highlight(ctx: CanvasRenderingContext2D, p: LadderPacket, pts: readonly Point[] | undefined, color: string, widthPx: number): void {
  if (!pts) return;
  ctx.beginPath();
  tracePath(ctx, pts);
  ctx.strokeStyle = color;
  ctx.lineWidth = widthPx;
  ctx.stroke();
  if (p.fate !== 'delivered') return;
  ctx.beginPath();
  arrowHead(ctx, pts, 9);
  ctx.fillStyle = color;
  ctx.fill();
}


/** The area the arrows and labels are clipped to: right of the time axis, below the column headers. */
export function plotArea(widthPx: number, heightPx: number): PlotArea {
  return { left: AXIS_PX - 8, top: HEADER_PX, right: widthPx, bottom: heightPx };
}

/**
 * Labels sit above the middle of each arrow's first leg, kept inside the plot (label-place.ts). The selected and
 * hovered packets always get theirs; the others are placed top to bottom and skipped when closer than
 * LABEL_GAP_PX to one placed. Returns the boxes of the labels drawn.
 */
function drawLabels(ctx: CanvasRenderingContext2D, f: DrawFrame, paths: Map<number, Point[]>): LabelBox[] {
  const drawn: LabelBox[] = [];
  if (f.visible.length > LABEL_MAX_VISIBLE) return drawn;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  const plot = plotArea(f.widthPx, f.heightPx);
  // A packet whose arrow the level of detail merged into another's (lod.ts) has no path of its own: only a
  // chosen one (selected or hovered) is labelled then, on its own path as highlight() draws it.
  const midOf = (i: number): Point => {
    const pts = paths.get(i) ?? packetPath(f.packets[i] as LadderPacket, f.cols, f.y, f.nowMs);
    const a = pts[0] as Point;
    const b = pts[1] as Point;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  const maxWidthPx = plot.right - plot.left - 2 * LABEL_EDGE_PX;
  const widthOf = (s: string) => ctx.measureText(s).width;
  const place = (p: LadderPacket, mid: Point, chosen: boolean): LabelBox | null => {
    const text = fitLabel(f.label(p), maxWidthPx, widthOf);
    if (text === '') return null;
    const box = placeLabel(mid, ctx.measureText(text).width, plot);
    if (box) drawLabel(ctx, f.colors, text, box, chosen);
    return box;
  };
  const isChosen = (p: LadderPacket) => p.id === f.selectedId || p.id === f.hoverId;
  const chosenYs: number[] = [];
  for (const i of f.visible) if (isChosen(f.packets[i] as LadderPacket)) chosenYs.push(midOf(i).y);
  let lastY = -Infinity;
  let lastBottom = -Infinity;
  for (const i of f.visible) {
    const p = f.packets[i] as LadderPacket;
    if (isChosen(p) || !paths.has(i)) continue;
    const mid = midOf(i);
    // A label moved below its arrow (near the headers) reaches further down than the gap allows for.
    const crowded = mid.y - lastY < LABEL_GAP_PX || mid.y - LABEL_GAP_PX < lastBottom || chosenYs.some((y) => Math.abs(mid.y - y) < LABEL_GAP_PX);
    if (crowded || mid.y < HEADER_PX) continue;
    const box = place(p, mid, false);
    if (!box) continue;
    lastY = mid.y;
    lastBottom = box.bottom;
    drawn.push(box);
  }
  for (const i of f.visible) {
    const p = f.packets[i] as LadderPacket;
    if (!isChosen(p)) continue;
    const box = place(p, midOf(i), true);
    if (box) drawn.push(box);
  }
  return drawn;
}

/** Draws one frame; returns the boxes of the labels drawn (the canvas exposes their bounds to tests). */
export function drawLadder(ctx: CanvasRenderingContext2D, f: DrawFrame): LabelBox[] {
  drawFrameChrome(ctx, f);
  const paths = pathsToDraw(f);
  ctx.save();
  ctx.beginPath();
  ctx.rect(AXIS_PX - 8, HEADER_PX, f.widthPx, f.heightPx - HEADER_PX);
  ctx.clip();
  drawDowns(ctx, downRects(f.downs, f.cols, f.y, f.nowMs), { danger: f.colors.danger, text: f.colors.text, bg: f.colors.bg, crashLabel: f.crashLabel, upLabel: f.upLabel, widthPx: f.widthPx });
  drawArrows(ctx, f, paths, () => new Path2D());
  drawMarks(ctx, f, paths);
  for (const i of f.hoverId === null && f.selectedId === null ? [] : f.visible) {
    const p = f.packets[i] as LadderPacket;
    if (p.id !== f.hoverId && p.id !== f.selectedId) continue;
    const pts = paths.get(i) ?? packetPath(p, f.cols, f.y, f.nowMs);
    if (p.id === f.selectedId) highlight(ctx, p, pts, f.colors.accent, 3);
    else highlight(ctx, p, pts, f.colors.text, 2.5);
  }
  const labels = drawLabels(ctx, f, paths);
  ctx.restore();
  return labels;
}
