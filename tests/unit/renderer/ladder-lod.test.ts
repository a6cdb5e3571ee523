// The ladder's level of detail (lod.ts pathsToDraw): zoomed far out, only one of the delivered arrows that
// fall on the same pixels is drawn. Checked against a brute-force statement of that rule on mixed traffic
// between four hosts, with copies, retransmissions, drops, held packets and packets still in flight.
import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import type { LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import type { LineageKind } from '../../../src-renderer/views/model/trace-types.js';
import { batchOf, pathsToDraw } from '../../../src-renderer/views/ladder/lod.js';
import { columnLayout, columnX, packetPath, type Column } from '../../../src-renderer/views/ladder/geometry.js';
import { arrowStyle, ARROW_STYLES } from '../../../src-renderer/views/ladder/tags.js';
import { LOD_ABOVE_VISIBLE } from '../../../src-renderer/views/ladder/constants.js';

const HOSTS = [
  { name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }, { name: 'C', ip: '10.0.0.3' }, { name: 'D', ip: '10.0.0.4' },
];
const LINEAGES: LineageKind[] = ['original', 'original', 'original', 'retransmission', 'duplicate', 'replay', 'edited', 'injected'];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function packet(i: number, rnd: () => number): LadderPacket {
  const a = HOSTS[Math.floor(rnd() * HOSTS.length)]!;
  const others = HOSTS.filter((h) => h !== a);
  const b = others[Math.floor(rnd() * others.length)]!;
  const lineage = LINEAGES[Math.floor(rnd() * LINEAGES.length)]!;
  const startMs = i * 0.5 + Math.floor(rnd() * 3);
  const r = rnd();
  const fate = r < 0.03 ? 'dropped' : r < 0.04 ? 'held' : r < 0.05 ? 'in-flight' : 'delivered';
  // Mostly short arrows, a few long ones (a delay rule), all ending at the receiver.
  const endMs = fate === 'held' || fate === 'in-flight' ? Infinity : startMs + (rnd() < 0.05 ? 500 + rnd() * 5000 : 5 + rnd() * 10);
  const fromRouter = lineage !== 'original' && lineage !== 'retransmission' && rnd() < 0.5;
  return {
    id: i + 1, conn: `${a.ip}:1>${b.ip}:2`, from: fromRouter ? 'router' : a.name, to: fate === 'in-flight' ? null : b.name,
    srcIp: a.ip, dstIp: b.ip, startMs, endMs, fate, dropAt: fate === 'dropped' ? 'router' : null, reason: null,
    holdMs: fate === 'held' || rnd() < 0.01 ? startMs + 1 : null, releaseMs: null, delayMs: 0, lineage, of: null, corrupted: false,
    discarded: null, seg: { flags: 'A', seq: i, ack: 0, len: 0, win: 100, options: {} }, relSeq: i, relAck: 0, winShown: 100,
  };
}

function traffic(n: number, seed: number): LadderPacket[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, (_, i) => packet(i, rnd)).sort((x, y) => x.startMs - y.startMs || x.id - y.id);
}

/** The rule, stated plainly: a delivered, never-held arrow is left out when an earlier one in view has the same batch and the same whole-pixel ends. */
function bruteKept(packets: LadderPacket[], visible: number[], cols: Column[], y: (ms: number) => number): number[] {
  if (visible.length <= LOD_ABOVE_VISIBLE) return visible;
  const seen = new Set<string>();
  return visible.filter((i) => {
    const p = packets[i]!;
    if (p.fate !== 'delivered' || p.holdMs !== null) return true;
    const key = [batchOf(p), columnX(cols, p.from, p.srcIp), columnX(cols, p.to, p.dstIp), Math.round(y(p.startMs)), Math.round(y(p.endMs))].join();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('ladder level of detail', () => {
  const packets = traffic(40_000, 7);
  const cols = columnLayout(HOSTS, 1200, 88, 56);
  const lastMs = packets.at(-1)!.startMs;

  for (const [label, fromMs, toMs, heightPx] of [
    ['fitted', 0, lastMs + 100, 560],
    ['a tenth', lastMs * 0.4, lastMs * 0.5, 560],
    ['tall canvas', 0, lastMs / 3, 4000],
  ] as const) {
    it(`keeps exactly the first arrow per batch and pixel ends (${label})`, () => {
      const y = scaleLinear().domain([fromMs, toMs]).range([50, heightPx]);
      const visible = packets.flatMap((p, i) => (p.startMs <= toMs && p.endMs >= fromMs ? [i] : []));
      expect(visible.length).toBeGreaterThan(LOD_ABOVE_VISIBLE);
      const paths = pathsToDraw({ visible, packets, cols, y, nowMs: lastMs });
      const kept = [...paths.keys()];
      expect(kept).toEqual(bruteKept(packets, visible, cols, y));
      expect(kept.length).toBeLessThan(visible.length); // the detail level did leave arrows out
      for (const i of kept.slice(0, 50)) expect(paths.get(i)).toEqual(packetPath(packets[i]!, cols, y, lastMs));
    });
  }

  it('draws every arrow when few are in view', () => {
    const y = scaleLinear().domain([0, 300]).range([50, 560]);
    const visible = packets.flatMap((p, i) => (p.startMs <= 300 && p.endMs >= 0 ? [i] : []));
    expect(visible.length).toBeLessThanOrEqual(LOD_ABOVE_VISIBLE);
    expect([...pathsToDraw({ visible, packets, cols, y, nowMs: lastMs }).keys()]).toEqual(visible);
  });

  it('an arrow taller than the key can hold is always drawn', () => {
    // 5,000 identical arrows starting on one row, each 40,000 rows tall: none can be told apart by the key.
    const tall = Array.from({ length: 5_000 }, (_, i) => ({ ...packets.find((p) => p.fate === 'delivered' && p.holdMs === null && p.lineage === 'original')!, id: i + 1, startMs: 0, endMs: 1000 }));
    const y = scaleLinear().domain([0, 1]).range([50, 90]); // 40 px per ms
    const visible = tall.map((_, i) => i);
    expect(pathsToDraw({ visible, packets: tall, cols, y, nowMs: 0 }).size).toBe(5_000);
    const short = tall.map((p) => ({ ...p, endMs: 1 }));
    expect(pathsToDraw({ visible, packets: short, cols, y, nowMs: 0 }).size).toBe(1);
  });

  it('batches by the arrow style the legend names, solid for originals only', () => {
    for (const p of packets.slice(0, 2_000)) {
      expect(ARROW_STYLES[batchOf(p) >> 1]).toBe(arrowStyle(p));
      expect(batchOf(p) & 1).toBe(p.lineage === 'original' ? 0 : 1);
    }
  });
});
