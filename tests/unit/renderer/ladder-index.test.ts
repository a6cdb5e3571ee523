// The visible-window query and hit-testing, checked against brute force on 100,000 packets.
import { describe, expect, it } from 'vitest';
import type { LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import { buildLadder } from '../../../src-renderer/views/ladder/model.js';
import { buildTimeIndex, lowerBound, upperBound, visiblePackets } from '../../../src-renderer/views/ladder/time-index.js';
import { columnLayout, packetPath } from '../../../src-renderer/views/ladder/geometry.js';
import { hitTest, type HitQuery } from '../../../src-renderer/views/ladder/hit-test.js';
import { loadFixture } from './fixture.js';

const HOSTS = [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }];

/** Deterministic pseudo-random numbers (a 32-bit LCG) so the test data is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function bigLadder(n: number): LadderPacket[] {
  const rnd = lcg(42);
  const packets: LadderPacket[] = [];
  for (let i = 0; i < n; i++) {
    const startMs = i * 2 + Math.floor(rnd() * 2);
    const r = rnd();
    // Mostly 10 ms arrows; some delayed by up to 3 s; a few held for good (Infinity).
    const endMs = r < 0.0003 ? Infinity : r < 0.01 ? startMs + 10 + Math.floor(rnd() * 3000) : startMs + 10;
    const aToB = i % 2 === 0;
    packets.push({
      id: i + 1, conn: aToB ? '10.0.0.1:1>10.0.0.2:2' : '10.0.0.2:2>10.0.0.1:1', from: aToB ? 'A' : 'B', to: aToB ? 'B' : 'A',
      srcIp: aToB ? '10.0.0.1' : '10.0.0.2', dstIp: aToB ? '10.0.0.2' : '10.0.0.1', startMs, endMs,
      fate: endMs === Infinity ? 'held' : 'delivered', dropAt: null, reason: null, holdMs: endMs === Infinity ? startMs + 5 : null,
      releaseMs: null, delayMs: 0, lineage: 'original', of: null, corrupted: false, discarded: null,
      seg: { flags: 'A', seq: i, ack: 0, len: 0, win: 100, options: {} }, relSeq: i, relAck: 0, winShown: 100,
    });
  }
  return packets.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
}

function bruteVisible(packets: LadderPacket[], fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  packets.forEach((p, i) => {
    if (p.startMs <= toMs && p.endMs >= fromMs) out.push(i);
  });
  return out;
}

describe('binary search helpers', () => {
  const v = Float64Array.from([0, 10, 10, 20, 30]);
  it('lowerBound / upperBound', () => {
    expect([lowerBound(v, -1), lowerBound(v, 10), lowerBound(v, 11), lowerBound(v, 31)]).toEqual([0, 1, 3, 5]);
    expect([upperBound(v, -1), upperBound(v, 10), upperBound(v, 30)]).toEqual([0, 3, 5]);
  });
});

describe('visible window on 100,000 packets', () => {
  const packets = bigLadder(100_000);
  const index = buildTimeIndex(packets);

  it('keeps only the long tail out of the binary search', () => {
    expect(index.spanCapMs).toBeGreaterThanOrEqual(10);
    expect(index.long.length).toBeLessThanOrEqual(100);
    expect(index.long.length).toBeGreaterThan(0);
  });

  it('matches brute force for narrow, wide and edge windows', () => {
    const windows: [number, number][] = [[0, 0], [0, 50], [1000, 1003], [99_990, 100_020], [150_000, 150_500], [199_000, 400_000], [-50, -1], [0, 250_000]];
    for (const [a, b] of windows) expect(visiblePackets(index, a, b)).toEqual(bruteVisible(packets, a, b));
  });

  // Query speed is measured by `npm run bench` (renderer.ladder); here: many windows agree with brute force.
  it('agrees with brute force on 200 sliding 200 ms windows', () => {
    for (let k = 0; k < 200; k++) {
      const a = k * 997;
      expect(visiblePackets(index, a, a + 200)).toEqual(bruteVisible(packets, a, a + 200));
    }
  });
});

describe('hit-testing', () => {
  const fx = loadFixture();
  const packets = buildLadder(fx.events);
  const cols = columnLayout(HOSTS, 600, 60, 60); // A at 60, router at 300, B at 540
  const query: HitQuery = {
    packets, index: buildTimeIndex(packets), cols, nowMs: 2000, tolerancePx: 5,
    y: (ms) => 20 + ms * 0.5, yInvert: (px) => (px - 20) / 0.5,
  };

  it('lays the router out between the hosts', () => {
    expect(cols.map((c) => [c.name, c.x])).toEqual([['A', 60], ['router', 300], ['B', 540]]);
  });

  it('finds the packet under the pointer and nothing in empty space', () => {
    // SYN #1: (60, 20) → (540, 25); its middle is (300, 22.5).
    expect(hitTest(query, { x: 300, y: 22.5 })).toBe(1);
    expect(hitTest(query, { x: 200, y: 24.5 })).toBe(1); // about 3 px below the arrow: within tolerance
    expect(hitTest(query, { x: 300, y: 300 })).toBeNull();
    // The dropped SYN-ACK #2 runs from B (540, 25) and ends at the router at t = 15: (300, 27.5).
    expect(hitTest(query, { x: 310, y: 27.4 })).toBe(2);
    // Past the router, on A's side, #2 never arrived; #1 is 7.5 px away there.
    expect(hitTest(query, { x: 150, y: 28.5 })).toBeNull();
  });

  it('follows a parked packet down the router column', () => {
    // #5 is parked at the router from 1045 to 1545 ms.
    const path = packetPath(packets.find((p) => p.id === 5) as LadderPacket, cols, query.y, 2000);
    expect(path).toEqual([{ x: 60, y: 540 }, { x: 300, y: 542.5 }, { x: 300, y: 792.5 }, { x: 540, y: 795 }]);
    expect(hitTest(query, { x: 301, y: 700 })).toBe(5);
  });

  it('agrees with a brute-force nearest search on 100,000 packets', () => {
    const big = bigLadder(100_000);
    const q: HitQuery = { ...query, packets: big, index: buildTimeIndex(big), nowMs: 200_000, y: (ms) => ms * 4, yInvert: (px) => px / 4 };
    const rnd = lcg(7);
    for (let k = 0; k < 20; k++) {
      const at = { x: 60 + rnd() * 480, y: rnd() * 800_000 };
      let best: number | null = null;
      let bestD = q.tolerancePx;
      for (const p of big) {
        const path = packetPath(p, cols, q.y, q.nowMs);
        for (let i = 1; i < path.length; i++) {
          const a = path[i - 1]!;
          const b = path[i]!;
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const u = Math.max(0, Math.min(1, ((at.x - a.x) * dx + (at.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
          const d = Math.hypot(at.x - a.x - u * dx, at.y - a.y - u * dy);
          if (d < bestD) {
            bestD = d;
            best = p.id;
          }
        }
      }
      expect(hitTest(q, at)).toBe(best);
    }
  });
});
