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
  /** Where the label sits and how it is anchored, so it clears the curve. */
  label: Pt & { anchor: 'start' | 'middle' | 'end' };
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
export function edgeGeometry(a: StateNode, b: StateNode, bend: number): EdgeGeometry {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  const mid = { x: (a.x + b.x) / 2 + nx * bend, y: (a.y + b.y) / 2 + ny * bend };
  const start = boxExit(a, mid);
  const end = boxExit(b, mid);
  const d = curve([start, mid, end]) ?? '';
  // Labels of bent edges sit outside the bend; straight edges carry theirs on the line (with a halo).
  const side = Math.sign(bend);
  const offset = side === 0 ? 0 : 8;
  const lx = mid.x + nx * side * offset;
  const ly = mid.y + ny * side * offset;
  const horiz = nx * side;
  const anchor = side === 0 ? 'middle' : horiz < -0.3 ? 'end' : horiz > 0.3 ? 'start' : 'middle';
  return { d, label: { x: lx, y: ly + 4, anchor }, mid };
}
