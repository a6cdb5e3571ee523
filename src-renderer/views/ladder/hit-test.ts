// Which packet is under the pointer: ask the time index for packets crossing the pointer's time (± the
// tolerance), then measure only those. Never a scan over every packet.
import type { LadderPacket } from './model.js';
import { packetPath, pathDistance, type Column, type Point, type TimeToPx } from './geometry.js';
import { visiblePackets, type TimeIndex } from './time-index.js';

export interface HitQuery {
  packets: readonly LadderPacket[];
  index: TimeIndex;
  cols: readonly Column[];
  /** Time → pixel, and its inverse. */
  y: TimeToPx;
  yInvert: (px: number) => number;
  nowMs: number;
  tolerancePx: number;
}

/** The id of the nearest packet closer than the tolerance, or null. Ties go to the earlier packet. */
export function hitTest(q: HitQuery, at: Point): number | null {
  const t0 = q.yInvert(at.y - q.tolerancePx);
  const t1 = q.yInvert(at.y + q.tolerancePx);
  const candidates = visiblePackets(q.index, Math.min(t0, t1), Math.max(t0, t1));
  let bestId: number | null = null;
  let bestDist = q.tolerancePx;
  for (const i of candidates) {
    const p = q.packets[i] as LadderPacket;
    const d = pathDistance(at, packetPath(p, q.cols, q.y, q.nowMs));
    if (d < bestDist) {
      bestDist = d;
      bestId = p.id;
    }
  }
  return bestId;
}
