// Where things go on the ladder: one column per host, the router between the first two, time flowing down.
// Pure maths (no DOM) so hit-testing and layout are unit-tested in node.
import { ladderColumnOrder } from '../../../src-main/contract/ladder-columns.js';
import type { LadderPacket } from './model.js';
import { ROUTER_HOST } from '../model/trace-types.js';

export interface LadderHost {
  name: string;
  ip: string;
}

export interface Column {
  name: string;
  ip: string | null;
  x: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Columns for the hosts, the first two outermost with the router between them (contract/ladder-columns.ts, as the SVG export),
 * spread evenly over [leftPx, widthPx - rightPx].
 */
export function columnLayout(hosts: readonly LadderHost[], widthPx: number, leftPx: number, rightPx: number): Column[] {
  const named = ladderColumnOrder<{ name: string; ip: string | null }>(hosts, { name: ROUTER_HOST, ip: null });
  const usable = Math.max(1, widthPx - leftPx - rightPx);
  const step = named.length > 1 ? usable / (named.length - 1) : 0;
  return named.map((h, i) => ({ name: h.name, ip: h.ip, x: leftPx + i * step }));
}

/** A column by host name first, then by IP (a packet may name an address the scenario did not). */
export function columnX(cols: readonly Column[], name: string | null, ip: string): number {
  const byName = name === null ? undefined : cols.find((c) => c.name === name);
  const col = byName ?? cols.find((c) => c.ip === ip) ?? cols.find((c) => c.name === ROUTER_HOST);
  return col?.x ?? 0;
}

export type TimeToPx = (ms: number) => number;

/**
 * The arrow as a polyline. Held packets go to the router and wait there (a vertical run down the router
 * column); dropped and replaced (edited) ones stop where they died; copies made by the router start at it. A packet still in
 * flight or parked is drawn up to `nowMs`.
 */
export function packetPath(p: LadderPacket, cols: readonly Column[], y: TimeToPx, nowMs: number): Point[] {
  const xFrom = columnX(cols, p.from, p.srcIp);
  const xTo = columnX(cols, p.to, p.dstIp);
  const xRouter = columnX(cols, ROUTER_HOST, '');
  const pts: Point[] = [{ x: xFrom, y: y(p.startMs) }];
  if (p.holdMs !== null) {
    if (p.from !== ROUTER_HOST) pts.push({ x: xRouter, y: y(p.holdMs) });
    pts.push({ x: xRouter, y: y(p.releaseMs ?? Math.max(p.holdMs, nowMs)) });
    if (p.fate === 'held') return pts;
  }
  if ((p.fate === 'dropped' && p.dropAt === 'router') || p.fate === 'replaced') {
    pts.push({ x: xRouter, y: y(p.endMs) });
    return pts;
  }
  if (Number.isFinite(p.endMs)) {
    pts.push({ x: xTo, y: y(p.endMs) });
    return pts;
  }
  // In flight: point towards the receiver, as far as "now" reaches (at least a stub, so it is visible).
  const last = pts[pts.length - 1] as Point;
  const endY = Math.max(y(nowMs), last.y + 6);
  pts.push({ x: last.x + (xTo - last.x) * 0.5, y: endY });
  return pts;
}

/** Distance from a point to a segment, in pixels. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + u * dx), p.y - (a.y + u * dy));
}

export function pathDistance(p: Point, path: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < path.length; i++) best = Math.min(best, segmentDistance(p, path[i - 1] as Point, path[i] as Point));
  return best;
}
