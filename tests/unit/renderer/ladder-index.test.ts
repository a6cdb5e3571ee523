// The visible-window query and hit-testing, checked against brute force on 100,000 packets.
import { describe, expect, it } from 'vitest';
import type { LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import { buildLadder } from '../../../src-renderer/views/ladder/model.js';
import { buildTimeIndex, extendTimeIndex, lowerBound, upperBound, visiblePackets, type TimeIndex } from '../../../src-renderer/views/ladder/time-index.js';
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
    // 0.1 % of the finite spans, plus every packet held for good (its span is Infinity whatever the cap).
    const unfinished = packets.filter((p) => p.endMs === Infinity).length;
    expect(unfinished).toBeGreaterThan(0);
    expect(index.long.length).toBeLessThanOrEqual(100 + unfinished);
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

describe('an index extended as the list grows (live play)', () => {
  /** What the ladder shows during play: the first `shown` packets, the last `inFlight` of them still in flight. */
  function liveList(all: LadderPacket[], shown: number, inFlight: number, copies: Map<number, LadderPacket>): LadderPacket[] {
    return all.slice(0, shown).map((p, i) => {
      if (i >= shown - inFlight) return { ...p, endMs: Infinity, fate: 'in-flight' as LadderPacket['fate'] };
      // An arrived packet is a copy made once when it arrived (model.ts LadderBuilder.edit), then kept.
      let arrived = copies.get(p.id);
      if (arrived === undefined) copies.set(p.id, (arrived = { ...p }));
      return arrived;
    });
  }

  /** Finite-span packets an index may keep above its cap (time-index.ts longLimit), plus a fresh build's share. */
  function longestAllowed(n: number): number {
    return Math.max(16, Math.ceil(0.002 * n)) + Math.ceil(0.001 * n) + 1;
  }

  function windowsAgree(index: TimeIndex, packets: LadderPacket[], rnd: () => number): void {
    const lastMs = packets[packets.length - 1]?.startMs ?? 0;
    for (let w = 0; w < 12; w++) {
      const a = rnd() * (lastMs + 50) - 20;
      const b = a + rnd() * (w < 6 ? 40 : 4000);
      expect(visiblePackets(index, a, b)).toEqual(bruteVisible(packets, a, b));
    }
  }

  it('answers every window as brute force does, frame after frame, and keeps its cap while it can', () => {
    const all = bigLadder(20_000);
    const copies = new Map<number, LadderPacket>();
    const rnd = lcg(5);
    let index: TimeIndex | undefined;
    for (let shown = 1_000; shown <= all.length; shown += 97) {
      const packets = liveList(all, shown, 150, copies);
      index = extendTimeIndex(index, packets);
      expect(index.packets).toBe(packets);
      windowsAgree(index, packets, rnd);
      // The 150 in flight (more than 0.1 % of the list) are long, and nothing else but the few slow ones:
      // the binary search still does the work.
      expect(index.spanCapMs).toBeGreaterThanOrEqual(10);
      expect(index.long.length).toBeLessThan(150 + longestAllowed(shown));
    }
  });

  it('keeps packets in flight out of the cap, in a fresh build too', () => {
    const all = bigLadder(5_000).map((p) => ({ ...p, endMs: p.startMs + 10 }));
    // 2 % in flight: counted in, the 99.9th-percentile span would be Infinity.
    const live = all.map((p, i) => (i % 50 === 0 ? { ...p, endMs: Infinity } : p));
    const index = buildTimeIndex(live);
    expect(index.spanCapMs).toBe(10);
    expect(index.long.length).toBe(100);
    windowsAgree(index, live, lcg(12));
  });

  it('keeps the old cap: a few new packets longer than it join `long` instead of a recomputed cap', () => {
    const even = bigLadder(4_010).map((p) => ({ ...p, endMs: p.startMs + 10 }));
    const prev = buildTimeIndex(even.slice(0, 4_000));
    expect(prev.spanCapMs).toBe(10);
    // Ten new 20 ms arrows: a fresh build's 99.9th-percentile cap becomes 20; the extension keeps 10.
    const next = [...even.slice(0, 4_000), ...even.slice(4_000).map((p) => ({ ...p, endMs: p.startMs + 20 }))];
    expect(buildTimeIndex(next).spanCapMs).toBe(20);
    const ext = extendTimeIndex(prev, next);
    expect(ext.spanCapMs).toBe(10);
    expect(Array.from(ext.long)).toEqual([4_000, 4_001, 4_002, 4_003, 4_004, 4_005, 4_006, 4_007, 4_008, 4_009]);
    windowsAgree(ext, next, lcg(6));
  });

  it('copies only the packets that changed: the shared front stays, the new tail is read', () => {
    const all = bigLadder(5_000);
    const first = all.slice(0, 4_000);
    const prev = buildTimeIndex(first);
    const longOne = { ...all[4_000]!, endMs: all[4_000]!.startMs + 1e6 }; // far longer than the cap
    const next = [...first, longOne, ...all.slice(4_001)];
    const ext = extendTimeIndex(prev, next);
    expect(ext.spanCapMs).toBe(prev.spanCapMs);
    expect(Array.from(ext.startMs.subarray(0, 4_000))).toEqual(Array.from(prev.startMs));
    expect(Array.from(ext.long)).toContain(4_000);
    expect(Array.from(ext.long.filter((i) => i < 4_000))).toEqual(Array.from(prev.long));
    windowsAgree(ext, next, lcg(9));
  });

  it('builds afresh when too many new packets are long, or when little of the old list is left', () => {
    const all = bigLadder(4_000);
    const prev = buildTimeIndex(all.slice(0, 3_000));
    // 200 new packets, every one longer than the cap: more than an extension may keep in `long`.
    const slow = [...all.slice(0, 3_000), ...all.slice(3_000, 3_200).map((p) => ({ ...p, endMs: p.startMs + 50_000 }))];
    const rebuilt = extendTimeIndex(prev, slow);
    expect(rebuilt.long.length).toBeLessThanOrEqual(Math.max(16, Math.ceil(0.002 * slow.length)));
    expect(rebuilt.spanCapMs).toBe(buildTimeIndex(slow).spanCapMs);
    windowsAgree(rebuilt, slow, lcg(3));
    // A different list (a seek back to the start): a fresh index, not one padded from the old.
    const other = bigLadder(2_000).map((p) => ({ ...p, startMs: p.startMs + 1 }));
    expect(extendTimeIndex(prev, other).spanCapMs).toBe(buildTimeIndex(other).spanCapMs);
    windowsAgree(extendTimeIndex(prev, other), other, lcg(4));
  });

  it('answers correctly when an early packet changes (a packet held at the router released late)', () => {
    const all = bigLadder(3_000);
    const prev = buildTimeIndex(all);
    const edited = all.map((p, i) => (i === 2_400 ? { ...p, endMs: p.startMs + 90_000 } : p));
    const ext = extendTimeIndex(prev, edited);
    windowsAgree(ext, edited, lcg(8));
    expect(visiblePackets(ext, all[2_400]!.startMs + 80_000, all[2_400]!.startMs + 80_001)).toContain(2_400);
    // The same list again (a new array, the same packets): the index is reused as it is.
    expect(extendTimeIndex(ext, [...edited]).startMs).toBe(ext.startMs);
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
