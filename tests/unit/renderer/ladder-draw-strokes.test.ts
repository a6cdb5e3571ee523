// The ladder strokes its arrows a few hundred at a time (draw-arrows.ts, ARROWS_PER_STROKE): Chromium's
// software rasterizer is many times slower on one path of thousands of sub-paths. Drawn on a context that
// records its calls, each stroke and each filled set of heads must hold at most ARROWS_PER_STROKE arrows,
// and together they must hold every arrow in view, in each style's colour and dash.
import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { drawArrows, type ArrowColors, type ArrowContext } from '../../../src-renderer/views/ladder/draw-arrows.js';
import { columnLayout, packetPath } from '../../../src-renderer/views/ladder/geometry.js';
import { ARROWS_PER_STROKE, ARROWHEAD_MAX_VISIBLE, LOD_ABOVE_VISIBLE } from '../../../src-renderer/views/ladder/constants.js';
import type { LadderPacket } from '../../../src-renderer/views/ladder/model.js';

const HOSTS = [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }];
const COLORS: ArrowColors = { muted: '#777', danger: '#f00', retrans: '#f80', copy: '#0a0' };

/** A path's sub-paths: each moveTo starts one. */
class RecordingPath {
  subpaths = 0;
  moveTo(): void {
    this.subpaths++;
  }
  lineTo(): void {}
}

interface Painted {
  op: 'stroke' | 'fill';
  color: string;
  dash: number[];
  subpaths: number;
}

/** A context that keeps what each stroke() and fill(path) painted: colour, dash and sub-path count. */
function recordingContext(): { ctx: ArrowContext<RecordingPath>; painted: Painted[] } {
  const painted: Painted[] = [];
  let current = new RecordingPath();
  let dash: number[] = [];
  const ctx: ArrowContext<RecordingPath> = {
    strokeStyle: '#000',
    fillStyle: '#000',
    lineWidth: 1,
    beginPath: () => void (current = new RecordingPath()),
    moveTo: () => current.moveTo(),
    lineTo: () => undefined,
    setLineDash: (d) => void (dash = [...d]),
    stroke: () => void painted.push({ op: 'stroke', color: String(ctx.strokeStyle), dash, subpaths: current.subpaths }),
    fill: (p) => void painted.push({ op: 'fill', color: String(ctx.fillStyle), dash, subpaths: p.subpaths }),
  };
  return { ctx, painted };
}

function arrow(i: number, lineage: LadderPacket['lineage']): LadderPacket {
  const [a, b] = i % 2 === 0 ? [HOSTS[0]!, HOSTS[1]!] : [HOSTS[1]!, HOSTS[0]!];
  return {
    id: i + 1, conn: `${a.ip}:1>${b.ip}:2`, from: a.name, to: b.name, srcIp: a.ip, dstIp: b.ip, startMs: i, endMs: i + 20,
    fate: 'delivered', dropAt: null, reason: null, holdMs: null, releaseMs: null, delayMs: 0, lineage, of: null, corrupted: false,
    discarded: null, seg: { flags: 'A', seq: i, ack: 0, len: 0, win: 100, options: {} }, relSeq: i, relAck: 0, winShown: 100,
  };
}

describe('ladder arrows are stroked a few hundred at a time', () => {
  it('splits 1,000 arrows of two styles into strokes and head fills of at most ARROWS_PER_STROKE, losing none', () => {
    const n = 1_000; // every arrow drawn (below the level of detail) and with a head
    expect(n).toBeLessThanOrEqual(Math.min(LOD_ABOVE_VISIBLE, ARROWHEAD_MAX_VISIBLE));
    const packets = Array.from({ length: n }, (_, i) => arrow(i, i % 10 === 0 ? 'retransmission' : 'original'));
    const retransmitted = packets.filter((p) => p.lineage === 'retransmission').length;
    const { ctx, painted } = recordingContext();
    const cols = columnLayout(HOSTS, 1200, 88, 56);
    const y = scaleLinear().domain([0, n + 20]).range([38, 700]);
    const paths = new Map(packets.map((p, i) => [i, packetPath(p, cols, y, n + 20)!]));
    drawArrows(ctx, { packets, visible: packets.map((_, i) => i), colors: COLORS }, paths, () => new RecordingPath());
    const originals = painted.filter((p) => p.color === COLORS.muted && p.dash.length === 0);
    const dashed = painted.filter((p) => p.dash.length > 0 && p.color === COLORS.retrans);
    const sum = (ps: Painted[], op: Painted['op']) => ps.filter((p) => p.op === op).reduce((a, p) => a + p.subpaths, 0);
    // Every arrow is in one stroke of its batch, and every head in one fill.
    expect(sum(originals, 'stroke')).toBe(n - retransmitted);
    expect(sum(originals, 'fill')).toBe(n - retransmitted);
    expect(sum(dashed, 'stroke')).toBe(retransmitted);
    expect(sum(dashed, 'fill')).toBe(retransmitted);
    // … and none of those paints holds more than ARROWS_PER_STROKE of them.
    // (Paths of 300 rasterized fast in the measurement; much beyond that the cost grows faster than the count.)
    expect(ARROWS_PER_STROKE).toBeLessThanOrEqual(512);
    const arrowPaints = [...originals, ...dashed];
    expect(arrowPaints.length).toBeGreaterThanOrEqual(2 * Math.ceil((n - retransmitted) / ARROWS_PER_STROKE));
    for (const p of arrowPaints) expect(p.subpaths).toBeLessThanOrEqual(ARROWS_PER_STROKE);
  });
});
