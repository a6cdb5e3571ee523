// Which arrows the ladder draws: zoomed far out, thousands of packets land on the same pixels, and only
// one of each is drawn. Pure maths (no canvas), so the rule is unit-tested in node
// (tests/unit/renderer/ladder-lod.test.ts).
import type { LadderPacket } from './model.js';
import { columnX, packetPath, type Column, type Point, type TimeToPx } from './geometry.js';
import { arrowStyleIndex } from './tags.js';
import { LOD_ABOVE_VISIBLE } from './constants.js';

export interface LodFrame {
  /** Positions in `packets` of the packets in view, in start-time order. */
  visible: readonly number[];
  packets: readonly LadderPacket[];
  cols: readonly Column[];
  y: TimeToPx;
  nowMs: number;
}

/**
 * Column index of a packet end for one frame: by host name first, then by address, else the router's
 * (columnX's order). Names are looked up in one Map; addresses only for ends without a known name.
 */
function columnIndexer(cols: readonly Column[]): (name: string | null, ip: string) => number {
  const byName = new Map<string, number>();
  cols.forEach((c, i) => {
    if (!byName.has(c.name)) byName.set(c.name, i); // the first of equal names, as columnX picks
  });
  const byIp = new Map<string, number>();
  return (name, ip) => {
    const i = name === null ? undefined : byName.get(name);
    if (i !== undefined) return i;
    let j = byIp.get(ip);
    if (j === undefined) {
      const x = columnX(cols, null, ip);
      j = cols.findIndex((c) => c.x === x);
      byIp.set(ip, j);
    }
    return j;
  };
}

/** The batch an arrow is drawn in: its style (ARROW_STYLES order) times two, plus one if it is dashed (not an original). */
export function batchOf(p: LadderPacket): number {
  return arrowStyleIndex(p) * 2 + (p.lineage === 'original' ? 0 : 1);
}

/** A same-pixels key fits a small integer (V8 Smi, no allocation) while the arrow spans fewer rows than this. */
const LOD_MAX_ROWS = 1 << 15;

/**
 * The arrows to draw, by packet position. Zoomed far out, thousands of arrows fall on the same pixels:
 * above LOD_ABOVE_VISIBLE only one delivered arrow per distinct (batch, columns, whole-pixel ends) is
 * kept, which is what the eye would see anyway. `visible` is in start-time order, so equal start rows
 * are adjacent and the set of seen ends is cleared whenever the start row changes. The key is a small
 * integer (batch, two columns and the arrow's height in rows), so the check allocates nothing per packet
 * and a 100,000-packet frame stays cheap; an arrow too tall for the key is always drawn.
 */
export function pathsToDraw(f: LodFrame): Map<number, Point[]> {
  const paths = new Map<number, Point[]>();
  const lod = f.visible.length > LOD_ABOVE_VISIBLE;
  const colOf = columnIndexer(f.cols);
  const seen = new Set<number>();
  let row = NaN;
  // The time scale is linear (d3 scaleLinear), so its affine form gives the same pixels without a call.
  const y0 = f.y(0);
  const pxPerMs = f.y(1) - y0;
  for (const i of f.visible) {
    const p = f.packets[i] as LadderPacket;
    if (lod && p.fate === 'delivered' && p.holdMs === null) {
      const ay = Math.round(y0 + p.startMs * pxPerMs);
      if (ay !== row) {
        seen.clear();
        row = ay;
      }
      const rows = Math.round(y0 + p.endMs * pxPerMs) - ay;
      if (rows >= 0 && rows < LOD_MAX_ROWS) {
        const key = (((batchOf(p) << 6) | (colOf(p.from, p.srcIp) & 63)) << 6 | (colOf(p.to, p.dstIp) & 63)) * LOD_MAX_ROWS + rows;
        if (seen.has(key)) continue;
        seen.add(key);
      }
    }
    paths.set(i, packetPath(p, f.cols, f.y, f.nowMs));
  }
  return paths;
}
