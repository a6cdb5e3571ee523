// Edge geometry for the state diagram: d3-shape computes the curve, Svelte draws it. An edge leaves its
// source box towards the curve's middle point and enters its target box the same way.
import { curveNatural, line } from 'd3';
import { NODE_HEIGHT, NODE_WIDTH, type StateNode } from './layout.js';

export interface Pt {
  x: number;
  y: number;
}

export interface EdgeGeometry {
  d: string;
  /** Centre of the label (drawn over the curve with a halo, after all curves). */
  label: Pt;
  mid: Pt;
}

/** Where the ray from a box's centre towards `toward` leaves the box (margin keeps arrowheads clear). */
export function boxExit(node: StateNode, toward: Pt, marginPx = 3): Pt {
  const dx = toward.x - node.x;
  const dy = toward.y - node.y;
  const hw = NODE_WIDTH / 2 + marginPx;
  const hh = NODE_HEIGHT / 2 + marginPx;
  if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
  const scale = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: node.x + dx * scale, y: node.y + dy * scale };
}

const curve = line<Pt>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveNatural);

/** Curve from box to box through the chord's midpoint pushed sideways by `bend` (perpendicular to the chord). */
export function edgeGeometry(a: StateNode, b: StateNode, bend: number, nudge: readonly [number, number] = [0, 0]): EdgeGeometry {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  const mid = { x: (a.x + b.x) / 2 + nx * bend, y: (a.y + b.y) / 2 + ny * bend };
  const start = boxExit(a, mid);
  const end = boxExit(b, mid);
  const d = curve([start, mid, end]) ?? '';
  return { d, label: { x: mid.x + nudge[0], y: mid.y + nudge[1] }, mid };
}

/** Font metrics the label boxes are estimated with (the SVG uses 11px system-ui). */
export const LABEL_LINE_PX = 13;
export const LABEL_CHAR_PX = 6.2;

/** An edge label is drawn as two lines, event above action, as in the RFC figure. */
export function labelLines(text: string): string[] {
  const slash = text.indexOf(' / ');
  return slash < 0 ? [text] : [text.slice(0, slash), text.slice(slash + 3)];
}

/** Estimated box of a label centred at `at`, for overlap checks. */
export function labelBox(text: string, at: Pt): { x0: number; y0: number; x1: number; y1: number } {
  const lines = labelLines(text);
  // CJK characters are about twice as wide as Latin ones.
  const units = (l: string) => [...l].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1.9 : 1), 0);
  const w = Math.max(...lines.map(units)) * LABEL_CHAR_PX;
  const h = lines.length * LABEL_LINE_PX;
  return { x0: at.x - w / 2, y0: at.y - h / 2, x1: at.x + w / 2, y1: at.y + h / 2 };
}
